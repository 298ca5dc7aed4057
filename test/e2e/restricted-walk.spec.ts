import { randomUUID } from 'node:crypto';
import { type GraphQLInputType, getNamedType, isListType, isNonNullType } from 'graphql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApi, type TestApi } from '../support/api';
import { type CreatedCase, createCase, handlesSars } from '../support/cases';
import {
  committedSchema,
  type Operation,
  operationsOf,
  operationText,
  type Slot,
  slotsOf,
  validValue,
  withSlot,
} from '../support/schema-walk';

/** An argument or input field that names a case by its name: caseId, caseIds, otherCaseId … */
const CASE_ID_NAME = /(^c|C)aseIds?$/;

/** Where an operation takes a case id: such slots, and the id of an operation that answers a Case (`case(id)`). */
function caseSlots(operation: Operation): Slot[] {
  return slotsOf(operation.field.args).filter((slot) => {
    if (getNamedType(slot.type).name !== 'ID') return false;
    const name = slot.path.at(-1) as string;
    if (CASE_ID_NAME.test(name)) return true;
    return slot.path.length === 1 && name === 'id' && getNamedType(operation.field.type).name === 'Case';
  });
}

const isList = (type: GraphQLInputType) => isListType(isNonNullType(type) ? type.ofType : type);

/**
 * Operations that take a case id yet need handling of their own, each with why. Every other one is
 * walked: a new operation with a case id is covered by being in schema.gql.
 */
const SPECIAL: Record<string, string> = {};

interface Answer {
  status: number;
  body: string;
  data: Record<string, unknown> | null | undefined;
  errors: { message: string; extensions?: { code?: string; id?: string } }[];
}

