import { describe, expect, it } from 'vitest';
import {
  allowedEvents,
  type CaseSnapshot,
  describeState,
  initialSnapshot,
  recomputeDeadlines,
  step,
  WorkflowError,
} from './index';
import { builtIn } from './test-support/built-ins';

const foi = builtIn('foi');
// What the engine does between steps: store the snapshot as JSON and read it back.
const stored = (snapshot: CaseSnapshot): CaseSnapshot => JSON.parse(JSON.stringify(snapshot));

function journey(start = '2026-01-14') {
  let snapshot = initialSnapshot(foi, { receivedOn: start }).snapshot;
  const send = (
    type: string,
    at: string,
    payload: Record<string, unknown> = {},
    who: { roles?: string[]; actor?: string | null } = {},
  ) => {
    const result = step(foi, stored(snapshot), { type, at, payload }, at, {
      roles: who.roles ?? ['officer'],
      actor: who.actor ?? 'drafter-id',
    });
    snapshot = result.snapshot;
    return result;
  };
  return { send, now: () => snapshot };
}

const due = (snapshot: CaseSnapshot) =>
  Object.fromEntries(Object.entries(snapshot.context.deadlines).map(([name, d]) => [name, d.due]));

describe('the example response letter through foi.json', () => {
  it('received Wed 14 Jan 2026, answered Fri 16 Jan, reviewed and upheld, then an ICO complaint and decision notice', () => {
    const { send, now } = journey();
    expect(describeState(foi, now())).toMatchObject({ stage: 'received', step: 'assessing' });
    expect(due(now())).toEqual({ response: '2026-02-11' });

    send('START_RESPONSE', '2026-01-16');
    send('SUBMIT_FOR_APPROVAL', '2026-01-16', {
      outcome: 'granted-in-full',
      answers: [
        {
          question: 'The request',
          answer:
            'The council does not operate any Chinese manufactured cameras. It does not use facial recognition.',
        },
      ],
      held: true,
    });
    expect(describeState(foi, now())).toMatchObject({ stage: 'response', step: 'approval' });
    const approved = send(
      'APPROVE_RESPONSE',
      '2026-01-16',
      {},
      { roles: ['approver'], actor: 'approver-id' },
    );
    expect(approved.effects).toContainEqual({ type: 'letter.queue', template: 'response' });
    expect(describeState(foi, now())).toMatchObject({ stage: 'response', step: 'approved' });
    // The clock runs until the letter goes out.
    expect(due(now())).toEqual({ response: '2026-02-11' });
    const sent = send(
      'RESPONSE_SENT',
      '2026-01-16',
      { letter: 'response', channel: 'email' },
      { roles: ['system'], actor: 'drafter-id' },
    );
    expect(describeState(foi, now())).toMatchObject({ stage: 'review-window', step: 'waiting' });
    expect(now().context.record).toMatchObject({
      outcome: 'granted-in-full',
      timeliness: 'in-time',
      held: true,
    });
    // 40 working days after 16 Jan 2026 under FOIA (no bank holiday in the window).
    expect(due(now())).toEqual({ reviewRequestBy: '2026-03-13' });
    expect(sent.effects).toContainEqual({ type: 'timer.cancel', name: 'overdue' });
    expect(sent.effects).toContainEqual({
      type: 'timer.set',
      name: 'reviewWindow',
      fireOn: '2026-03-14',
      event: 'REVIEW_WINDOW_CLOSED',
    });

    send('REQUEST_INTERNAL_REVIEW', '2026-02-16', { reviewGrounds: 'The figures are incomplete.' });
    expect(describeState(foi, now())).toMatchObject({ stage: 'internal-review', step: 'reviewing' });
    expect(due(now())).toEqual({ reviewDue: '2026-03-16' });

    send('REVIEW_DECIDED', '2026-03-10', {
      reviewOutcome: 'upheld',
      reviewReasons: 'The response was complete.',
    });
    expect(describeState(foi, now())).toMatchObject({ stage: 'regulator-window' });
    expect(due(now())).toEqual({ complaintBy: '2026-04-21' });

    send('REGULATOR_COMPLAINT_RECEIVED', '2026-03-20', { regulatorReference: 'IC-400123-A1B2' });
    expect(describeState(foi, now())).toMatchObject({ stage: 'regulator', step: 'investigating' });
    send('DECISION_NOTICE_ISSUED', '2026-07-01', {
      decisionNoticeReference: 'IC-400123-A1B2',
      decision: 'complaint-not-upheld',
    });
    expect(describeState(foi, now())).toMatchObject({ stage: 'compliance' });
    // A decision notice that does not uphold the complaint requires no steps: only the 28-day appeal window.
    expect(due(now())).toEqual({ appealBy: '2026-07-29' });
    expect(() => send('COMPLIED', '2026-07-10', { stepsTaken: 'None.' })).toThrow(/not allowed/);

    const closed = send('CLOSE_CASE', '2026-07-10');
    expect(describeState(foi, now())).toMatchObject({ stage: 'closed', final: true });
    expect(now().status).toBe('done');
    expect(closed.effects).toContainEqual({ type: 'case.closed', outcome: 'granted-in-full' });
  });

  it('clarification stops the clock and a clarification received restarts it (worked example 4)', () => {
    const { send, now } = journey();
    send('REQUEST_CLARIFICATION', '2026-01-19', { clarificationQuestion: 'Which years?' });
    expect(describeState(foi, now()).stage).toBe('clarification');
    expect(due(now())).toEqual({});
    expect(now().context.timers.clarificationLapse?.fireOn).toBe('2026-04-20');
    send('CLARIFICATION_RECEIVED', '2026-02-03', { clarification: '2024 and 2025.' });
    expect(describeState(foi, now()).stage).toBe('received');
    expect(due(now())).toEqual({ response: '2026-03-03' });
  });

  it('a fees notice pauses the clock until payment, both days disregarded (worked example 4)', () => {
    const { send, now } = journey();
    send('ISSUE_FEES_NOTICE', '2026-01-21', {
      feeAmount: 12.5,
      feeBreakdown: 'Photocopying 250 pages at 5p.',
    });
    expect(due(now())).toEqual({ response: null });
    send('FEE_PAID', '2026-02-02');
    expect(describeState(foi, now()).stage).toBe('response');
    expect(due(now())).toEqual({ response: '2026-02-24' });
  });

  it('the public-interest extension gives 40 working days in total (worked example 1)', () => {
    const { send, now } = journey();
    send('START_RESPONSE', '2026-01-20');
    send('EXTEND_FOR_PUBLIC_INTEREST', '2026-02-05', {
      exemptions: ['s.43(2)'],
      extensionReason: 'Commercial interests to weigh.',
    });
    expect(describeState(foi, now()).stage).toBe('public-interest');
    expect(due(now())).toEqual({ response: '2026-03-11' });
  });

  it('an unanswered clarification lapses when the system sends LAPSE, and the case closes as lapsed', () => {
    const { now } = journey();
    let snapshot = step(
      foi,
      stored(now()),
      { type: 'REQUEST_CLARIFICATION', payload: { clarificationQuestion: 'Which?' } },
      '2026-01-19',
    ).snapshot;
    expect(() =>
      step(foi, stored(snapshot), { type: 'LAPSE' }, '2026-04-20', { roles: ['officer'] }),
    ).toThrow(expect.objectContaining({ code: 'FORBIDDEN' }));
    const lapsed = step(foi, stored(snapshot), { type: 'LAPSE' }, '2026-04-20', { roles: ['system'] });
    snapshot = lapsed.snapshot;
    expect(snapshot.status).toBe('done');
    expect(snapshot.context.record.outcome).toBe('lapsed');
    expect(lapsed.effects).toContainEqual({ type: 'letter.queue', template: 'lapse-notice' });
  });
});

