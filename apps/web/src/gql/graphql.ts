/* eslint-disable */
/** Internal type. DO NOT USE DIRECTLY. */
type Exact<T extends { [key: string]: unknown }> = { [K in keyof T]: T[K] };
/** Internal type. DO NOT USE DIRECTLY. */
export type Incremental<T> = T | { [P in keyof T]?: P extends ' $fragmentName' | '__typename' ? T[P] : never };
import type { DocumentTypeDecoration } from '@graphql-typed-document-node/core';
export type AddCaseNoteInput = {
  caseId: string | number;
  text: string;
};

export type AddHolidayInput = {
  date: string;
  /** Where it is a bank holiday: england-and-wales, scotland, northern-ireland. */
  divisions: Array<string>;
  /** e.g. "State Funeral of Queen Elizabeth II" */
  title: string;
};

export type AnswerTaskInput = {
  /** The service area's answer (files are uploaded first to /api/tasks/{id}/files). */
  answer: string;
  taskId: string | number;
};

export type AssignCaseInput = {
  /** The officer to assign (a member of the team when teamId is given); null for nobody. */
  assigneeId?: string | number | null | undefined;
  caseId: string | number;
  expectedVersion?: number | null | undefined;
  /** The team whose queue holds the case; null for no team's. */
  teamId?: string | number | null | undefined;
};

export type AuthoritySettingsInput = {
  /** Postal address for reviews. */
  address: string;
  email: string;
  /** The authority's name, as letters sign it. */
  name: string;
  /** england-and-wales, scotland or northern-ireland; null to unset; left out to keep. A change recomputes the open cases' deadlines. */
  nation?: string | null | undefined;
  /** central-government or other-public-authority; null to unset; left out to keep. */
  sector?: string | null | undefined;
  /** The team that answers requests. */
  team: string;
};

/** A bulk action: the cases (a selection, or every case a filter matches) and what to do. */
export type BulkActionInput = {
  action: BulkActionKind;
  /** ASSIGN: the officer. */
  assigneeId?: string | number | null | undefined;
  /** The selected cases (give these or filter). */
  caseIds?: Array<string | number> | null | undefined;
  /** EVENT: when it took effect (default today). */
  effectiveOn?: string | null | undefined;
  /** EVENT: the event type, e.g. WITHDRAW. */
  eventType?: string | null | undefined;
  /** The version of each selected case as you saw it, in the order of caseIds: a case changed since is reported as VERSION_CONFLICT and left as it is. Without them, the versions when the action starts. */
  expectedVersions?: Array<number> | null | undefined;
  /** Every case this filter matches (instead of caseIds). */
  filter?: CasesFilter | null | undefined;
  /** EVENT: the event's inputs. */
  payload?: Record<string, unknown> | null | undefined;
  /** ASSIGN: the team whose queue holds the cases. */
  teamId?: string | number | null | undefined;
};

/** ASSIGN: assign to a person and/or team (none: unassign). EVENT: send an event (e.g. WITHDRAW). */
export type BulkActionKind =
  | 'ASSIGN'
  | 'EVENT';

export type CancelTaskInput = {
  reason: string;
  taskId: string | number;
};

/** How two cases belong together, read from caseId towards otherCaseId. */
export type CaseLinkKind =
  /** Costs aggregated for the s.12 limit (FOIA, FOISA): both received within 60 consecutive working days. */
  | 'AGGREGATED_S12'
  /** The case is a complaint about the other. */
  | 'COMPLAINT_ABOUT'
  /** The case refines the other (a narrower or clarified request). */
  | 'REFINED_REQUEST'
  /** The case repeats the other (same or substantially similar request). */
  | 'REPEAT'
  /** The case is an internal review of the other. */
  | 'REVIEW_OF'
  /** Both cases come from the same requester. */
  | 'SAME_REQUESTER';

/** Every field narrows the list; omit a field to not filter on it. */
export type CasesFilter = {
  /** Cases answered after their time limit (true) or not late (false), as the statistics count them. */
  answeredLate?: boolean | null | undefined;
  assigneeId?: string | number | null | undefined;
  /** Cases closed on or after this date. */
  closedFrom?: string | null | undefined;
  /** Cases closed on or before this date. */
  closedTo?: string | null | undefined;
  /** Cases due on or before this date. */
  dueBefore?: string | null | undefined;
  /** Cases due on or after this date. */
  dueFrom?: string | null | undefined;
  /** Open cases due today or within 5 working days on their regime's calendar, not yet overdue (Case.dueSoon). */
  dueSoon?: boolean | null | undefined;
  /** Cases due on or before this date. */
  dueTo?: string | null | undefined;
  /** Cases citing any of these exemptions (subsection-level, e.g. s.43(2)). */
  exemptions?: Array<string> | null | undefined;
  /** Only cases assigned to the signed-in user. */
  mine?: boolean | null | undefined;
  /** The outcome that stands (e.g. granted-in-full, refused-in-full, withdrawn). */
  outcome?: string | null | undefined;
  /** Open cases whose deadline has passed (Case.overdue). */
  overdue?: boolean | null | undefined;
  /** Cases received on or after this date. */
  receivedFrom?: string | null | undefined;
  /** Cases received on or before this date. */
  receivedTo?: string | null | undefined;
  /** One of the `regimes` query (e.g. foi). */
  regime?: string | null | undefined;
  /** Part of the requester's name or e-mail address. Roles: officer, admin (FORBIDDEN for others: personal data). */
  requester?: string | null | undefined;
  stage?: string | null | undefined;
  /** open (default) or closed; "all" for both. */
  status?: string | null | undefined;
  /** Only cases in this team's queue. */
  teamId?: string | number | null | undefined;
  /** Only cases in the queues of the signed-in user's teams. */
  teamQueue?: boolean | null | undefined;
  /** Words, in any order, of the reference or subject (the last may be half typed: "FOI-2026-0001", "parking fin") or of the request text and the e-mails sent (English full-text search: "repairs" finds "repair"). */
  text?: string | null | undefined;
};

export type ChaseTaskInput = {
  /** A few words to go with the chaser. */
  message?: string | null | undefined;
  taskId: string | number;
};

/** Registration details to correct; fields left out stay as they are. */
export type CorrectCaseInput = {
  caseId: string | number;
  channel?: string | null | undefined;
  /** Refuse with VERSION_CONFLICT unless the case is at this version. */
  expectedVersion?: number | null | undefined;
  /** Why the correction is made; kept in the history. */
  reason: string;
  /** The corrected date of receipt: every deadline is counted again from it. */
  receivedOn?: string | null | undefined;
  /** The requester's corrected details (the history records only that they were corrected). */
  requester?: CorrectRequesterInput | null | undefined;
  subject?: string | null | undefined;
};

export type CorrectRequesterInput = {
  address?: string | null | undefined;
  email?: string | null | undefined;
  name?: string | null | undefined;
};

export type CreateCaseInput = {
  /** Registered late: the officer will record what already happened, in date order, before the case's timers run (finishCatchingUp). */
  catchingUp?: boolean | null | undefined;
  /** How it arrived: email, post, web form, phone (SAR) … */
  channel: string;
  /** Date the request was received (day 0 of the statutory clock). */
  receivedOn: string;
  /** The request as the requester wrote it. */
  requestText: string;
  /** FOI, FOISA, EIR and EISR requests need a name and an address for correspondence, e-mail or postal (FOIA s.8, FOISA s.8). */
  requester?: RequesterInput | null | undefined;
  subject: string;
  /** The workflow to run (its published version), e.g. "foi". */
  workflowId: string | number;
};

export type CreateRoleInput = {
  description?: string;
  /** Lower-case letters, digits and hyphens, such as "approver" or "press-office". */
  name: string;
};

export type CreateTeamInput = {
  name: string;
};

export type CreateUserInput = {
  email: string;
  name: string;
  /** At least 8 characters; omit to invite (the answer carries a one-time set-password token). */
  password?: string | null | undefined;
  /** Role names (see the roles query). */
  roles: Array<string>;
  teamIds?: Array<string | number> | null | undefined;
};

export type CreateWorkflowInput = {
  /** Copy this workflow, by its id (e.g. "foi"): its published version, or its draft when it has none; same regime only. */
  copyFrom?: string | null | undefined;
  /** An imported definition (as exported, workflows/schema.json). It must be valid: every problem is listed and nothing is saved otherwise. Its id and name become the ones given here. */
  definition?: Record<string, unknown> | null | undefined;
  /** The new workflow's id: lower-case letters, digits and hyphens, e.g. "foi-schools". */
  id: string | number;
  /** Its name, e.g. "FOI for maintained schools". */
  name: string;
  /** Its regime, one of the `regimes` query. */
  regime: string;
};

/** One proposed change to the bank holidays, for a preview. */
export type HolidayChangeInput = {
  /** YYYY-MM-DD */
  date: string;
  /** england-and-wales, scotland, northern-ireland */
  divisions: Array<string>;
  /** True to make a published holiday a working day again. */
  removed?: boolean;
  /** The holiday's title, or for a removal why it is removed. */
  title: string;
};

export type LinkCasesInput = {
  caseId: string | number;
  kind: CaseLinkKind;
  otherCaseId: string | number;
};

export type MigrateCasesInput = {
  caseIds: Array<string | number>;
  fromVersionId: string | number;
  /** Old stages and steps onto new ones; unmapped ones keep their ids. */
  mapping?: Array<StateMappingInput>;
  toVersionId: string | number;
};

