import { addWorkingDays } from '@recordflow/calendar';
import { describe, expect, it } from 'vitest';
import { type CaseSnapshot, describeState, initialSnapshot, step, type WorkflowDefinition } from './index';
import { builtIn } from './test-support/built-ins';

const stored = (snapshot: CaseSnapshot): CaseSnapshot => JSON.parse(JSON.stringify(snapshot));
const due = (snapshot: CaseSnapshot) =>
  Object.fromEntries(Object.entries(snapshot.context.deadlines).map(([name, d]) => [name, d.due]));

function journey(definition: WorkflowDefinition, start = '2026-01-14') {
  let snapshot = initialSnapshot(definition, { receivedOn: start }).snapshot;
  const send = (type: string, at: string, payload: Record<string, unknown> = {}, roles = ['officer']) => {
    const result = step(definition, stored(snapshot), { type, at, payload }, at, { roles });
    snapshot = result.snapshot;
    return result;
  };
  return { send, now: () => snapshot, where: () => describeState(definition, snapshot) };
}

const foi = builtIn('foi');
const eir = builtIn('eir');
const foisa = builtIn('foisa');
const granted = {
  outcome: 'granted-in-full',
  answers: [{ question: 'The request', answer: 'The figures are attached.' }],
  held: true,
};

describe('refusals must give exemptions, reasons and the public interest (FOIA s.17, EIR reg 14, FOISA s.16)', () => {
  const drafting = (definition: WorkflowDefinition) => {
    const j = journey(definition);
    j.send('START_RESPONSE', '2026-01-15');
    return j;
  };
  const refusal = {
    outcome: 'refused-in-full',
    answers: [{ question: 'The request', answer: 'We are withholding the contract.' }],
    held: true,
  };

  it('FOI: names what is missing, exemption by exemption, and accepts a complete refusal', () => {
    const { send, now } = drafting(foi);
    expect(() => send('SUBMIT_FOR_APPROVAL', '2026-01-20', refusal)).toThrow(
      '"SUBMIT_FOR_APPROVAL" is not allowed now: the refusal is incomplete: a refusal must cite the exemptions it relies on (FOIA s.17(1)).',
    );
    expect(() =>
      send('SUBMIT_FOR_APPROVAL', '2026-01-20', {
        ...refusal,
        exemptions: ['s.43(2)', 's.21'],
        exemptionReasons: 's.21: the contract is published on Contracts Finder.',
      }),
    ).toThrow(
      'the refusal is incomplete: say why each exemption applies, naming it (FOIA s.17(1)): no reasons given for s.43(2); give the public interest reasons for each qualified exemption, naming it (FOIA s.17(3)): none given for s.43(2).',
    );
    send('SUBMIT_FOR_APPROVAL', '2026-01-20', {
      ...refusal,
      exemptions: ['s.43(2)', 's.21'],
      exemptionReasons:
        's.21: published on Contracts Finder. s.43(2): the pricing would prejudice the supplier.',
      publicInterestReasons:
        's.43(2): transparency in spending is outweighed by fair competition at re-tender.',
    });
    expect(now().context.record).toMatchObject({
      outcome: 'refused-in-full',
      exemptions: ['s.43(2)', 's.21'],
    });
  });

  it('FOI: neither confirm nor deny needs its exemption; a s.14 refusal needs none, and is recorded as such', () => {
    const { send, now } = drafting(foi);
    expect(() =>
      send('SUBMIT_FOR_APPROVAL', '2026-01-20', { ...granted, refusalBasis: 'neither-confirm-nor-deny' }),
    ).toThrow(/must cite the exemptions/);
    send('SUBMIT_FOR_APPROVAL', '2026-01-20', { ...refusal, refusalBasis: 'vexatious' });
    expect(now().context.record.refusalBasis).toBe('vexatious');
  });

  it('FOI: no public-interest extension (s.10(3)) for an absolute exemption', () => {
    const { send } = drafting(foi);
    expect(() =>
      send('EXTEND_FOR_PUBLIC_INTEREST', '2026-01-20', {
        exemptions: ['s.41(1)'],
        extensionReason: 'Confidence.',
      }),
    ).toThrow(
      '"EXTEND_FOR_PUBLIC_INTEREST" is not allowed now: more time to consider the public interest is only for qualified exemptions, and s.41(1) is absolute.',
    );
  });

  it('EIR: "not held" is reg 12(4)(a); manifestly unreasonable is reg 12(4)(b) with the public interest; no s.14', () => {
    const { send, now } = drafting(eir);
    expect(() =>
      send('SUBMIT_FOR_APPROVAL', '2026-01-20', {
        outcome: 'not-held',
        answers: [{ question: 'The request', answer: 'Not held.' }],
        held: false,
      }),
    ).toThrow(/must cite the exemptions it relies on \(EIR reg 14\(3\)\): cite reg 12\(4\)\(a\)/);
    expect(() =>
      send('SUBMIT_FOR_APPROVAL', '2026-01-20', { ...refusal, refusalBasis: 'vexatious' }),
    ).toThrow(expect.objectContaining({ code: 'VALIDATION_FAILED' }));
    expect(() =>
      send('SUBMIT_FOR_APPROVAL', '2026-01-20', {
        ...refusal,
        refusalBasis: 'manifestly-unreasonable',
        exemptions: ['reg 12(5)(e)'],
        exemptionReasons: 'reg 12(5)(e): commercial confidentiality.',
        publicInterestReasons: 'reg 12(5)(e): outweighed.',
      }),
    ).toThrow(/cite reg 12\(4\)\(b\) for this outcome/);
    send('SUBMIT_FOR_APPROVAL', '2026-01-20', {
      outcome: 'not-held',
      answers: [{ question: 'The request', answer: 'Not held.' }],
      held: false,
      exemptions: ['reg 12(4)(a)'],
      exemptionReasons:
        'reg 12(4)(a): the monitors were removed in 2019; searches of the archive found nothing.',
      publicInterestReasons: 'reg 12(4)(a): nothing held, so nothing to weigh.',
    });
    expect(now().context.record.exemptions).toEqual(['reg 12(4)(a)']);
  });
});

