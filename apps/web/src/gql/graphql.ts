/* eslint-disable */
/** Internal type. DO NOT USE DIRECTLY. */
type Exact<T extends { [key: string]: unknown }> = { [K in keyof T]: T[K] };
/** Internal type. DO NOT USE DIRECTLY. */
export type Incremental<T> = T | { [P in keyof T]?: P extends ' $fragmentName' | '__typename' ? T[P] : never };
import type { DocumentTypeDecoration } from '@graphql-typed-document-node/core';
export type AssignCaseInput = {
  /** The officer to assign; null to unassign. */
  assigneeId?: string | number | null | undefined;
  caseId: string | number;
  expectedVersion?: number | null | undefined;
};

/** Every field narrows the list; omit a field to not filter on it. */
export type CasesFilter = {
  /** Cases answered after their time limit (true) or not late (false), as the statistics count them. */
  answeredLate?: boolean | null | undefined;
  assigneeId?: string | number | null | undefined;
  /** Cases due on or before this date. */
  dueBefore?: string | null | undefined;
  /** Open cases due today or within 5 working days on their regime's calendar, not yet overdue (Case.dueSoon). */
  dueSoon?: boolean | null | undefined;
  /** Only cases assigned to the signed-in user. */
  mine?: boolean | null | undefined;
  /** Open cases whose deadline has passed (Case.overdue). */
  overdue?: boolean | null | undefined;
  /** Cases received on or after this date. */
  receivedFrom?: string | null | undefined;
  /** Cases received on or before this date. */
  receivedTo?: string | null | undefined;
  /** foi, eir, foisa or sar */
  regime?: string | null | undefined;
  stage?: string | null | undefined;
  /** open (default) or closed; "all" for both. */
  status?: string | null | undefined;
  /** Words of the reference or subject, in any order; the last may be half typed ("FOI-2026-0001", "parking fin"). */
  text?: string | null | undefined;
};

export type CreateCaseInput = {
  /** How it arrived: email, post, web form, phone (SAR) … */
  channel: string;
  /** Date the request was received (day 0 of the statutory clock). */
  receivedOn: string;
  /** The request as the requester wrote it. */
  requestText: string;
  requester?: RequesterInput | null | undefined;
  subject: string;
  /** The workflow to run (its published version), e.g. "foi". */
  workflowId: string | number;
};

export type PublishWorkflowInput = {
  /** The draft revision being published, so an unseen save is not published. */
  revision: number;
  workflowId: string | number;
};

/** The requester's personal data: kept apart from the case history so it can be erased. */
export type RequesterInput = {
  /** Postal address, for requests that arrived by post. */
  address?: string | null | undefined;
  email?: string | null | undefined;
  name?: string | null | undefined;
};

/** admin edits and publishes workflows; officer moves cases; auditor reads history. */
export type Role =
  | 'admin'
  | 'auditor'
  | 'officer';

export type SaveWorkflowDraftInput = {
  /** The draft revision this edit started from; omit only when there is no draft yet. */
  baseRevision?: number | null | undefined;
  /** The whole definition, as in workflows/schema.json. */
  definition: Record<string, unknown>;
  /** The workflow's id; a new id creates a new workflow. */
  workflowId: string | number;
};

export type SendCaseEventInput = {
  caseId: string | number;
  /** The day it happened in law (e.g. a clarification received by post yesterday); defaults to today. */
  effectiveOn?: string | null | undefined;
  /** Refuse with VERSION_CONFLICT unless the case is at this version. */
  expectedVersion?: number | null | undefined;
  /** A retry with the same key returns the first result and applies nothing twice. */
  idempotencyKey?: string | null | undefined;
  /** The event's inputs, as its inputSchema says. */
  payload?: Record<string, unknown> | null | undefined;
  /** One of the case's allowedEvents, e.g. "REQUEST_CLARIFICATION". */
  type: string;
};

export type CaseDocumentsQueryVariables = Exact<{
  id: string | number;
}>;


export type CaseDocumentsQuery = { caseDocuments: Array<{ id: string, template: string, format: string, filename: string, sha256: string, sentSequence: number | null }> };

export type DocumentFileQueryVariables = Exact<{
  id: string | number;
}>;


export type DocumentFileQuery = { documentFile: { base64: string, mimeType: string } };

export type GenerateLetterMutationVariables = Exact<{
  id: string | number;
  kind: string;
}>;


export type GenerateLetterMutation = { generateLetter: Array<{ id: string }> };

export type SendLetterMutationVariables = Exact<{
  id: string | number;
}>;