async function post(api: TestApi, query: string, variables: Record<string, unknown>, token: string) {
  const response = await fetch(`${api.url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    body: JSON.stringify({ query, variables }),
  });
  const body = await response.text();
  const parsed = JSON.parse(body) as Omit<Answer, 'status' | 'body'>;
  return { status: response.status, body, data: parsed.data, errors: parsed.errors ?? [] } satisfies Answer;
}

const codesOf = (answer: Answer) => answer.errors.map((e) => e.extensions?.code ?? 'NONE');

describe('a restricted case does not exist to an officer outside its teams, whatever operation names it', () => {
  let api: TestApi;
  let member: string;
  let memberId: string;
  let outsider: string;
  let sar: CreatedCase;
  let foi: CreatedCase;
  const requester = { name: 'Morgan Lee', email: 'morgan.lee@example.net' };
  const subject = 'Subject access: my housing file';

  /** What the walk must leave as it was: every row a case operation writes, and the restricted case itself. */
  const state = async () => {
    const [counts] = await api.dataSource.query(
      `SELECT (SELECT count(*) FROM case_event)::int AS events, (SELECT count(*) FROM case_note)::int AS notes,
              (SELECT count(*) FROM case_link)::int AS links, (SELECT count(*) FROM case_task)::int AS tasks,
              (SELECT count(*) FROM incoming_mail)::int AS mail, (SELECT count(*) FROM outgoing_mail)::int AS sent,
              (SELECT count(*) FROM bulk_job)::int AS jobs, (SELECT count(*) FROM case_document)::int AS letters,
              (SELECT count(*) FROM attachment)::int AS files, (SELECT count(*) FROM personal_data_read)::int AS reads`,
    );
    const [row] = await api.dataSource.query(
      `SELECT version, status, stage, assignee_id, team_id, subject, received_on, anonymised_at, updated_at
         FROM "case" WHERE id = $1`,
      [sar.id],
    );
    return { counts, row };
  };

  beforeAll(async () => {
    api = await startTestApi('restricted_walk');
    // Both hold officer and auditor: their roles let every case operation through, so only the team decides.
    member = await api.signIn(['officer', 'auditor'], 'priya.dp@example.org');
    outsider = await api.signIn(['officer', 'auditor'], 'hal.highways@example.org');
    await handlesSars(api, member);
    [{ id: memberId }] = await api.dataSource.query(
      `SELECT id FROM "user" WHERE email = 'priya.dp@example.org'`,
    );
    sar = await createCase(api, member, { workflowId: 'sar', subject, requester });
    foi = await createCase(api, outsider, { subject: 'Pothole repairs in 2025' });
    // Something of each kind on the restricted case, for the walk to be refused.
    for (const [query, variables] of [
      [
        'mutation($id: ID!) { addCaseNote(input: { caseId: $id, text: "Identity checked by phone." }) { id } }',
        { id: sar.id },
      ],
      [
        'mutation($id: ID!, $to: ID) { raiseTask(input: { caseId: $id, question: "Housing emails?", assigneeId: $to, workingDays: 5 }) { id } }',
        { id: sar.id, to: memberId },
      ],
      [
        'mutation($id: ID!, $other: ID!) { linkCases(input: { caseId: $id, otherCaseId: $other, kind: SAME_REQUESTER }) { id } }',
        { id: sar.id, other: foi.id },
      ],
      ['mutation($id: ID!) { generateLetter(caseId: $id, kind: "acknowledgement") { id } }', { id: sar.id }],
    ] as const) {
      const result = await api.graphql(query, variables, member);
      expect(result.errors, query).toBeUndefined();
    }
  });
  afterAll(() => api?.close());

  /** Every query and mutation of schema.gql with a case id, each case slot with its plausible other values. */
  const walked = () => {
    const known: Record<string, unknown> = {
      id: foi.id,
      caseId: foi.id,
      otherCaseId: foi.id,
      caseIds: [foi.id],
      text: 'Noted for the file.',
      question: 'Which emails mention the requester?',
      reason: 'Registered in error.',
      summary: 'The response in brief.',
      kind: 'acknowledgement',
      type: 'START_RESPONSE',
      workingDays: 5,
      toSequence: 1,
      assigneeId: memberId,
      fromVersionId: randomUUID(),
      toVersionId: randomUUID(),
      expectedVersion: undefined,
      body: undefined,
      dated: undefined,
    };
    const perOperation: Record<string, Record<string, unknown>> = { linkCases: { kind: 'REPEAT' } };
    const calls: {
      operation: Operation;
      slot: Slot;
      hidden: Record<string, unknown>;
      unknown: Record<string, unknown>;
      unknownId: string;
    }[] = [];
    for (const operation of operationsOf(committedSchema())) {
      const slots = caseSlots(operation);
      if (slots.length === 0 || operation.field.name in SPECIAL) continue;
      const names = { ...known, ...perOperation[operation.field.name] };
      const baseline: Record<string, unknown> = {};
      for (const arg of operation.field.args) {
        // Arguments a call may leave out are left out, but for those the walk names.
        if (!isNonNullType(arg.type) && !(arg.name in names)) continue;
        baseline[arg.name] = validValue(arg.name, arg.type, names);
      }
      for (const slot of slots) {
        const put = (id: string) => withSlot(baseline, slot.path, isList(slot.type) ? [foi.id, id] : id);
        const unknownId = randomUUID();
        calls.push({ operation, slot, hidden: put(sar.id), unknown: put(unknownId), unknownId });
      }
    }
    return calls;
  };

  it('finds the operations that take a case id in schema.gql', () => {
    const names = new Set(walked().map((c) => c.operation.field.name));
    for (const name of [
      'case',
      'addCaseNote',
      'linkCases',
      'correctCase',
      'reopenCase',
      'startBulkAction',
      'previewBulkAction',
      'caseIncomingMail',
      'tasks',
      'personalDataReads',
      'approveDisposal',
    ])
      expect(names, name).toContain(name);
    expect(names.size).toBeGreaterThan(25);
  });

  it('answers an officer outside the team NOT_FOUND (or FORBIDDEN by role) as for an unknown id, with nothing of the case, changing nothing', async () => {
    const before = await state();
    const findings: string[] = [];
    const said = (answer: Answer, id: string) =>
      JSON.stringify(answer.errors.map((e) => `${e.extensions?.code}: ${e.message.replaceAll(id, '<id>')}`));
    for (const { operation, slot, hidden, unknown, unknownId } of walked()) {
      const label = `${operation.field.name}(${slot.path.join('.')})`;
      const text = operationText(operation);
      const answer = await post(api, text, hidden, outsider);
      const codes = codesOf(answer);
      // FORBIDDEN is the role rule of an administrators' operation: administrators see every case.
      if (codes.length === 0) findings.push(`${label}: answered without refusing`);
      else if (codes.some((c) => c !== 'NOT_FOUND' && c !== 'FORBIDDEN'))
        findings.push(`${label}: ${codes.join(', ')} ${answer.errors[0]?.message}`);
      for (const secret of [sar.reference, subject, requester.name, requester.email])
        if (answer.body.includes(secret)) findings.push(`${label}: the answer shows "${secret}"`);
      // The same answer as an id nobody has: nothing tells the outsider the case exists.
      const asUnknown = await post(api, text, unknown, outsider);
      if (said(answer, sar.id) !== said(asUnknown, unknownId))
        findings.push(`${label}: ${said(answer, sar.id)}, for an unknown id ${said(asUnknown, unknownId)}`);
    }
    expect(findings).toEqual([]);
    expect(await state()).toEqual(before);
  }, 300_000);

  it('lets a member of the team make the same calls: each works or fails for an ordinary reason', async () => {
    const refusedAsHidden: string[] = [];
    const answers = new Map<string, Answer>();
    for (const { operation, slot, hidden } of walked()) {
      const label = `${operation.field.name}(${slot.path.join('.')})`;
      const answer = await post(api, operationText(operation), hidden, member);
      answers.set(operation.field.name, answers.get(operation.field.name) ?? answer);
      const codes = codesOf(answer);
      if (codes.includes('INTERNAL_SERVER_ERROR'))
        refusedAsHidden.push(`${label}: ${answer.body.slice(0, 300)}`);
      if (answer.errors.some((e) => e.extensions?.code === 'NOT_FOUND' && e.extensions.id === sar.id))
        refusedAsHidden.push(`${label}: NOT_FOUND for the member`);
    }
    expect(refusedAsHidden).toEqual([]);
    // The representative ones succeed outright.
    for (const name of [
      'case',
      'addCaseNote',
      'caseIncomingMail',
      'caseMails',
      'caseAttachments',
      'tasks',
      'raiseTask',
      'assignCase',
      'verifyCaseHistory',
      'exportCaseBundle',
      'personalDataReads',
      'previewBulkAction',
    ])
      expect(answers.get(name)?.errors, name).toEqual([]);
  }, 300_000);
});
