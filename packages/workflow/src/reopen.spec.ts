import { describe, expect, it } from 'vitest';
import {
  allowedEvents,
  type CaseSnapshot,
  describeState,
  initialSnapshot,
  type Problem,
  step,
  validateWorkflow,
  WorkflowError,
} from './index';
import { builtIn, rawWorkflow } from './test-support/built-ins';

const foi = builtIn('foi');
const sar = builtIn('sar');
// What the engine does between steps: store the snapshot as JSON and read it back.
const stored = (snapshot: CaseSnapshot): CaseSnapshot => JSON.parse(JSON.stringify(snapshot));
const due = (snapshot: CaseSnapshot) =>
  Object.fromEntries(Object.entries(snapshot.context.deadlines).map(([name, d]) => [name, d.due]));

function journey(definition = foi, start = '2026-01-14') {
  let snapshot = initialSnapshot(definition, { receivedOn: start }).snapshot;
  const send = (type: string, at: string, payload: Record<string, unknown> = {}, roles = ['officer']) => {
    const result = step(definition, stored(snapshot), { type, at, payload }, at, { roles });
    snapshot = result.snapshot;
    return result;
  };
  return { send, now: () => snapshot, where: () => describeState(definition, snapshot) };
}

function refusal(work: () => unknown): WorkflowError {
  try {
    work();
  } catch (error) {
    if (error instanceof WorkflowError) return error;
    throw error;
  }
  throw new Error('expected a WorkflowError');
}

describe('a closed FOI case reopened by a late review request or ICO complaint (FOIA s.45 Code, s.50)', () => {
  it('a withdrawn request accepts a late internal review request, counted from the day it came in', () => {
    const { send, now, where } = journey();
    send('WITHDRAW', '2026-01-20', { withdrawalNote: 'By email' });
    expect(where()).toMatchObject({ stage: 'closed', final: true });
    expect(now().context.record).toMatchObject({ outcome: 'withdrawn', closedOn: '2026-01-20' });
    expect(allowedEvents(foi, now()).map((e) => [e.type, e.label])).toEqual([
      ['REQUEST_INTERNAL_REVIEW', 'Record a late internal review request (reopens the case)'],
      ['REGULATOR_COMPLAINT_RECEIVED', 'Record a late complaint to the ICO (reopens the case)'],
    ]);

    const reopened = send('REQUEST_INTERNAL_REVIEW', '2026-06-01', {
      reviewGrounds: 'I never withdrew the request.',
    });
    expect(where()).toMatchObject({ stage: 'internal-review', step: 'reviewing', final: false });
    expect(now().status).toBe('active');
    // 20 working days from Mon 1 June 2026 (no bank holiday in June).
    expect(due(now())).toEqual({ reviewDue: '2026-06-29' });
    expect(now().context.record).toMatchObject({
      outcome: 'withdrawn',
      reviewGrounds: 'I never withdrew the request.',
    });
    expect(now().context.record.closedOn).toBeUndefined();
    expect(reopened.effects).toEqual(
      expect.arrayContaining([
        { type: 'letter.queue', template: 'review-acknowledgement' },
        { type: 'timer.set', name: 'reviewOverdue', fireOn: '2026-06-30', event: 'MARK_OVERDUE' },
        {
          type: 'deadline.changed',
          name: 'reviewDue',
          label: expect.any(String),
          due: '2026-06-29',
          previous: null,
        },
      ]),
    );
    expect(reopened.effects.some((e) => e.type === 'case.closed')).toBe(false);

    // The reopened case runs on as any other: the review is decided and the ICO window opens.
    send('REVIEW_DECIDED', '2026-06-20', { reviewOutcome: 'upheld', reviewReasons: 'It was withdrawn.' });
    expect(where()).toMatchObject({ stage: 'regulator-window' });
  });

  it('a closed case refuses events that are not reopen routes, listing the ones it accepts', () => {
    const { send, now } = journey();
    send('WITHDRAW', '2026-01-20');
    const error = refusal(() =>
      step(foi, now(), { type: 'START_RESPONSE' }, '2026-02-01', { roles: ['officer'] }),
    );
    expect(error.code).toBe('EVENT_NOT_ALLOWED');
    expect(error.allowed).toEqual(['REQUEST_INTERNAL_REVIEW', 'REGULATOR_COMPLAINT_RECEIVED']);
    expect(error.message).toBe(
      '"START_RESPONSE" is not allowed: the case is closed. Allowed now: REQUEST_INTERNAL_REVIEW, REGULATOR_COMPLAINT_RECEIVED.',
    );
    // The reopening event still needs its inputs and a sender who may send it.
    expect(
      refusal(() =>
        step(foi, now(), { type: 'REQUEST_INTERNAL_REVIEW' }, '2026-02-01', { roles: ['officer'] }),
      ).code,
    ).toBe('VALIDATION_FAILED');
    expect(
      refusal(() =>
        step(foi, now(), { type: 'REQUEST_INTERNAL_REVIEW', payload: { reviewGrounds: 'x' } }, '2026-02-01', {
          roles: ['auditor'],
        }),
      ).code,
    ).toBe('FORBIDDEN');
    expect(
      refusal(() =>
        step(foi, now(), { type: 'REQUEST_INTERNAL_REVIEW', payload: { reviewGrounds: 'x' } }, '2026-01-19'),
      ).code,
    ).toBe('VALIDATION_FAILED');
  });

  it('after the review and the closed ICO window, only a late ICO complaint reopens the case', () => {
    const { send, now, where } = journey();
    send('START_RESPONSE', '2026-01-16');
    send('SUBMIT_FOR_APPROVAL', '2026-01-16', {
      outcome: 'granted-in-full',
      answers: [{ question: 'How many cameras?', answer: 'All of it.' }],
      held: true,
    });
    send('APPROVE_RESPONSE', '2026-01-16', {}, ['approver']);
    send('RESPONSE_SENT', '2026-01-16', { letter: 'response', channel: 'email' }, ['system']);
    send('REQUEST_INTERNAL_REVIEW', '2026-02-16', { reviewGrounds: 'Incomplete.' });
    send('REVIEW_DECIDED', '2026-03-10', { reviewOutcome: 'upheld', reviewReasons: 'Complete.' });
    send('COMPLAINT_WINDOW_CLOSED', '2026-04-22', {}, ['system']);
    expect(where()).toMatchObject({ stage: 'closed', final: true });
    expect(now().context.record.outcome).toBe('granted-in-full');
    expect(allowedEvents(foi, now()).map((e) => e.type)).toEqual(['REGULATOR_COMPLAINT_RECEIVED']);

    const again = refusal(() =>
      step(
        foi,
        now(),
        { type: 'REQUEST_INTERNAL_REVIEW', payload: { reviewGrounds: 'Again.' } },
        '2026-05-01',
      ),
    );
    expect(again.code).toBe('EVENT_NOT_ALLOWED');
    expect(again.message).toBe(
      '"REQUEST_INTERNAL_REVIEW" is not allowed: the case is closed and the case already records reviewGrounds. Allowed now: REGULATOR_COMPLAINT_RECEIVED.',
    );

    send('REGULATOR_COMPLAINT_RECEIVED', '2026-05-01', { regulatorReference: 'IC-1-LATE' });
    expect(where()).toMatchObject({ stage: 'regulator', step: 'investigating' });
    expect(due(now())).toEqual({});
    send('INFORMALLY_RESOLVED', '2026-06-01', { resolution: 'Disclosed the rest.' });
    expect(where()).toMatchObject({ stage: 'closed' });
    // Once the ICO has dealt with it, nothing reopens the case.
    expect(allowedEvents(foi, now())).toEqual([]);
  });

  it('a SAR closed after the complaint window accepts a late complaint to the controller', () => {
    const { send, now, where } = journey(sar, '2026-07-01');
    send('WITHDRAW', '2026-07-02');
    expect(allowedEvents(sar, now()).map((e) => e.type)).toEqual([
      'COMPLAINT_RECEIVED',
      'REGULATOR_COMPLAINT_RECEIVED',
    ]);
    send('COMPLAINT_RECEIVED', '2026-09-01', { complaintGrounds: 'No reply.' });
    expect(where()).toMatchObject({ stage: 'complaints', step: 'complaint' });
    expect(due(now())).toEqual({ complaintAcknowledgeBy: '2026-10-01' });
  });
});

