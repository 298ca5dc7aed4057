/* eslint-disable */
import * as types from './graphql';



/**
 * Map of all GraphQL operations in the project.
 *
 * This map has several performance disadvantages:
 * 1. It is not tree-shakeable, so it will include all operations in the project.
 * 2. It is not minifiable, so the string of a GraphQL query will be multiple times inside the bundle.
 * 3. It does not support dead code elimination, so it will add unused operations.
 *
 * Therefore it is highly recommended to use the babel or swc plugin for production.
 * Learn more about it here: https://the-guild.dev/graphql/codegen/plugins/presets/preset-client#reducing-bundle-size
 */
type Documents = {
    "\n  query CaseDocuments($id: ID!) {\n    caseDocuments(caseId: $id) { id template format filename sha256 sentSequence }\n  }\n": typeof types.CaseDocumentsDocument,
    "\n  query DocumentFile($id: ID!) { documentFile(documentId: $id) { base64 mimeType } }\n": typeof types.DocumentFileDocument,
    "\n  mutation GenerateLetter($id: ID!, $kind: String!) { generateLetter(caseId: $id, kind: $kind) { id } }\n": typeof types.GenerateLetterDocument,
    "\n  mutation SendLetter($id: ID!) { sendLetter(documentId: $id) { id } }\n": typeof types.SendLetterDocument,
    "\n  query StageGraph($id: ID!) {\n    workflow(id: $id) { versions { version definition } }\n  }\n": typeof types.StageGraphDocument,
    "\n  query SimulatorHolidays { holidays { date title divisions } }\n": typeof types.SimulatorHolidaysDocument,
    "\n  query EditorWorkflow($id: ID!) {\n    workflow(id: $id) {\n      id\n      name\n      regime\n      published { version definition }\n      draft { revision definition savedAt savedBy { name } }\n      versions { id version status publishedAt publishedBy { name } definition definitionHash }\n    }\n  }\n": typeof types.EditorWorkflowDocument,
    "\n  query CurrentDraft($id: ID!) {\n    workflow(id: $id) {\n      draft { revision definition savedAt savedBy { name } }\n      published { version }\n    }\n  }\n": typeof types.CurrentDraftDocument,
    "\n  mutation SaveWorkflowDraft($input: SaveWorkflowDraftInput!) {\n    saveWorkflowDraft(input: $input) { revision savedAt }\n  }\n": typeof types.SaveWorkflowDraftDocument,
    "\n  mutation PublishWorkflow($input: PublishWorkflowInput!) {\n    publishWorkflow(input: $input) { version publishedAt }\n  }\n": typeof types.PublishWorkflowDocument,
    "\n  query AuditHistory($id: ID!) {\n    case(id: $id) {\n      reference subject workflowId\n      history { sequence type actorLabel recordedAt effectiveOn workflowVersion payload hash }\n    }\n  }\n": typeof types.AuditHistoryDocument,
    "\n  query ReplayCase($id: ID!, $to: Int!) {\n    replayCase(caseId: $id, toSequence: $to) { stage stageLabel stepLabel deadlines { name label due } }\n  }\n": typeof types.ReplayCaseDocument,
    "\n  query VerifyCaseHistory($id: ID!) {\n    verifyCaseHistory(caseId: $id) { ok eventsChecked firstBadSequence reason }\n  }\n": typeof types.VerifyCaseHistoryDocument,
    "\n  query ExportCaseBundle($id: ID!) { exportCaseBundle(caseId: $id) }\n": typeof types.ExportCaseBundleDocument,
    "\n  query AuditList($filter: CasesFilter) {\n    cases(filter: $filter, first: 200) {\n      count { value exact }\n      edges { node { id reference subject stageLabel receivedOn } }\n    }\n  }\n": typeof types.AuditListDocument,
    "\n  query CaseList($filter: CasesFilter, $first: Int) {\n    cases(filter: $filter, first: $first) {\n      count { value exact }\n      edges { node { id reference regime subject stageLabel stepLabel dueDate overdue dueSoon assignee { name } } }\n    }\n  }\n": typeof types.CaseListDocument,
    "\n  query CaseListCounts {\n    all: cases(first: 1) { count { value exact } }\n    mine: cases(filter: { mine: true }, first: 1) { count { value exact } }\n    soon: cases(filter: { dueSoon: true }, first: 1) { count { value exact } }\n    overdue: cases(filter: { overdue: true }, first: 1) { count { value exact } }\n    closed: cases(filter: { status: \"closed\" }, first: 1) { count { value exact } }\n  }\n": typeof types.CaseListCountsDocument,
    "\n  mutation CreateCase($input: CreateCaseInput!) {\n    createCase(input: $input) { id }\n  }\n": typeof types.CreateCaseDocument,
    "\n  query CasePage($id: ID!) {\n    case(id: $id) {\n      id reference subject requestText channel receivedOn status stage stageLabel stepLabel version\n      dueDate overdue dueSoon outcome workflowId workflowVersion\n      assignee { id name }\n      requester { name email }\n      deadlines { name label due statutory }\n      deadlineExplanation { summary skipped { date reason } }\n      allowedEvents { type label inputSchema }\n      state\n      history { sequence type actorLabel recordedAt effectiveOn stageAfter }\n    }\n  }\n": typeof types.CasePageDocument,
    "\n  mutation SendCaseEvent($input: SendCaseEventInput!) {\n    sendCaseEvent(input: $input) { case { version } }\n  }\n": typeof types.SendCaseEventDocument,
    "\n  mutation AssignCase($input: AssignCaseInput!) {\n    assignCase(input: $input) { version }\n  }\n": typeof types.AssignCaseDocument,
    "\n  query Dashboard($from: LocalDate!, $to: LocalDate!) {\n    statistics(from: $from, to: $to, groupBy: MONTH) {\n      received answered inTime inTimeExtended late lateWorkingDaysAverage\n      periods {\n        period from to received answered inTime inTimeExtended late\n        outcomes { key count }\n        exemptions { key count }\n      }\n    }\n  }\n": typeof types.DashboardDocument,
    "\n  query Letters {\n    letterTemplates { kind body builtIn }\n    cases(filter: { status: \"all\" }, first: 50) { edges { node { id reference } } }\n  }\n": typeof types.LettersDocument,
    "\n  query PreviewLetter($id: ID!, $kind: String!, $body: String) {\n    previewLetter(caseId: $id, kind: $kind, body: $body)\n  }\n": typeof types.PreviewLetterDocument,
    "\n  mutation SaveLetterTemplate($kind: String!, $body: String!) {\n    saveLetterTemplate(kind: $kind, body: $body) { kind }\n  }\n": typeof types.SaveLetterTemplateDocument,
    "\n  mutation SignIn($email: String!, $password: String!) {\n    login(email: $email, password: $password) { token expiresAt user { id email name roles } }\n  }\n": typeof types.SignInDocument,
    "\n  query WorkflowList {\n    workflows {\n      id\n      name\n      regime\n      published { version publishedAt }\n      draft { revision savedAt savedBy { name } errors { message } }\n    }\n  }\n": typeof types.WorkflowListDocument,
};
const documents: Documents = {
    "\n  query CaseDocuments($id: ID!) {\n    caseDocuments(caseId: $id) { id template format filename sha256 sentSequence }\n  }\n": types.CaseDocumentsDocument,
    "\n  query DocumentFile($id: ID!) { documentFile(documentId: $id) { base64 mimeType } }\n": types.DocumentFileDocument,
    "\n  mutation GenerateLetter($id: ID!, $kind: String!) { generateLetter(caseId: $id, kind: $kind) { id } }\n": types.GenerateLetterDocument,
    "\n  mutation SendLetter($id: ID!) { sendLetter(documentId: $id) { id } }\n": types.SendLetterDocument,
    "\n  query StageGraph($id: ID!) {\n    workflow(id: $id) { versions { version definition } }\n  }\n": types.StageGraphDocument,
    "\n  query SimulatorHolidays { holidays { date title divisions } }\n": types.SimulatorHolidaysDocument,
    "\n  query EditorWorkflow($id: ID!) {\n    workflow(id: $id) {\n      id\n      name\n      regime\n      published { version definition }\n      draft { revision definition savedAt savedBy { name } }\n      versions { id version status publishedAt publishedBy { name } definition definitionHash }\n    }\n  }\n": types.EditorWorkflowDocument,
    "\n  query CurrentDraft($id: ID!) {\n    workflow(id: $id) {\n      draft { revision definition savedAt savedBy { name } }\n      published { version }\n    }\n  }\n": types.CurrentDraftDocument,
    "\n  mutation SaveWorkflowDraft($input: SaveWorkflowDraftInput!) {\n    saveWorkflowDraft(input: $input) { revision savedAt }\n  }\n": types.SaveWorkflowDraftDocument,
    "\n  mutation PublishWorkflow($input: PublishWorkflowInput!) {\n    publishWorkflow(input: $input) { version publishedAt }\n  }\n": types.PublishWorkflowDocument,
    "\n  query AuditHistory($id: ID!) {\n    case(id: $id) {\n      reference subject workflowId\n      history { sequence type actorLabel recordedAt effectiveOn workflowVersion payload hash }\n    }\n  }\n": types.AuditHistoryDocument,
    "\n  query ReplayCase($id: ID!, $to: Int!) {\n    replayCase(caseId: $id, toSequence: $to) { stage stageLabel stepLabel deadlines { name label due } }\n  }\n": types.ReplayCaseDocument,
    "\n  query VerifyCaseHistory($id: ID!) {\n    verifyCaseHistory(caseId: $id) { ok eventsChecked firstBadSequence reason }\n  }\n": types.VerifyCaseHistoryDocument,
    "\n  query ExportCaseBundle($id: ID!) { exportCaseBundle(caseId: $id) }\n": types.ExportCaseBundleDocument,
    "\n  query AuditList($filter: CasesFilter) {\n    cases(filter: $filter, first: 200) {\n      count { value exact }\n      edges { node { id reference subject stageLabel receivedOn } }\n    }\n  }\n": types.AuditListDocument,
    "\n  query CaseList($filter: CasesFilter, $first: Int) {\n    cases(filter: $filter, first: $first) {\n      count { value exact }\n      edges { node { id reference regime subject stageLabel stepLabel dueDate overdue dueSoon assignee { name } } }\n    }\n  }\n": types.CaseListDocument,
    "\n  query CaseListCounts {\n    all: cases(first: 1) { count { value exact } }\n    mine: cases(filter: { mine: true }, first: 1) { count { value exact } }\n    soon: cases(filter: { dueSoon: true }, first: 1) { count { value exact } }\n    overdue: cases(filter: { overdue: true }, first: 1) { count { value exact } }\n    closed: cases(filter: { status: \"closed\" }, first: 1) { count { value exact } }\n  }\n": types.CaseListCountsDocument,
    "\n  mutation CreateCase($input: CreateCaseInput!) {\n    createCase(input: $input) { id }\n  }\n": types.CreateCaseDocument,
    "\n  query CasePage($id: ID!) {\n    case(id: $id) {\n      id reference subject requestText channel receivedOn status stage stageLabel stepLabel version\n      dueDate overdue dueSoon outcome workflowId workflowVersion\n      assignee { id name }\n      requester { name email }\n      deadlines { name label due statutory }\n      deadlineExplanation { summary skipped { date reason } }\n      allowedEvents { type label inputSchema }\n      state\n      history { sequence type actorLabel recordedAt effectiveOn stageAfter }\n    }\n  }\n": types.CasePageDocument,
    "\n  mutation SendCaseEvent($input: SendCaseEventInput!) {\n    sendCaseEvent(input: $input) { case { version } }\n  }\n": types.SendCaseEventDocument,
    "\n  mutation AssignCase($input: AssignCaseInput!) {\n    assignCase(input: $input) { version }\n  }\n": types.AssignCaseDocument,
    "\n  query Dashboard($from: LocalDate!, $to: LocalDate!) {\n    statistics(from: $from, to: $to, groupBy: MONTH) {\n      received answered inTime inTimeExtended late lateWorkingDaysAverage\n      periods {\n        period from to received answered inTime inTimeExtended late\n        outcomes { key count }\n        exemptions { key count }\n      }\n    }\n  }\n": types.DashboardDocument,
    "\n  query Letters {\n    letterTemplates { kind body builtIn }\n    cases(filter: { status: \"all\" }, first: 50) { edges { node { id reference } } }\n  }\n": types.LettersDocument,
    "\n  query PreviewLetter($id: ID!, $kind: String!, $body: String) {\n    previewLetter(caseId: $id, kind: $kind, body: $body)\n  }\n": types.PreviewLetterDocument,
    "\n  mutation SaveLetterTemplate($kind: String!, $body: String!) {\n    saveLetterTemplate(kind: $kind, body: $body) { kind }\n  }\n": types.SaveLetterTemplateDocument,
    "\n  mutation SignIn($email: String!, $password: String!) {\n    login(email: $email, password: $password) { token expiresAt user { id email name roles } }\n  }\n": types.SignInDocument,
    "\n  query WorkflowList {\n    workflows {\n      id\n      name\n      regime\n      published { version publishedAt }\n      draft { revision savedAt savedBy { name } errors { message } }\n    }\n  }\n": types.WorkflowListDocument,
};