describe('FOISA: neither confirm nor deny only for the exemptions s.18(1) lists (S6)', () => {
  it('refuses NCND on s.38(1)(b), accepts it on s.35(1)', () => {
    const { send, now } = journey(foisa);
    send('START_RESPONSE', '2026-01-15');
    const ncnd = { ...granted, outcome: 'refused-in-full', refusalBasis: 'neither-confirm-nor-deny' };
    expect(() =>
      send('SUBMIT_FOR_APPROVAL', '2026-01-20', {
        ...ncnd,
        exemptions: ['s.38(1)(b)'],
        exemptionReasons: 's.38(1)(b): personal data of a third party.',
      }),
    ).toThrow(
      'the refusal is incomplete: neither confirm nor deny is only for exemptions under s.28, s.29, s.30, s.31, s.32, s.33, s.34, s.35, s.39, s.41 (FOISA s.18(1)), not s.38(1)(b).',
    );
    send('SUBMIT_FOR_APPROVAL', '2026-01-20', {
      ...ncnd,
      exemptions: ['s.35(1)'],
      exemptionReasons: 's.35(1): would prejudice an investigation.',
      publicInterestReasons: 's.35(1): the public interest favours not revealing whether an inquiry exists.',
    });
    expect(now().context.record.refusalBasis).toBe('neither-confirm-nor-deny');
  });
});