describe('the validator on reopen routes', () => {
  // biome-ignore lint/suspicious/noExplicitAny: the tests break definitions as raw JSON on purpose
  const withRoute = (route: Record<string, any>) => ({ ...rawWorkflow('foi'), reopenOn: [route] });
  const errorsOf = (d: unknown): Problem[] => validateWorkflow(d).errors;

  it('accepts the built-in routes', () => {
    for (const name of ['foi', 'eir', 'foisa', 'eisr', 'sar'] as const)
      expect(builtIn(name).reopenOn?.length).toBeGreaterThan(0);
  });

  it('refuses a route to a stage that does not exist, to a final stage, or that no transition there handles', () => {
    expect(errorsOf(withRoute({ event: 'REQUEST_INTERNAL_REVIEW', to: 'review-windw' }))).toEqual([
      {
        path: 'reopenOn[0].to',
        code: 'unknown-target',
        message: expect.stringMatching(
          /^Reopen route "REQUEST_INTERNAL_REVIEW" goes to stage "review-windw", which does not exist\. Stages: "received"/,
        ),
      },
    ]);
    expect(errorsOf(withRoute({ event: 'REQUEST_INTERNAL_REVIEW', to: 'closed' }))).toEqual([
      {
        path: 'reopenOn[0].to',
        code: 'reopen-to-final',
        message:
          'Reopen route "REQUEST_INTERNAL_REVIEW" goes to stage "closed", which is final: a reopened case must re-enter a stage that is not final.',
      },
    ]);
    expect(errorsOf(withRoute({ event: 'START_RESPONSE', to: 'review-window' }))).toEqual([
      {
        path: 'reopenOn[0].event',
        code: 'reopen-unhandled',
        message:
          'Reopen route "START_RESPONSE" goes to stage "review-window", but no transition there handles "START_RESPONSE" from its first step "waiting"; add one or choose another stage.',
      },
    ]);
  });

  it('refuses unnamed events and unknown guards', () => {
    expect(errorsOf(withRoute({ event: 'late review', to: 'review-window' })).map((e) => e.path)).toEqual([
      'reopenOn[0].event',
    ]);
    expect(
      errorsOf(
        withRoute({
          event: 'REQUEST_INTERNAL_REVIEW',
          to: 'review-window',
          guard: { name: 'record.missing' },
        }),
      ),
    ).toContainEqual(expect.objectContaining({ path: 'reopenOn[0].guard.name', code: 'unknown-guard' }));
  });
});