/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query CaseDocuments($id: ID!) {\n    caseDocuments(caseId: $id) { id template format filename sha256 sentSequence }\n  }\n"): typeof import('./graphql').CaseDocumentsDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query DocumentFile($id: ID!) { documentFile(documentId: $id) { base64 mimeType } }\n"): typeof import('./graphql').DocumentFileDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation GenerateLetter($id: ID!, $kind: String!) { generateLetter(caseId: $id, kind: $kind) { id } }\n"): typeof import('./graphql').GenerateLetterDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation SendLetter($id: ID!) { sendLetter(documentId: $id) { id } }\n"): typeof import('./graphql').SendLetterDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query StageGraph($id: ID!) {\n    workflow(id: $id) { versions { version definition } }\n  }\n"): typeof import('./graphql').StageGraphDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query SimulatorHolidays { holidays { date title divisions } }\n"): typeof import('./graphql').SimulatorHolidaysDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query EditorWorkflow($id: ID!) {\n    workflow(id: $id) {\n      id\n      name\n      regime\n      published { version definition }\n      draft { revision definition savedAt savedBy { name } }\n      versions { id version status publishedAt publishedBy { name } definition definitionHash }\n    }\n  }\n"): typeof import('./graphql').EditorWorkflowDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query CurrentDraft($id: ID!) {\n    workflow(id: $id) {\n      draft { revision definition savedAt savedBy { name } }\n      published { version }\n    }\n  }\n"): typeof import('./graphql').CurrentDraftDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation SaveWorkflowDraft($input: SaveWorkflowDraftInput!) {\n    saveWorkflowDraft(input: $input) { revision savedAt }\n  }\n"): typeof import('./graphql').SaveWorkflowDraftDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation PublishWorkflow($input: PublishWorkflowInput!) {\n    publishWorkflow(input: $input) { version publishedAt }\n  }\n"): typeof import('./graphql').PublishWorkflowDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query AuditHistory($id: ID!) {\n    case(id: $id) {\n      reference subject workflowId\n      history { sequence type actorLabel recordedAt effectiveOn workflowVersion payload hash }\n    }\n  }\n"): typeof import('./graphql').AuditHistoryDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ReplayCase($id: ID!, $to: Int!) {\n    replayCase(caseId: $id, toSequence: $to) { stage stageLabel stepLabel deadlines { name label due } }\n  }\n"): typeof import('./graphql').ReplayCaseDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query VerifyCaseHistory($id: ID!) {\n    verifyCaseHistory(caseId: $id) { ok eventsChecked firstBadSequence reason }\n  }\n"): typeof import('./graphql').VerifyCaseHistoryDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ExportCaseBundle($id: ID!) { exportCaseBundle(caseId: $id) }\n"): typeof import('./graphql').ExportCaseBundleDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query AuditList($filter: CasesFilter) {\n    cases(filter: $filter, first: 200) {\n      count { value exact }\n      edges { node { id reference subject stageLabel receivedOn } }\n    }\n  }\n"): typeof import('./graphql').AuditListDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query CaseList($filter: CasesFilter, $first: Int) {\n    cases(filter: $filter, first: $first) {\n      count { value exact }\n      edges { node { id reference regime subject stageLabel stepLabel dueDate overdue dueSoon assignee { name } } }\n    }\n  }\n"): typeof import('./graphql').CaseListDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query CaseListCounts {\n    all: cases(first: 1) { count { value exact } }\n    mine: cases(filter: { mine: true }, first: 1) { count { value exact } }\n    soon: cases(filter: { dueSoon: true }, first: 1) { count { value exact } }\n    overdue: cases(filter: { overdue: true }, first: 1) { count { value exact } }\n    closed: cases(filter: { status: \"closed\" }, first: 1) { count { value exact } }\n  }\n"): typeof import('./graphql').CaseListCountsDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CreateCase($input: CreateCaseInput!) {\n    createCase(input: $input) { id }\n  }\n"): typeof import('./graphql').CreateCaseDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query CasePage($id: ID!) {\n    case(id: $id) {\n      id reference subject requestText channel receivedOn status stage stageLabel stepLabel version\n      dueDate overdue dueSoon outcome workflowId workflowVersion\n      assignee { id name }\n      requester { name email }\n      deadlines { name label due statutory }\n      deadlineExplanation { summary skipped { date reason } }\n      allowedEvents { type label inputSchema }\n      state\n      history { sequence type actorLabel recordedAt effectiveOn stageAfter }\n    }\n  }\n"): typeof import('./graphql').CasePageDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation SendCaseEvent($input: SendCaseEventInput!) {\n    sendCaseEvent(input: $input) { case { version } }\n  }\n"): typeof import('./graphql').SendCaseEventDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation AssignCase($input: AssignCaseInput!) {\n    assignCase(input: $input) { version }\n  }\n"): typeof import('./graphql').AssignCaseDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Dashboard($from: LocalDate!, $to: LocalDate!) {\n    statistics(from: $from, to: $to, groupBy: MONTH) {\n      received answered inTime inTimeExtended late lateWorkingDaysAverage\n      periods {\n        period from to received answered inTime inTimeExtended late\n        outcomes { key count }\n        exemptions { key count }\n      }\n    }\n  }\n"): typeof import('./graphql').DashboardDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Letters {\n    letterTemplates { kind body builtIn }\n    cases(filter: { status: \"all\" }, first: 50) { edges { node { id reference } } }\n  }\n"): typeof import('./graphql').LettersDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query PreviewLetter($id: ID!, $kind: String!, $body: String) {\n    previewLetter(caseId: $id, kind: $kind, body: $body)\n  }\n"): typeof import('./graphql').PreviewLetterDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation SaveLetterTemplate($kind: String!, $body: String!) {\n    saveLetterTemplate(kind: $kind, body: $body) { kind }\n  }\n"): typeof import('./graphql').SaveLetterTemplateDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation SignIn($email: String!, $password: String!) {\n    login(email: $email, password: $password) { token expiresAt user { id email name roles } }\n  }\n"): typeof import('./graphql').SignInDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query WorkflowList {\n    workflows {\n      id\n      name\n      regime\n      published { version publishedAt }\n      draft { revision savedAt savedBy { name } errors { message } }\n    }\n  }\n"): typeof import('./graphql').WorkflowListDocument;


export function graphql(source: string) {
  return (documents as any)[source] ?? {};
}