describe('a late or absent response (FOI F1, FOISA S6)', () => {
  it('FOI: no response by Wed 11 Feb 2026: review asked for on Mon 16 Feb, overturned, then a fresh response with its own deadline and outcome', () => {
    const { send, now, where } = journey(foi);
    send('START_RESPONSE', '2026-01-15');
    expect(() => send('REQUEST_INTERNAL_REVIEW', '2026-02-10', { reviewGrounds: 'No answer yet.' })).toThrow(
      '"REQUEST_INTERNAL_REVIEW" is not allowed now: it is only possible after 2026-02-11 (Response due (FOIA s.10(1))).',
    );
    const asked = send('REQUEST_INTERNAL_REVIEW', '2026-02-16', {
      reviewGrounds: 'No answer in 20 working days.',
    });
    expect(where()).toMatchObject({ stage: 'internal-review', step: 'reviewing' });
    expect(now().context.record.reviewOf).toBe('no-response');
    expect(now().context.deadlines.reviewDue).toMatchObject({ due: '2026-03-16', statutory: false });
    expect(asked.effects).toContainEqual({ type: 'letter.queue', template: 'review-acknowledgement' });

    send('REVIEW_DECIDED', '2026-03-02', {
      reviewOutcome: 'overturned',
      reviewReasons: 'We failed to respond.',
    });
    expect(where().stage).toBe('fresh-response');
    expect(now().context.record.reviewTimeliness).toBe('in-time');
    expect(due(now())).toMatchObject({ freshResponseDue: '2026-03-31' });

    send('SUBMIT_FOR_APPROVAL', '2026-03-10', {
      ...granted,
      outcome: 'granted-in-part',
      exemptions: ['s.40(2)'],
      exemptionReasons: 's.40(2): staff names.',
    });
    const approved = send('APPROVE_RESPONSE', '2026-03-11', {}, ['approver']);
    expect(approved.effects).toContainEqual({ type: 'letter.queue', template: 'response' });
    send('RESPONSE_SENT', '2026-03-11', { letter: 'response', channel: 'email' }, ['system']);
    expect(where().stage).toBe('regulator-window');
    expect(now().context.record).toMatchObject({
      outcome: 'granted-in-part',
      freshResponseTimeliness: 'in-time',
    });
    // The response clock stopped with the fresh response.
    expect(due(now()).response).toBeUndefined();
  });

  it('FOI: a complaint to the ICO about no response, straight from the response stage', () => {
    const { send, where } = journey(foi);
    send('START_RESPONSE', '2026-01-15');
    send('REGULATOR_COMPLAINT_RECEIVED', '2026-02-20', { regulatorReference: 'IC-400999' });
    expect(where()).toMatchObject({ stage: 'regulator', step: 'investigating' });
  });

  it('FOISA: a requirement for review about a failure to respond (s.20(1), s.21(4)(c))', () => {
    const { send, now, where } = journey(foisa);
    send('REQUEST_REVIEW', '2026-02-12', { reviewGrounds: 'No response.' });
    expect(where().stage).toBe('internal-review');
    expect(now().context.deadlines.reviewDue).toMatchObject({ statutory: true });
  });
});