export type SendLetterMutation = { sendLetter: { id: string } };

export type StageGraphQueryVariables = Exact<{
  id: string | number;
}>;


export type StageGraphQuery = { workflow: { versions: Array<{ version: number, definition: Record<string, unknown> }> } };

export type SimulatorHolidaysQueryVariables = Exact<{ [key: string]: never; }>;


export type SimulatorHolidaysQuery = { holidays: Array<{ date: string, title: string, divisions: Array<string> }> };

export type EditorWorkflowQueryVariables = Exact<{
  id: string | number;
}>;


export type EditorWorkflowQuery = { workflow: { id: string, name: string, regime: string, published: { version: number, definition: Record<string, unknown> } | null, draft: { revision: number, definition: Record<string, unknown>, savedAt: string, savedBy: { name: string } | null } | null, versions: Array<{ id: string, version: number, status: string, publishedAt: string | null, definition: Record<string, unknown>, definitionHash: string, publishedBy: { name: string } | null }> } };

export type CurrentDraftQueryVariables = Exact<{
  id: string | number;
}>;


export type CurrentDraftQuery = { workflow: { draft: { revision: number, definition: Record<string, unknown>, savedAt: string, savedBy: { name: string } | null } | null, published: { version: number } | null } };

export type SaveWorkflowDraftMutationVariables = Exact<{
  input: SaveWorkflowDraftInput;
}>;


export type SaveWorkflowDraftMutation = { saveWorkflowDraft: { revision: number, savedAt: string } };

export type PublishWorkflowMutationVariables = Exact<{
  input: PublishWorkflowInput;
}>;


export type PublishWorkflowMutation = { publishWorkflow: { version: number, publishedAt: string | null } };

export type AuditHistoryQueryVariables = Exact<{
  id: string | number;
}>;


export type AuditHistoryQuery = { case: { reference: string, subject: string, workflowId: string, history: Array<{ sequence: number, type: string, actorLabel: string, recordedAt: string, effectiveOn: string, workflowVersion: number, payload: unknown, hash: string }> } };

export type ReplayCaseQueryVariables = Exact<{
  id: string | number;
  to: number;
}>;


export type ReplayCaseQuery = { replayCase: { stage: string, stageLabel: string, stepLabel: string, deadlines: Array<{ name: string, label: string, due: string | null }> } };

export type VerifyCaseHistoryQueryVariables = Exact<{
  id: string | number;
}>;


export type VerifyCaseHistoryQuery = { verifyCaseHistory: { ok: boolean, eventsChecked: number, firstBadSequence: number | null, reason: string | null } };

export type ExportCaseBundleQueryVariables = Exact<{
  id: string | number;
}>;


export type ExportCaseBundleQuery = { exportCaseBundle: Record<string, unknown> };

export type AuditListQueryVariables = Exact<{
  filter?: CasesFilter | null | undefined;
}>;


export type AuditListQuery = { cases: { count: { value: number, exact: boolean }, edges: Array<{ node: { id: string, reference: string, subject: string, stageLabel: string, receivedOn: string } }> } };

export type CaseListQueryVariables = Exact<{
  filter?: CasesFilter | null | undefined;
  first?: number | null | undefined;
}>;


export type CaseListQuery = { cases: { count: { value: number, exact: boolean }, edges: Array<{ node: { id: string, reference: string, regime: string, subject: string, stageLabel: string, stepLabel: string, dueDate: string | null, overdue: boolean, dueSoon: boolean, assignee: { name: string } | null } }> } };

export type CaseListCountsQueryVariables = Exact<{ [key: string]: never; }>;


export type CaseListCountsQuery = { all: { count: { value: number, exact: boolean } }, mine: { count: { value: number, exact: boolean } }, soon: { count: { value: number, exact: boolean } }, overdue: { count: { value: number, exact: boolean } }, closed: { count: { value: number, exact: boolean } } };

export type CreateCaseMutationVariables = Exact<{
  input: CreateCaseInput;
}>;


export type CreateCaseMutation = { createCase: { id: string } };

export type CasePageQueryVariables = Exact<{
  id: string | number;
}>;