export type MoveHolidayInput = {
  /** Where: england-and-wales, scotland, northern-ireland. */
  divisions: Array<string>;
  /** The bank holiday moved away from, YYYY-MM-DD (a working day again). */
  from: string;
  /** The holiday's title on its new date, e.g. "Early May bank holiday (VE Day)". */
  title: string;
  /** The new date of the holiday, YYYY-MM-DD. */
  to: string;
};

export type NotificationPreferenceInput = {
  email: boolean;
  inApp: boolean;
  /** assignment, due-soon, overdue, digest, team-digest or task. */
  kind: string;
};

export type PublishWorkflowInput = {
  /** The draft revision being published, so an unseen save is not published. */
  revision: number;
  workflowId: string | number;
};

export type RaiseTaskInput = {
  /** The person asked (an officer or contributor; a member of the team when teamId is given). */
  assigneeId?: string | number | null | undefined;
  caseId: string | number;
  /** What the service area is asked. */
  question: string;
  /** The team whose task queue holds it. */
  teamId?: string | number | null | undefined;
  /** The internal deadline: 1 to 60 working days from today. */
  workingDays: number;
};

export type RedactDocumentInput = {
  /** The version to redact (a PDF). */
  documentId: string | number;
  redactions: Array<RedactionInput>;
};

export type RedactionInput = {
  /** The exemption that justifies it, e.g. s.40(2) or s.43(2) (from the case's regime). */
  exemption: string;
  /** Page number, from 1. */
  page: number;
  /** Why the exemption applies here. */
  reason: string;
  /** A box [x0, y0, x1, y1] in PDF points from the top left of the page. */
  rect?: Array<number> | null | undefined;
  /** Remove every place this text is on the page (inside `rect` when both are given). */
  text?: string | null | undefined;
};

export type RemoveHolidayInput = {
  /** The bank holiday to make a working day again, YYYY-MM-DD. */
  date: string;
  /** Where: england-and-wales, scotland, northern-ireland. */
  divisions: Array<string>;
  /** Why, e.g. "moved to 8 May by proclamation". */
  reason: string;
};

/** The requester's personal data: kept apart from the case history so it can be erased. */
export type RequesterInput = {
  /** Postal address, for requests that arrived by post. */
  address?: string | null | undefined;
  email?: string | null | undefined;
  name?: string | null | undefined;
};

export type ResetUserPasswordInput = {
  /** The new password; omit to clear it and get a one-time set-password token instead. */
  password?: string | null | undefined;
  userId: string | number;
};

export type RetentionRuleInput = {
  monthsAfterClosure: number;
  outcome?: string | null | undefined;
  regime: string;
};

export type SaveFilterInput = {
  filter: CasesFilter;
  /** Saving under a name already used replaces that filter. */
  name: string;
};

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

export type SetWorkflowAccessInput = {
  /** True: only administrators and members of teamIds see (or register) its cases. */
  restricted: boolean;
  teamIds: Array<string | number>;
  workflowId: string | number;
};

/** An old stage ("received") or step ("response.drafting") and where it lands in the new version. */
export type StateMappingInput = {
  from: string;
  /** A stage id, or "stage.step". */
  to: string;
};

/** How the statistics are broken down. */
export type StatisticsPeriod =
  | 'MONTH'
  | 'QUARTER'
  | 'YEAR';

export type TaskStatusFilter =
  | 'ALL'
  | 'ANSWERED'
  | 'CANCELLED'
  | 'OPEN';

export type TasksFilter = {
  caseId?: string | number | null | undefined;
  /** Only tasks given to you or to a team of yours (always so for contributors). */
  mine?: boolean | null | undefined;
  /** Only tasks marked overdue. */
  overdue?: boolean | null | undefined;
  status?: TaskStatusFilter | null | undefined;
  teamId?: string | number | null | undefined;
};

export type UnlinkCasesInput = {
  linkId: string | number;
};

/** Omit a field to leave it as it is. */
export type UpdateUserInput = {
  /** true disables (they cannot sign in; their sessions end); false enables again. */
  disabled?: boolean | null | undefined;
  id: string | number;
  name?: string | null | undefined;
  /** Replaces the roles; takes effect at their next request. */
  roles?: Array<string> | null | undefined;
  /** Replaces the teams. */
  teamIds?: Array<string | number> | null | undefined;
};

export type TeamsForPickerQueryVariables = Exact<{ [key: string]: never; }>;


export type TeamsForPickerQuery = { teams: Array<{ id: string, name: string }> };

export type AssigneesQueryVariables = Exact<{
  teamId?: string | number | null | undefined;
}>;


export type AssigneesQuery = { assignees: Array<{ id: string, name: string }> };

export type AssignToMutationVariables = Exact<{
  input: AssignCaseInput;
}>;


export type AssignToMutation = { assignCase: { version: number } };

export type BulkAssigneesQueryVariables = Exact<{ [key: string]: never; }>;


export type BulkAssigneesQuery = { assignees: Array<{ id: string, name: string }> };

export type PreviewBulkQueryVariables = Exact<{
  input: BulkActionInput;
}>;


export type PreviewBulkQuery = { previewBulkAction: { total: number, allowed: number, refused: number, items: Array<{ caseId: string, reference: string, allowed: boolean, code: string | null, message: string | null }> } };

export type StartBulkMutationVariables = Exact<{
  input: BulkActionInput;
}>;


export type StartBulkMutation = { startBulkAction: { id: string } };

export type BulkJobProgressQueryVariables = Exact<{
  id: string | number;
}>;


export type BulkJobProgressQuery = { bulkJob: { id: string, status: string, total: number, succeeded: number, failed: number, pending: number, items: { items: Array<{ caseId: string, reference: string, code: string | null, message: string | null }> } } };

export type CorrectCaseMutationVariables = Exact<{
  input: CorrectCaseInput;
}>;


export type CorrectCaseMutation = { correctCase: { version: number, dueOn: string | null } };

export type ReopenCaseMutationVariables = Exact<{
  id: string | number;
  reason: string;
}>;


export type ReopenCaseMutation = { reopenCase: { version: number } };

export type VoidCaseMutationVariables = Exact<{
  id: string | number;
  reason: string;
}>;


export type VoidCaseMutation = { voidCase: { version: number } };

export type CaseAttachmentsQueryVariables = Exact<{
  id: string | number;
}>;


export type CaseAttachmentsQuery = { caseAttachments: Array<{ id: string, documentId: string, version: number, kind: string, filename: string, mimeType: string, size: number, sha256: string, redactedFrom: string | null, createdByName: string | null, createdAt: string }> };

export type DocumentPagesQueryVariables = Exact<{
  id: string | number;
}>;


export type DocumentPagesQuery = { documentPages: Array<{ page: number, width: number, height: number, pngBase64: string }> };

export type FindInDocumentQueryVariables = Exact<{
  id: string | number;
  text: string;
}>;


export type FindInDocumentQuery = { findInDocument: Array<{ page: number, rect: Array<number> }> };

export type FindPersonalDataQueryVariables = Exact<{
  id: string | number;
}>;


export type FindPersonalDataQuery = { findPersonalData: Array<{ page: number, rect: Array<number>, text: string, kind: string | null }> };

export type RedactDocumentMutationVariables = Exact<{
  input: RedactDocumentInput;
}>;


export type RedactDocumentMutation = { redactDocument: { id: string, version: number } };

export type RedactionLogQueryVariables = Exact<{
  id: string | number;
}>;


export type RedactionLogQuery = { redactionLog: Array<{ version: number, page: number, text: string | null, exemption: string, reason: string, byName: string | null, createdAt: string }> };

export type BuildReleaseBundleMutationVariables = Exact<{
  caseId: string | number;
}>;


export type BuildReleaseBundleMutation = { buildReleaseBundle: { id: string, filename: string } };

export type CaseDocumentsQueryVariables = Exact<{
  id: string | number;
}>;


export type CaseDocumentsQuery = { caseDocuments: Array<{ id: string, template: string, format: string, filename: string, sha256: string, sentSequence: number | null, datedOn: string | null, sentOn: string | null, sentChannel: string | null, createdAt: string }> };

export type DocumentFileQueryVariables = Exact<{
  id: string | number;
}>;


export type DocumentFileQuery = { documentFile: { base64: string, mimeType: string } };

export type GenerateLetterMutationVariables = Exact<{
  id: string | number;
  kind: string;
  dated?: string | null | undefined;
}>;


export type GenerateLetterMutation = { generateLetter: Array<{ id: string, format: string }> };

export type SendLetterMutationVariables = Exact<{
  id: string | number;
  sentOn?: string | null | undefined;
  channel?: string | null | undefined;
  recipient?: string | null | undefined;
}>;


export type SendLetterMutation = { sendLetter: { id: string } };

export type CaseMailsQueryVariables = Exact<{
  id: string | number;
}>;


export type CaseMailsQuery = { caseMails: Array<{ id: string, documentIds: Array<string>, toAddress: string, status: string, attempts: number, lastError: string | null, nextAttemptAt: string, sentSequence: number | null }> };

export type EmailLetterMutationVariables = Exact<{
  id: string | number;
  to?: string | null | undefined;
  withDocx?: boolean | null | undefined;
}>;


export type EmailLetterMutation = { emailLetter: { id: string, status: string } };

export type CaseLinksQueryVariables = Exact<{
  id: string | number;
}>;


export type CaseLinksQuery = { case: { id: string, links: Array<{ id: string, kind: CaseLinkKind, label: string, other: { id: string, reference: string, subject: string, receivedOn: string, status: string } }> } };

export type LinkSuggestionsQueryVariables = Exact<{
  id: string | number;
}>;


