import { describe, expect, it } from 'vitest';
import { type CaseSnapshot, describeState, initialSnapshot, step } from './index';
import { builtIn } from './test-support/built-ins';

const stored = (snapshot: CaseSnapshot): CaseSnapshot => JSON.parse(JSON.stringify(snapshot));
const due = (snapshot: CaseSnapshot) =>
  Object.fromEntries(Object.entries(snapshot.context.deadlines).map(([name, d]) => [name, d.due]));

function journey(start: string) {
  const eisr = builtIn('eisr');
  let snapshot = initialSnapshot(eisr, { receivedOn: start }).snapshot;
  const send = (type: string, at: string, payload: Record<string, unknown> = {}) => {
    snapshot = step(eisr, stored(snapshot), { type, at, payload }, at, {
      roles: ['officer', 'approver', 'system'],
    }).snapshot;
  };
  return { send, now: () => snapshot, where: () => describeState(eisr, snapshot) };
}

describe('eisr.json: environmental information from a Scottish public authority (EISR 2004)', () => {
  it('counts Scottish working days: received Mon 16 Mar 2026, due Tue 14 Apr (St Patrick’s Day and Easter Monday are working days)', () => {
    const { now } = journey('2026-03-16');
    expect(builtIn('eisr').regime).toBe('eisr');
    expect(due(now())).toEqual({ response: '2026-04-14' });
  });

  it('not held is reg 10(4)(a); a review is required under reg 16 and answered within 20 working days', () => {
    const { send, now, where } = journey('2026-01-14');
    send('START_RESPONSE', '2026-01-15');
    expect(() =>
      send('SUBMIT_FOR_APPROVAL', '2026-01-20', {
        outcome: 'not-held',
        answers: [{ question: 'The request', answer: 'Not held.' }],
        held: false,
      }),
    ).toThrow(/cite reg 10\(4\)\(a\)/);
    send('SUBMIT_FOR_APPROVAL', '2026-01-20', {
      outcome: 'not-held',
      answers: [{ question: 'The request', answer: 'Not held.' }],
      held: false,
      exemptions: ['reg 10(4)(a)'],
      exemptionReasons: 'reg 10(4)(a): no monitoring took place at that site.',
      publicInterestReasons: 'reg 10(4)(a): nothing held, so nothing to weigh.',
    });
    send('APPROVE_RESPONSE', '2026-01-20');
    send('RESPONSE_SENT', '2026-01-20', { letter: 'response', channel: 'email' });
    expect(where().stage).toBe('review-window');
    send('REQUEST_REVIEW', '2026-02-02', { reviewGrounds: 'The site was monitored in 2024.' });
    expect(where()).toMatchObject({ stage: 'internal-review', stageLabel: 'Review (reg 16)' });
    expect(now().context.deadlines.reviewDue).toMatchObject({ due: '2026-03-02', statutory: true });
  });

  it('goes to the Scottish Information Commissioner, whose compliance date follows the Court of Session appeal period', () => {
    const { send, now, where } = journey('2026-01-14');
    send('REGULATOR_COMPLAINT_RECEIVED', '2026-02-20', { regulatorReference: '202600456' });
    expect(where().stageLabel).toBe('Scottish Information Commissioner complaint');
    send('DECISION_NOTICE_ISSUED', '2026-03-02', {
      decisionNoticeReference: 'Decision 002/2026',
      decision: 'complaint-upheld',
    });
    expect(due(now())).toMatchObject({ appealBy: '2026-04-13', complianceDue: '2026-04-13' });
  });
});
