import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Actor } from '../../apps/api/src/auth/current-user';
import { actorOf, CasesService } from '../../apps/api/src/cases/cases.service';
import { AuditService } from '../../apps/api/src/history/audit.service';
import { type ServiceContext, startServiceContext } from '../support/service-context';
import { aCase, aUser, daysAgo } from './builders';

describe('audit verification', () => {
  let context: ServiceContext;
  let audit: AuditService;
  let officer: Actor;
  beforeAll(async () => {
    context = await startServiceContext('audit_service');
    audit = context.get(AuditService);
    officer = await aUser(context);
  });
  afterAll(() => context?.close());

  /** A case moved through a few events, the last a response sent. */
  async function aMovedCase() {
    const cases = context.get(CasesService);
    const created = await aCase(context, officer, { receivedOn: daysAgo(3) });
    const by = actorOf(officer);
    await cases.send(by, { caseId: created.id, type: 'START_RESPONSE' });
    await cases.send(by, {
      caseId: created.id,
      type: 'SUBMIT_FOR_APPROVAL',
      payload: {
        outcome: 'granted-in-full',
        answers: [{ question: 'The request', answer: 'The answers.' }],
        held: true,
      },
    });
    await cases.assign(officer, { caseId: created.id, assigneeId: officer.id });
    return created;
  }

  it('verifies an untouched history: every event chained and the replay equal to the stored case', async () => {
    const created = await aMovedCase();
    expect(await audit.verify(created.id)).toMatchObject({
      ok: true,
      eventsChecked: 4,
      firstBadSequence: null,
    });
  });

  it('names a snapshot edited behind the engine’s back, and verifyAll lists the case', async () => {
    const created = await aMovedCase();
    await context.dataSource.query(
      `UPDATE "case" SET snapshot = jsonb_set(snapshot, '{context,deadlines,response,due}', '"2099-01-01"') WHERE id = $1`,
      [created.id],
    );
    const result = await audit.verify(created.id);
    expect(result.ok).toBe(false);
    expect(result.reason).toMatch(/snapshot/i);
    const all = await audit.verifyAll();
    expect(all.failures.map((f) => f.reference)).toEqual([created.reference]);
    expect(all.casesChecked).toBeGreaterThanOrEqual(2);
  });

  it('answers NOT_FOUND for a case that does not exist', async () => {
    await expect(audit.verify('00000000-0000-0000-0000-000000000000')).rejects.toMatchObject({
      code: 'NOT_FOUND',
    });
  });
});
