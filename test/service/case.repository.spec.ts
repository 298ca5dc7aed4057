import { GENESIS_HASH } from '@recordflow/workflow';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Actor } from '../../apps/api/src/auth/current-user';
import { CaseRepository } from '../../apps/api/src/cases/case.repository';
import { actorOf, CasesService } from '../../apps/api/src/cases/cases.service';
import { ukToday } from '../../apps/api/src/common/dates';
import { type ServiceContext, startServiceContext } from '../support/service-context';
import { aCase, aUser } from './builders';

describe('the case repository', () => {
  let context: ServiceContext;
  let repository: CaseRepository;
  let officer: Actor;
  beforeAll(async () => {
    context = await startServiceContext('case_repository');
    repository = context.get(CaseRepository);
    officer = await aUser(context);
  });
  afterAll(() => context?.close());

  const eventsOf = async (caseId: string) =>
    (await context.dataSource.query(
      'SELECT sequence, type FROM case_event WHERE case_id = $1 ORDER BY sequence',
      [caseId],
    )) as { sequence: number; type: string }[];

  it('reads a case for a transition with its last hash, the holidays and an earlier event under a key', async () => {
    const created = await aCase(context, officer);
    const sent = await context
      .get(CasesService)
      .send(actorOf(officer), { caseId: created.id, type: 'START_RESPONSE', idempotencyKey: 'start-1' });
    const read = await repository.readForTransition(repository.manager, created.id, {
      lock: false,
      idempotencyKey: 'start-1',
    });
    expect(read.row).toMatchObject({
      id: created.id,
      reference: created.reference,
      version: 2,
      status: 'open',
    });
    expect(read.row.receivedOn).toBe(created.receivedOn);
    expect(read.prevHash).toBe(sent.event.hash);
    expect(read.earlierEventId).toBe(sent.event.id);
    expect(read.calendar.asOf).toBeNull();
    const unkeyed = await repository.readForTransition(repository.manager, created.id, { lock: false });
    expect(unkeyed.earlierEventId).toBeNull();
  });

  it('answers NOT_FOUND for an unknown or malformed case id', async () => {
    for (const id of ['00000000-0000-0000-0000-000000000000', 'not-a-case']) {
      await expect(
        repository.readForTransition(repository.manager, id, { lock: false }),
      ).rejects.toMatchObject({
        code: 'NOT_FOUND',
      });
    }
  });

  it('appends only at the version it read: a second write on the same read misses and writes nothing', async () => {
    const created = await aCase(context, officer);
    const first = await repository.readForTransition(repository.manager, created.id, { lock: false });
    const second = await repository.readForTransition(repository.manager, created.id, { lock: false });
    const event = (read: typeof first, type: string) => {
      read.row.version += 1;
      return repository.append(repository.manager, read.row, {
        type,
        payload: { note: type },
        effectiveOn: ukToday(),
        actor: { id: officer.id, label: officer.name },
        calendar: read.calendar,
        recordedAt: new Date(),
        stage: read.row.stage,
        prevHash: read.prevHash,
        cancel: [],
        arm: [],
        commitsItself: true,
      });
    };
    const written = await event(first, 'NOTE_ONE');
    expect(written).toMatchObject({ sequence: 2, type: 'NOTE_ONE', prevHash: first.prevHash });
    expect(await event(second, 'NOTE_TWO')).toBeNull();
    expect(await eventsOf(created.id)).toEqual([
      { sequence: 1, type: 'CASE_CREATED' },
      { sequence: 2, type: 'NOTE_ONE' },
    ]);
    const [row] = await context.dataSource.query('SELECT version FROM "case" WHERE id = $1', [created.id]);
    expect(row.version).toBe(2);
  });

  it('chains the first event on the genesis hash', async () => {
    const created = await aCase(context, officer);
    const [event] = await context.dataSource.query(
      'SELECT prev_hash FROM case_event WHERE case_id = $1 AND sequence = 1',
      [created.id],
    );
    expect(event.prev_hash).toBe(GENESIS_HASH);
  });

  it('numbers references per regime and year of receipt, without gaps', async () => {
    const reference = async (workflowId: string, receivedOn: string) =>
      (await aCase(context, officer, { workflowId, receivedOn })).reference;
    expect([
      await reference('eir', '2025-03-01'),
      await reference('eir', '2025-12-31'),
      await reference('eir', '2026-01-02'),
      await reference('sar', '2025-03-01'),
    ]).toEqual(['EIR-2025-000001', 'EIR-2025-000002', 'EIR-2026-000001', 'SAR-2025-000001']);
    // Registered at once, each takes the next number: none twice, none missed.
    const together = await Promise.all(Array.from({ length: 8 }, () => reference('eir', '2025-06-01')));
    expect(together.sort()).toEqual(
      Array.from({ length: 8 }, (_, i) => `EIR-2025-${String(i + 3).padStart(6, '0')}`),
    );
  });

  it('reads the run-time holidays into the calendar, the newest as of', async () => {
    await context.dataSource.query(
      `INSERT INTO holiday (date, title, divisions) VALUES ('2031-06-02', 'A proclaimed day', '{england-and-wales}')`,
    );
    const calendar = await repository.calendar();
    expect(calendar.options.extraHolidays).toEqual([
      { date: '2031-06-02', title: 'A proclaimed day', divisions: ['england-and-wales'] },
    ]);
    expect(calendar.asOf).toBeInstanceOf(Date);
    const created = await aCase(context, officer);
    const read = await repository.readForTransition(repository.manager, created.id, { lock: false });
    expect(read.calendar.options).toBe(calendar.options);
  });

  it('finds requesters by id, a page at a time', async () => {
    const one = await aCase(context, officer, {
      requester: { name: 'First Requester', email: 'first@example.net' },
    });
    const two = await aCase(context, officer, {
      requester: { name: 'Second Requester', email: 'second@example.net' },
    });
    const found = await repository.requesters([one.requesterId as string, two.requesterId as string]);
    expect(found.map((r) => r.name).sort()).toEqual(['First Requester', 'Second Requester']);
  });
});
