import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApi, type TestApi } from '../support/api';
import { createCase } from '../support/cases';

const REMOVE = `mutation($input: RemoveHolidayInput!) {
  removeHoliday(input: $input) { casesRecomputed changes { date title divisions removed } }
}`;
const MOVE = `mutation($input: MoveHolidayInput!) {
  moveHoliday(input: $input) { casesRecomputed changes { date title divisions removed } }
}`;
const PREVIEW = `query($changes: [HolidayChangeInput!]!) {
  holidayChangePreview(changes: $changes) { caseId reference changes { name from to } }
}`;
const HOLIDAYS = 'query { holidays { date title divisions removed } }';

describe('run-time holiday changes', () => {
  let api: TestApi;
  let admin: string;
  let officer: string;
  beforeAll(async () => {
    api = await startTestApi('holidays');
    admin = await api.signIn(['admin']);
    officer = await api.signIn(['officer']);
  });
  afterAll(() => api?.close());

  const caseOf = async (id: string) =>
    (
      await api.graphql<{ case: { dueDate: string; history: { type: string; payload: unknown }[] } }>(
        'query($id: ID!) { case(id: $id) { dueDate history { type payload } } }',
        { id },
        officer,
      )
    ).data?.case;

  it('remove a bank holiday after a preview of the cases it moves, each move an event', async () => {
    // Received 14 Apr 2026: 20 working days pass over the Early May bank holiday (Mon 4 May 2026).
    const foi = await createCase(api, officer, { workflowId: 'foi', receivedOn: '2026-04-14' });
    expect(foi.dueDate).toBe('2026-05-13');
    const removal = {
      date: '2026-05-04',
      title: 'moved to 8 May by proclamation',
      divisions: ['england-and-wales', 'scotland', 'northern-ireland'],
      removed: true,
    };
    const preview = await api.graphql<{
      holidayChangePreview: { caseId: string; changes: { from: string; to: string }[] }[];
    }>(PREVIEW, { changes: [removal] }, admin);
    expect(preview.errors).toBeUndefined();
    expect(preview.data?.holidayChangePreview).toContainEqual({
      caseId: foi.id,
      reference: foi.reference,
      changes: [{ name: 'response', from: '2026-05-13', to: '2026-05-12' }],
    });
    // A preview records nothing.
    expect((await caseOf(foi.id))?.dueDate).toBe('2026-05-13');

    const removed = await api.graphql<{ removeHoliday: { casesRecomputed: number; changes: unknown[] } }>(
      REMOVE,
      { input: { date: removal.date, divisions: removal.divisions, reason: removal.title } },
      admin,
    );
    expect(removed.errors).toBeUndefined();
    expect(removed.data?.removeHoliday).toEqual({
      casesRecomputed: 1,
      changes: [{ date: '2026-05-04', title: removal.title, divisions: removal.divisions, removed: true }],
    });
    const after = await caseOf(foi.id);
    expect(after?.dueDate).toBe('2026-05-12');
    expect(after?.history.at(-1)).toMatchObject({
      type: 'DEADLINES_RECOMPUTED',
      payload: { changes: [expect.objectContaining({ from: '2026-05-13', to: '2026-05-12' })] },
    });
    expect((await api.graphql<{ holidays: unknown[] }>(HOLIDAYS, {}, officer)).data?.holidays).toContainEqual(
      {
        date: '2026-05-04',
        title: removal.title,
        divisions: removal.divisions,
        removed: true,
      },
    );
    const verified = await api.graphql<{ verifyCaseHistory: { ok: boolean } }>(
      'query($id: ID!) { verifyCaseHistory(caseId: $id) { ok } }',
      { id: foi.id },
      await api.signIn(['auditor']),
    );
    expect(verified.data?.verifyCaseHistory.ok).toBe(true);
  });

  it('move a bank holiday in one step: the old date a working day again, the new one a holiday', async () => {
    // The Spring bank holiday, Mon 25 May 2026, moved to Fri 29 May: a case due between them is not moved,
    // one counting over both is.
    const foi = await createCase(api, officer, { workflowId: 'foi', receivedOn: '2026-05-01' });
    // 4 May is a working day again (above): day 20 is Mon 1 June.
    expect(foi.dueDate).toBe('2026-06-01');
    const moved = await api.graphql<{ moveHoliday: { casesRecomputed: number; changes: unknown[] } }>(
      MOVE,
      {
        input: {
          from: '2026-05-25',
          to: '2026-05-29',
          title: 'Spring bank holiday',
          divisions: ['england-and-wales'],
        },
      },
      admin,
    );
    expect(moved.errors).toBeUndefined();
    expect(moved.data?.moveHoliday.changes).toEqual([
      {
        date: '2026-05-25',
        title: 'Spring bank holiday moved to Fri 29 May 2026 by proclamation',
        divisions: ['england-and-wales'],
        removed: true,
      },
      {
        date: '2026-05-29',
        title: 'Spring bank holiday (moved from Mon 25 May 2026)',
        divisions: ['england-and-wales'],
        removed: false,
      },
    ]);
    // 25 May is still a holiday in Scotland and Northern Ireland, so FOI (any UK holiday) still skips it,
    // and now skips 29 May as well: one working day later.
    const after = await caseOf(foi.id);
    expect(after?.dueDate).toBe('2026-06-02');
    expect(after?.history.at(-1)).toMatchObject({
      type: 'DEADLINES_RECOMPUTED',
      payload: { changes: [expect.objectContaining({ from: '2026-06-01', to: '2026-06-02' })] },
    });
  });

  it('refuse a date that is no holiday, Christmas Day, a bad nation or a malformed date, and change nothing', async () => {
    const holidays = await api.graphql(HOLIDAYS, {}, admin);
    const foi = await createCase(api, officer, { workflowId: 'foi', receivedOn: '2026-12-01' });
    const history = (await caseOf(foi.id))?.history.length;
    const bad = [
      { date: '2026-06-10', divisions: ['england-and-wales'], reason: 'not a holiday' },
      { date: '2026-12-25', divisions: ['england-and-wales'], reason: 'no Christmas' },
      { date: '2026-08-31', divisions: ['wales'], reason: 'bad nation' },
      { date: '31/08/2026', divisions: ['england-and-wales'], reason: 'malformed' },
      { date: '2026-08-31', divisions: ['england-and-wales'], reason: '  ' },
    ];
    const messages: string[] = [];
    for (const input of bad) {
      const result = await api.graphql(REMOVE, { input }, admin);
      expect(result.errors?.[0]?.extensions?.code, JSON.stringify(input)).toBe('VALIDATION_FAILED');
      messages.push(result.errors?.[0]?.message ?? '');
    }
    expect(messages[0]).toContain('not a bank holiday');
    expect(messages[1]).toContain('Christmas Day');
    expect(messages[2]).toContain('wales');
    expect(messages[3]).toContain('is not a date');
    const move = await api.graphql(
      MOVE,
      { input: { from: '2026-06-10', to: '2026-06-12', title: 'x', divisions: ['scotland'] } },
      admin,
    );
    expect(move.errors?.[0]?.extensions?.code).toBe('VALIDATION_FAILED');
    const preview = await api.graphql(
      PREVIEW,
      { changes: [{ date: '2026-12-25', title: 'no', divisions: ['scotland'], removed: true }] },
      admin,
    );
    expect(preview.errors?.[0]?.extensions?.code).toBe('VALIDATION_FAILED');
    expect(await api.graphql(HOLIDAYS, {}, admin)).toEqual(holidays);
    expect((await caseOf(foi.id))?.history.length).toBe(history);
  });

  it('let only administrators change holidays or preview changes', async () => {
    const removal = { date: '2026-08-31', divisions: ['england-and-wales'], reason: 'r' };
    const refused = await api.graphql(REMOVE, { input: removal }, officer);
    expect(refused.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  });
});
