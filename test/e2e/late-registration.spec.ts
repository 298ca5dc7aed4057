import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ukToday } from '../../apps/api/src/common/dates';
import { TimersService } from '../../apps/api/src/timers/timers.service';
import { startTestApi, type TestApi } from '../support/api';
import { approverToken, CREATE_CASE, sendEvent, sendLetterOn } from '../support/cases';
import { EXAMPLE_REQUEST, EXAMPLE_RESPONSE } from '../support/example-letter';

const CASE = `query($id: ID!) {
  case(id: $id) { stage step status catchingUp version state history { type effectiveOn actorLabel } }
}`;

interface CaseView {
  stage: string;
  step: string;
  status: string;
  catchingUp: boolean;
  version: number;
  state: { context: { record: Record<string, unknown> } };
  history: { type: string; effectiveOn: string; actorLabel: string }[];
}

describe('registering a request received weeks ago', () => {
  let api: TestApi;
  let officer: string;
  const fire = () => api.app.get(TimersService).fireDue(ukToday());
  const view = async (id: string) =>
    (await api.graphql<{ case: CaseView }>(CASE, { id }, officer)).data?.case as CaseView;
  const register = async (input: Record<string, unknown>) =>
    api.graphql<{ createCase: { id: string } }>(
      CREATE_CASE,
      {
        input: {
          workflowId: 'foi',
          receivedOn: '2026-01-14',
          channel: 'email',
          subject: 'CCTV cameras and facial recognition',
          requestText: EXAMPLE_REQUEST,
          requester: { name: 'Sam Requester', email: 'sam@example.net' },
          ...input,
        },
      },
      officer,
    );
  beforeAll(async () => {
    api = await startTestApi('late-registration');
    officer = await api.signIn(['officer']);
  });
  afterAll(() => api?.close());

  it('without catching up, the overdue timer wins the race and nothing earlier can be recorded', async () => {
    const created = (await register({})).data?.createCase.id as string;
    expect(await fire()).toBeGreaterThanOrEqual(1);
    const raced = await sendEvent(api, officer, {
      caseId: created,
      type: 'START_RESPONSE',
      effectiveOn: '2026-01-16',
    });
    expect(raced.errors?.[0]?.extensions?.code).toBe('VALIDATION_FAILED');
  });

  it('catching up holds the timers while the officer records what happened in date order; timeliness follows the effective dates', async () => {
    const created = (await register({ catchingUp: true })).data?.createCase.id as string;
    expect((await view(created)).catchingUp).toBe(true);
    // The overdue date (12 Feb 2026) is long past, but the case is catching up: its timer waits.
    await fire();
    expect((await view(created)).history.map((e) => e.type)).toEqual(['CASE_CREATED']);

    await sendEvent(api, officer, { caseId: created, type: 'START_RESPONSE', effectiveOn: '2026-01-16' });
    await sendEvent(api, officer, {
      caseId: created,
      type: 'SUBMIT_FOR_APPROVAL',
      effectiveOn: '2026-01-16',
      payload: EXAMPLE_RESPONSE,
    });
    await fire();
    const approved = await sendEvent(api, await approverToken(api), {
      caseId: created,
      type: 'APPROVE_RESPONSE',
      effectiveOn: '2026-01-16',
    });
    expect(approved.errors).toBeUndefined();
    await sendLetterOn(api, officer, created, 'response', '2026-01-16', 'post');
    const sent = await view(created);
    expect(sent.stage).toBe('review-window');
    expect(sent.state.context.record.timeliness).toBe('in-time');
    expect(sent.state.context.record.overdue).toBeUndefined();

    const finished = await api.graphql<{ finishCatchingUp: { catchingUp: boolean } }>(
      'mutation($id: ID!) { finishCatchingUp(caseId: $id) { catchingUp } }',
      { id: created },
      officer,
    );
    expect(finished.data?.finishCatchingUp.catchingUp).toBe(false);
    const again = await api.graphql(
      'mutation($id: ID!) { finishCatchingUp(caseId: $id) { catchingUp } }',
      { id: created },
      officer,
    );
    expect(again.errors?.[0]?.extensions?.code).toBe('VALIDATION_FAILED');
    const after = await view(created);
    expect(after.history.map((e) => [e.type, e.effectiveOn])).toEqual([
      ['CASE_CREATED', '2026-01-14'],
      ['START_RESPONSE', '2026-01-16'],
      ['SUBMIT_FOR_APPROVAL', '2026-01-16'],
      ['APPROVE_RESPONSE', '2026-01-16'],
      ['LETTER_SENT', '2026-01-16'],
      ['RESPONSE_SENT', '2026-01-16'],
      ['CASE_CAUGHT_UP', ukToday()],
    ]);
    // Its review window (closing 14 Mar 2026) ran out while it was caught up: now the timer fires.
    await fire();
    expect((await view(created)).status).toBe('closed');
  });

  it('a case caught up before its response: overdue is marked once caught up, dated after the last recorded event', async () => {
    const created = (await register({ catchingUp: true })).data?.createCase.id as string;
    await sendEvent(api, officer, { caseId: created, type: 'START_RESPONSE', effectiveOn: '2026-01-20' });
    await fire();
    expect((await view(created)).state.context.record.overdue).toBeUndefined();
    await api.graphql(
      'mutation($id: ID!) { finishCatchingUp(caseId: $id) { id } }',
      { id: created },
      officer,
    );
    await fire();
    const after = await view(created);
    expect(after.state.context.record.overdue).toBe(true);
    expect(after.history.at(-1)).toMatchObject({ type: 'MARK_OVERDUE', effectiveOn: '2026-02-12' });
  });

  it('refuses a request without a name or an address for correspondence (FOIA s.8), and registers nothing', async () => {
    const before = await api.dataSource.query(`SELECT count(*)::int AS n FROM "case"`);
    const nameless = await register({ requester: { email: 'sam@example.net' } });
    expect(nameless.errors?.[0]?.extensions).toMatchObject({
      code: 'VALIDATION_FAILED',
      fields: [{ field: 'requester.name', message: "A valid request gives the requester's name." }],
    });
    const nowhere = await register({ requester: { name: 'Sam Requester' } });
    expect(nowhere.errors?.[0]?.extensions).toMatchObject({
      code: 'VALIDATION_FAILED',
      fields: [{ field: 'requester' }],
    });
    const none = await register({ requester: null });
    expect(none.errors?.[0]?.extensions?.code).toBe('VALIDATION_FAILED');
    const after = await api.dataSource.query(`SELECT count(*)::int AS n FROM "case"`);
    expect(after).toEqual(before);
  });

  it("puts the requester's address at the head of a postal request's letters", async () => {
    const created = (
      await register({
        channel: 'post',
        requester: { name: 'Ailsa Campbell', address: '12 High Street, Perth, PH1 5AA' },
      })
    ).data?.createCase.id as string;
    const preview = await api.graphql<{ previewLetter: string }>(
      'query($id: ID!) { previewLetter(caseId: $id, kind: "acknowledgement", dated: "2026-01-14") }',
      { id: created },
      officer,
    );
    expect(preview.data?.previewLetter.split('\n').slice(0, 7)).toEqual([
      '14 January 2026',
      '',
      'Ailsa Campbell',
      '12 High Street',
      'Perth',
      'PH1 5AA',
      'Our ref: ' + preview.data?.previewLetter.split('Our ref: ')[1]?.split('\n')[0],
    ]);
  });
});