export type LinkSuggestionsQuery = { case: { id: string, linkSuggestions: Array<{ reasons: Array<string>, similarity: number, suggestedKind: CaseLinkKind, case: { id: string, reference: string, subject: string, receivedOn: string, status: string } }> } };

export type FindCaseByReferenceQueryVariables = Exact<{
  text: string;
}>;


export type FindCaseByReferenceQuery = { cases: { edges: Array<{ node: { id: string, reference: string } }> } };

export type LinkCasesMutationVariables = Exact<{
  input: LinkCasesInput;
}>;


export type LinkCasesMutation = { linkCases: { id: string, label: string } };

export type UnlinkCasesMutationVariables = Exact<{
  input: UnlinkCasesInput;
}>;


export type UnlinkCasesMutation = { unlinkCases: { id: string } };

export type CaseTasksQueryVariables = Exact<{
  id: string | number;
}>;


export type CaseTasksQuery = { case: { id: string, tasks: Array<{ id: string, question: string, status: string, dueOn: string, workingDays: number, overdue: boolean, remindedAt: string | null, chasers: number, answer: string | null, cancelReason: string | null, team: { name: string } | null, assignee: { name: string } | null, raisedBy: { name: string }, closedBy: { name: string } | null, files: Array<{ id: string, filename: string }> }>, notes: Array<{ id: string, text: string, createdAt: string, author: { name: string } }> } };

export type TeamsForTasksQueryVariables = Exact<{ [key: string]: never; }>;


export type TeamsForTasksQuery = { teams: Array<{ id: string, name: string }> };

export type TaskAssigneesQueryVariables = Exact<{
  teamId?: string | number | null | undefined;
}>;


export type TaskAssigneesQuery = { taskAssignees: Array<{ id: string, name: string }> };

export type RaiseTaskMutationVariables = Exact<{
  input: RaiseTaskInput;
}>;


export type RaiseTaskMutation = { raiseTask: { id: string, dueOn: string } };

export type ChaseTaskMutationVariables = Exact<{
  input: ChaseTaskInput;
}>;


export type ChaseTaskMutation = { chaseTask: { id: string, chasers: number } };

export type CancelTaskMutationVariables = Exact<{
  input: CancelTaskInput;
}>;


export type CancelTaskMutation = { cancelTask: { id: string, status: string } };

export type AddCaseNoteMutationVariables = Exact<{
  input: AddCaseNoteInput;
}>;


export type AddCaseNoteMutation = { addCaseNote: { id: string } };

export type DraftLetterQueryVariables = Exact<{
  id: string | number;
}>;


export type DraftLetterQuery = { previewLetter: string };

export type WorkflowDefinitionsQueryVariables = Exact<{
  id: string | number;
}>;


export type WorkflowDefinitionsQuery = { workflow: { versions: Array<{ version: number, definition: Record<string, unknown> }> } };

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

export type EditorRolesQueryVariables = Exact<{ [key: string]: never; }>;


export type EditorRolesQuery = { roles: Array<{ name: string }> };

export type AuditHistoryQueryVariables = Exact<{
  id: string | number;
}>;


export type AuditHistoryQuery = { case: { id: string, reference: string, subject: string, requestText: string, regime: string, workflowId: string, workflowVersion: number, stageLabel: string, stepLabel: string, status: string, receivedOn: string, dueDate: string | null, overdue: boolean, dueSoon: boolean, outcome: string | null, history: Array<{ sequence: number, type: string, actorLabel: string, recordedAt: string, effectiveOn: string, workflowVersion: number, payload: unknown, hash: string, erasure: { fields: Array<string>, rule: string, erasedAt: string } | null }> } };

export type ReplayCaseQueryVariables = Exact<{
  id: string | number;
  to: number;
}>;


export type ReplayCaseQuery = { replayCase: { stage: string, stageLabel: string, stepLabel: string, deadlines: Array<{ name: string, label: string, due: string | null }> } };

export type VerifyCaseHistoryQueryVariables = Exact<{
  id: string | number;
}>;


export type VerifyCaseHistoryQuery = { verifyCaseHistory: { ok: boolean, eventsChecked: number, firstBadSequence: number | null, reason: string | null, erasures: Array<{ sequence: number, rule: string, erasedAt: string, hashChecked: boolean }> | null } };

export type ExportCaseBundleQueryVariables = Exact<{
  id: string | number;
}>;


export type ExportCaseBundleQuery = { exportCaseBundle: Record<string, unknown> };

export type AuditListQueryVariables = Exact<{
  filter?: CasesFilter | null | undefined;
}>;


export type AuditListQuery = { cases: { count: { value: number, exact: boolean }, edges: Array<{ node: { id: string, reference: string, subject: string, stageLabel: string, receivedOn: string } }> } };

export type AuthoritySettingsPageQueryVariables = Exact<{ [key: string]: never; }>;


export type AuthoritySettingsPageQuery = { authoritySettings: { name: string, team: string, email: string, address: string, nation: string | null, sector: string | null, appropriateLimit: number | null, appropriateLimitHours: number | null, receiptRule: string }, nations: Array<{ nation: string, name: string }>, sectors: Array<{ sector: string, label: string, appropriateLimit: number, appropriateLimitHours: number }> };

export type SaveAuthoritySettingsMutationVariables = Exact<{
  settings: AuthoritySettingsInput;
}>;


export type SaveAuthoritySettingsMutation = { saveAuthoritySettings: { casesRecomputed: number } };

export type CaseListQueryVariables = Exact<{
  filter?: CasesFilter | null | undefined;
  first?: number | null | undefined;
  after?: string | null | undefined;
}>;


export type CaseListQuery = { cases: { count: { value: number, exact: boolean }, pageInfo: { hasNextPage: boolean, endCursor: string | null }, edges: Array<{ node: { id: string, reference: string, regime: string, subject: string, stageLabel: string, stepLabel: string, dueDate: string | null, overdue: boolean, dueSoon: boolean, version: number, assignee: { name: string } | null } }> } };

export type MySavedFiltersQueryVariables = Exact<{ [key: string]: never; }>;


export type MySavedFiltersQuery = { savedFilters: Array<{ id: string, name: string, filter: Record<string, unknown> }> };

export type SaveFilterMutationVariables = Exact<{
  input: SaveFilterInput;
}>;


export type SaveFilterMutation = { saveFilter: { id: string, name: string } };

export type DeleteFilterMutationVariables = Exact<{
  id: string | number;
}>;


export type DeleteFilterMutation = { deleteFilter: { id: string } };

export type CaseListCountsQueryVariables = Exact<{ [key: string]: never; }>;


export type CaseListCountsQuery = { all: { count: { value: number, exact: boolean } }, mine: { count: { value: number, exact: boolean } }, team: { count: { value: number, exact: boolean } }, soon: { count: { value: number, exact: boolean } }, overdue: { count: { value: number, exact: boolean } }, closed: { count: { value: number, exact: boolean } } };

export type RegimesQueryVariables = Exact<{ [key: string]: never; }>;


export type RegimesQuery = { regimes: Array<{ regime: string, law: string }> };

export type PublishedWorkflowsQueryVariables = Exact<{ [key: string]: never; }>;


export type PublishedWorkflowsQuery = { workflows: Array<{ id: string, name: string, regime: string, published: { version: number } | null }> };

export type CreateCaseMutationVariables = Exact<{
  input: CreateCaseInput;
}>;


export type CreateCaseMutation = { createCase: { id: string, reference: string, receivedOn: string, dueDate: string | null } };

export type CasePageQueryVariables = Exact<{
  id: string | number;
}>;


export type CasePageQuery = { case: { id: string, reference: string, subject: string, requestText: string, channel: string, receivedOn: string, status: string, stage: string, stageLabel: string, step: string, stepLabel: string, version: number, catchingUp: boolean, dueDate: string | null, overdue: boolean, dueSoon: boolean, outcome: string | null, workflowId: string, workflowVersion: number, regime: string, state: Record<string, unknown>, assignee: { id: string, name: string } | null, team: { id: string, name: string } | null, requester: { name: string | null, email: string | null, address: string | null } | null, deadlines: Array<{ name: string, label: string, due: string | null, statutory: boolean }>, deadlineExplanation: { summary: string, skipped: Array<{ date: string, reason: string }> } | null, allowedEvents: Array<{ type: string, label: string, inputSchema: Record<string, unknown>, unavailableReason: string | null }>, history: Array<{ sequence: number, type: string, actorLabel: string, recordedAt: string, effectiveOn: string, stageAfter: string }> } };

export type SendCaseEventMutationVariables = Exact<{
  input: SendCaseEventInput;
}>;


export type SendCaseEventMutation = { sendCaseEvent: { case: { version: number } } };

export type FinishCatchingUpMutationVariables = Exact<{
  id: string | number;
  version?: number | null | undefined;
}>;


export type FinishCatchingUpMutation = { finishCatchingUp: { version: number } };

export type CaseVersionQueryVariables = Exact<{
  id: string | number;
}>;


export type CaseVersionQuery = { case: { version: number } };

export type CaseLastChangeQueryVariables = Exact<{
  id: string | number;
}>;


export type CaseLastChangeQuery = { case: { version: number, history: Array<{ sequence: number, type: string, actorLabel: string, recordedAt: string, actor: { id: string } | null }> } };

export type AssignCaseMutationVariables = Exact<{
  input: AssignCaseInput;
}>;


export type AssignCaseMutation = { assignCase: { version: number } };

export type DashboardQueryVariables = Exact<{
  from: string;
  to: string;
  groupBy: StatisticsPeriod;
  regime?: string | null | undefined;
  teamId?: string | number | null | undefined;
}>;