describe('step refuses', () => {
  const start = () => initialSnapshot(foi, { receivedOn: '2026-01-14' }).snapshot;

  it('an event the stage does not allow, listing the allowed ones', () => {
    try {
      step(foi, start(), { type: 'APPROVE_RESPONSE' }, '2026-01-15');
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(WorkflowError);
      expect(error).toMatchObject({
        code: 'EVENT_NOT_ALLOWED',
        allowed: [
          'START_RESPONSE',
          'REQUEST_CLARIFICATION',
          'ISSUE_FEES_NOTICE',
          'EXCEEDS_COST_LIMIT',
          'WITHDRAW',
          'REQUEST_INTERNAL_REVIEW',
          'REGULATOR_COMPLAINT_RECEIVED',
        ],
        message:
          '"APPROVE_RESPONSE" is not allowed: the case is at Received (Assessing). Allowed now: START_RESPONSE, REQUEST_CLARIFICATION, ISSUE_FEES_NOTICE, EXCEEDS_COST_LIMIT, WITHDRAW, REQUEST_INTERNAL_REVIEW, REGULATOR_COMPLAINT_RECEIVED.',
      });
    }
  });

  it('inputs that do not fit, naming each field', () => {
    expect(() =>
      step(
        foi,
        start(),
        { type: 'ISSUE_FEES_NOTICE', payload: { feeAmount: 'ten pounds', colour: 'red' } },
        '2026-01-15',
      ),
    ).toThrow(
      expect.objectContaining({
        code: 'VALIDATION_FAILED',
        fields: expect.arrayContaining([
          { field: 'feeAmount', message: expect.stringMatching(/number/) },
          { field: 'feeBreakdown', message: 'How the fee is made up is required' },
          { field: 'colour', message: expect.stringMatching(/not an input of this event/) },
        ]),
      }),
    );
  });

  it('exemptions outside s.21–s.44', () => {
    let snapshot = step(foi, start(), { type: 'START_RESPONSE' }, '2026-01-15').snapshot;
    expect(() =>
      step(
        foi,
        snapshot,
        { type: 'EXTEND_FOR_PUBLIC_INTEREST', payload: { exemptions: ['s.99'], extensionReason: 'x' } },
        '2026-01-16',
      ),
    ).toThrow(
      expect.objectContaining({
        code: 'VALIDATION_FAILED',
        fields: [expect.objectContaining({ field: 'exemptions.0' })],
      }),
    );
    snapshot = step(
      foi,
      snapshot,
      {
        type: 'EXTEND_FOR_PUBLIC_INTEREST',
        payload: { exemptions: ['s.43(2)', 's.31(1)(a)'], extensionReason: 'x' },
      },
      '2026-01-16',
    ).snapshot;
    expect(snapshot.context.record.exemptions).toEqual(['s.43(2)', 's.31(1)(a)']);
  });

  it('an extension after day 20 (its guard), and an event dated before the last one', () => {
    const snapshot = step(foi, start(), { type: 'START_RESPONSE' }, '2026-01-15').snapshot;
    expect(() =>
      step(
        foi,
        snapshot,
        { type: 'EXTEND_FOR_PUBLIC_INTEREST', payload: { exemptions: ['s.43(2)'], extensionReason: 'x' } },
        '2026-02-12',
      ),
    ).toThrow(/not allowed now: it must be done on or before 2026-02-11 \(Response due \(FOIA s.10\(1\)\)\)/);
    expect(() => step(foi, snapshot, { type: 'WITHDRAW' }, '2026-01-14')).toThrow(
      /before the case's last event/,
    );
  });

  it('offers officers only the events they may send, with input schemas', () => {
    const events = allowedEvents(foi, start(), ['officer']);
    const fees = events.find((e) => e.type === 'ISSUE_FEES_NOTICE');
    expect(fees?.inputSchema).toMatchObject({
      type: 'object',
      required: ['feeAmount', 'feeBreakdown'],
      properties: { feeAmount: { type: 'number', title: 'Fee (£)' } },
    });
    expect(events.map((e) => e.type)).not.toContain('MARK_OVERDUE');
  });
});

describe('determinism and recomputation', () => {
  it('gives the same snapshot for the same events, every time', () => {
    const run = () => {
      const { send, now } = journey();
      send('START_RESPONSE', '2026-01-16');
      return JSON.stringify(now());
    };
    expect(run()).toBe(run());
  });

  it('moves deadlines when a holiday is proclaimed, and says which', () => {
    const snapshot = initialSnapshot(foi, { receivedOn: '2026-01-14' }).snapshot;
    const result = recomputeDeadlines(foi, snapshot, {
      extraHolidays: [{ date: '2026-02-02', title: 'Proclaimed holiday', divisions: ['england-and-wales'] }],
    });
    expect(result.changes).toEqual([
      { name: 'response', label: 'Response due (FOIA s.10(1))', from: '2026-02-11', to: '2026-02-12' },
    ]);
    expect(result.effects).toContainEqual({
      type: 'timer.set',
      name: 'overdue',
      fireOn: '2026-02-13',
      event: 'MARK_OVERDUE',
    });
  });
});
