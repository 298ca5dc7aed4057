import { describe, expect, it } from 'vitest';
import { type CaseSnapshot, describeState, initialSnapshot, step } from './index';
import { builtIn } from './test-support/built-ins';

const sar = builtIn('sar');
const stored = (snapshot: CaseSnapshot): CaseSnapshot => JSON.parse(JSON.stringify(snapshot));
const due = (snapshot: CaseSnapshot) =>
  Object.fromEntries(Object.entries(snapshot.context.deadlines).map(([name, d]) => [name, d.due]));

function journey(start: string) {
  let snapshot = initialSnapshot(sar, { receivedOn: start }).snapshot;
  const send = (type: string, at: string, payload: Record<string, unknown> = {}) => {
    const result = step(sar, stored(snapshot), { type, at, payload }, at, {
      roles: ['officer', 'approver', 'system'],
    });
    snapshot = result.snapshot;
    return result;
  };
  return { send, now: () => snapshot, where: () => describeState(sar, snapshot) };
}

const answer = {
  outcome: 'granted-in-full',
  answers: [
    {
      question: 'The request',
      answer: 'Your housing file, with the purposes, recipients and retention period.',
    },
  ],
  held: true,
};

describe('sar.json: the month runs from proof of identity, authority or fee (UK GDPR Art 12A)', () => {
  it('received Mon 2 Mar 2026, identity asked the same day, proof received Mon 16 Mar: due Thu 16 Apr 2026 (worked example 7)', () => {
    const { send, now, where } = journey('2026-03-02');
    expect(due(now())).toEqual({ response: '2026-04-02' });
    const asked = send('REQUEST_IDENTITY', '2026-03-02', { identityRequested: 'A copy of a utility bill.' });
    expect(where()).toMatchObject({ stage: 'awaiting-identity', step: 'waiting' });
    expect(due(now())).toEqual({});
    expect(asked.effects).toContainEqual({ type: 'letter.queue', template: 'clarification-request' });
    send('IDENTITY_RECEIVED', '2026-03-16', { identityEvidence: 'Council tax bill.' });
    expect(where()).toMatchObject({ stage: 'received', step: 'assessing' });
    expect(due(now())).toEqual({ response: '2026-04-16' });
  });

  it('a third party’s authority asked on Thu 5 Mar and received Fri 20 Mar: due Mon 20 Apr 2026', () => {
    const { send, now, where } = journey('2026-03-02');
    send('REQUEST_AUTHORITY', '2026-03-05', { authorityRequested: 'Signed consent from the data subject.' });
    expect(where().stage).toBe('awaiting-authority');
    send('AUTHORITY_RECEIVED', '2026-03-20', { authorityEvidence: 'Signed consent form.' });
    expect(due(now())).toEqual({ response: '2026-04-20' });
  });

  it('a fee asked for and paid on Mon 16 Mar: due Thu 16 Apr 2026', () => {
    const { send, now, where } = journey('2026-03-02');
    const asked = send('REQUEST_FEE', '2026-03-03', {
      feeAmount: 10,
      feeBreakdown: 'Further copies of data already provided (Art 15(3)).',
    });
    expect(where().stage).toBe('awaiting-fee');
    expect(asked.effects).toContainEqual({ type: 'letter.queue', template: 'fees-notice' });
    send('FEE_PAID', '2026-03-16');
    expect(due(now())).toEqual({ response: '2026-04-16' });
  });

  it('clarification needs a recorded reason, and pauses the month rather than starting it again', () => {
    const { send, now, where } = journey('2026-03-02');
    expect(() =>
      send('REQUEST_CLARIFICATION', '2026-03-09', { clarificationQuestion: 'Which departments?' }),
    ).toThrow(
      expect.objectContaining({
        code: 'VALIDATION_FAILED',
        fields: [expect.objectContaining({ field: 'clarificationReason' })],
      }),
    );
    send('REQUEST_CLARIFICATION', '2026-03-09', {
      clarificationQuestion: 'Which departments?',
      clarificationReason: 'We hold 20 years of records across 14 services.',
    });
    expect(where().stage).toBe('clarification');
    expect(due(now())).toEqual({ response: null });
    expect(now().context.record.clarificationReason).toBe('We hold 20 years of records across 14 services.');
    send('CLARIFICATION_RECEIVED', '2026-03-16', { clarification: 'Housing only.' });
    expect(where().stage).toBe('response');
    // Paused, not restarted: later than 2 Apr, earlier than a month from the reply (16 Apr).
    const after = due(now()).response as string;
    expect(after > '2026-04-02' && after < '2026-04-16').toBe(true);
  });
});