export type CasePageQuery = { case: { id: string, reference: string, subject: string, requestText: string, channel: string, receivedOn: string, status: string, stage: string, stageLabel: string, stepLabel: string, version: number, dueDate: string | null, overdue: boolean, dueSoon: boolean, outcome: string | null, workflowId: string, workflowVersion: number, state: Record<string, unknown>, assignee: { id: string, name: string } | null, requester: { name: string | null, email: string | null } | null, deadlines: Array<{ name: string, label: string, due: string | null, statutory: boolean }>, deadlineExplanation: { summary: string, skipped: Array<{ date: string, reason: string }> } | null, allowedEvents: Array<{ type: string, label: string, inputSchema: Record<string, unknown> }>, history: Array<{ sequence: number, type: string, actorLabel: string, recordedAt: string, effectiveOn: string, stageAfter: string }> } };

export type SendCaseEventMutationVariables = Exact<{
  input: SendCaseEventInput;
}>;


export type SendCaseEventMutation = { sendCaseEvent: { case: { version: number } } };

export type AssignCaseMutationVariables = Exact<{
  input: AssignCaseInput;
}>;


export type AssignCaseMutation = { assignCase: { version: number } };

export type DashboardQueryVariables = Exact<{
  from: string;
  to: string;
}>;


export type DashboardQuery = { statistics: { received: number, answered: number, inTime: number, inTimeExtended: number, late: number, lateWorkingDaysAverage: number | null, periods: Array<{ period: string, from: string, to: string, received: number, answered: number, inTime: number, inTimeExtended: number, late: number, outcomes: Array<{ key: string, count: number }>, exemptions: Array<{ key: string, count: number }> }> } };

export type LettersQueryVariables = Exact<{ [key: string]: never; }>;


export type LettersQuery = { letterTemplates: Array<{ kind: string, body: string, builtIn: boolean }>, cases: { edges: Array<{ node: { id: string, reference: string } }> } };

export type PreviewLetterQueryVariables = Exact<{
  id: string | number;
  kind: string;
  body?: string | null | undefined;
}>;


export type PreviewLetterQuery = { previewLetter: string };

export type SaveLetterTemplateMutationVariables = Exact<{
  kind: string;
  body: string;
}>;


export type SaveLetterTemplateMutation = { saveLetterTemplate: { kind: string } };

export type SignInMutationVariables = Exact<{
  email: string;
  password: string;
}>;


export type SignInMutation = { login: { token: string, expiresAt: string, user: { id: string, email: string, name: string, roles: Array<Role> } } };

export type WorkflowListQueryVariables = Exact<{ [key: string]: never; }>;


export type WorkflowListQuery = { workflows: Array<{ id: string, name: string, regime: string, published: { version: number, publishedAt: string | null } | null, draft: { revision: number, savedAt: string, savedBy: { name: string } | null, errors: Array<{ message: string }> } | null }> };

export class TypedDocumentString<TResult, TVariables>
  extends String
  implements DocumentTypeDecoration<TResult, TVariables>
{
  __apiType?: NonNullable<DocumentTypeDecoration<TResult, TVariables>['__apiType']>;
  private value: string;
  public __meta__?: Record<string, any> | undefined;

  constructor(value: string, __meta__?: Record<string, any> | undefined) {
    super(value);
    this.value = value;
    this.__meta__ = __meta__;
  }

  override toString(): string & DocumentTypeDecoration<TResult, TVariables> {
    return this.value;
  }
}

export const CaseDocumentsDocument = new TypedDocumentString(`
    query CaseDocuments($id: ID!) {
  caseDocuments(caseId: $id) {
    id
    template
    format
    filename
    sha256
    sentSequence
  }
}
    `) as unknown as TypedDocumentString<CaseDocumentsQuery, CaseDocumentsQueryVariables>;
export const DocumentFileDocument = new TypedDocumentString(`
    query DocumentFile($id: ID!) {
  documentFile(documentId: $id) {
    base64
    mimeType
  }
}
    `) as unknown as TypedDocumentString<DocumentFileQuery, DocumentFileQueryVariables>;
export const GenerateLetterDocument = new TypedDocumentString(`
    mutation GenerateLetter($id: ID!, $kind: String!) {
  generateLetter(caseId: $id, kind: $kind) {
    id
  }
}
    `) as unknown as TypedDocumentString<GenerateLetterMutation, GenerateLetterMutationVariables>;
export const SendLetterDocument = new TypedDocumentString(`
    mutation SendLetter($id: ID!) {
  sendLetter(documentId: $id) {
    id
  }
}
    `) as unknown as TypedDocumentString<SendLetterMutation, SendLetterMutationVariables>;
export const StageGraphDocument = new TypedDocumentString(`
    query StageGraph($id: ID!) {
  workflow(id: $id) {
    versions {
      version
      definition
    }
  }
}
    `) as unknown as TypedDocumentString<StageGraphQuery, StageGraphQueryVariables>;