export type DashboardQuery = { statistics: { received: number, answered: number, inTime: number, inTimeExtended: number, late: number, inTimePercent: number | null, lateWorkingDaysAverage: number | null, periods: Array<{ period: string, from: string, to: string, received: number, answered: number, inTime: number, inTimeExtended: number, late: number, inTimePercent: number | null, outcomes: Array<{ key: string, count: number }>, exemptions: Array<{ key: string, count: number }> }> } };

export type DashboardChoicesQueryVariables = Exact<{ [key: string]: never; }>;


export type DashboardChoicesQuery = { regimes: Array<{ regime: string, law: string }>, teams: Array<{ id: string, name: string }> };

export type HolidaysQueryVariables = Exact<{ [key: string]: never; }>;


export type HolidaysQuery = { holidays: Array<{ date: string, title: string, divisions: Array<string>, removed: boolean, createdAt: string }>, nations: Array<{ nation: string, name: string }> };

export type HolidayChangePreviewQueryVariables = Exact<{
  changes: Array<HolidayChangeInput> | HolidayChangeInput;
}>;


export type HolidayChangePreviewQuery = { holidayChangePreview: Array<{ caseId: string, reference: string, changes: Array<{ name: string, label: string, from: string | null, to: string | null }> }> };

export type AddHolidayMutationVariables = Exact<{
  input: AddHolidayInput;
}>;


export type AddHolidayMutation = { addHoliday: { casesRecomputed: number } };

export type RemoveHolidayMutationVariables = Exact<{
  input: RemoveHolidayInput;
}>;


export type RemoveHolidayMutation = { removeHoliday: { casesRecomputed: number } };

export type MoveHolidayMutationVariables = Exact<{
  input: MoveHolidayInput;
}>;


export type MoveHolidayMutation = { moveHoliday: { casesRecomputed: number } };

export type IncomingMailQueryVariables = Exact<{ [key: string]: never; }>;


export type IncomingMailQuery = { incomingMail: Array<{ id: string, messageId: string, fromAddress: string, fromName: string | null, subject: string, text: string, sentAt: string | null, arrivedAt: string, receivedOn: string, status: string, caseId: string | null, caseReference: string | null, threadedBy: string | null, offeredEvent: string | null, offerStatus: string | null, attachments: Array<{ filename: string, size: number, accepted: boolean }> }>, workflows: Array<{ id: string, name: string, published: { version: number } | null }> };

export type OfferedEventQueryVariables = Exact<{
  caseId: string | number;
}>;


export type OfferedEventQuery = { case: { id: string, allowedEvents: Array<{ type: string, label: string, inputSchema: Record<string, unknown> }> } };

export type ConfirmIncomingMailMutationVariables = Exact<{
  id: string | number;
  input: CreateCaseInput;
}>;


export type ConfirmIncomingMailMutation = { confirmIncomingMail: { id: string, status: string, caseId: string | null, caseReference: string | null } };

export type DiscardIncomingMailMutationVariables = Exact<{
  id: string | number;
}>;


export type DiscardIncomingMailMutation = { discardIncomingMail: { id: string, status: string } };

export type RecordIncomingMailEventMutationVariables = Exact<{
  id: string | number;
  payload?: Record<string, unknown> | null | undefined;
}>;


export type RecordIncomingMailEventMutation = { recordIncomingMailEvent: { id: string, offerStatus: string | null, offerSequence: number | null } };

export type DismissIncomingMailOfferMutationVariables = Exact<{
  id: string | number;
}>;


export type DismissIncomingMailOfferMutation = { dismissIncomingMailOffer: { id: string, offerStatus: string | null } };

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

export type MoveCaseVersionsQueryVariables = Exact<{ [key: string]: never; }>;


export type MoveCaseVersionsQuery = { workflows: Array<{ id: string, name: string, versions: Array<{ id: string, version: number }> }> };

export type MigrationPreviewQueryVariables = Exact<{
  from: string | number;
  to: string | number;
  mapping?: Array<StateMappingInput> | StateMappingInput | null | undefined;
}>;


export type MigrationPreviewQuery = { migrationPreview: Array<{ caseId: string, reference: string, movable: boolean, problems: Array<string>, from: { stage: string, step: string }, to: { stage: string, step: string } }> };

export type MigrateCasesMutationVariables = Exact<{
  input: MigrateCasesInput;
}>;


export type MigrateCasesMutation = { migrateCases: Array<{ caseId: string, reference: string | null, moved: boolean, problems: Array<string> }> };

export type NotificationsQueryVariables = Exact<{ [key: string]: never; }>;


export type NotificationsQuery = { notifications: Array<{ id: string, kind: string, caseId: string | null, title: string, body: string, emailed: boolean, readAt: string | null, createdAt: string }>, notificationPreferences: Array<{ kind: string, email: boolean, inApp: boolean }> };

export type UnreadNotificationCountQueryVariables = Exact<{ [key: string]: never; }>;


export type UnreadNotificationCountQuery = { unreadNotificationCount: number };

export type MarkNotificationsReadMutationVariables = Exact<{
  ids?: Array<string | number> | string | number | null | undefined;
}>;


export type MarkNotificationsReadMutation = { markNotificationsRead: number };

export type SetNotificationPreferenceMutationVariables = Exact<{
  input: NotificationPreferenceInput;
}>;


export type SetNotificationPreferenceMutation = { setNotificationPreference: Array<{ kind: string, email: boolean, inApp: boolean }> };

export type OutboxQueryVariables = Exact<{ [key: string]: never; }>;


export type OutboxQuery = { outbox: Array<{ id: string, caseReference: string, toAddress: string, subject: string, createdAt: string }>, mailTemplate: { subject: string, body: string, builtIn: boolean } };

export type OutboxMessageQueryVariables = Exact<{
  id: string | number;
}>;


export type OutboxMessageQuery = { outboxMessage: { id: string, caseReference: string, toAddress: string, fromAddress: string, subject: string, messageId: string, createdAt: string, text: string, source: string, attachments: Array<{ filename: string, contentType: string, size: number, sha256: string, base64: string }> } };

export type SaveMailTemplateMutationVariables = Exact<{
  subject: string;
  body: string;
}>;


export type SaveMailTemplateMutation = { saveMailTemplate: { subject: string, body: string, builtIn: boolean } };

export type PublishingQueryVariables = Exact<{ [key: string]: never; }>;


export type PublishingQuery = { disclosureCandidates: Array<{ caseId: string, reference: string, regime: string, subject: string, outcome: string | null, respondedOn: string, documents: Array<{ id: string, filename: string, version: number }> }>, disclosureLog: Array<{ caseId: string, reference: string, regime: string, subject: string, outcome: string | null, respondedOn: string | null, publishedOn: string, summary: string | null }> };

export type PublishToDisclosureLogMutationVariables = Exact<{
  caseId: string | number;
  summary?: string | null | undefined;
  documentIds?: Array<string | number> | string | number | null | undefined;
}>;


export type PublishToDisclosureLogMutation = { publishToDisclosureLog: { caseId: string, published: boolean } };

export type WithdrawFromDisclosureLogMutationVariables = Exact<{
  caseId: string | number;
  reason: string;
}>;


export type WithdrawFromDisclosureLogMutation = { withdrawFromDisclosureLog: { caseId: string, published: boolean } };

export type RetentionQueryVariables = Exact<{ [key: string]: never; }>;


export type RetentionQuery = { retentionRules: Array<{ id: string, regime: string, outcome: string | null, monthsAfterClosure: number, updatedAt: string }>, disposalQueue: Array<{ caseId: string, reference: string, regime: string, outcome: string | null, dueOn: string, rule: string }> };

export type SaveRetentionRuleMutationVariables = Exact<{
  input: RetentionRuleInput;
}>;


export type SaveRetentionRuleMutation = { saveRetentionRule: { id: string } };

export type DeleteRetentionRuleMutationVariables = Exact<{
  id: string | number;
}>;


export type DeleteRetentionRuleMutation = { deleteRetentionRule: boolean };

export type ApproveDisposalMutationVariables = Exact<{
  ids: Array<string | number> | string | number;
}>;


export type ApproveDisposalMutation = { approveDisposal: Array<{ caseId: string, ok: boolean, message: string }> };

export type SetPasswordMutationVariables = Exact<{
  token: string;
  password: string;
}>;


export type SetPasswordMutation = { setPassword: boolean };

export type SignInMutationVariables = Exact<{
  email: string;
  password: string;
}>;


export type SignInMutation = { login: { token: string, expiresAt: string, user: { id: string, email: string, name: string, roles: Array<string> } } };

export type SignInOptionsQueryVariables = Exact<{ [key: string]: never; }>;


export type SignInOptionsQuery = { signInOptions: { password: boolean, oidc: boolean, oidcProviderName: string | null } };

export type ExchangeSignInCodeMutationVariables = Exact<{
  code: string;
}>;


export type ExchangeSignInCodeMutation = { exchangeSignInCode: { token: string, expiresAt: string, user: { id: string, email: string, name: string, roles: Array<string> } } };

export type TaskPageQueryVariables = Exact<{
  id: string | number;
}>;


export type TaskPageQuery = { task: { id: string, question: string, status: string, workingDays: number, raisedOn: string, dueOn: string, overdue: boolean, remindedAt: string | null, answer: string | null, closedAt: string | null, cancelReason: string | null, team: { name: string } | null, assignee: { id: string, name: string } | null, raisedBy: { name: string }, closedBy: { name: string } | null, case: { id: string, reference: string, subject: string, regime: string, receivedOn: string, requestText: string }, files: Array<{ id: string, filename: string, size: number }>, activity: Array<{ at: string, kind: string, actorName: string, message: string | null }> } };

