import { describe, expect, it } from 'vitest';
import type { CaseSnapshot } from './step';
import { describeState, initialSnapshot, senderRefusal, step, WorkflowError } from './step';
import { builtIn } from './test-support/built-ins';

const stored = (snapshot: CaseSnapshot): CaseSnapshot => JSON.parse(JSON.stringify(snapshot));
const granted = {
  outcome: 'granted-in-full',
  answers: [{ question: 'The request', answer: 'The figures are attached.' }],
  held: true,
};

function journey(workflow: 'foi' | 'eir' | 'foisa' | 'eisr' | 'sar') {
  const definition = builtIn(workflow);
  let snapshot = initialSnapshot(definition, { receivedOn: '2026-01-14' }).snapshot;
  const send = (type: string, payload: Record<string, unknown>, roles: string[], actor: string | null) => {
    const result = step(definition, stored(snapshot), { type, at: '2026-01-16', payload }, '2026-01-16', {
      roles,
      actor,
    });
    snapshot = result.snapshot;
    return result;
  };
  return { definition, send, now: () => snapshot };
}

describe('separation of duties in every built-in workflow', () => {
  for (const workflow of ['foi', 'eir', 'foisa', 'eisr', 'sar'] as const) {
    it(`${workflow}: the drafter cannot approve their own response; another approver can, and sending stops the clock`, () => {
      const { definition, send, now } = journey(workflow);
      send('START_RESPONSE', {}, ['officer'], 'alice');
      send('SUBMIT_FOR_APPROVAL', granted, ['officer'], 'alice');
      expect(now().context.record.draftedBy).toBe('alice');
      expect(senderRefusal(definition, now(), 'APPROVE_RESPONSE', 'alice')).toMatch(
        /you drafted or last changed/,
      );
      expect(senderRefusal(definition, now(), 'APPROVE_RESPONSE', 'bob')).toBeNull();
      let refusal: unknown;
      try {
        send('APPROVE_RESPONSE', {}, ['officer', 'approver'], 'alice');
      } catch (error) {
        refusal = error;
      }
      expect(refusal).toBeInstanceOf(WorkflowError);
      expect(refusal).toMatchObject({ code: 'EVENT_NOT_ALLOWED' });
      expect((refusal as Error).message).toMatch(/separation of duties/);
      // An officer without the approver role is FORBIDDEN, whoever drafted.
      expect(() => send('APPROVE_RESPONSE', {}, ['officer'], 'carol')).toThrow(/Only approver may send/);

      send('APPROVE_RESPONSE', {}, ['approver'], 'bob');
      expect(describeState(definition, now()).step).toBe('approved');
      expect(now().context.record.approvedBy).toBe('bob');
      // Approval does not stop the clock: the response is still due (sending stops it).
      expect(now().context.deadlines.response?.due).toMatch(/^\d{4}-\d{2}-\d{2}$/);
      // Another letter recorded as sent does not send the response.
      expect(() =>
        send('RESPONSE_SENT', { letter: 'acknowledgement', channel: 'post' }, ['system'], 'alice'),
      ).toThrow(WorkflowError);
      send('RESPONSE_SENT', { letter: 'response', channel: 'post' }, ['system'], 'alice');
      expect(now().context.record.timeliness).toBe('in-time');
      expect(now().context.deadlines.response).toBeUndefined();
    });
  }

  it('a response sent back with comments, then changed by another officer: the last one to change it cannot approve', () => {
    const { definition, send, now } = journey('foi');
    send('START_RESPONSE', {}, ['officer'], 'alice');
    send('SUBMIT_FOR_APPROVAL', granted, ['officer'], 'alice');
    send('REQUEST_CHANGES', { changesRequested: 'Name the camera makes.' }, ['approver'], 'bob');
    expect(describeState(definition, now()).step).toBe('drafting');
    expect(now().context.record.changesRequested).toBe('Name the camera makes.');
    send('SUBMIT_FOR_APPROVAL', granted, ['officer', 'approver'], 'bob');
    expect(senderRefusal(definition, now(), 'APPROVE_RESPONSE', 'bob')).toMatch(/separation of duties/);
    send('APPROVE_RESPONSE', {}, ['approver'], 'alice');
    // Amended before it went: back to drafting, to be approved again.
    send('AMEND_RESPONSE', { amendmentReason: 'A figure was wrong.' }, ['officer'], 'alice');
    expect(describeState(definition, now()).step).toBe('drafting');
  });

  it('a correction after sending is its own event and queues a new letter', () => {
    const { definition, send, now } = journey('foi');
    send('START_RESPONSE', {}, ['officer'], 'alice');
    send('SUBMIT_FOR_APPROVAL', granted, ['officer'], 'alice');
    send('APPROVE_RESPONSE', {}, ['approver'], 'bob');
    send('RESPONSE_SENT', { letter: 'response', channel: 'email' }, ['system'], 'alice');
    const corrected = send(
      'CORRECT_RESPONSE',
      {
        correctionReason: 'The first letter gave the wrong number of cameras.',
        answers: [{ question: 'The request', answer: 'The corrected figures are attached.' }],
      },
      ['officer'],
      'alice',
    );
    expect(corrected.effects).toContainEqual({ type: 'letter.queue', template: 'response' });
    expect(describeState(definition, now())).toMatchObject({ stage: 'review-window', step: 'waiting' });
    expect(now().context.record).toMatchObject({ corrected: true, timeliness: 'in-time' });
  });
});
