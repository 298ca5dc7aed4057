import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Actor } from '../../apps/api/src/auth/current-user';
import type { Case } from '../../apps/api/src/cases/case.entity';
import { CasesQuery } from '../../apps/api/src/cases/cases.query';
import { CasesService } from '../../apps/api/src/cases/cases.service';
import type { CasesFilter } from '../../apps/api/src/cases/dto/cases-filter.input';
import { ukToday } from '../../apps/api/src/common/dates';
import { type ServiceContext, startServiceContext } from '../support/service-context';
import { aCase, aUser, daysAgo } from './builders';

describe('the case list queries', () => {
  let context: ServiceContext;
  let query: CasesQuery;
  let officer: Actor;
  let colleague: Actor;
  let overdue: Case;
  let soon: Case;
  let later: Case;
  let parking: Case;
  beforeAll(async () => {
    context = await startServiceContext('cases_query');
    query = context.get(CasesQuery);
    officer = await aUser(context);
    colleague = await aUser(context);
    // Received 60 days ago: 20 working days are long gone.
    overdue = await aCase(context, officer, { receivedOn: daysAgo(60), subject: 'Council tax arrears' });
    // Received 26 days ago: due within the next few working days.
    soon = await aCase(context, officer, { receivedOn: daysAgo(26), subject: 'Street lighting repairs' });
    later = await aCase(context, officer, { receivedOn: daysAgo(10), subject: 'Library opening hours' });
    parking = await aCase(context, officer, { subject: 'Parking permits issued in 2025' });
    await context.get(CasesService).assign(officer, { caseId: later.id, assigneeId: colleague.id });
  });
  afterAll(() => context?.close());

  const references = async (filter: CasesFilter, as: Actor = officer) =>
    (await query.page(as, filter, 50, null)).rows.map((row) => row.reference);

  it('lists open cases soonest due first', async () => {
    expect(await references({})).toEqual([
      overdue.reference,
      soon.reference,
      later.reference,
      parking.reference,
    ]);
  });

  it('overdue: only open cases whose deadline has passed', async () => {
    expect(overdue.dueOn && overdue.dueOn < ukToday()).toBe(true);
    expect(await references({ overdue: true })).toEqual([overdue.reference]);
  });

  it('due soon: open cases due within the next working days, not those overdue', async () => {
    const rules = await query.deadlineRules();
    expect(soon.dueOn && soon.dueOn >= rules.today && soon.dueOn <= rules.dueSoonBy.foi).toBe(true);
    expect(later.dueOn && later.dueOn > rules.dueSoonBy.foi).toBe(true);
    expect(await references({ dueSoon: true })).toEqual([soon.reference]);
  });

  it('due before: cases due on or before a date, overdue ones too', async () => {
    const dueBefore = later.dueOn as string;
    expect(await references({ dueBefore })).toEqual([overdue.reference, soon.reference, later.reference]);
  });

  it("mine: only the signed-in officer's cases", async () => {
    expect(await references({ mine: true }, colleague)).toEqual([later.reference]);
    expect(await references({ mine: true }, officer)).toEqual([]);
  });

  it('text: words starting words of the subject or reference, the last one half typed', async () => {
    expect(await references({ text: 'parking perm' })).toEqual([parking.reference]);
    expect(await references({ text: 'permits parking' })).toEqual([parking.reference]);
    expect(await references({ text: 'arking' })).toEqual([]);
    expect(await references({ text: parking.reference })).toEqual([parking.reference]);
    expect(await references({ text: '%' })).toEqual([]);
  });

  it('pages by cursor and counts apart, capped when asked', async () => {
    const first = await query.page(officer, {}, 2, null);
    expect(first.hasNextPage).toBe(true);
    const rest = await query.page(officer, {}, 2, first.cursors.at(-1) ?? null);
    expect(rest.rows.map((r) => r.reference)).toEqual([later.reference, parking.reference]);
    expect(rest.hasNextPage).toBe(false);
    expect(await query.count(officer, {})).toEqual({ value: 4, exact: true });
    expect(await query.count(officer, {}, 2)).toEqual({ value: 2, exact: false });
  });

  it('refuses a cursor it did not give and an unknown status, with stable codes', async () => {
    await expect(query.page(officer, {}, 2, 'not-a-cursor')).rejects.toMatchObject({
      code: 'BAD_USER_INPUT',
    });
    await expect(query.page(officer, { status: 'shredded' }, 2, null)).rejects.toMatchObject({
      code: 'BAD_USER_INPUT',
    });
  });
});