export type AnswerTaskMutationVariables = Exact<{
  input: AnswerTaskInput;
}>;


export type AnswerTaskMutation = { answerTask: { id: string, status: string } };

export type TeamsForQueueQueryVariables = Exact<{ [key: string]: never; }>;


export type TeamsForQueueQuery = { teams: Array<{ id: string, name: string }> };

export type TaskQueueQueryVariables = Exact<{
  filter?: TasksFilter | null | undefined;
}>;


export type TaskQueueQuery = { tasks: Array<{ id: string, question: string, status: string, dueOn: string, overdue: boolean, remindedAt: string | null, chasers: number, team: { id: string, name: string } | null, assignee: { id: string, name: string } | null, case: { id: string, reference: string, subject: string } }> };

export type TeamsQueryVariables = Exact<{ [key: string]: never; }>;


export type TeamsQuery = { teams: Array<{ id: string, name: string, members: Array<{ id: string, name: string, disabled: boolean }> }> };

export type WorkflowAccessQueryVariables = Exact<{ [key: string]: never; }>;


export type WorkflowAccessQuery = { workflows: Array<{ id: string, name: string, restricted: boolean, accessTeams: Array<{ id: string }> }> };

export type SetWorkflowAccessMutationVariables = Exact<{
  input: SetWorkflowAccessInput;
}>;


export type SetWorkflowAccessMutation = { setWorkflowAccess: { workflowId: string, restricted: boolean, teams: Array<{ id: string, name: string }> } };

export type CreateTeamMutationVariables = Exact<{
  input: CreateTeamInput;
}>;


export type CreateTeamMutation = { createTeam: { id: string, name: string } };

export type UsersQueryVariables = Exact<{ [key: string]: never; }>;


export type UsersQuery = { users: Array<{ id: string, email: string, name: string, roles: Array<string>, disabled: boolean, invited: boolean, teams: Array<{ id: string, name: string }> }>, teams: Array<{ id: string, name: string }>, roles: Array<{ name: string, description: string, builtIn: boolean }> };

export type CreateUserMutationVariables = Exact<{
  input: CreateUserInput;
}>;


export type CreateUserMutation = { createUser: { id: string, email: string, invitation: { token: string, expiresAt: string } | null } };

export type UpdateUserMutationVariables = Exact<{
  input: UpdateUserInput;
}>;


export type UpdateUserMutation = { updateUser: { id: string } };

export type ResetUserPasswordMutationVariables = Exact<{
  input: ResetUserPasswordInput;
}>;


export type ResetUserPasswordMutation = { resetUserPassword: { id: string, email: string, invitation: { token: string, expiresAt: string } | null } };

export type EndUserSessionsMutationVariables = Exact<{
  id: string | number;
}>;


export type EndUserSessionsMutation = { endUserSessions: { id: string } };

export type CreateRoleMutationVariables = Exact<{
  input: CreateRoleInput;
}>;


export type CreateRoleMutation = { createRole: { name: string } };

export type WorkflowListQueryVariables = Exact<{ [key: string]: never; }>;


export type WorkflowListQuery = { workflows: Array<{ id: string, name: string, regime: string, published: { version: number, publishedAt: string | null } | null, draft: { revision: number, savedAt: string, savedBy: { name: string } | null, errors: Array<{ message: string }> } | null }>, regimes: Array<{ regime: string, law: string }> };

export type WorkflowVersionsQueryVariables = Exact<{
  id: string | number;
}>;


export type WorkflowVersionsQuery = { workflow: { id: string, versions: Array<{ version: number, definition: Record<string, unknown> }> } };

export type CreateWorkflowMutationVariables = Exact<{
  input: CreateWorkflowInput;
}>;


export type CreateWorkflowMutation = { createWorkflow: { id: string } };

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

export const TeamsForPickerDocument = new TypedDocumentString(`
    query TeamsForPicker {
  teams {
    id
    name
  }
}
    `) as unknown as TypedDocumentString<TeamsForPickerQuery, TeamsForPickerQueryVariables>;
export const AssigneesDocument = new TypedDocumentString(`
    query Assignees($teamId: ID) {
  assignees(teamId: $teamId) {
    id
    name
  }
}
    `) as unknown as TypedDocumentString<AssigneesQuery, AssigneesQueryVariables>;
export const AssignToDocument = new TypedDocumentString(`
    mutation AssignTo($input: AssignCaseInput!) {
  assignCase(input: $input) {
    version
  }
}
    `) as unknown as TypedDocumentString<AssignToMutation, AssignToMutationVariables>;
export const BulkAssigneesDocument = new TypedDocumentString(`
    query BulkAssignees {
  assignees {
    id
    name
  }
}
    `) as unknown as TypedDocumentString<BulkAssigneesQuery, BulkAssigneesQueryVariables>;
export const PreviewBulkDocument = new TypedDocumentString(`
    query PreviewBulk($input: BulkActionInput!) {
  previewBulkAction(input: $input) {
    total
    allowed
    refused
    items {
      caseId
      reference
      allowed
      code
      message
    }
  }
}
    `) as unknown as TypedDocumentString<PreviewBulkQuery, PreviewBulkQueryVariables>;
export const StartBulkDocument = new TypedDocumentString(`
    mutation StartBulk($input: BulkActionInput!) {
  startBulkAction(input: $input) {
    id
  }
}
    `) as unknown as TypedDocumentString<StartBulkMutation, StartBulkMutationVariables>;
export const BulkJobProgressDocument = new TypedDocumentString(`
    query BulkJobProgress($id: ID!) {
  bulkJob(id: $id) {
    id
    status
    total
    succeeded
    failed
    pending
    items(first: 200, status: "failed") {
      items {
        caseId
        reference
        code
        message
      }
    }
  }
}
    `) as unknown as TypedDocumentString<BulkJobProgressQuery, BulkJobProgressQueryVariables>;
export const CorrectCaseDocument = new TypedDocumentString(`
    mutation CorrectCase($input: CorrectCaseInput!) {
  correctCase(input: $input) {
    version
    dueOn
  }
}
    `) as unknown as TypedDocumentString<CorrectCaseMutation, CorrectCaseMutationVariables>;
export const ReopenCaseDocument = new TypedDocumentString(`
    mutation ReopenCase($id: ID!, $reason: String!) {
  reopenCase(caseId: $id, reason: $reason) {
    version
  }
}
    `) as unknown as TypedDocumentString<ReopenCaseMutation, ReopenCaseMutationVariables>;
export const VoidCaseDocument = new TypedDocumentString(`
    mutation VoidCase($id: ID!, $reason: String!) {
  voidCase(caseId: $id, reason: $reason) {
    version
  }
}
    `) as unknown as TypedDocumentString<VoidCaseMutation, VoidCaseMutationVariables>;
export const CaseAttachmentsDocument = new TypedDocumentString(`
    query CaseAttachments($id: ID!) {
  caseAttachments(caseId: $id) {
    id
    documentId
    version
    kind
    filename
    mimeType
    size
    sha256
    redactedFrom
    createdByName
    createdAt
  }
}
    `) as unknown as TypedDocumentString<CaseAttachmentsQuery, CaseAttachmentsQueryVariables>;
export const DocumentPagesDocument = new TypedDocumentString(`
    query DocumentPages($id: ID!) {
  documentPages(documentId: $id) {
    page
    width
    height
    pngBase64
  }
}
    `) as unknown as TypedDocumentString<DocumentPagesQuery, DocumentPagesQueryVariables>;
export const FindInDocumentDocument = new TypedDocumentString(`
    query FindInDocument($id: ID!, $text: String!) {
  findInDocument(documentId: $id, text: $text) {
    page
    rect
  }
}
    `) as unknown as TypedDocumentString<FindInDocumentQuery, FindInDocumentQueryVariables>;
export const FindPersonalDataDocument = new TypedDocumentString(`
    query FindPersonalData($id: ID!) {
  findPersonalData(documentId: $id) {
    page
    rect
    text
    kind
  }
}
    `) as unknown as TypedDocumentString<FindPersonalDataQuery, FindPersonalDataQueryVariables>;
export const RedactDocumentDocument = new TypedDocumentString(`
    mutation RedactDocument($input: RedactDocumentInput!) {
  redactDocument(input: $input) {
    id
    version
  }
}
    `) as unknown as TypedDocumentString<RedactDocumentMutation, RedactDocumentMutationVariables>;
export const RedactionLogDocument = new TypedDocumentString(`
    query RedactionLog($id: ID!) {
  redactionLog(documentId: $id) {
    version
    page
    text
    exemption
    reason
    byName
    createdAt
  }
}
    `) as unknown as TypedDocumentString<RedactionLogQuery, RedactionLogQueryVariables>;
export const BuildReleaseBundleDocument = new TypedDocumentString(`
    mutation BuildReleaseBundle($caseId: ID!) {
  buildReleaseBundle(caseId: $caseId) {
    id
    filename
  }
}
    `) as unknown as TypedDocumentString<BuildReleaseBundleMutation, BuildReleaseBundleMutationVariables>;
export const CaseDocumentsDocument = new TypedDocumentString(`
    query CaseDocuments($id: ID!) {
  caseDocuments(caseId: $id) {
    id
    template
    format
    filename
    sha256
    sentSequence
    datedOn
    sentOn
    sentChannel
    createdAt
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
    mutation GenerateLetter($id: ID!, $kind: String!, $dated: LocalDate) {
  generateLetter(caseId: $id, kind: $kind, dated: $dated) {
    id
    format
  }
}
    `) as unknown as TypedDocumentString<GenerateLetterMutation, GenerateLetterMutationVariables>;
