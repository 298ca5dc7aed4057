import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { MetadataScanner, ModulesContainer } from '@nestjs/core';
import { buildSchema, type GraphQLObjectType } from 'graphql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PUBLIC_KEY, ROLES_KEY } from '../../apps/api/src/auth/roles.decorator';
import { startTestApi, type TestApi } from '../support/api';

const schema = buildSchema(readFileSync(join(__dirname, '../../schema.gql'), 'utf8'));
const operationsOf = (type: GraphQLObjectType | null | undefined) => Object.keys(type?.getFields() ?? {});
const queries = operationsOf(schema.getQueryType());
const mutations = operationsOf(schema.getMutationType());
const subscriptions = operationsOf(schema.getSubscriptionType());

/** A type-correct call of every mutation, so that only the role rule can refuse it. */
const MUTATION_CALLS: Record<string, { query: string; variables?: Record<string, unknown> }> = {
  login: { query: 'mutation { login(email: "x@example.org", password: "wrong password") { token } }' },
  saveWorkflowDraft: {
    query:
      'mutation($d: JSONObject!) { saveWorkflowDraft(input: { workflowId: "x", definition: $d }) { revision } }',
    variables: { d: { id: 'x' } },
  },
  publishWorkflow: {
    query: 'mutation { publishWorkflow(input: { workflowId: "x", revision: 1 }) { version } }',
  },
  createCase: {
    query:
      'mutation { createCase(input: { workflowId: "foi", receivedOn: "2026-01-14", channel: "email", subject: "s", requestText: "t" }) { id } }',
  },
  sendCaseEvent: {
    query:
      'mutation { sendCaseEvent(input: { caseId: "00000000-0000-0000-0000-000000000000", type: "X" }) { replayed } }',
  },
  finishCatchingUp: {
    query: 'mutation { finishCatchingUp(caseId: "00000000-0000-0000-0000-000000000000") { id } }',
  },
  assignCase: {
    query: 'mutation { assignCase(input: { caseId: "00000000-0000-0000-0000-000000000000" }) { id } }',
  },
  saveLetterTemplate: { query: 'mutation { saveLetterTemplate(kind: "response", body: "x") { kind } }' },
  generateLetter: {
    query:
      'mutation { generateLetter(caseId: "00000000-0000-0000-0000-000000000000", kind: "response") { id } }',
  },
  sendLetter: { query: 'mutation { sendLetter(documentId: "00000000-0000-0000-0000-000000000000") { id } }' },
  emailLetter: {
    query: 'mutation { emailLetter(documentId: "00000000-0000-0000-0000-000000000000") { id } }',
  },
  saveMailTemplate: { query: 'mutation { saveMailTemplate(subject: "s", body: "b") { builtIn } }' },
  confirmIncomingMail: {
    query:
      'mutation { confirmIncomingMail(id: "00000000-0000-0000-0000-000000000000", input: { workflowId: "foi", receivedOn: "2026-01-14", channel: "email", subject: "s", requestText: "t" }) { id } }',
  },
  discardIncomingMail: {
    query: 'mutation { discardIncomingMail(id: "00000000-0000-0000-0000-000000000000") { id } }',
  },
  recordIncomingMailEvent: {
    query: 'mutation { recordIncomingMailEvent(id: "00000000-0000-0000-0000-000000000000") { id } }',
  },
  dismissIncomingMailOffer: {
    query: 'mutation { dismissIncomingMailOffer(id: "00000000-0000-0000-0000-000000000000") { id } }',
  },
  pollIncomingMail: { query: 'mutation { pollIncomingMail { taken } }' },
  markNotificationsRead: { query: 'mutation { markNotificationsRead }' },
  setNotificationPreference: {
    query:
      'mutation { setNotificationPreference(input: { kind: "digest", email: false, inApp: true }) { kind } }',
  },
  saveAuthoritySettings: {
    query:
      'mutation { saveAuthoritySettings(settings: { name: "n", team: "t", email: "e", address: "a", nation: "scotland" }) { casesRecomputed } }',
  },
  removeHoliday: {
    query:
      'mutation { removeHoliday(input: { date: "2026-08-31", divisions: ["england-and-wales"], reason: "r" }) { casesRecomputed } }',
  },
  moveHoliday: {
    query:
      'mutation { moveHoliday(input: { from: "2026-08-31", to: "2026-09-01", title: "t", divisions: ["england-and-wales"] }) { casesRecomputed } }',
  },
  createWorkflow: {
    query: 'mutation { createWorkflow(input: { id: "made-here", name: "n", regime: "foi" }) { id } }',
  },
  redactDocument: {
    query:
      'mutation { redactDocument(input: { documentId: "00000000-0000-0000-0000-000000000000", redactions: [{ page: 1, text: "x", exemption: "s.40(2)", reason: "r" }] }) { id } }',
  },
  buildReleaseBundle: {
    query: 'mutation { buildReleaseBundle(caseId: "00000000-0000-0000-0000-000000000000") { id } }',
  },
  createUser: {
    query:
      'mutation { createUser(input: { email: "new@example.org", name: "New", roles: ["officer"], password: "long enough" }) { id } }',
  },
  updateUser: {
    query: 'mutation { updateUser(input: { id: "00000000-0000-0000-0000-000000000000", name: "N" }) { id } }',
  },
  resetUserPassword: {
    query: 'mutation { resetUserPassword(input: { userId: "00000000-0000-0000-0000-000000000000" }) { id } }',
  },
  endUserSessions: {
    query: 'mutation { endUserSessions(userId: "00000000-0000-0000-0000-000000000000") { id } }',
  },
  createTeam: { query: 'mutation { createTeam(input: { name: "Highways" }) { id } }' },
  createRole: { query: 'mutation { createRole(input: { name: "approver", description: "d" }) { name } }' },
  setPassword: { query: 'mutation { setPassword(token: "not a token", password: "long enough") }' },
  setWorkflowAccess: {
    query:
      'mutation { setWorkflowAccess(input: { workflowId: "sar", restricted: false, teamIds: [] }) { restricted } }',
  },
  exchangeSignInCode: { query: 'mutation { exchangeSignInCode(code: "not a code") { token } }' },
  addHoliday: {
    query:
      'mutation { addHoliday(input: { date: "2026-06-01", title: "t", divisions: ["scotland"] }) { casesRecomputed } }',
  },
  publishToDisclosureLog: {
    query: 'mutation { publishToDisclosureLog(caseId: "00000000-0000-0000-0000-000000000000") { sequence } }',
  },
  raiseTask: {
    query:
      'mutation { raiseTask(input: { caseId: "00000000-0000-0000-0000-000000000000", question: "q", teamId: "00000000-0000-0000-0000-000000000000", workingDays: 5 }) { id } }',
  },
  chaseTask: {
    query: 'mutation { chaseTask(input: { taskId: "00000000-0000-0000-0000-000000000000" }) { id } }',
  },
  answerTask: {
    query:
      'mutation { answerTask(input: { taskId: "00000000-0000-0000-0000-000000000000", answer: "a" }) { id } }',
  },
  cancelTask: {
    query:
      'mutation { cancelTask(input: { taskId: "00000000-0000-0000-0000-000000000000", reason: "r" }) { id } }',
  },
  addCaseNote: {
    query:
      'mutation { addCaseNote(input: { caseId: "00000000-0000-0000-0000-000000000000", text: "t" }) { id } }',
  },
  withdrawFromDisclosureLog: {
    query:
      'mutation { withdrawFromDisclosureLog(caseId: "00000000-0000-0000-0000-000000000000", reason: "r") { sequence } }',
  },
  saveFilter: { query: 'mutation { saveFilter(input: { name: "n", filter: { text: "x" } }) { id } }' },
  deleteFilter: { query: 'mutation { deleteFilter(id: "00000000-0000-0000-0000-000000000000") { id } }' },
  linkCases: {
    query:
      'mutation { linkCases(input: { caseId: "00000000-0000-0000-0000-000000000000", otherCaseId: "00000000-0000-0000-0000-000000000001", kind: REPEAT }) { id } }',
  },
  unlinkCases: {
    query: 'mutation { unlinkCases(input: { linkId: "00000000-0000-0000-0000-000000000000" }) { id } }',
  },
  startBulkAction: {
    query:
      'mutation { startBulkAction(input: { caseIds: ["00000000-0000-0000-0000-000000000000"], action: ASSIGN }) { id } }',
  },
  correctCase: {
    query:
      'mutation { correctCase(input: { caseId: "00000000-0000-0000-0000-000000000000", channel: "post", reason: "r" }) { version } }',
  },
  reopenCase: {
    query: 'mutation { reopenCase(caseId: "00000000-0000-0000-0000-000000000000", reason: "r") { version } }',
  },
  voidCase: {
    query: 'mutation { voidCase(caseId: "00000000-0000-0000-0000-000000000000", reason: "r") { version } }',
  },
  migrateCases: {
    query:
      'mutation { migrateCases(input: { fromVersionId: "00000000-0000-0000-0000-000000000000", toVersionId: "00000000-0000-0000-0000-000000000000", mapping: [], caseIds: [] }) { moved } }',
  },
  saveRetentionRule: {
    query: 'mutation { saveRetentionRule(input: { regime: "foi", monthsAfterClosure: 24 }) { id } }',
  },
  deleteRetentionRule: {
    query: 'mutation { deleteRetentionRule(id: "00000000-0000-0000-0000-000000000000") }',
  },
  approveDisposal: { query: 'mutation { approveDisposal(caseIds: []) { ok } }' },
  anonymiseCase: {
    query:
      'mutation { anonymiseCase(caseId: "00000000-0000-0000-0000-000000000000", reason: "r") { sequence } }',
  },
};