describe('internal reviews (FOI F2, F11)', () => {
  const reviewed = () => {
    const j = journey(foi);
    j.send('START_RESPONSE', '2026-01-16');
    j.send('SUBMIT_FOR_APPROVAL', '2026-01-16', granted);
    j.send('APPROVE_RESPONSE', '2026-01-16', {}, ['approver']);
    j.send('RESPONSE_SENT', '2026-01-16', { letter: 'response', channel: 'email' }, ['system']);
    j.send('REQUEST_INTERNAL_REVIEW', '2026-02-16', { reviewGrounds: 'Incomplete.' });
    return j;
  };

  it('extended to 40 working days (Code of Practice), then marked late when decided after that', () => {
    const { send, now } = reviewed();
    expect(due(now())).toEqual({ reviewDue: '2026-03-16' });
    send('EXTEND_REVIEW', '2026-03-10', { reviewExtensionReason: 'Forty files to re-examine.' });
    // 40 working days from 16 Feb 2026: St Patrick's Day, Good Friday and Easter Monday are not counted.
    expect(due(now())).toEqual({ reviewDue: '2026-04-16' });
    expect(now().context.timers.reviewOverdue?.fireOn).toBe('2026-04-17');
    send('MARK_OVERDUE', '2026-04-17', {}, ['system']);
    expect(now().context.record.reviewOverdue).toBe(true);
    send('REVIEW_DECIDED', '2026-04-20', { reviewOutcome: 'upheld', reviewReasons: 'Complete.' });
    expect(now().context.record.reviewTimeliness).toBe('late');
  });

  it('a review overdue lets the requester go to the ICO; a review can be withdrawn', () => {
    const late = reviewed();
    late.send('REGULATOR_COMPLAINT_RECEIVED', '2026-03-17', { regulatorReference: 'IC-1' });
    expect(late.where().stage).toBe('regulator');
    const withdrawn = reviewed();
    withdrawn.send('WITHDRAW', '2026-02-20');
    expect(withdrawn.where()).toMatchObject({ stage: 'closed', final: true });
    expect(withdrawn.now().context.record.outcome).toBe('granted-in-full');
  });
});

describe('decision notices and appeals (FOI F3, F4)', () => {
  const atRegulator = () => {
    const j = journey(foi);
    j.send('START_RESPONSE', '2026-01-16');
    j.send('REGULATOR_COMPLAINT_RECEIVED', '2026-02-20', { regulatorReference: 'IC-400123' });
    return j;
  };

  it('a decision notice to respond within 35 days leads to a fresh response due that day, marked late after it', () => {
    const { send, now, where } = atRegulator();
    send('DECISION_NOTICE_ISSUED', '2026-06-01', {
      decisionNoticeReference: 'IC-400123-DN',
      decision: 'complaint-upheld',
    });
    expect(due(now())).toMatchObject({ complianceDue: '2026-07-06', appealBy: '2026-06-29' });
    expect(() => send('CLOSE_CASE', '2026-06-02')).toThrow(/not allowed/);
    send('START_FRESH_RESPONSE', '2026-06-02');
    expect(where().stage).toBe('fresh-response');
    expect(due(now())).toMatchObject({ freshResponseDue: '2026-07-06' });
    send('SUBMIT_FOR_APPROVAL', '2026-07-07', granted);
    send('APPROVE_RESPONSE', '2026-07-08', {}, ['approver']);
    send('RESPONSE_SENT', '2026-07-08', { letter: 'response', channel: 'email' }, ['system']);
    expect(now().context.record).toMatchObject({
      outcome: 'granted-in-full',
      freshResponseTimeliness: 'late',
    });
  });

  it('an appeal suspends the steps; a Tribunal decision against the authority brings them back, without re-sending the old letter', () => {
    const { send, now, where } = atRegulator();
    send('DECISION_NOTICE_ISSUED', '2026-06-01', {
      decisionNoticeReference: 'IC-400123-DN',
      decision: 'complaint-upheld',
    });
    send('APPEAL_LODGED', '2026-06-20', { appellant: 'authority', appealGrounds: 'Section 43(2) applies.' });
    expect(due(now()).complianceDue).toBeUndefined();
    const decided = send('APPEAL_DECIDED', '2026-11-02', { appealOutcome: 'dismissed', stepsRequired: true });
    expect(decided.effects.filter((e) => e.type === 'letter.queue')).toEqual([]);
    expect(where().stage).toBe('compliance');
    expect(due(now())).toMatchObject({ complianceDue: '2026-12-07' });
    send('COMPLIED', '2026-11-20', { stepsTaken: 'Disclosed the contract.', outcome: 'granted-in-full' });
    expect(where()).toMatchObject({ stage: 'closed', final: true });
    expect(now().context.record).toMatchObject({
      outcome: 'granted-in-full',
      complianceTimeliness: 'in-time',
    });
  });
});