export const SendLetterDocument = new TypedDocumentString(`
    mutation SendLetter($id: ID!, $sentOn: LocalDate, $channel: String, $recipient: String) {
  sendLetter(
    documentId: $id
    sentOn: $sentOn
    channel: $channel
    recipient: $recipient
  ) {
    id
  }
}
    `) as unknown as TypedDocumentString<SendLetterMutation, SendLetterMutationVariables>;
export const CaseMailsDocument = new TypedDocumentString(`
    query CaseMails($id: ID!) {
  caseMails(caseId: $id) {
    id
    documentIds
    toAddress
    status
    attempts
    lastError
    nextAttemptAt
    sentSequence
  }
}
    `) as unknown as TypedDocumentString<CaseMailsQuery, CaseMailsQueryVariables>;
export const EmailLetterDocument = new TypedDocumentString(`
    mutation EmailLetter($id: ID!, $to: String, $withDocx: Boolean) {
  emailLetter(documentId: $id, to: $to, withDocx: $withDocx) {
    id
    status
  }
}
    `) as unknown as TypedDocumentString<EmailLetterMutation, EmailLetterMutationVariables>;
export const CaseLinksDocument = new TypedDocumentString(`
    query CaseLinks($id: ID!) {
  case(id: $id) {
    id
    links {
      id
      kind
      label
      other {
        id
        reference
        subject
        receivedOn
        status
      }
    }
  }
}
    `) as unknown as TypedDocumentString<CaseLinksQuery, CaseLinksQueryVariables>;
export const LinkSuggestionsDocument = new TypedDocumentString(`
    query LinkSuggestions($id: ID!) {
  case(id: $id) {
    id
    linkSuggestions {
      case {
        id
        reference
        subject
        receivedOn
        status
      }
      reasons
      similarity
      suggestedKind
    }
  }
}
    `) as unknown as TypedDocumentString<LinkSuggestionsQuery, LinkSuggestionsQueryVariables>;
export const FindCaseByReferenceDocument = new TypedDocumentString(`
    query FindCaseByReference($text: String!) {
  cases(filter: {text: $text, status: "all"}, first: 5) {
    edges {
      node {
        id
        reference
      }
    }
  }
}
    `) as unknown as TypedDocumentString<FindCaseByReferenceQuery, FindCaseByReferenceQueryVariables>;
export const LinkCasesDocument = new TypedDocumentString(`
    mutation LinkCases($input: LinkCasesInput!) {
  linkCases(input: $input) {
    id
    label
  }
}
    `) as unknown as TypedDocumentString<LinkCasesMutation, LinkCasesMutationVariables>;
export const UnlinkCasesDocument = new TypedDocumentString(`
    mutation UnlinkCases($input: UnlinkCasesInput!) {
  unlinkCases(input: $input) {
    id
  }
}
    `) as unknown as TypedDocumentString<UnlinkCasesMutation, UnlinkCasesMutationVariables>;
export const CaseTasksDocument = new TypedDocumentString(`
    query CaseTasks($id: ID!) {
  case(id: $id) {
    id
    tasks {
      id
      question
      status
      dueOn
      workingDays
      overdue
      remindedAt
      chasers
      answer
      cancelReason
      team {
        name
      }
      assignee {
        name
      }
      raisedBy {
        name
      }
      closedBy {
        name
      }
      files {
        id
        filename
      }
    }
    notes {
      id
      text
      createdAt
      author {
        name
      }
    }
  }
}
    `) as unknown as TypedDocumentString<CaseTasksQuery, CaseTasksQueryVariables>;
export const TeamsForTasksDocument = new TypedDocumentString(`
    query TeamsForTasks {
  teams {
    id
    name
  }
}
    `) as unknown as TypedDocumentString<TeamsForTasksQuery, TeamsForTasksQueryVariables>;
export const TaskAssigneesDocument = new TypedDocumentString(`
    query TaskAssignees($teamId: ID) {
  taskAssignees(teamId: $teamId) {
    id
    name
  }
}
    `) as unknown as TypedDocumentString<TaskAssigneesQuery, TaskAssigneesQueryVariables>;
export const RaiseTaskDocument = new TypedDocumentString(`
    mutation RaiseTask($input: RaiseTaskInput!) {
  raiseTask(input: $input) {
    id
    dueOn
  }
}
    `) as unknown as TypedDocumentString<RaiseTaskMutation, RaiseTaskMutationVariables>;
export const ChaseTaskDocument = new TypedDocumentString(`
    mutation ChaseTask($input: ChaseTaskInput!) {
  chaseTask(input: $input) {
    id
    chasers
  }
}
    `) as unknown as TypedDocumentString<ChaseTaskMutation, ChaseTaskMutationVariables>;
export const CancelTaskDocument = new TypedDocumentString(`
    mutation CancelTask($input: CancelTaskInput!) {
  cancelTask(input: $input) {
    id
    status
  }
}
    `) as unknown as TypedDocumentString<CancelTaskMutation, CancelTaskMutationVariables>;
export const AddCaseNoteDocument = new TypedDocumentString(`
    mutation AddCaseNote($input: AddCaseNoteInput!) {
  addCaseNote(input: $input) {
    id
  }
}
    `) as unknown as TypedDocumentString<AddCaseNoteMutation, AddCaseNoteMutationVariables>;
export const DraftLetterDocument = new TypedDocumentString(`
    query DraftLetter($id: ID!) {
  previewLetter(caseId: $id, kind: "response")
}
    `) as unknown as TypedDocumentString<DraftLetterQuery, DraftLetterQueryVariables>;
export const WorkflowDefinitionsDocument = new TypedDocumentString(`
    query WorkflowDefinitions($id: ID!) {
  workflow(id: $id) {
    versions {
      version
      definition
    }
  }
}
    `) as unknown as TypedDocumentString<WorkflowDefinitionsQuery, WorkflowDefinitionsQueryVariables>;
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
export const EditorRolesDocument = new TypedDocumentString(`
    query EditorRoles {
  roles {
    name
  }
}
    `) as unknown as TypedDocumentString<EditorRolesQuery, EditorRolesQueryVariables>;