describe('sar.json: refusals and the route after the response', () => {
  it('a refusal needs an exemption and reasons, unless manifestly unfounded or excessive (Art 12(5)(b))', () => {
    const { send, now } = journey('2026-03-02');
    send('START_RESPONSE', '2026-03-03');
    expect(() =>
      send('SUBMIT_FOR_APPROVAL', '2026-03-10', {
        outcome: 'refused-in-full',
        answers: [{ question: 'The request', answer: 'Refused.' }],
        held: true,
      }),
    ).toThrow(
      /the refusal is incomplete: a refusal must cite the exemptions it relies on \(UK GDPR Art 12\(4\)\)/,
    );
    send('SUBMIT_FOR_APPROVAL', '2026-03-10', {
      outcome: 'refused-in-full',
      refusalBasis: 'manifestly-excessive',
      answers: [{ question: 'The request', answer: 'This is the ninth identical request this year.' }],
      held: true,
    });
    expect(now().context.record.refusalBasis).toBe('manifestly-excessive');
  });

  it('offers no FOIA grounds: s.14 and neither-confirm-nor-deny are not SAR refusal bases', () => {
    const { send } = journey('2026-03-02');
    send('START_RESPONSE', '2026-03-03');
    expect(() => send('SUBMIT_FOR_APPROVAL', '2026-03-10', { ...answer, refusalBasis: 'vexatious' })).toThrow(
      expect.objectContaining({ code: 'VALIDATION_FAILED' }),
    );
  });

  it('a complaint to the controller (s.164A, acknowledged in 30 days), then the ICO (Art 77) with no decision notice, then a further response', () => {
    const { send, now, where } = journey('2026-03-02');
    send('START_RESPONSE', '2026-03-03');
    send('SUBMIT_FOR_APPROVAL', '2026-03-20', answer);
    send('APPROVE_RESPONSE', '2026-03-20');
    send('RESPONSE_SENT', '2026-03-20', { letter: 'response', channel: 'email' });
    expect(where()).toMatchObject({ stage: 'complaints', step: 'waiting' });
    expect(due(now())).toEqual({ complaintBy: '2026-06-22' });

    send('COMPLAINT_RECEIVED', '2026-06-01', { complaintGrounds: 'My repairs emails are missing.' });
    expect(due(now())).toEqual({ complaintAcknowledgeBy: '2026-07-01' });
    send('COMPLAINT_ACKNOWLEDGED', '2026-06-03');
    expect(now().context.record.complaintAcknowledgement).toBe('in-time');
    send('COMPLAINT_OUTCOME_SENT', '2026-06-20', {
      complaintOutcome: 'not-upheld',
      complaintOutcomeDetails: 'The emails were deleted under the retention schedule before the request.',
    });
    expect(where().stage).toBe('regulator-window');

    send('REGULATOR_COMPLAINT_RECEIVED', '2026-07-01', { regulatorReference: 'IC-500001' });
    expect(where()).toMatchObject({ stage: 'regulator', stageLabel: 'ICO complaint' });
    expect(() => send('DECISION_NOTICE_ISSUED', '2026-09-01')).toThrow(/not allowed/);
    send('ICO_OUTCOME_RECEIVED', '2026-09-01', {
      icoOutcome: 'steps-required',
      icoOutcomeDetails: 'Search the repairs mailbox backups and provide what is found.',
    });
    expect(where().stage).toBe('fresh-response');
    expect(due(now())).toEqual({ freshResponseDue: '2026-10-01' });

    send('SUBMIT_FOR_APPROVAL', '2026-09-15', {
      ...answer,
      outcome: 'granted-in-part',
      exemptions: ['DPA Sch 2 para 16'],
      exemptionReasons: 'DPA Sch 2 para 16: the emails name neighbours.',
      refusalBasis: 'exemption',
    });
    send('APPROVE_RESPONSE', '2026-09-16');
    const closed = send('RESPONSE_SENT', '2026-09-16', { letter: 'response', channel: 'email' });
    expect(where()).toMatchObject({ stage: 'closed', final: true });
    expect(now().context.record).toMatchObject({
      outcome: 'granted-in-part',
      freshResponseTimeliness: 'in-time',
    });
    expect(closed.effects).toContainEqual({ type: 'case.closed', outcome: 'granted-in-part' });
  });

  it('has no decision-notice, compliance or tribunal stage', () => {
    expect(sar.stages.map((s) => s.id)).not.toEqual(expect.arrayContaining(['compliance']));
    expect(sar.stages.some((s) => s.kind === 'tribunal')).toBe(false);
  });
});