describe('FOISA: review window and the Commissioner’s compliance date (S1, S2)', () => {
  it('received Wed 14 Jan 2026 (due 11 Feb), answered 21 Jan: review may be required until Thu 9 Apr 2026 (worked example 8)', () => {
    const { send, now } = journey(foisa);
    expect(due(now())).toEqual({ response: '2026-02-11' });
    send('START_RESPONSE', '2026-01-20');
    send('SUBMIT_FOR_APPROVAL', '2026-01-21', granted);
    send('APPROVE_RESPONSE', '2026-01-21', {}, ['approver']);
    send('RESPONSE_SENT', '2026-01-21', { letter: 'response', channel: 'email' }, ['system']);
    expect(due(now())).toEqual({ reviewRequestBy: '2026-04-09' });
  });

  it('a late response: 40 Scottish working days from the day it was given (s.20(5)(b))', () => {
    const { send, now } = journey(foisa);
    send('START_RESPONSE', '2026-01-20');
    send('SUBMIT_FOR_APPROVAL', '2026-02-18', granted);
    send('APPROVE_RESPONSE', '2026-02-18', {}, ['approver']);
    send('RESPONSE_SENT', '2026-02-18', { letter: 'response', channel: 'email' }, ['system']);
    expect(now().context.record.timeliness).toBe('late');
    expect(due(now())).toEqual({ reviewRequestBy: addWorkingDays('foisa', '2026-02-18', 40) });
  });

  it('a decision on Mon 2 Mar 2026: compliance never before the 42-day Court of Session appeal period ends (13 Apr)', () => {
    const atCommissioner = () => {
      const j = journey(foisa);
      j.send('REGULATOR_COMPLAINT_RECEIVED', '2026-02-20', { regulatorReference: '202600123' });
      return j;
    };
    const early = atCommissioner();
    early.send('DECISION_NOTICE_ISSUED', '2026-03-02', {
      decisionNoticeReference: 'Decision 001/2026',
      decision: 'complaint-upheld',
      complianceDate: '2026-04-06',
    });
    expect(due(early.now())).toMatchObject({ appealBy: '2026-04-13', complianceDue: '2026-04-13' });
    const later = atCommissioner();
    later.send('DECISION_NOTICE_ISSUED', '2026-03-02', {
      decisionNoticeReference: 'Decision 001/2026',
      decision: 'complaint-upheld',
      complianceDate: '2026-04-27',
    });
    expect(due(later.now())).toMatchObject({ complianceDue: '2026-04-27' });
  });
});

describe('EIR: particulars within 20 working days (reg 9(2)) and charges paid within 60 (reg 8(5))', () => {
  it('refuses a request for particulars after Wed 11 Feb 2026, with the date', () => {
    const late = journey(eir);
    expect(() =>
      late.send('REQUEST_CLARIFICATION', '2026-02-12', { clarificationQuestion: 'Which monitors?' }),
    ).toThrow(
      '"REQUEST_CLARIFICATION" is not allowed now: it must be done within 20 working days of receipt, by 2026-02-11.',
    );
    const inTime = journey(eir);
    inTime.send('REQUEST_CLARIFICATION', '2026-02-11', { clarificationQuestion: 'Which monitors?' });
    expect(inTime.where().stage).toBe('clarification');
  });

  it('a charge notice on Thu 1 Oct 2026 lapses after 60 working days (Tue 29 Dec 2026), not three months', () => {
    const { send, now, where } = journey(eir, '2026-09-28');
    send('ISSUE_FEES_NOTICE', '2026-10-01', {
      feeAmount: 40,
      feeBreakdown: 'Map printing at the published rate.',
    });
    expect(where().stage).toBe('fees');
    expect(due(now())).toMatchObject({ chargePaymentBy: '2026-12-29' });
    expect(now().context.timers.feeLapse?.fireOn).toBe('2026-12-30');
  });
});