export const AuditHistoryDocument = new TypedDocumentString(`
    query AuditHistory($id: ID!) {
  case(id: $id) {
    id
    reference
    subject
    requestText
    regime
    workflowId
    workflowVersion
    stageLabel
    stepLabel
    status
    receivedOn
    dueDate
    overdue
    dueSoon
    outcome
    history {
      sequence
      type
      actorLabel
      recordedAt
      effectiveOn
      workflowVersion
      payload
      hash
      erasure {
        fields
        rule
        erasedAt
      }
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
    erasures {
      sequence
      rule
      erasedAt
      hashChecked
    }
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
export const AuthoritySettingsPageDocument = new TypedDocumentString(`
    query AuthoritySettingsPage {
  authoritySettings {
    name
    team
    email
    address
    nation
    sector
    appropriateLimit
    appropriateLimitHours
    receiptRule
  }
  nations {
    nation
    name
  }
  sectors {
    sector
    label
    appropriateLimit
    appropriateLimitHours
  }
}
    `) as unknown as TypedDocumentString<AuthoritySettingsPageQuery, AuthoritySettingsPageQueryVariables>;
export const SaveAuthoritySettingsDocument = new TypedDocumentString(`
    mutation SaveAuthoritySettings($settings: AuthoritySettingsInput!) {
  saveAuthoritySettings(settings: $settings) {
    casesRecomputed
  }
}
    `) as unknown as TypedDocumentString<SaveAuthoritySettingsMutation, SaveAuthoritySettingsMutationVariables>;
export const CaseListDocument = new TypedDocumentString(`
    query CaseList($filter: CasesFilter, $first: Int, $after: String) {
  cases(filter: $filter, first: $first, after: $after) {
    count {
      value
      exact
    }
    pageInfo {
      hasNextPage
      endCursor
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
        version
        assignee {
          name
        }
      }
    }
  }
}
    `) as unknown as TypedDocumentString<CaseListQuery, CaseListQueryVariables>;
export const MySavedFiltersDocument = new TypedDocumentString(`
    query MySavedFilters {
  savedFilters {
    id
    name
    filter
  }
}
    `) as unknown as TypedDocumentString<MySavedFiltersQuery, MySavedFiltersQueryVariables>;
export const SaveFilterDocument = new TypedDocumentString(`
    mutation SaveFilter($input: SaveFilterInput!) {
  saveFilter(input: $input) {
    id
    name
  }
}
    `) as unknown as TypedDocumentString<SaveFilterMutation, SaveFilterMutationVariables>;
export const DeleteFilterDocument = new TypedDocumentString(`
    mutation DeleteFilter($id: ID!) {
  deleteFilter(id: $id) {
    id
  }
}
    `) as unknown as TypedDocumentString<DeleteFilterMutation, DeleteFilterMutationVariables>;
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
  team: cases(filter: {teamQueue: true}, first: 1) {
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
export const RegimesDocument = new TypedDocumentString(`
    query Regimes {
  regimes {
    regime
    law
  }
}
    `) as unknown as TypedDocumentString<RegimesQuery, RegimesQueryVariables>;
export const PublishedWorkflowsDocument = new TypedDocumentString(`
    query PublishedWorkflows {
  workflows {
    id
    name
    regime
    published {
      version
    }
  }
}
    `) as unknown as TypedDocumentString<PublishedWorkflowsQuery, PublishedWorkflowsQueryVariables>;
export const CreateCaseDocument = new TypedDocumentString(`
    mutation CreateCase($input: CreateCaseInput!) {
  createCase(input: $input) {
    id
    reference
    receivedOn
    dueDate
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
    step
    stepLabel
    version
    catchingUp
    dueDate
    overdue
    dueSoon
    outcome
    workflowId
    workflowVersion
    regime
    assignee {
      id
      name
    }
    team {
      id
      name
    }
    requester {
      name
      email
      address
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
      unavailableReason
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
export const FinishCatchingUpDocument = new TypedDocumentString(`
    mutation FinishCatchingUp($id: ID!, $version: Int) {
  finishCatchingUp(caseId: $id, expectedVersion: $version) {
    version
  }
}
    `) as unknown as TypedDocumentString<FinishCatchingUpMutation, FinishCatchingUpMutationVariables>;
export const CaseVersionDocument = new TypedDocumentString(`
    query CaseVersion($id: ID!) {
  case(id: $id) {
    version
  }
}
    `) as unknown as TypedDocumentString<CaseVersionQuery, CaseVersionQueryVariables>;
export const CaseLastChangeDocument = new TypedDocumentString(`
    query CaseLastChange($id: ID!) {
  case(id: $id) {
    version
    history {
      sequence
      type
      actorLabel
      recordedAt
      actor {
        id
      }
    }
  }
}
    `) as unknown as TypedDocumentString<CaseLastChangeQuery, CaseLastChangeQueryVariables>;
export const AssignCaseDocument = new TypedDocumentString(`
    mutation AssignCase($input: AssignCaseInput!) {
  assignCase(input: $input) {
    version
  }
}
    `) as unknown as TypedDocumentString<AssignCaseMutation, AssignCaseMutationVariables>;
export const DashboardDocument = new TypedDocumentString(`
    query Dashboard($from: LocalDate!, $to: LocalDate!, $groupBy: StatisticsPeriod!, $regime: String, $teamId: ID) {
  statistics(
    from: $from
    to: $to
    groupBy: $groupBy
    regime: $regime
    teamId: $teamId
  ) {
    received
    answered
    inTime
    inTimeExtended
    late
    inTimePercent
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
      inTimePercent
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
export const DashboardChoicesDocument = new TypedDocumentString(`
    query DashboardChoices {
  regimes {
    regime
    law
  }
  teams {
    id
    name
  }
}
    `) as unknown as TypedDocumentString<DashboardChoicesQuery, DashboardChoicesQueryVariables>;
export const HolidaysDocument = new TypedDocumentString(`
    query Holidays {
  holidays {
    date
    title
    divisions
    removed
    createdAt
  }
  nations {
    nation
    name
  }
}
    `) as unknown as TypedDocumentString<HolidaysQuery, HolidaysQueryVariables>;
export const HolidayChangePreviewDocument = new TypedDocumentString(`
    query HolidayChangePreview($changes: [HolidayChangeInput!]!) {
  holidayChangePreview(changes: $changes) {
    caseId
    reference
    changes {
      name
      label
      from
      to
    }
  }
}
    `) as unknown as TypedDocumentString<HolidayChangePreviewQuery, HolidayChangePreviewQueryVariables>;
export const AddHolidayDocument = new TypedDocumentString(`
    mutation AddHoliday($input: AddHolidayInput!) {
  addHoliday(input: $input) {
    casesRecomputed
  }
}
    `) as unknown as TypedDocumentString<AddHolidayMutation, AddHolidayMutationVariables>;
export const RemoveHolidayDocument = new TypedDocumentString(`
    mutation RemoveHoliday($input: RemoveHolidayInput!) {
  removeHoliday(input: $input) {
    casesRecomputed
  }
}
    `) as unknown as TypedDocumentString<RemoveHolidayMutation, RemoveHolidayMutationVariables>;
export const MoveHolidayDocument = new TypedDocumentString(`
    mutation MoveHoliday($input: MoveHolidayInput!) {
  moveHoliday(input: $input) {
    casesRecomputed
  }
}
    `) as unknown as TypedDocumentString<MoveHolidayMutation, MoveHolidayMutationVariables>;
export const IncomingMailDocument = new TypedDocumentString(`
    query IncomingMail {
  incomingMail {
    id
    messageId
    fromAddress
    fromName
    subject
    text
    sentAt
    arrivedAt
    receivedOn
    status
    caseId
    caseReference
    threadedBy
    offeredEvent
    offerStatus
    attachments {
      filename
      size
      accepted
    }
  }
  workflows {
    id
    name
    published {
      version
    }
  }
}
    `) as unknown as TypedDocumentString<IncomingMailQuery, IncomingMailQueryVariables>;
export const OfferedEventDocument = new TypedDocumentString(`
    query OfferedEvent($caseId: ID!) {
  case(id: $caseId) {
    id
    allowedEvents {
      type
      label
      inputSchema
    }
  }
}
    `) as unknown as TypedDocumentString<OfferedEventQuery, OfferedEventQueryVariables>;
export const ConfirmIncomingMailDocument = new TypedDocumentString(`
    mutation ConfirmIncomingMail($id: ID!, $input: CreateCaseInput!) {
  confirmIncomingMail(id: $id, input: $input) {
    id
    status
    caseId
    caseReference
  }
}
    `) as unknown as TypedDocumentString<ConfirmIncomingMailMutation, ConfirmIncomingMailMutationVariables>;
export const DiscardIncomingMailDocument = new TypedDocumentString(`
    mutation DiscardIncomingMail($id: ID!) {
  discardIncomingMail(id: $id) {
    id
    status
  }
}
    `) as unknown as TypedDocumentString<DiscardIncomingMailMutation, DiscardIncomingMailMutationVariables>;
export const RecordIncomingMailEventDocument = new TypedDocumentString(`
    mutation RecordIncomingMailEvent($id: ID!, $payload: JSONObject) {
  recordIncomingMailEvent(id: $id, payload: $payload) {
    id
    offerStatus
    offerSequence
  }
}
    `) as unknown as TypedDocumentString<RecordIncomingMailEventMutation, RecordIncomingMailEventMutationVariables>;
export const DismissIncomingMailOfferDocument = new TypedDocumentString(`
    mutation DismissIncomingMailOffer($id: ID!) {
  dismissIncomingMailOffer(id: $id) {
    id
    offerStatus
  }
}
    `) as unknown as TypedDocumentString<DismissIncomingMailOfferMutation, DismissIncomingMailOfferMutationVariables>;
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
export const MoveCaseVersionsDocument = new TypedDocumentString(`
    query MoveCaseVersions {
  workflows {
    id
    name
    versions {
      id
      version
    }
  }
}
    `) as unknown as TypedDocumentString<MoveCaseVersionsQuery, MoveCaseVersionsQueryVariables>;
export const MigrationPreviewDocument = new TypedDocumentString(`
    query MigrationPreview($from: ID!, $to: ID!, $mapping: [StateMappingInput!]) {
  migrationPreview(fromVersionId: $from, toVersionId: $to, mapping: $mapping) {
    caseId
    reference
    movable
    problems
    from {
      stage
      step
    }
    to {
      stage
      step
    }
  }
}
    `) as unknown as TypedDocumentString<MigrationPreviewQuery, MigrationPreviewQueryVariables>;
export const MigrateCasesDocument = new TypedDocumentString(`
    mutation MigrateCases($input: MigrateCasesInput!) {
  migrateCases(input: $input) {
    caseId
    reference
    moved
    problems
  }
}
    `) as unknown as TypedDocumentString<MigrateCasesMutation, MigrateCasesMutationVariables>;
export const NotificationsDocument = new TypedDocumentString(`
    query Notifications {
  notifications {
    id
    kind
    caseId
    title
    body
    emailed
    readAt
    createdAt
  }
  notificationPreferences {
    kind
    email
    inApp
  }
}
    `) as unknown as TypedDocumentString<NotificationsQuery, NotificationsQueryVariables>;
export const UnreadNotificationCountDocument = new TypedDocumentString(`
    query UnreadNotificationCount {
  unreadNotificationCount
}
    `) as unknown as TypedDocumentString<UnreadNotificationCountQuery, UnreadNotificationCountQueryVariables>;
export const MarkNotificationsReadDocument = new TypedDocumentString(`
    mutation MarkNotificationsRead($ids: [ID!]) {
  markNotificationsRead(ids: $ids)
}
    `) as unknown as TypedDocumentString<MarkNotificationsReadMutation, MarkNotificationsReadMutationVariables>;
export const SetNotificationPreferenceDocument = new TypedDocumentString(`
    mutation SetNotificationPreference($input: NotificationPreferenceInput!) {
  setNotificationPreference(input: $input) {
    kind
    email
    inApp
  }
}
    `) as unknown as TypedDocumentString<SetNotificationPreferenceMutation, SetNotificationPreferenceMutationVariables>;
export const OutboxDocument = new TypedDocumentString(`
    query Outbox {
  outbox {
    id
    caseReference
    toAddress
    subject
    createdAt
  }
  mailTemplate {
    subject
    body
    builtIn
  }
}
    `) as unknown as TypedDocumentString<OutboxQuery, OutboxQueryVariables>;
export const OutboxMessageDocument = new TypedDocumentString(`
    query OutboxMessage($id: ID!) {
  outboxMessage(id: $id) {
    id
    caseReference
    toAddress
    fromAddress
    subject
    messageId
    createdAt
    text
    source
    attachments {
      filename
      contentType
      size
      sha256
      base64
    }
  }
}
    `) as unknown as TypedDocumentString<OutboxMessageQuery, OutboxMessageQueryVariables>;
export const SaveMailTemplateDocument = new TypedDocumentString(`
    mutation SaveMailTemplate($subject: String!, $body: String!) {
  saveMailTemplate(subject: $subject, body: $body) {
    subject
    body
    builtIn
  }
}
    `) as unknown as TypedDocumentString<SaveMailTemplateMutation, SaveMailTemplateMutationVariables>;
export const PublishingDocument = new TypedDocumentString(`
    query Publishing {
  disclosureCandidates(first: 100) {
    caseId
    reference
    regime
    subject
    outcome
    respondedOn
    documents {
      id
      filename
      version
    }
  }
  disclosureLog {
    caseId
    reference
    regime
    subject
    outcome
    respondedOn
    publishedOn
    summary
  }
}
    `) as unknown as TypedDocumentString<PublishingQuery, PublishingQueryVariables>;
export const PublishToDisclosureLogDocument = new TypedDocumentString(`
    mutation PublishToDisclosureLog($caseId: ID!, $summary: String, $documentIds: [ID!]) {
  publishToDisclosureLog(
    caseId: $caseId
    summary: $summary
    documentIds: $documentIds
  ) {
    caseId
    published
  }
}
    `) as unknown as TypedDocumentString<PublishToDisclosureLogMutation, PublishToDisclosureLogMutationVariables>;
export const WithdrawFromDisclosureLogDocument = new TypedDocumentString(`
    mutation WithdrawFromDisclosureLog($caseId: ID!, $reason: String!) {
  withdrawFromDisclosureLog(caseId: $caseId, reason: $reason) {
    caseId
    published
  }
}
    `) as unknown as TypedDocumentString<WithdrawFromDisclosureLogMutation, WithdrawFromDisclosureLogMutationVariables>;
export const RetentionDocument = new TypedDocumentString(`
    query Retention {
  retentionRules {
    id
    regime
    outcome
    monthsAfterClosure
    updatedAt
  }
  disposalQueue {
    caseId
    reference
    regime
    outcome
    dueOn
    rule
  }
}
    `) as unknown as TypedDocumentString<RetentionQuery, RetentionQueryVariables>;
export const SaveRetentionRuleDocument = new TypedDocumentString(`
    mutation SaveRetentionRule($input: RetentionRuleInput!) {
  saveRetentionRule(input: $input) {
    id
  }
}
    `) as unknown as TypedDocumentString<SaveRetentionRuleMutation, SaveRetentionRuleMutationVariables>;
export const DeleteRetentionRuleDocument = new TypedDocumentString(`
    mutation DeleteRetentionRule($id: ID!) {
  deleteRetentionRule(id: $id)
}
    `) as unknown as TypedDocumentString<DeleteRetentionRuleMutation, DeleteRetentionRuleMutationVariables>;
export const ApproveDisposalDocument = new TypedDocumentString(`
    mutation ApproveDisposal($ids: [ID!]!) {
  approveDisposal(caseIds: $ids) {
    caseId
    ok
    message
  }
}
    `) as unknown as TypedDocumentString<ApproveDisposalMutation, ApproveDisposalMutationVariables>;
export const SetPasswordDocument = new TypedDocumentString(`
    mutation SetPassword($token: String!, $password: String!) {
  setPassword(token: $token, password: $password)
}
    `) as unknown as TypedDocumentString<SetPasswordMutation, SetPasswordMutationVariables>;
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
export const SignInOptionsDocument = new TypedDocumentString(`
    query SignInOptions {
  signInOptions {
    password
    oidc
    oidcProviderName
  }
}
    `) as unknown as TypedDocumentString<SignInOptionsQuery, SignInOptionsQueryVariables>;
export const ExchangeSignInCodeDocument = new TypedDocumentString(`
    mutation ExchangeSignInCode($code: String!) {
  exchangeSignInCode(code: $code) {
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
    `) as unknown as TypedDocumentString<ExchangeSignInCodeMutation, ExchangeSignInCodeMutationVariables>;
export const TaskPageDocument = new TypedDocumentString(`
    query TaskPage($id: ID!) {
  task(id: $id) {
    id
    question
    status
    workingDays
    raisedOn
    dueOn
    overdue
    remindedAt
    answer
    closedAt
    cancelReason
    team {
      name
    }
    assignee {
      id
      name
    }
    raisedBy {
      name
    }
    closedBy {
      name
    }
    case {
      id
      reference
      subject
      regime
      receivedOn
      requestText
    }
    files {
      id
      filename
      size
    }
    activity {
      at
      kind
      actorName
      message
    }
  }
}
    `) as unknown as TypedDocumentString<TaskPageQuery, TaskPageQueryVariables>;
export const AnswerTaskDocument = new TypedDocumentString(`
    mutation AnswerTask($input: AnswerTaskInput!) {
  answerTask(input: $input) {
    id
    status
  }
}
    `) as unknown as TypedDocumentString<AnswerTaskMutation, AnswerTaskMutationVariables>;
export const TeamsForQueueDocument = new TypedDocumentString(`
    query TeamsForQueue {
  teams {
    id
    name
  }
}
    `) as unknown as TypedDocumentString<TeamsForQueueQuery, TeamsForQueueQueryVariables>;
export const TaskQueueDocument = new TypedDocumentString(`
    query TaskQueue($filter: TasksFilter) {
  tasks(filter: $filter, first: 100) {
    id
    question
    status
    dueOn
    overdue
    remindedAt
    chasers
    team {
      id
      name
    }
    assignee {
      id
      name
    }
    case {
      id
      reference
      subject
    }
  }
}
    `) as unknown as TypedDocumentString<TaskQueueQuery, TaskQueueQueryVariables>;
export const TeamsDocument = new TypedDocumentString(`
    query Teams {
  teams {
    id
    name
    members {
      id
      name
      disabled
    }
  }
}
    `) as unknown as TypedDocumentString<TeamsQuery, TeamsQueryVariables>;
export const WorkflowAccessDocument = new TypedDocumentString(`
    query WorkflowAccess {
  workflows {
    id
    name
    restricted
    accessTeams {
      id
    }
  }
}
    `) as unknown as TypedDocumentString<WorkflowAccessQuery, WorkflowAccessQueryVariables>;
export const SetWorkflowAccessDocument = new TypedDocumentString(`
    mutation SetWorkflowAccess($input: SetWorkflowAccessInput!) {
  setWorkflowAccess(input: $input) {
    workflowId
    restricted
    teams {
      id
      name
    }
  }
}
    `) as unknown as TypedDocumentString<SetWorkflowAccessMutation, SetWorkflowAccessMutationVariables>;
export const CreateTeamDocument = new TypedDocumentString(`
    mutation CreateTeam($input: CreateTeamInput!) {
  createTeam(input: $input) {
    id
    name
  }
}
    `) as unknown as TypedDocumentString<CreateTeamMutation, CreateTeamMutationVariables>;
export const UsersDocument = new TypedDocumentString(`
    query Users {
  users {
    id
    email
    name
    roles
    disabled
    invited
    teams {
      id
      name
    }
  }
  teams {
    id
    name
  }
  roles {
    name
    description
    builtIn
  }
}
    `) as unknown as TypedDocumentString<UsersQuery, UsersQueryVariables>;
export const CreateUserDocument = new TypedDocumentString(`
    mutation CreateUser($input: CreateUserInput!) {
  createUser(input: $input) {
    id
    email
    invitation {
      token
      expiresAt
    }
  }
}
    `) as unknown as TypedDocumentString<CreateUserMutation, CreateUserMutationVariables>;
export const UpdateUserDocument = new TypedDocumentString(`
    mutation UpdateUser($input: UpdateUserInput!) {
  updateUser(input: $input) {
    id
  }
}
    `) as unknown as TypedDocumentString<UpdateUserMutation, UpdateUserMutationVariables>;
export const ResetUserPasswordDocument = new TypedDocumentString(`
    mutation ResetUserPassword($input: ResetUserPasswordInput!) {
  resetUserPassword(input: $input) {
    id
    email
    invitation {
      token
      expiresAt
    }
  }
}
    `) as unknown as TypedDocumentString<ResetUserPasswordMutation, ResetUserPasswordMutationVariables>;
export const EndUserSessionsDocument = new TypedDocumentString(`
    mutation EndUserSessions($id: ID!) {
  endUserSessions(userId: $id) {
    id
  }
}
    `) as unknown as TypedDocumentString<EndUserSessionsMutation, EndUserSessionsMutationVariables>;
export const CreateRoleDocument = new TypedDocumentString(`
    mutation CreateRole($input: CreateRoleInput!) {
  createRole(input: $input) {
    name
  }
}
    `) as unknown as TypedDocumentString<CreateRoleMutation, CreateRoleMutationVariables>;
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
  regimes {
    regime
    law
  }
}
    `) as unknown as TypedDocumentString<WorkflowListQuery, WorkflowListQueryVariables>;
export const WorkflowVersionsDocument = new TypedDocumentString(`
    query WorkflowVersions($id: ID!) {
  workflow(id: $id) {
    id
    versions {
      version
      definition
    }
  }
}
    `) as unknown as TypedDocumentString<WorkflowVersionsQuery, WorkflowVersionsQueryVariables>;
export const CreateWorkflowDocument = new TypedDocumentString(`
    mutation CreateWorkflow($input: CreateWorkflowInput!) {
  createWorkflow(input: $input) {
    id
  }
}
    `) as unknown as TypedDocumentString<CreateWorkflowMutation, CreateWorkflowMutationVariables>;