describe('who may do what', () => {
  let api: TestApi;
  const rules = new Map<string, string[] | 'public'>();
  beforeAll(async () => {
    api = await startTestApi('roles');
    // Every resolver method the app registered, with the role rule the guard will read.
    const scanner = new MetadataScanner();
    const wrappers = [...api.app.get(ModulesContainer).values()].flatMap((module) => [
      ...module.providers.values(),
    ]);
    for (const wrapper of wrappers) {
      const instance = wrapper.instance as object | undefined;
      if (!instance || !wrapper.metatype) continue;
      const prototype = Object.getPrototypeOf(instance);
      for (const method of scanner.getAllMethodNames(prototype)) {
        const handler = prototype[method];
        const kind = Reflect.getMetadata('graphql:resolver_type', handler);
        if (!['Query', 'Mutation', 'Subscription'].includes(kind)) continue;
        const name = Reflect.getMetadata('graphql:resolver_name', handler) ?? method;
        const isPublic = Reflect.getMetadata(PUBLIC_KEY, handler);
        const roles =
          Reflect.getMetadata(ROLES_KEY, handler) ?? Reflect.getMetadata(ROLES_KEY, wrapper.metatype);
        rules.set(name, isPublic ? 'public' : roles);
      }
    }
  });
  afterAll(() => api?.close());

  it('gives every query, mutation and subscription in schema.gql a role rule', () => {
    const missing = [...queries, ...mutations, ...subscriptions].filter((name) => {
      const rule = rules.get(name);
      return !(rule === 'public' || (Array.isArray(rule) && rule.length > 0));
    });
    expect(missing).toEqual([]);
    expect(
      [...rules]
        .filter(([, rule]) => rule === 'public')
        .map(([name]) => name)
        .sort(),
    ).toEqual(['about', 'disclosureLog', 'exchangeSignInCode', 'login', 'setPassword', 'signInOptions']);
  });

  it('lets auditors call no mutation but the public login, setPassword and exchangeSignInCode, and keep their own list filters', () => {
    const auditorMutations = mutations.filter((name) => {
      const rule = rules.get(name);
      return rule === 'public' || (Array.isArray(rule) && rule.includes('auditor'));
    });
    expect(auditorMutations.sort()).toEqual([
      'deleteFilter',
      'exchangeSignInCode',
      'login',
      'saveFilter',
      'setPassword',
    ]);
  });

  it('lets contributors call only what their tasks need, and their own notices', () => {
    const contributorOperations = [...queries, ...mutations].filter((name) => {
      const rule = rules.get(name);
      return Array.isArray(rule) && rule.includes('contributor');
    });
    expect(contributorOperations.sort()).toEqual([
      'answerTask',
      'markNotificationsRead',
      'me',
      'notificationPreferences',
      'notifications',
      'setNotificationPreference',
      'task',
      'tasks',
      'unreadNotificationCount',
    ]);
  });

  it('has a type-correct call for every mutation in this test', () => {
    expect(Object.keys(MUTATION_CALLS).sort()).toEqual([...mutations].sort());
  });

  it('answers every non-public operation without a token with UNAUTHENTICATED', async () => {
    for (const name of mutations.filter((m) => rules.get(m) !== 'public')) {
      const call = MUTATION_CALLS[name];
      if (!call) continue;
      const result = await api.graphql(call.query, call.variables);
      expect(result.errors?.[0]?.extensions?.code, name).toBe('UNAUTHENTICATED');
    }
  });

  it('refuses each mutation to each role that may not call it with FORBIDDEN, and changes nothing', async () => {
    const tables = [
      'workflow',
      'workflow_version',
      'case',
      'case_event',
      'holiday',
      'timer',
      'requester',
      'letter_template',
      'case_document',
      'attachment',
      'redaction',
      'setting',
      'calendar_setting',
      'user',
      'team',
      'user_team',
      'role',
      'user_audit',
      'case_task',
      'case_task_event',
      'case_task_attachment',
      'case_note',
      'saved_filter',
      'case_link',
      'bulk_job',
      'bulk_job_item',
      'retention_rule',
      'case_erasure',
      'incoming_mail',
      'imap_cursor',
      'notification',
      'notification_preference',
      'outgoing_mail',
    ];
    const counts = async () =>
      Promise.all(
        tables.map(async (t) => (await api.dataSource.query(`SELECT count(*)::int AS n FROM "${t}"`))[0].n),
      );
    const tokens = {
      admin: await api.signIn(['admin']),
      officer: await api.signIn(['officer']),
      auditor: await api.signIn(['auditor']),
      contributor: await api.signIn(['contributor']),
    };
    const before = await counts();
    let refused = 0;
    for (const role of ['admin', 'officer', 'auditor', 'contributor'] as const) {
      const token = tokens[role];
      for (const name of mutations) {
        const rule = rules.get(name);
        if (rule === 'public' || !Array.isArray(rule) || rule.includes(role)) continue;
        const call = MUTATION_CALLS[name];
        if (!call) continue;
        const result = await api.graphql(call.query, call.variables, token);
        expect(result.errors?.[0]?.extensions?.code, `${role} calling ${name}`).toBe('FORBIDDEN');
        expect(result.errors?.[0]?.message).toMatch(/^Only .* users may do this; you are /);
        refused++;
      }
    }
    expect(refused).toBeGreaterThanOrEqual(20);
    expect(await counts()).toEqual(before);
  });

  it('guards the REST document routes the same way: a token first, then the role', async () => {
    const none = '00000000-0000-0000-0000-000000000000';
    const routes = [
      { method: 'POST', path: `/api/cases/${none}/documents`, roles: ['officer'] },
      { method: 'GET', path: `/api/documents/${none}/content`, roles: ['admin', 'officer', 'auditor'] },
      {
        method: 'GET',
        path: `/api/documents/${none}/redaction-log.csv`,
        roles: ['admin', 'officer', 'auditor'],
      },
      { method: 'POST', path: `/api/tasks/${none}/files`, roles: ['officer', 'contributor'] },
    ];
    for (const route of routes) {
      const anonymous = await fetch(`${api.url}${route.path}`, { method: route.method });
      expect(anonymous.status, route.path).toBe(401);
      expect(await anonymous.json()).toMatchObject({ code: 'UNAUTHENTICATED' });
      for (const role of ['admin', 'officer', 'auditor', 'contributor'] as const) {
        const response = await fetch(`${api.url}${route.path}`, {
          method: route.method,
          headers: { authorization: `Bearer ${await api.signIn([role])}` },
        });
        // Allowed roles get past the guard to the 404 of a case or document that does not exist.
        expect(response.status, `${role} ${route.method} ${route.path}`).toBe(
          route.roles.includes(role) ? 404 : 403,
        );
      }
    }
  });
});