describe('a s.12 refusal is recorded as such, with its timeliness (R1, F10)', () => {
  it('FOI: sent on day 25, recorded as a late cost-limit refusal', () => {
    const { send, now, where } = journey(foi);
    send('EXCEEDS_COST_LIMIT', '2026-01-20', {
      estimatedHours: 40,
      costEstimate: 'Forty files, an hour each to locate and extract.',
    });
    send('SEND_COST_LIMIT_REFUSAL', '2026-02-18', { adviceAndAssistance: 'Narrow the request to one year.' });
    expect(where().stage).toBe('review-window');
    expect(now().context.record).toMatchObject({ outcome: 'cost-limit-refusal', timeliness: 'late' });
  });
});

describe('F10: in time, in time with a permitted extension, or late', () => {
  const sar = builtIn('sar');
  const answered = (j: ReturnType<typeof journey>, on: string) => {
    j.send('SUBMIT_FOR_APPROVAL', on, granted);
    j.send('APPROVE_RESPONSE', on, {}, ['approver']);
    j.send('RESPONSE_SENT', on, { letter: 'response', channel: 'email' }, ['system']);
    return j.now().context.record.timeliness;
  };
  const extendedForPublicInterest = () => {
    const j = journey(foi);
    j.send('START_RESPONSE', '2026-01-15');
    j.send('EXTEND_FOR_PUBLIC_INTEREST', '2026-02-02', {
      exemptions: ['s.43(2)'],
      extensionReason: 'The balance needs the contractor’s views.',
    });
    j.send('PUBLIC_INTEREST_DECIDED', '2026-02-20', { publicInterestDecision: 'Favours disclosure.' });
    return j;
  };

  it('FOI received Wed 14 Jan 2026: answered Mon 2 Mar after a s.10(3) extension to Wed 11 Mar is in time with a permitted extension', () => {
    const j = extendedForPublicInterest();
    expect(j.now().context.deadlines.response?.due).toBe('2026-03-11');
    expect(answered(j, '2026-03-02')).toBe('in-time-extended');
  });

  it('FOI: on the extended deadline, Wed 11 Mar, still in time with the extension; Thu 12 Mar is late', () => {
    expect(answered(extendedForPublicInterest(), '2026-03-11')).toBe('in-time-extended');
    expect(answered(extendedForPublicInterest(), '2026-03-12')).toBe('late');
  });

  it('FOI without an extension: Wed 11 Feb is in time, Thu 12 Feb late', () => {
    const inTime = journey(foi);
    inTime.send('START_RESPONSE', '2026-01-15');
    expect(answered(inTime, '2026-02-11')).toBe('in-time');
    const late = journey(foi);
    late.send('START_RESPONSE', '2026-01-15');
    expect(answered(late, '2026-02-12')).toBe('late');
  });

  it('EIR: a reg 7 extension on Mon 9 Feb 2026 to 40 working days, answered Mon 2 Mar: in time with a permitted extension', () => {
    const j = journey(eir);
    j.send('START_RESPONSE', '2026-01-15');
    j.send('EXTEND_COMPLEX_AND_VOLUMINOUS', '2026-02-09', { extensionReason: 'Ten years of readings.' });
    expect(j.now().context.deadlines.response?.due).toBe('2026-03-11');
    expect(answered(j, '2026-03-02')).toBe('in-time-extended');
  });

  it('SAR received Mon 2 Mar 2026 (due Thu 2 Apr), extended by two months (Art 12(3)) to Tue 2 Jun, answered Wed 20 May: in time with the extension', () => {
    const j = journey(sar, '2026-03-02');
    j.send('START_RESPONSE', '2026-03-03');
    expect(j.now().context.deadlines.response?.due).toBe('2026-04-02');
    j.send('EXTEND_COMPLEX', '2026-03-20', { extensionReason: 'Records held in five systems.' });
    expect(j.now().context.deadlines.response?.due).toBe('2026-06-02');
    expect(answered(j, '2026-05-20')).toBe('in-time-extended');
  });

  it('FOISA has no extension: answered on day 20, Wed 11 Feb 2026, in time', () => {
    const j = journey(foisa);
    j.send('START_RESPONSE', '2026-01-15');
    expect(answered(j, '2026-02-11')).toBe('in-time');
  });

  it('s.17(5): a s.12 refusal sent on day 20 (Wed 11 Feb 2026) is in time, judged like any answer', () => {
    const { send, now } = journey(foi);
    send('EXCEEDS_COST_LIMIT', '2026-01-20', { estimatedHours: 40, costEstimate: 'Forty files.' });
    send('SEND_COST_LIMIT_REFUSAL', '2026-02-11', { adviceAndAssistance: 'Narrow it to one year.' });
    expect(now().context.record).toMatchObject({ outcome: 'cost-limit-refusal', timeliness: 'in-time' });
  });
});