export const SimulatorHolidaysDocument = new TypedDocumentString(`
    query SimulatorHolidays {
  holidays {
    date
    title
    divisions
  }
}
    `) as unknown as TypedDocumentString<SimulatorHolidaysQuery, SimulatorHolidaysQueryVariables>;
export const EditorWorkflowDocument = new TypedDocumentString(`
    query EditorWorkflow($id: ID!) {
  workflow(id: $id) {
    id
    name
    regime
    published {
      version
      definition
    }
    draft {
      revision
      definition
      savedAt
      savedBy {
        name
      }
    }
    versions {
      id
      version
      status
      publishedAt
      publishedBy {
        name
      }
      definition
      definitionHash
    }
  }
}
    `) as unknown as TypedDocumentString<EditorWorkflowQuery, EditorWorkflowQueryVariables>;
export const CurrentDraftDocument = new TypedDocumentString(`
    query CurrentDraft($id: ID!) {
  workflow(id: $id) {
    draft {
      revision
      definition
      savedAt
      savedBy {
        name
      }
    }
    published {
      version
    }
  }
}
    `) as unknown as TypedDocumentString<CurrentDraftQuery, CurrentDraftQueryVariables>;
export const SaveWorkflowDraftDocument = new TypedDocumentString(`
    mutation SaveWorkflowDraft($input: SaveWorkflowDraftInput!) {
  saveWorkflowDraft(input: $input) {
    revision
    savedAt
  }
}
    `) as unknown as TypedDocumentString<SaveWorkflowDraftMutation, SaveWorkflowDraftMutationVariables>;
export const PublishWorkflowDocument = new TypedDocumentString(`
    mutation PublishWorkflow($input: PublishWorkflowInput!) {
  publishWorkflow(input: $input) {
    version
    publishedAt
  }
}
    `) as unknown as TypedDocumentString<PublishWorkflowMutation, PublishWorkflowMutationVariables>;
export const AuditHistoryDocument = new TypedDocumentString(`
    query AuditHistory($id: ID!) {
  case(id: $id) {
    reference
    subject
    workflowId
    history {
      sequence
      type
      actorLabel
      recordedAt
      effectiveOn
      workflowVersion
      payload
      hash
    }
  }
}
    `) as unknown as TypedDocumentString<AuditHistoryQuery, AuditHistoryQueryVariables>;
export const ReplayCaseDocument = new TypedDocumentString(`
    query ReplayCase($id: ID!, $to: Int!) {
  replayCase(caseId: $id, toSequence: $to) {
    stage
    stageLabel
    stepLabel
    deadlines {
      name
      label
      due
    }
  }
}
    `) as unknown as TypedDocumentString<ReplayCaseQuery, ReplayCaseQueryVariables>;
export const VerifyCaseHistoryDocument = new TypedDocumentString(`
    query VerifyCaseHistory($id: ID!) {
  verifyCaseHistory(caseId: $id) {
    ok
    eventsChecked
    firstBadSequence
    reason
  }
}
    `) as unknown as TypedDocumentString<VerifyCaseHistoryQuery, VerifyCaseHistoryQueryVariables>;
export const ExportCaseBundleDocument = new TypedDocumentString(`
    query ExportCaseBundle($id: ID!) {
  exportCaseBundle(caseId: $id)
}
    `) as unknown as TypedDocumentString<ExportCaseBundleQuery, ExportCaseBundleQueryVariables>;
export const AuditListDocument = new TypedDocumentString(`
    query AuditList($filter: CasesFilter) {
  cases(filter: $filter, first: 200) {
    count {
      value
      exact
    }
    edges {
      node {
        id
        reference
        subject
        stageLabel
        receivedOn
      }
    }
  }
}
    `) as unknown as TypedDocumentString<AuditListQuery, AuditListQueryVariables>;
export const CaseListDocument = new TypedDocumentString(`
    query CaseList($filter: CasesFilter, $first: Int) {
  cases(filter: $filter, first: $first) {
    count {
      value
      exact
    }
    edges {
      node {
        id
        reference
        regime
        subject
        stageLabel
        stepLabel
        dueDate
        overdue
        dueSoon
        assignee {
          name
        }
      }
    }
  }
}
    `) as unknown as TypedDocumentString<CaseListQuery, CaseListQueryVariables>;