describe('S4 fees: a FOISA fees notice charges no more than the Fees for Required Disclosure (Scotland) Regulations 2004 allow', () => {
  const fee = {
    feeHours: 20,
    feeHourlyRate: 15,
    feeDisbursements: 20,
    feeBreakdown: 'Copying the 2025 inspection reports held on paper.',
  };

  it('20 hours at £15 and £20 of copies (£320): £40 is refused naming the £22 maximum; £22 is issued with the working recorded', () => {
    const { send, now, where } = journey(foisa);
    expect(() => send('ISSUE_FEES_NOTICE', '2026-01-20', { ...fee, feeAmount: 40 })).toThrow(
      '"ISSUE_FEES_NOTICE" is not allowed now: the fee is not lawful: 20 hours at £15 an hour (£300) and £20 of other costs come to £320; the fee may be at most £22, 10% of the £220 above £100 (reg 4), not £40.',
    );
    expect(where().stage).toBe('received');
    send('ISSUE_FEES_NOTICE', '2026-01-20', { ...fee, feeAmount: 22 });
    expect(where().stage).toBe('fees');
    expect(now().context.record).toMatchObject({
      feeAmount: 22,
      feeHours: 20,
      feeHourlyRate: 15,
      feeDisbursements: 20,
      feeStaffCost: 300,
      feeProjectedCosts: 320,
      feeMaximum: 22,
    });
  });

  it('refuses £20 an hour, a fee on £100 or less, and a fee where s.12 applies', () => {
    const { send } = journey(foisa);
    expect(() =>
      send('ISSUE_FEES_NOTICE', '2026-01-20', { ...fee, feeHourlyRate: 20, feeAmount: 10 }),
    ).toThrow('staff time is costed at no more than £15 an hour (reg 3(2)), not £20');
    expect(() =>
      send('ISSUE_FEES_NOTICE', '2026-01-20', { ...fee, feeHours: 5, feeDisbursements: 0, feeAmount: 1 }),
    ).toThrow('£75, not more than £100, so no fee may be charged (reg 4)');
    expect(() => send('ISSUE_FEES_NOTICE', '2026-01-20', { ...fee, feeHours: 40, feeAmount: 50 })).toThrow(
      'come to £620, more than £600 (reg 5): the request is over the cost limit (s.12)',
    );
  });

  it('FOI and EIR fees keep their own rules: no FOISA bands', () => {
    const fois = journey(foi);
    fois.send('ISSUE_FEES_NOTICE', '2026-01-20', { feeAmount: 40, feeBreakdown: 'Photocopying 400 pages.' });
    expect(fois.where().stage).toBe('fees');
    const eirs = journey(eir);
    eirs.send('ISSUE_FEES_NOTICE', '2026-01-20', { feeAmount: 400, feeBreakdown: 'Map printing.' });
    expect(eirs.where().stage).toBe('fees');
  });
});