export const CaseListCountsDocument = new TypedDocumentString(`
    query CaseListCounts {
  all: cases(first: 1) {
    count {
      value
      exact
    }
  }
  mine: cases(filter: {mine: true}, first: 1) {
    count {
      value
      exact
    }
  }
  soon: cases(filter: {dueSoon: true}, first: 1) {
    count {
      value
      exact
    }
  }
  overdue: cases(filter: {overdue: true}, first: 1) {
    count {
      value
      exact
    }
  }
  closed: cases(filter: {status: "closed"}, first: 1) {
    count {
      value
      exact
    }
  }
}
    `) as unknown as TypedDocumentString<CaseListCountsQuery, CaseListCountsQueryVariables>;
export const CreateCaseDocument = new TypedDocumentString(`
    mutation CreateCase($input: CreateCaseInput!) {
  createCase(input: $input) {
    id
  }
}
    `) as unknown as TypedDocumentString<CreateCaseMutation, CreateCaseMutationVariables>;
export const CasePageDocument = new TypedDocumentString(`
    query CasePage($id: ID!) {
  case(id: $id) {
    id
    reference
    subject
    requestText
    channel
    receivedOn
    status
    stage
    stageLabel
    stepLabel
    version
    dueDate
    overdue
    dueSoon
    outcome
    workflowId
    workflowVersion
    assignee {
      id
      name
    }
    requester {
      name
      email
    }
    deadlines {
      name
      label
      due
      statutory
    }
    deadlineExplanation {
      summary
      skipped {
        date
        reason
      }
    }
    allowedEvents {
      type
      label
      inputSchema
    }
    state
    history {
      sequence
      type
      actorLabel
      recordedAt
      effectiveOn
      stageAfter
    }
  }
}
    `) as unknown as TypedDocumentString<CasePageQuery, CasePageQueryVariables>;
export const SendCaseEventDocument = new TypedDocumentString(`
    mutation SendCaseEvent($input: SendCaseEventInput!) {
  sendCaseEvent(input: $input) {
    case {
      version
    }
  }
}
    `) as unknown as TypedDocumentString<SendCaseEventMutation, SendCaseEventMutationVariables>;
export const AssignCaseDocument = new TypedDocumentString(`
    mutation AssignCase($input: AssignCaseInput!) {
  assignCase(input: $input) {
    version
  }
}
    `) as unknown as TypedDocumentString<AssignCaseMutation, AssignCaseMutationVariables>;
export const DashboardDocument = new TypedDocumentString(`
    query Dashboard($from: LocalDate!, $to: LocalDate!) {
  statistics(from: $from, to: $to, groupBy: MONTH) {
    received
    answered
    inTime
    inTimeExtended
    late
    lateWorkingDaysAverage
    periods {
      period
      from
      to
      received
      answered
      inTime
      inTimeExtended
      late
      outcomes {
        key
        count
      }
      exemptions {
        key
        count
      }
    }
  }
}
    `) as unknown as TypedDocumentString<DashboardQuery, DashboardQueryVariables>;
export const LettersDocument = new TypedDocumentString(`
    query Letters {
  letterTemplates {
    kind
    body
    builtIn
  }
  cases(filter: {status: "all"}, first: 50) {
    edges {
      node {
        id
        reference
      }
    }
  }
}
    `) as unknown as TypedDocumentString<LettersQuery, LettersQueryVariables>;
export const PreviewLetterDocument = new TypedDocumentString(`
    query PreviewLetter($id: ID!, $kind: String!, $body: String) {
  previewLetter(caseId: $id, kind: $kind, body: $body)
}
    `) as unknown as TypedDocumentString<PreviewLetterQuery, PreviewLetterQueryVariables>;
export const SaveLetterTemplateDocument = new TypedDocumentString(`
    mutation SaveLetterTemplate($kind: String!, $body: String!) {
  saveLetterTemplate(kind: $kind, body: $body) {
    kind
  }
}
    `) as unknown as TypedDocumentString<SaveLetterTemplateMutation, SaveLetterTemplateMutationVariables>;
export const SignInDocument = new TypedDocumentString(`
    mutation SignIn($email: String!, $password: String!) {
  login(email: $email, password: $password) {
    token
    expiresAt
    user {
      id
      email
      name
      roles
    }
  }
}
    `) as unknown as TypedDocumentString<SignInMutation, SignInMutationVariables>;
export const WorkflowListDocument = new TypedDocumentString(`
    query WorkflowList {
  workflows {
    id
    name
    regime
    published {
      version
      publishedAt
    }
    draft {
      revision
      savedAt
      savedBy {
        name
      }
      errors {
        message
      }
    }
  }
}
    `) as unknown as TypedDocumentString<WorkflowListQuery, WorkflowListQueryVariables>;