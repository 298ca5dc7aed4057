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
    "\n  query TeamsForPicker {\n    teams { id name }\n  }\n": typeof types.TeamsForPickerDocument,
    "\n  query Assignees($teamId: ID) {\n    assignees(teamId: $teamId) { id name }\n  }\n": typeof types.AssigneesDocument,
    "\n  mutation AssignTo($input: AssignCaseInput!) {\n    assignCase(input: $input) { version }\n  }\n": typeof types.AssignToDocument,
    "\n  query BulkAssignees {\n    assignees { id name }\n  }\n": typeof types.BulkAssigneesDocument,
    "\n  query PreviewBulk($input: BulkActionInput!) {\n    previewBulkAction(input: $input) { total allowed refused items { caseId reference allowed code message } }\n  }\n": typeof types.PreviewBulkDocument,
    "\n  mutation StartBulk($input: BulkActionInput!) {\n    startBulkAction(input: $input) { id }\n  }\n": typeof types.StartBulkDocument,
    "\n  query BulkJobProgress($id: ID!) {\n    bulkJob(id: $id) {\n      id status total succeeded failed pending\n      items(first: 200, status: \"failed\") { items { caseId reference code message } }\n    }\n  }\n": typeof types.BulkJobProgressDocument,
    "\n  mutation CorrectCase($input: CorrectCaseInput!) {\n    correctCase(input: $input) { version dueOn }\n  }\n": typeof types.CorrectCaseDocument,
    "\n  mutation ReopenCase($id: ID!, $reason: String!) {\n    reopenCase(caseId: $id, reason: $reason) { version }\n  }\n": typeof types.ReopenCaseDocument,
    "\n  mutation VoidCase($id: ID!, $reason: String!) {\n    voidCase(caseId: $id, reason: $reason) { version }\n  }\n": typeof types.VoidCaseDocument,
    "\n  query CaseAttachments($id: ID!) {\n    caseAttachments(caseId: $id) {\n      id documentId version kind filename mimeType size sha256 redactedFrom createdByName createdAt\n    }\n  }\n": typeof types.CaseAttachmentsDocument,
    "\n  query DocumentPages($id: ID!) { documentPages(documentId: $id) { page width height pngBase64 } }\n": typeof types.DocumentPagesDocument,
    "\n  query FindInDocument($id: ID!, $text: String!) { findInDocument(documentId: $id, text: $text) { page rect } }\n": typeof types.FindInDocumentDocument,
    "\n  query FindPersonalData($id: ID!) { findPersonalData(documentId: $id) { page rect text kind } }\n": typeof types.FindPersonalDataDocument,
    "\n  mutation RedactDocument($input: RedactDocumentInput!) { redactDocument(input: $input) { id version } }\n": typeof types.RedactDocumentDocument,
    "\n  query RedactionLog($id: ID!) {\n    redactionLog(documentId: $id) { version page text exemption reason byName createdAt }\n  }\n": typeof types.RedactionLogDocument,
    "\n  mutation BuildReleaseBundle($caseId: ID!) { buildReleaseBundle(caseId: $caseId) { id filename } }\n": typeof types.BuildReleaseBundleDocument,
    "\n  query CaseDocuments($id: ID!) {\n    caseDocuments(caseId: $id) { id template format filename sha256 sentSequence datedOn sentOn sentChannel createdAt }\n  }\n": typeof types.CaseDocumentsDocument,
    "\n  query DocumentFile($id: ID!) { documentFile(documentId: $id) { base64 mimeType } }\n": typeof types.DocumentFileDocument,
    "\n  mutation GenerateLetter($id: ID!, $kind: String!, $dated: LocalDate) {\n    generateLetter(caseId: $id, kind: $kind, dated: $dated) { id format }\n  }\n": typeof types.GenerateLetterDocument,
    "\n  mutation SendLetter($id: ID!, $sentOn: LocalDate, $channel: String, $recipient: String) {\n    sendLetter(documentId: $id, sentOn: $sentOn, channel: $channel, recipient: $recipient) { id }\n  }\n": typeof types.SendLetterDocument,
    "\n  query CaseMails($id: ID!) {\n    caseMails(caseId: $id) { id documentIds toAddress status attempts lastError nextAttemptAt sentSequence }\n  }\n": typeof types.CaseMailsDocument,
    "\n  mutation EmailLetter($id: ID!, $to: String, $withDocx: Boolean) {\n    emailLetter(documentId: $id, to: $to, withDocx: $withDocx) { id status }\n  }\n": typeof types.EmailLetterDocument,
    "\n  query CaseLinks($id: ID!) {\n    case(id: $id) { id links { id kind label other { id reference subject receivedOn status } } }\n  }\n": typeof types.CaseLinksDocument,
    "\n  query LinkSuggestions($id: ID!) {\n    case(id: $id) {\n      id\n      linkSuggestions { case { id reference subject receivedOn status } reasons similarity suggestedKind }\n    }\n  }\n": typeof types.LinkSuggestionsDocument,
    "\n  query FindCaseByReference($text: String!) {\n    cases(filter: { text: $text, status: \"all\" }, first: 5) { edges { node { id reference } } }\n  }\n": typeof types.FindCaseByReferenceDocument,
    "\n  mutation LinkCases($input: LinkCasesInput!) {\n    linkCases(input: $input) { id label }\n  }\n": typeof types.LinkCasesDocument,
    "\n  mutation UnlinkCases($input: UnlinkCasesInput!) {\n    unlinkCases(input: $input) { id }\n  }\n": typeof types.UnlinkCasesDocument,
    "\n  query CaseTasks($id: ID!) {\n    case(id: $id) {\n      id\n      tasks {\n        id question status dueOn workingDays overdue remindedAt chasers answer cancelReason\n        team { name }\n        assignee { name }\n        raisedBy { name }\n        closedBy { name }\n        files { id filename }\n      }\n      notes { id text createdAt author { name } }\n    }\n  }\n": typeof types.CaseTasksDocument,
    "\n  query TeamsForTasks {\n    teams { id name }\n  }\n": typeof types.TeamsForTasksDocument,
    "\n  query TaskAssignees($teamId: ID) {\n    taskAssignees(teamId: $teamId) { id name }\n  }\n": typeof types.TaskAssigneesDocument,
    "\n  mutation RaiseTask($input: RaiseTaskInput!) {\n    raiseTask(input: $input) { id dueOn }\n  }\n": typeof types.RaiseTaskDocument,
    "\n  mutation ChaseTask($input: ChaseTaskInput!) {\n    chaseTask(input: $input) { id chasers }\n  }\n": typeof types.ChaseTaskDocument,
    "\n  mutation CancelTask($input: CancelTaskInput!) {\n    cancelTask(input: $input) { id status }\n  }\n": typeof types.CancelTaskDocument,
    "\n  mutation AddCaseNote($input: AddCaseNoteInput!) {\n    addCaseNote(input: $input) { id }\n  }\n": typeof types.AddCaseNoteDocument,
    "\n  query DraftLetter($id: ID!) { previewLetter(caseId: $id, kind: \"response\") }\n": typeof types.DraftLetterDocument,
    "\n  query WorkflowDefinitions($id: ID!) {\n    workflow(id: $id) { versions { version definition } }\n  }\n": typeof types.WorkflowDefinitionsDocument,
    "\n  query SimulatorHolidays { holidays { date title divisions } }\n": typeof types.SimulatorHolidaysDocument,
    "\n  query EditorWorkflow($id: ID!) {\n    workflow(id: $id) {\n      id\n      name\n      regime\n      published { version definition }\n      draft { revision definition savedAt savedBy { name } }\n      versions { id version status publishedAt publishedBy { name } definition definitionHash }\n    }\n  }\n": typeof types.EditorWorkflowDocument,
    "\n  query CurrentDraft($id: ID!) {\n    workflow(id: $id) {\n      draft { revision definition savedAt savedBy { name } }\n      published { version }\n    }\n  }\n": typeof types.CurrentDraftDocument,
    "\n  mutation SaveWorkflowDraft($input: SaveWorkflowDraftInput!) {\n    saveWorkflowDraft(input: $input) { revision savedAt }\n  }\n": typeof types.SaveWorkflowDraftDocument,
    "\n  mutation PublishWorkflow($input: PublishWorkflowInput!) {\n    publishWorkflow(input: $input) { version publishedAt }\n  }\n": typeof types.PublishWorkflowDocument,
    "\n  query EditorRoles {\n    roles { name }\n  }\n": typeof types.EditorRolesDocument,
    "\n  query AuditHistory($id: ID!) {\n    case(id: $id) {\n      id reference subject requestText regime workflowId workflowVersion stageLabel stepLabel status receivedOn\n      dueDate overdue dueSoon outcome\n      history { sequence type actorLabel recordedAt effectiveOn workflowVersion payload hash erasure { fields rule erasedAt } }\n    }\n  }\n": typeof types.AuditHistoryDocument,
    "\n  query ReplayCase($id: ID!, $to: Int!) {\n    replayCase(caseId: $id, toSequence: $to) { stage stageLabel stepLabel deadlines { name label due } }\n  }\n": typeof types.ReplayCaseDocument,
    "\n  query VerifyCaseHistory($id: ID!) {\n    verifyCaseHistory(caseId: $id) { ok eventsChecked firstBadSequence reason erasures { sequence rule erasedAt hashChecked } }\n  }\n": typeof types.VerifyCaseHistoryDocument,
    "\n  query ExportCaseBundle($id: ID!) { exportCaseBundle(caseId: $id) }\n": typeof types.ExportCaseBundleDocument,
    "\n  query AuditList($filter: CasesFilter) {\n    cases(filter: $filter, first: 200) {\n      count { value exact }\n      edges { node { id reference subject stageLabel receivedOn } }\n    }\n  }\n": typeof types.AuditListDocument,
    "\n  query AuthoritySettingsPage {\n    authoritySettings { name team email address nation sector appropriateLimit appropriateLimitHours receiptRule }\n    nations { nation name }\n    sectors { sector label appropriateLimit appropriateLimitHours }\n  }\n": typeof types.AuthoritySettingsPageDocument,
    "\n  mutation SaveAuthoritySettings($settings: AuthoritySettingsInput!) {\n    saveAuthoritySettings(settings: $settings) { casesRecomputed }\n  }\n": typeof types.SaveAuthoritySettingsDocument,
    "\n  query CaseList($filter: CasesFilter, $first: Int, $after: String) {\n    cases(filter: $filter, first: $first, after: $after) {\n      count { value exact }\n      pageInfo { hasNextPage endCursor }\n      edges { node { id reference regime subject stageLabel stepLabel dueDate overdue dueSoon version assignee { name } } }\n    }\n  }\n": typeof types.CaseListDocument,
    "\n  query MySavedFilters {\n    savedFilters { id name filter }\n  }\n": typeof types.MySavedFiltersDocument,
    "\n  mutation SaveFilter($input: SaveFilterInput!) {\n    saveFilter(input: $input) { id name }\n  }\n": typeof types.SaveFilterDocument,
    "\n  mutation DeleteFilter($id: ID!) {\n    deleteFilter(id: $id) { id }\n  }\n": typeof types.DeleteFilterDocument,
    "\n  query CaseListCounts {\n    all: cases(first: 1) { count { value exact } }\n    mine: cases(filter: { mine: true }, first: 1) { count { value exact } }\n    team: cases(filter: { teamQueue: true }, first: 1) { count { value exact } }\n    soon: cases(filter: { dueSoon: true }, first: 1) { count { value exact } }\n    overdue: cases(filter: { overdue: true }, first: 1) { count { value exact } }\n    closed: cases(filter: { status: \"closed\" }, first: 1) { count { value exact } }\n  }\n": typeof types.CaseListCountsDocument,
    "\n  query Regimes {\n    regimes { regime law }\n  }\n": typeof types.RegimesDocument,
    "\n  query PublishedWorkflows {\n    workflows { id name regime published { version } }\n  }\n": typeof types.PublishedWorkflowsDocument,
    "\n  mutation CreateCase($input: CreateCaseInput!) {\n    createCase(input: $input) { id reference receivedOn dueDate }\n  }\n": typeof types.CreateCaseDocument,
    "\n  query CasePage($id: ID!) {\n    case(id: $id) {\n      id reference subject requestText channel receivedOn status stage stageLabel step stepLabel version catchingUp\n      dueDate overdue dueSoon outcome workflowId workflowVersion regime\n      assignee { id name }\n      team { id name }\n      requester { name email address }\n      deadlines { name label due statutory }\n      deadlineExplanation { summary skipped { date reason } }\n      allowedEvents { type label inputSchema unavailableReason }\n      state\n      history { sequence type actorLabel recordedAt effectiveOn stageAfter }\n    }\n  }\n": typeof types.CasePageDocument,
    "\n  mutation SendCaseEvent($input: SendCaseEventInput!) {\n    sendCaseEvent(input: $input) { case { version } }\n  }\n": typeof types.SendCaseEventDocument,
    "\n  mutation FinishCatchingUp($id: ID!, $version: Int) {\n    finishCatchingUp(caseId: $id, expectedVersion: $version) { version }\n  }\n": typeof types.FinishCatchingUpDocument,
    "\n  query CaseVersion($id: ID!) {\n    case(id: $id) { version }\n  }\n": typeof types.CaseVersionDocument,
    "\n  query CaseLastChange($id: ID!) {\n    case(id: $id) { version history { sequence type actorLabel recordedAt actor { id } } }\n  }\n": typeof types.CaseLastChangeDocument,
    "\n  mutation AssignCase($input: AssignCaseInput!) {\n    assignCase(input: $input) { version }\n  }\n": typeof types.AssignCaseDocument,
    "\n  query Dashboard($from: LocalDate!, $to: LocalDate!, $groupBy: StatisticsPeriod!, $regime: String, $teamId: ID) {\n    statistics(from: $from, to: $to, groupBy: $groupBy, regime: $regime, teamId: $teamId) {\n      received answered inTime inTimeExtended late inTimePercent lateWorkingDaysAverage\n      periods {\n        period from to received answered inTime inTimeExtended late inTimePercent\n        outcomes { key count }\n        exemptions { key count }\n      }\n    }\n  }\n": typeof types.DashboardDocument,
    "\n  query DashboardChoices {\n    regimes { regime law }\n    teams { id name }\n  }\n": typeof types.DashboardChoicesDocument,
    "\n  query Holidays {\n    holidays { date title divisions removed createdAt }\n    nations { nation name }\n  }\n": typeof types.HolidaysDocument,
    "\n  query HolidayChangePreview($changes: [HolidayChangeInput!]!) {\n    holidayChangePreview(changes: $changes) { caseId reference changes { name label from to } }\n  }\n": typeof types.HolidayChangePreviewDocument,
    "\n  mutation AddHoliday($input: AddHolidayInput!) {\n    addHoliday(input: $input) { casesRecomputed }\n  }\n": typeof types.AddHolidayDocument,
    "\n  mutation RemoveHoliday($input: RemoveHolidayInput!) {\n    removeHoliday(input: $input) { casesRecomputed }\n  }\n": typeof types.RemoveHolidayDocument,
    "\n  mutation MoveHoliday($input: MoveHolidayInput!) {\n    moveHoliday(input: $input) { casesRecomputed }\n  }\n": typeof types.MoveHolidayDocument,
    "\n  query IncomingMail {\n    incomingMail {\n      id messageId fromAddress fromName subject text sentAt arrivedAt receivedOn status caseId caseReference\n      threadedBy offeredEvent offerStatus\n      attachments { filename size accepted }\n    }\n    workflows { id name published { version } }\n  }\n": typeof types.IncomingMailDocument,
    "\n  query OfferedEvent($caseId: ID!) {\n    case(id: $caseId) { id allowedEvents { type label inputSchema } }\n  }\n": typeof types.OfferedEventDocument,
    "\n  mutation ConfirmIncomingMail($id: ID!, $input: CreateCaseInput!) {\n    confirmIncomingMail(id: $id, input: $input) { id status caseId caseReference }\n  }\n": typeof types.ConfirmIncomingMailDocument,
    "\n  mutation DiscardIncomingMail($id: ID!) {\n    discardIncomingMail(id: $id) { id status }\n  }\n": typeof types.DiscardIncomingMailDocument,
    "\n  mutation RecordIncomingMailEvent($id: ID!, $payload: JSONObject) {\n    recordIncomingMailEvent(id: $id, payload: $payload) { id offerStatus offerSequence }\n  }\n": typeof types.RecordIncomingMailEventDocument,
    "\n  mutation DismissIncomingMailOffer($id: ID!) {\n    dismissIncomingMailOffer(id: $id) { id offerStatus }\n  }\n": typeof types.DismissIncomingMailOfferDocument,
    "\n  query Letters {\n    letterTemplates { kind body builtIn }\n    cases(filter: { status: \"all\" }, first: 50) { edges { node { id reference } } }\n  }\n": typeof types.LettersDocument,
    "\n  query PreviewLetter($id: ID!, $kind: String!, $body: String) {\n    previewLetter(caseId: $id, kind: $kind, body: $body)\n  }\n": typeof types.PreviewLetterDocument,
    "\n  mutation SaveLetterTemplate($kind: String!, $body: String!) {\n    saveLetterTemplate(kind: $kind, body: $body) { kind }\n  }\n": typeof types.SaveLetterTemplateDocument,
    "\n  query MoveCaseVersions {\n    workflows { id name versions { id version } }\n  }\n": typeof types.MoveCaseVersionsDocument,
    "\n  query MigrationPreview($from: ID!, $to: ID!, $mapping: [StateMappingInput!]) {\n    migrationPreview(fromVersionId: $from, toVersionId: $to, mapping: $mapping) {\n      caseId\n      reference\n      movable\n      problems\n      from { stage step }\n      to { stage step }\n    }\n  }\n": typeof types.MigrationPreviewDocument,
    "\n  mutation MigrateCases($input: MigrateCasesInput!) {\n    migrateCases(input: $input) { caseId reference moved problems }\n  }\n": typeof types.MigrateCasesDocument,
    "\n  query Notifications {\n    notifications { id kind caseId title body emailed readAt createdAt }\n    notificationPreferences { kind email inApp }\n  }\n": typeof types.NotificationsDocument,
    "\n  query UnreadNotificationCount {\n    unreadNotificationCount\n  }\n": typeof types.UnreadNotificationCountDocument,
    "\n  mutation MarkNotificationsRead($ids: [ID!]) {\n    markNotificationsRead(ids: $ids)\n  }\n": typeof types.MarkNotificationsReadDocument,
    "\n  mutation SetNotificationPreference($input: NotificationPreferenceInput!) {\n    setNotificationPreference(input: $input) { kind email inApp }\n  }\n": typeof types.SetNotificationPreferenceDocument,
    "\n  query Outbox {\n    outbox { id caseReference toAddress subject createdAt }\n    mailTemplate { subject body builtIn }\n  }\n": typeof types.OutboxDocument,
    "\n  query OutboxMessage($id: ID!) {\n    outboxMessage(id: $id) {\n      id caseReference toAddress fromAddress subject messageId createdAt text source\n      attachments { filename contentType size sha256 base64 }\n    }\n  }\n": typeof types.OutboxMessageDocument,
    "\n  mutation SaveMailTemplate($subject: String!, $body: String!) {\n    saveMailTemplate(subject: $subject, body: $body) { subject body builtIn }\n  }\n": typeof types.SaveMailTemplateDocument,
    "\n  query Publishing {\n    disclosureCandidates(first: 100) {\n      caseId reference regime subject outcome respondedOn\n      documents { id filename version }\n    }\n    disclosureLog { caseId reference regime subject outcome respondedOn publishedOn summary }\n  }\n": typeof types.PublishingDocument,
    "\n  mutation PublishToDisclosureLog($caseId: ID!, $summary: String, $documentIds: [ID!]) {\n    publishToDisclosureLog(caseId: $caseId, summary: $summary, documentIds: $documentIds) { caseId published }\n  }\n": typeof types.PublishToDisclosureLogDocument,
    "\n  mutation WithdrawFromDisclosureLog($caseId: ID!, $reason: String!) {\n    withdrawFromDisclosureLog(caseId: $caseId, reason: $reason) { caseId published }\n  }\n": typeof types.WithdrawFromDisclosureLogDocument,
    "\n  query Retention {\n    retentionRules { id regime outcome monthsAfterClosure updatedAt }\n    disposalQueue { caseId reference regime outcome dueOn rule }\n  }\n": typeof types.RetentionDocument,
    "\n  mutation SaveRetentionRule($input: RetentionRuleInput!) {\n    saveRetentionRule(input: $input) { id }\n  }\n": typeof types.SaveRetentionRuleDocument,
    "\n  mutation DeleteRetentionRule($id: ID!) {\n    deleteRetentionRule(id: $id)\n  }\n": typeof types.DeleteRetentionRuleDocument,
    "\n  mutation ApproveDisposal($ids: [ID!]!) {\n    approveDisposal(caseIds: $ids) { caseId ok message }\n  }\n": typeof types.ApproveDisposalDocument,
    "\n  mutation SetPassword($token: String!, $password: String!) {\n    setPassword(token: $token, password: $password)\n  }\n": typeof types.SetPasswordDocument,
    "\n  mutation SignIn($email: String!, $password: String!) {\n    login(email: $email, password: $password) { token expiresAt user { id email name roles } }\n  }\n": typeof types.SignInDocument,
    "\n  query SignInOptions {\n    signInOptions { password oidc oidcProviderName }\n  }\n": typeof types.SignInOptionsDocument,
    "\n  mutation ExchangeSignInCode($code: String!) {\n    exchangeSignInCode(code: $code) { token expiresAt user { id email name roles } }\n  }\n": typeof types.ExchangeSignInCodeDocument,
    "\n  query TaskPage($id: ID!) {\n    task(id: $id) {\n      id question status workingDays raisedOn dueOn overdue remindedAt answer closedAt cancelReason\n      team { name }\n      assignee { id name }\n      raisedBy { name }\n      closedBy { name }\n      case { id reference subject regime receivedOn requestText }\n      files { id filename size }\n      activity { at kind actorName message }\n    }\n  }\n": typeof types.TaskPageDocument,
    "\n  mutation AnswerTask($input: AnswerTaskInput!) {\n    answerTask(input: $input) { id status }\n  }\n": typeof types.AnswerTaskDocument,
    "\n  query TeamsForQueue {\n    teams { id name }\n  }\n": typeof types.TeamsForQueueDocument,
    "\n  query TaskQueue($filter: TasksFilter) {\n    tasks(filter: $filter, first: 100) {\n      id question status dueOn overdue remindedAt chasers\n      team { id name }\n      assignee { id name }\n      case { id reference subject }\n    }\n  }\n": typeof types.TaskQueueDocument,
    "\n  query Teams {\n    teams { id name members { id name disabled } }\n  }\n": typeof types.TeamsDocument,
    "\n  query WorkflowAccess {\n    workflows { id name restricted accessTeams { id } }\n  }\n": typeof types.WorkflowAccessDocument,
    "\n  mutation SetWorkflowAccess($input: SetWorkflowAccessInput!) {\n    setWorkflowAccess(input: $input) { workflowId restricted teams { id name } }\n  }\n": typeof types.SetWorkflowAccessDocument,
    "\n  mutation CreateTeam($input: CreateTeamInput!) {\n    createTeam(input: $input) { id name }\n  }\n": typeof types.CreateTeamDocument,
    "\n  query Users {\n    users { id email name roles disabled invited teams { id name } }\n    teams { id name }\n    roles { name description builtIn }\n  }\n": typeof types.UsersDocument,
    "\n  mutation CreateUser($input: CreateUserInput!) {\n    createUser(input: $input) { id email invitation { token expiresAt } }\n  }\n": typeof types.CreateUserDocument,
    "\n  mutation UpdateUser($input: UpdateUserInput!) {\n    updateUser(input: $input) { id }\n  }\n": typeof types.UpdateUserDocument,
    "\n  mutation ResetUserPassword($input: ResetUserPasswordInput!) {\n    resetUserPassword(input: $input) { id email invitation { token expiresAt } }\n  }\n": typeof types.ResetUserPasswordDocument,
    "\n  mutation EndUserSessions($id: ID!) {\n    endUserSessions(userId: $id) { id }\n  }\n": typeof types.EndUserSessionsDocument,
    "\n  mutation CreateRole($input: CreateRoleInput!) {\n    createRole(input: $input) { name }\n  }\n": typeof types.CreateRoleDocument,
    "\n  query WorkflowList {\n    workflows {\n      id\n      name\n      regime\n      published { version publishedAt }\n      draft { revision savedAt savedBy { name } errors { message } }\n    }\n    regimes { regime law }\n  }\n": typeof types.WorkflowListDocument,
    "\n  query WorkflowVersions($id: ID!) {\n    workflow(id: $id) { id versions { version definition } }\n  }\n": typeof types.WorkflowVersionsDocument,
    "\n  mutation CreateWorkflow($input: CreateWorkflowInput!) {\n    createWorkflow(input: $input) { id }\n  }\n": typeof types.CreateWorkflowDocument,
};
const documents: Documents = {
    "\n  query TeamsForPicker {\n    teams { id name }\n  }\n": types.TeamsForPickerDocument,
    "\n  query Assignees($teamId: ID) {\n    assignees(teamId: $teamId) { id name }\n  }\n": types.AssigneesDocument,
    "\n  mutation AssignTo($input: AssignCaseInput!) {\n    assignCase(input: $input) { version }\n  }\n": types.AssignToDocument,
    "\n  query BulkAssignees {\n    assignees { id name }\n  }\n": types.BulkAssigneesDocument,
    "\n  query PreviewBulk($input: BulkActionInput!) {\n    previewBulkAction(input: $input) { total allowed refused items { caseId reference allowed code message } }\n  }\n": types.PreviewBulkDocument,
    "\n  mutation StartBulk($input: BulkActionInput!) {\n    startBulkAction(input: $input) { id }\n  }\n": types.StartBulkDocument,
    "\n  query BulkJobProgress($id: ID!) {\n    bulkJob(id: $id) {\n      id status total succeeded failed pending\n      items(first: 200, status: \"failed\") { items { caseId reference code message } }\n    }\n  }\n": types.BulkJobProgressDocument,
    "\n  mutation CorrectCase($input: CorrectCaseInput!) {\n    correctCase(input: $input) { version dueOn }\n  }\n": types.CorrectCaseDocument,
    "\n  mutation ReopenCase($id: ID!, $reason: String!) {\n    reopenCase(caseId: $id, reason: $reason) { version }\n  }\n": types.ReopenCaseDocument,
    "\n  mutation VoidCase($id: ID!, $reason: String!) {\n    voidCase(caseId: $id, reason: $reason) { version }\n  }\n": types.VoidCaseDocument,
    "\n  query CaseAttachments($id: ID!) {\n    caseAttachments(caseId: $id) {\n      id documentId version kind filename mimeType size sha256 redactedFrom createdByName createdAt\n    }\n  }\n": types.CaseAttachmentsDocument,
    "\n  query DocumentPages($id: ID!) { documentPages(documentId: $id) { page width height pngBase64 } }\n": types.DocumentPagesDocument,
    "\n  query FindInDocument($id: ID!, $text: String!) { findInDocument(documentId: $id, text: $text) { page rect } }\n": types.FindInDocumentDocument,
    "\n  query FindPersonalData($id: ID!) { findPersonalData(documentId: $id) { page rect text kind } }\n": types.FindPersonalDataDocument,
    "\n  mutation RedactDocument($input: RedactDocumentInput!) { redactDocument(input: $input) { id version } }\n": types.RedactDocumentDocument,
    "\n  query RedactionLog($id: ID!) {\n    redactionLog(documentId: $id) { version page text exemption reason byName createdAt }\n  }\n": types.RedactionLogDocument,
    "\n  mutation BuildReleaseBundle($caseId: ID!) { buildReleaseBundle(caseId: $caseId) { id filename } }\n": types.BuildReleaseBundleDocument,
    "\n  query CaseDocuments($id: ID!) {\n    caseDocuments(caseId: $id) { id template format filename sha256 sentSequence datedOn sentOn sentChannel createdAt }\n  }\n": types.CaseDocumentsDocument,
    "\n  query DocumentFile($id: ID!) { documentFile(documentId: $id) { base64 mimeType } }\n": types.DocumentFileDocument,
    "\n  mutation GenerateLetter($id: ID!, $kind: String!, $dated: LocalDate) {\n    generateLetter(caseId: $id, kind: $kind, dated: $dated) { id format }\n  }\n": types.GenerateLetterDocument,
    "\n  mutation SendLetter($id: ID!, $sentOn: LocalDate, $channel: String, $recipient: String) {\n    sendLetter(documentId: $id, sentOn: $sentOn, channel: $channel, recipient: $recipient) { id }\n  }\n": types.SendLetterDocument,
    "\n  query CaseMails($id: ID!) {\n    caseMails(caseId: $id) { id documentIds toAddress status attempts lastError nextAttemptAt sentSequence }\n  }\n": types.CaseMailsDocument,
    "\n  mutation EmailLetter($id: ID!, $to: String, $withDocx: Boolean) {\n    emailLetter(documentId: $id, to: $to, withDocx: $withDocx) { id status }\n  }\n": types.EmailLetterDocument,
    "\n  query CaseLinks($id: ID!) {\n    case(id: $id) { id links { id kind label other { id reference subject receivedOn status } } }\n  }\n": types.CaseLinksDocument,
    "\n  query LinkSuggestions($id: ID!) {\n    case(id: $id) {\n      id\n      linkSuggestions { case { id reference subject receivedOn status } reasons similarity suggestedKind }\n    }\n  }\n": types.LinkSuggestionsDocument,
    "\n  query FindCaseByReference($text: String!) {\n    cases(filter: { text: $text, status: \"all\" }, first: 5) { edges { node { id reference } } }\n  }\n": types.FindCaseByReferenceDocument,
    "\n  mutation LinkCases($input: LinkCasesInput!) {\n    linkCases(input: $input) { id label }\n  }\n": types.LinkCasesDocument,
    "\n  mutation UnlinkCases($input: UnlinkCasesInput!) {\n    unlinkCases(input: $input) { id }\n  }\n": types.UnlinkCasesDocument,
    "\n  query CaseTasks($id: ID!) {\n    case(id: $id) {\n      id\n      tasks {\n        id question status dueOn workingDays overdue remindedAt chasers answer cancelReason\n        team { name }\n        assignee { name }\n        raisedBy { name }\n        closedBy { name }\n        files { id filename }\n      }\n      notes { id text createdAt author { name } }\n    }\n  }\n": types.CaseTasksDocument,
    "\n  query TeamsForTasks {\n    teams { id name }\n  }\n": types.TeamsForTasksDocument,
    "\n  query TaskAssignees($teamId: ID) {\n    taskAssignees(teamId: $teamId) { id name }\n  }\n": types.TaskAssigneesDocument,
    "\n  mutation RaiseTask($input: RaiseTaskInput!) {\n    raiseTask(input: $input) { id dueOn }\n  }\n": types.RaiseTaskDocument,
    "\n  mutation ChaseTask($input: ChaseTaskInput!) {\n    chaseTask(input: $input) { id chasers }\n  }\n": types.ChaseTaskDocument,
    "\n  mutation CancelTask($input: CancelTaskInput!) {\n    cancelTask(input: $input) { id status }\n  }\n": types.CancelTaskDocument,
    "\n  mutation AddCaseNote($input: AddCaseNoteInput!) {\n    addCaseNote(input: $input) { id }\n  }\n": types.AddCaseNoteDocument,
    "\n  query DraftLetter($id: ID!) { previewLetter(caseId: $id, kind: \"response\") }\n": types.DraftLetterDocument,
    "\n  query WorkflowDefinitions($id: ID!) {\n    workflow(id: $id) { versions { version definition } }\n  }\n": types.WorkflowDefinitionsDocument,
    "\n  query SimulatorHolidays { holidays { date title divisions } }\n": types.SimulatorHolidaysDocument,
    "\n  query EditorWorkflow($id: ID!) {\n    workflow(id: $id) {\n      id\n      name\n      regime\n      published { version definition }\n      draft { revision definition savedAt savedBy { name } }\n      versions { id version status publishedAt publishedBy { name } definition definitionHash }\n    }\n  }\n": types.EditorWorkflowDocument,
    "\n  query CurrentDraft($id: ID!) {\n    workflow(id: $id) {\n      draft { revision definition savedAt savedBy { name } }\n      published { version }\n    }\n  }\n": types.CurrentDraftDocument,
    "\n  mutation SaveWorkflowDraft($input: SaveWorkflowDraftInput!) {\n    saveWorkflowDraft(input: $input) { revision savedAt }\n  }\n": types.SaveWorkflowDraftDocument,
    "\n  mutation PublishWorkflow($input: PublishWorkflowInput!) {\n    publishWorkflow(input: $input) { version publishedAt }\n  }\n": types.PublishWorkflowDocument,
    "\n  query EditorRoles {\n    roles { name }\n  }\n": types.EditorRolesDocument,
    "\n  query AuditHistory($id: ID!) {\n    case(id: $id) {\n      id reference subject requestText regime workflowId workflowVersion stageLabel stepLabel status receivedOn\n      dueDate overdue dueSoon outcome\n      history { sequence type actorLabel recordedAt effectiveOn workflowVersion payload hash erasure { fields rule erasedAt } }\n    }\n  }\n": types.AuditHistoryDocument,
    "\n  query ReplayCase($id: ID!, $to: Int!) {\n    replayCase(caseId: $id, toSequence: $to) { stage stageLabel stepLabel deadlines { name label due } }\n  }\n": types.ReplayCaseDocument,
    "\n  query VerifyCaseHistory($id: ID!) {\n    verifyCaseHistory(caseId: $id) { ok eventsChecked firstBadSequence reason erasures { sequence rule erasedAt hashChecked } }\n  }\n": types.VerifyCaseHistoryDocument,
    "\n  query ExportCaseBundle($id: ID!) { exportCaseBundle(caseId: $id) }\n": types.ExportCaseBundleDocument,
    "\n  query AuditList($filter: CasesFilter) {\n    cases(filter: $filter, first: 200) {\n      count { value exact }\n      edges { node { id reference subject stageLabel receivedOn } }\n    }\n  }\n": types.AuditListDocument,
    "\n  query AuthoritySettingsPage {\n    authoritySettings { name team email address nation sector appropriateLimit appropriateLimitHours receiptRule }\n    nations { nation name }\n    sectors { sector label appropriateLimit appropriateLimitHours }\n  }\n": types.AuthoritySettingsPageDocument,
    "\n  mutation SaveAuthoritySettings($settings: AuthoritySettingsInput!) {\n    saveAuthoritySettings(settings: $settings) { casesRecomputed }\n  }\n": types.SaveAuthoritySettingsDocument,
    "\n  query CaseList($filter: CasesFilter, $first: Int, $after: String) {\n    cases(filter: $filter, first: $first, after: $after) {\n      count { value exact }\n      pageInfo { hasNextPage endCursor }\n      edges { node { id reference regime subject stageLabel stepLabel dueDate overdue dueSoon version assignee { name } } }\n    }\n  }\n": types.CaseListDocument,
    "\n  query MySavedFilters {\n    savedFilters { id name filter }\n  }\n": types.MySavedFiltersDocument,
    "\n  mutation SaveFilter($input: SaveFilterInput!) {\n    saveFilter(input: $input) { id name }\n  }\n": types.SaveFilterDocument,
    "\n  mutation DeleteFilter($id: ID!) {\n    deleteFilter(id: $id) { id }\n  }\n": types.DeleteFilterDocument,
    "\n  query CaseListCounts {\n    all: cases(first: 1) { count { value exact } }\n    mine: cases(filter: { mine: true }, first: 1) { count { value exact } }\n    team: cases(filter: { teamQueue: true }, first: 1) { count { value exact } }\n    soon: cases(filter: { dueSoon: true }, first: 1) { count { value exact } }\n    overdue: cases(filter: { overdue: true }, first: 1) { count { value exact } }\n    closed: cases(filter: { status: \"closed\" }, first: 1) { count { value exact } }\n  }\n": types.CaseListCountsDocument,
    "\n  query Regimes {\n    regimes { regime law }\n  }\n": types.RegimesDocument,
    "\n  query PublishedWorkflows {\n    workflows { id name regime published { version } }\n  }\n": types.PublishedWorkflowsDocument,
    "\n  mutation CreateCase($input: CreateCaseInput!) {\n    createCase(input: $input) { id reference receivedOn dueDate }\n  }\n": types.CreateCaseDocument,
    "\n  query CasePage($id: ID!) {\n    case(id: $id) {\n      id reference subject requestText channel receivedOn status stage stageLabel step stepLabel version catchingUp\n      dueDate overdue dueSoon outcome workflowId workflowVersion regime\n      assignee { id name }\n      team { id name }\n      requester { name email address }\n      deadlines { name label due statutory }\n      deadlineExplanation { summary skipped { date reason } }\n      allowedEvents { type label inputSchema unavailableReason }\n      state\n      history { sequence type actorLabel recordedAt effectiveOn stageAfter }\n    }\n  }\n": types.CasePageDocument,
    "\n  mutation SendCaseEvent($input: SendCaseEventInput!) {\n    sendCaseEvent(input: $input) { case { version } }\n  }\n": types.SendCaseEventDocument,
    "\n  mutation FinishCatchingUp($id: ID!, $version: Int) {\n    finishCatchingUp(caseId: $id, expectedVersion: $version) { version }\n  }\n": types.FinishCatchingUpDocument,
    "\n  query CaseVersion($id: ID!) {\n    case(id: $id) { version }\n  }\n": types.CaseVersionDocument,
    "\n  query CaseLastChange($id: ID!) {\n    case(id: $id) { version history { sequence type actorLabel recordedAt actor { id } } }\n  }\n": types.CaseLastChangeDocument,
    "\n  mutation AssignCase($input: AssignCaseInput!) {\n    assignCase(input: $input) { version }\n  }\n": types.AssignCaseDocument,
    "\n  query Dashboard($from: LocalDate!, $to: LocalDate!, $groupBy: StatisticsPeriod!, $regime: String, $teamId: ID) {\n    statistics(from: $from, to: $to, groupBy: $groupBy, regime: $regime, teamId: $teamId) {\n      received answered inTime inTimeExtended late inTimePercent lateWorkingDaysAverage\n      periods {\n        period from to received answered inTime inTimeExtended late inTimePercent\n        outcomes { key count }\n        exemptions { key count }\n      }\n    }\n  }\n": types.DashboardDocument,
    "\n  query DashboardChoices {\n    regimes { regime law }\n    teams { id name }\n  }\n": types.DashboardChoicesDocument,
    "\n  query Holidays {\n    holidays { date title divisions removed createdAt }\n    nations { nation name }\n  }\n": types.HolidaysDocument,
    "\n  query HolidayChangePreview($changes: [HolidayChangeInput!]!) {\n    holidayChangePreview(changes: $changes) { caseId reference changes { name label from to } }\n  }\n": types.HolidayChangePreviewDocument,
    "\n  mutation AddHoliday($input: AddHolidayInput!) {\n    addHoliday(input: $input) { casesRecomputed }\n  }\n": types.AddHolidayDocument,
    "\n  mutation RemoveHoliday($input: RemoveHolidayInput!) {\n    removeHoliday(input: $input) { casesRecomputed }\n  }\n": types.RemoveHolidayDocument,
    "\n  mutation MoveHoliday($input: MoveHolidayInput!) {\n    moveHoliday(input: $input) { casesRecomputed }\n  }\n": types.MoveHolidayDocument,
    "\n  query IncomingMail {\n    incomingMail {\n      id messageId fromAddress fromName subject text sentAt arrivedAt receivedOn status caseId caseReference\n      threadedBy offeredEvent offerStatus\n      attachments { filename size accepted }\n    }\n    workflows { id name published { version } }\n  }\n": types.IncomingMailDocument,
    "\n  query OfferedEvent($caseId: ID!) {\n    case(id: $caseId) { id allowedEvents { type label inputSchema } }\n  }\n": types.OfferedEventDocument,
    "\n  mutation ConfirmIncomingMail($id: ID!, $input: CreateCaseInput!) {\n    confirmIncomingMail(id: $id, input: $input) { id status caseId caseReference }\n  }\n": types.ConfirmIncomingMailDocument,
    "\n  mutation DiscardIncomingMail($id: ID!) {\n    discardIncomingMail(id: $id) { id status }\n  }\n": types.DiscardIncomingMailDocument,
    "\n  mutation RecordIncomingMailEvent($id: ID!, $payload: JSONObject) {\n    recordIncomingMailEvent(id: $id, payload: $payload) { id offerStatus offerSequence }\n  }\n": types.RecordIncomingMailEventDocument,
    "\n  mutation DismissIncomingMailOffer($id: ID!) {\n    dismissIncomingMailOffer(id: $id) { id offerStatus }\n  }\n": types.DismissIncomingMailOfferDocument,
    "\n  query Letters {\n    letterTemplates { kind body builtIn }\n    cases(filter: { status: \"all\" }, first: 50) { edges { node { id reference } } }\n  }\n": types.LettersDocument,
    "\n  query PreviewLetter($id: ID!, $kind: String!, $body: String) {\n    previewLetter(caseId: $id, kind: $kind, body: $body)\n  }\n": types.PreviewLetterDocument,
    "\n  mutation SaveLetterTemplate($kind: String!, $body: String!) {\n    saveLetterTemplate(kind: $kind, body: $body) { kind }\n  }\n": types.SaveLetterTemplateDocument,
    "\n  query MoveCaseVersions {\n    workflows { id name versions { id version } }\n  }\n": types.MoveCaseVersionsDocument,
    "\n  query MigrationPreview($from: ID!, $to: ID!, $mapping: [StateMappingInput!]) {\n    migrationPreview(fromVersionId: $from, toVersionId: $to, mapping: $mapping) {\n      caseId\n      reference\n      movable\n      problems\n      from { stage step }\n      to { stage step }\n    }\n  }\n": types.MigrationPreviewDocument,
    "\n  mutation MigrateCases($input: MigrateCasesInput!) {\n    migrateCases(input: $input) { caseId reference moved problems }\n  }\n": types.MigrateCasesDocument,
    "\n  query Notifications {\n    notifications { id kind caseId title body emailed readAt createdAt }\n    notificationPreferences { kind email inApp }\n  }\n": types.NotificationsDocument,
    "\n  query UnreadNotificationCount {\n    unreadNotificationCount\n  }\n": types.UnreadNotificationCountDocument,
    "\n  mutation MarkNotificationsRead($ids: [ID!]) {\n    markNotificationsRead(ids: $ids)\n  }\n": types.MarkNotificationsReadDocument,
    "\n  mutation SetNotificationPreference($input: NotificationPreferenceInput!) {\n    setNotificationPreference(input: $input) { kind email inApp }\n  }\n": types.SetNotificationPreferenceDocument,
    "\n  query Outbox {\n    outbox { id caseReference toAddress subject createdAt }\n    mailTemplate { subject body builtIn }\n  }\n": types.OutboxDocument,
    "\n  query OutboxMessage($id: ID!) {\n    outboxMessage(id: $id) {\n      id caseReference toAddress fromAddress subject messageId createdAt text source\n      attachments { filename contentType size sha256 base64 }\n    }\n  }\n": types.OutboxMessageDocument,
    "\n  mutation SaveMailTemplate($subject: String!, $body: String!) {\n    saveMailTemplate(subject: $subject, body: $body) { subject body builtIn }\n  }\n": types.SaveMailTemplateDocument,
    "\n  query Publishing {\n    disclosureCandidates(first: 100) {\n      caseId reference regime subject outcome respondedOn\n      documents { id filename version }\n    }\n    disclosureLog { caseId reference regime subject outcome respondedOn publishedOn summary }\n  }\n": types.PublishingDocument,
    "\n  mutation PublishToDisclosureLog($caseId: ID!, $summary: String, $documentIds: [ID!]) {\n    publishToDisclosureLog(caseId: $caseId, summary: $summary, documentIds: $documentIds) { caseId published }\n  }\n": types.PublishToDisclosureLogDocument,
    "\n  mutation WithdrawFromDisclosureLog($caseId: ID!, $reason: String!) {\n    withdrawFromDisclosureLog(caseId: $caseId, reason: $reason) { caseId published }\n  }\n": types.WithdrawFromDisclosureLogDocument,
    "\n  query Retention {\n    retentionRules { id regime outcome monthsAfterClosure updatedAt }\n    disposalQueue { caseId reference regime outcome dueOn rule }\n  }\n": types.RetentionDocument,
    "\n  mutation SaveRetentionRule($input: RetentionRuleInput!) {\n    saveRetentionRule(input: $input) { id }\n  }\n": types.SaveRetentionRuleDocument,
    "\n  mutation DeleteRetentionRule($id: ID!) {\n    deleteRetentionRule(id: $id)\n  }\n": types.DeleteRetentionRuleDocument,
    "\n  mutation ApproveDisposal($ids: [ID!]!) {\n    approveDisposal(caseIds: $ids) { caseId ok message }\n  }\n": types.ApproveDisposalDocument,
    "\n  mutation SetPassword($token: String!, $password: String!) {\n    setPassword(token: $token, password: $password)\n  }\n": types.SetPasswordDocument,
    "\n  mutation SignIn($email: String!, $password: String!) {\n    login(email: $email, password: $password) { token expiresAt user { id email name roles } }\n  }\n": types.SignInDocument,
    "\n  query SignInOptions {\n    signInOptions { password oidc oidcProviderName }\n  }\n": types.SignInOptionsDocument,
    "\n  mutation ExchangeSignInCode($code: String!) {\n    exchangeSignInCode(code: $code) { token expiresAt user { id email name roles } }\n  }\n": types.ExchangeSignInCodeDocument,
    "\n  query TaskPage($id: ID!) {\n    task(id: $id) {\n      id question status workingDays raisedOn dueOn overdue remindedAt answer closedAt cancelReason\n      team { name }\n      assignee { id name }\n      raisedBy { name }\n      closedBy { name }\n      case { id reference subject regime receivedOn requestText }\n      files { id filename size }\n      activity { at kind actorName message }\n    }\n  }\n": types.TaskPageDocument,
    "\n  mutation AnswerTask($input: AnswerTaskInput!) {\n    answerTask(input: $input) { id status }\n  }\n": types.AnswerTaskDocument,
    "\n  query TeamsForQueue {\n    teams { id name }\n  }\n": types.TeamsForQueueDocument,
    "\n  query TaskQueue($filter: TasksFilter) {\n    tasks(filter: $filter, first: 100) {\n      id question status dueOn overdue remindedAt chasers\n      team { id name }\n      assignee { id name }\n      case { id reference subject }\n    }\n  }\n": types.TaskQueueDocument,
    "\n  query Teams {\n    teams { id name members { id name disabled } }\n  }\n": types.TeamsDocument,
    "\n  query WorkflowAccess {\n    workflows { id name restricted accessTeams { id } }\n  }\n": types.WorkflowAccessDocument,
    "\n  mutation SetWorkflowAccess($input: SetWorkflowAccessInput!) {\n    setWorkflowAccess(input: $input) { workflowId restricted teams { id name } }\n  }\n": types.SetWorkflowAccessDocument,
    "\n  mutation CreateTeam($input: CreateTeamInput!) {\n    createTeam(input: $input) { id name }\n  }\n": types.CreateTeamDocument,
    "\n  query Users {\n    users { id email name roles disabled invited teams { id name } }\n    teams { id name }\n    roles { name description builtIn }\n  }\n": types.UsersDocument,
    "\n  mutation CreateUser($input: CreateUserInput!) {\n    createUser(input: $input) { id email invitation { token expiresAt } }\n  }\n": types.CreateUserDocument,
    "\n  mutation UpdateUser($input: UpdateUserInput!) {\n    updateUser(input: $input) { id }\n  }\n": types.UpdateUserDocument,
    "\n  mutation ResetUserPassword($input: ResetUserPasswordInput!) {\n    resetUserPassword(input: $input) { id email invitation { token expiresAt } }\n  }\n": types.ResetUserPasswordDocument,
    "\n  mutation EndUserSessions($id: ID!) {\n    endUserSessions(userId: $id) { id }\n  }\n": types.EndUserSessionsDocument,
    "\n  mutation CreateRole($input: CreateRoleInput!) {\n    createRole(input: $input) { name }\n  }\n": types.CreateRoleDocument,
    "\n  query WorkflowList {\n    workflows {\n      id\n      name\n      regime\n      published { version publishedAt }\n      draft { revision savedAt savedBy { name } errors { message } }\n    }\n    regimes { regime law }\n  }\n": types.WorkflowListDocument,
    "\n  query WorkflowVersions($id: ID!) {\n    workflow(id: $id) { id versions { version definition } }\n  }\n": types.WorkflowVersionsDocument,
    "\n  mutation CreateWorkflow($input: CreateWorkflowInput!) {\n    createWorkflow(input: $input) { id }\n  }\n": types.CreateWorkflowDocument,
};

/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query TeamsForPicker {\n    teams { id name }\n  }\n"): typeof import('./graphql').TeamsForPickerDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Assignees($teamId: ID) {\n    assignees(teamId: $teamId) { id name }\n  }\n"): typeof import('./graphql').AssigneesDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation AssignTo($input: AssignCaseInput!) {\n    assignCase(input: $input) { version }\n  }\n"): typeof import('./graphql').AssignToDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query BulkAssignees {\n    assignees { id name }\n  }\n"): typeof import('./graphql').BulkAssigneesDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query PreviewBulk($input: BulkActionInput!) {\n    previewBulkAction(input: $input) { total allowed refused items { caseId reference allowed code message } }\n  }\n"): typeof import('./graphql').PreviewBulkDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation StartBulk($input: BulkActionInput!) {\n    startBulkAction(input: $input) { id }\n  }\n"): typeof import('./graphql').StartBulkDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query BulkJobProgress($id: ID!) {\n    bulkJob(id: $id) {\n      id status total succeeded failed pending\n      items(first: 200, status: \"failed\") { items { caseId reference code message } }\n    }\n  }\n"): typeof import('./graphql').BulkJobProgressDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CorrectCase($input: CorrectCaseInput!) {\n    correctCase(input: $input) { version dueOn }\n  }\n"): typeof import('./graphql').CorrectCaseDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ReopenCase($id: ID!, $reason: String!) {\n    reopenCase(caseId: $id, reason: $reason) { version }\n  }\n"): typeof import('./graphql').ReopenCaseDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation VoidCase($id: ID!, $reason: String!) {\n    voidCase(caseId: $id, reason: $reason) { version }\n  }\n"): typeof import('./graphql').VoidCaseDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query CaseAttachments($id: ID!) {\n    caseAttachments(caseId: $id) {\n      id documentId version kind filename mimeType size sha256 redactedFrom createdByName createdAt\n    }\n  }\n"): typeof import('./graphql').CaseAttachmentsDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query DocumentPages($id: ID!) { documentPages(documentId: $id) { page width height pngBase64 } }\n"): typeof import('./graphql').DocumentPagesDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query FindInDocument($id: ID!, $text: String!) { findInDocument(documentId: $id, text: $text) { page rect } }\n"): typeof import('./graphql').FindInDocumentDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query FindPersonalData($id: ID!) { findPersonalData(documentId: $id) { page rect text kind } }\n"): typeof import('./graphql').FindPersonalDataDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RedactDocument($input: RedactDocumentInput!) { redactDocument(input: $input) { id version } }\n"): typeof import('./graphql').RedactDocumentDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query RedactionLog($id: ID!) {\n    redactionLog(documentId: $id) { version page text exemption reason byName createdAt }\n  }\n"): typeof import('./graphql').RedactionLogDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation BuildReleaseBundle($caseId: ID!) { buildReleaseBundle(caseId: $caseId) { id filename } }\n"): typeof import('./graphql').BuildReleaseBundleDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query CaseDocuments($id: ID!) {\n    caseDocuments(caseId: $id) { id template format filename sha256 sentSequence datedOn sentOn sentChannel createdAt }\n  }\n"): typeof import('./graphql').CaseDocumentsDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query DocumentFile($id: ID!) { documentFile(documentId: $id) { base64 mimeType } }\n"): typeof import('./graphql').DocumentFileDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation GenerateLetter($id: ID!, $kind: String!, $dated: LocalDate) {\n    generateLetter(caseId: $id, kind: $kind, dated: $dated) { id format }\n  }\n"): typeof import('./graphql').GenerateLetterDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation SendLetter($id: ID!, $sentOn: LocalDate, $channel: String, $recipient: String) {\n    sendLetter(documentId: $id, sentOn: $sentOn, channel: $channel, recipient: $recipient) { id }\n  }\n"): typeof import('./graphql').SendLetterDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query CaseMails($id: ID!) {\n    caseMails(caseId: $id) { id documentIds toAddress status attempts lastError nextAttemptAt sentSequence }\n  }\n"): typeof import('./graphql').CaseMailsDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation EmailLetter($id: ID!, $to: String, $withDocx: Boolean) {\n    emailLetter(documentId: $id, to: $to, withDocx: $withDocx) { id status }\n  }\n"): typeof import('./graphql').EmailLetterDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query CaseLinks($id: ID!) {\n    case(id: $id) { id links { id kind label other { id reference subject receivedOn status } } }\n  }\n"): typeof import('./graphql').CaseLinksDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query LinkSuggestions($id: ID!) {\n    case(id: $id) {\n      id\n      linkSuggestions { case { id reference subject receivedOn status } reasons similarity suggestedKind }\n    }\n  }\n"): typeof import('./graphql').LinkSuggestionsDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query FindCaseByReference($text: String!) {\n    cases(filter: { text: $text, status: \"all\" }, first: 5) { edges { node { id reference } } }\n  }\n"): typeof import('./graphql').FindCaseByReferenceDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation LinkCases($input: LinkCasesInput!) {\n    linkCases(input: $input) { id label }\n  }\n"): typeof import('./graphql').LinkCasesDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation UnlinkCases($input: UnlinkCasesInput!) {\n    unlinkCases(input: $input) { id }\n  }\n"): typeof import('./graphql').UnlinkCasesDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query CaseTasks($id: ID!) {\n    case(id: $id) {\n      id\n      tasks {\n        id question status dueOn workingDays overdue remindedAt chasers answer cancelReason\n        team { name }\n        assignee { name }\n        raisedBy { name }\n        closedBy { name }\n        files { id filename }\n      }\n      notes { id text createdAt author { name } }\n    }\n  }\n"): typeof import('./graphql').CaseTasksDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query TeamsForTasks {\n    teams { id name }\n  }\n"): typeof import('./graphql').TeamsForTasksDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query TaskAssignees($teamId: ID) {\n    taskAssignees(teamId: $teamId) { id name }\n  }\n"): typeof import('./graphql').TaskAssigneesDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RaiseTask($input: RaiseTaskInput!) {\n    raiseTask(input: $input) { id dueOn }\n  }\n"): typeof import('./graphql').RaiseTaskDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ChaseTask($input: ChaseTaskInput!) {\n    chaseTask(input: $input) { id chasers }\n  }\n"): typeof import('./graphql').ChaseTaskDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CancelTask($input: CancelTaskInput!) {\n    cancelTask(input: $input) { id status }\n  }\n"): typeof import('./graphql').CancelTaskDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation AddCaseNote($input: AddCaseNoteInput!) {\n    addCaseNote(input: $input) { id }\n  }\n"): typeof import('./graphql').AddCaseNoteDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query DraftLetter($id: ID!) { previewLetter(caseId: $id, kind: \"response\") }\n"): typeof import('./graphql').DraftLetterDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query WorkflowDefinitions($id: ID!) {\n    workflow(id: $id) { versions { version definition } }\n  }\n"): typeof import('./graphql').WorkflowDefinitionsDocument;
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
export function graphql(source: "\n  query EditorRoles {\n    roles { name }\n  }\n"): typeof import('./graphql').EditorRolesDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query AuditHistory($id: ID!) {\n    case(id: $id) {\n      id reference subject requestText regime workflowId workflowVersion stageLabel stepLabel status receivedOn\n      dueDate overdue dueSoon outcome\n      history { sequence type actorLabel recordedAt effectiveOn workflowVersion payload hash erasure { fields rule erasedAt } }\n    }\n  }\n"): typeof import('./graphql').AuditHistoryDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ReplayCase($id: ID!, $to: Int!) {\n    replayCase(caseId: $id, toSequence: $to) { stage stageLabel stepLabel deadlines { name label due } }\n  }\n"): typeof import('./graphql').ReplayCaseDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query VerifyCaseHistory($id: ID!) {\n    verifyCaseHistory(caseId: $id) { ok eventsChecked firstBadSequence reason erasures { sequence rule erasedAt hashChecked } }\n  }\n"): typeof import('./graphql').VerifyCaseHistoryDocument;
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
export function graphql(source: "\n  query AuthoritySettingsPage {\n    authoritySettings { name team email address nation sector appropriateLimit appropriateLimitHours receiptRule }\n    nations { nation name }\n    sectors { sector label appropriateLimit appropriateLimitHours }\n  }\n"): typeof import('./graphql').AuthoritySettingsPageDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation SaveAuthoritySettings($settings: AuthoritySettingsInput!) {\n    saveAuthoritySettings(settings: $settings) { casesRecomputed }\n  }\n"): typeof import('./graphql').SaveAuthoritySettingsDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query CaseList($filter: CasesFilter, $first: Int, $after: String) {\n    cases(filter: $filter, first: $first, after: $after) {\n      count { value exact }\n      pageInfo { hasNextPage endCursor }\n      edges { node { id reference regime subject stageLabel stepLabel dueDate overdue dueSoon version assignee { name } } }\n    }\n  }\n"): typeof import('./graphql').CaseListDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query MySavedFilters {\n    savedFilters { id name filter }\n  }\n"): typeof import('./graphql').MySavedFiltersDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation SaveFilter($input: SaveFilterInput!) {\n    saveFilter(input: $input) { id name }\n  }\n"): typeof import('./graphql').SaveFilterDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation DeleteFilter($id: ID!) {\n    deleteFilter(id: $id) { id }\n  }\n"): typeof import('./graphql').DeleteFilterDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query CaseListCounts {\n    all: cases(first: 1) { count { value exact } }\n    mine: cases(filter: { mine: true }, first: 1) { count { value exact } }\n    team: cases(filter: { teamQueue: true }, first: 1) { count { value exact } }\n    soon: cases(filter: { dueSoon: true }, first: 1) { count { value exact } }\n    overdue: cases(filter: { overdue: true }, first: 1) { count { value exact } }\n    closed: cases(filter: { status: \"closed\" }, first: 1) { count { value exact } }\n  }\n"): typeof import('./graphql').CaseListCountsDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Regimes {\n    regimes { regime law }\n  }\n"): typeof import('./graphql').RegimesDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query PublishedWorkflows {\n    workflows { id name regime published { version } }\n  }\n"): typeof import('./graphql').PublishedWorkflowsDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CreateCase($input: CreateCaseInput!) {\n    createCase(input: $input) { id reference receivedOn dueDate }\n  }\n"): typeof import('./graphql').CreateCaseDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query CasePage($id: ID!) {\n    case(id: $id) {\n      id reference subject requestText channel receivedOn status stage stageLabel step stepLabel version catchingUp\n      dueDate overdue dueSoon outcome workflowId workflowVersion regime\n      assignee { id name }\n      team { id name }\n      requester { name email address }\n      deadlines { name label due statutory }\n      deadlineExplanation { summary skipped { date reason } }\n      allowedEvents { type label inputSchema unavailableReason }\n      state\n      history { sequence type actorLabel recordedAt effectiveOn stageAfter }\n    }\n  }\n"): typeof import('./graphql').CasePageDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation SendCaseEvent($input: SendCaseEventInput!) {\n    sendCaseEvent(input: $input) { case { version } }\n  }\n"): typeof import('./graphql').SendCaseEventDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation FinishCatchingUp($id: ID!, $version: Int) {\n    finishCatchingUp(caseId: $id, expectedVersion: $version) { version }\n  }\n"): typeof import('./graphql').FinishCatchingUpDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query CaseVersion($id: ID!) {\n    case(id: $id) { version }\n  }\n"): typeof import('./graphql').CaseVersionDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query CaseLastChange($id: ID!) {\n    case(id: $id) { version history { sequence type actorLabel recordedAt actor { id } } }\n  }\n"): typeof import('./graphql').CaseLastChangeDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation AssignCase($input: AssignCaseInput!) {\n    assignCase(input: $input) { version }\n  }\n"): typeof import('./graphql').AssignCaseDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Dashboard($from: LocalDate!, $to: LocalDate!, $groupBy: StatisticsPeriod!, $regime: String, $teamId: ID) {\n    statistics(from: $from, to: $to, groupBy: $groupBy, regime: $regime, teamId: $teamId) {\n      received answered inTime inTimeExtended late inTimePercent lateWorkingDaysAverage\n      periods {\n        period from to received answered inTime inTimeExtended late inTimePercent\n        outcomes { key count }\n        exemptions { key count }\n      }\n    }\n  }\n"): typeof import('./graphql').DashboardDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query DashboardChoices {\n    regimes { regime law }\n    teams { id name }\n  }\n"): typeof import('./graphql').DashboardChoicesDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Holidays {\n    holidays { date title divisions removed createdAt }\n    nations { nation name }\n  }\n"): typeof import('./graphql').HolidaysDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query HolidayChangePreview($changes: [HolidayChangeInput!]!) {\n    holidayChangePreview(changes: $changes) { caseId reference changes { name label from to } }\n  }\n"): typeof import('./graphql').HolidayChangePreviewDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation AddHoliday($input: AddHolidayInput!) {\n    addHoliday(input: $input) { casesRecomputed }\n  }\n"): typeof import('./graphql').AddHolidayDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RemoveHoliday($input: RemoveHolidayInput!) {\n    removeHoliday(input: $input) { casesRecomputed }\n  }\n"): typeof import('./graphql').RemoveHolidayDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation MoveHoliday($input: MoveHolidayInput!) {\n    moveHoliday(input: $input) { casesRecomputed }\n  }\n"): typeof import('./graphql').MoveHolidayDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query IncomingMail {\n    incomingMail {\n      id messageId fromAddress fromName subject text sentAt arrivedAt receivedOn status caseId caseReference\n      threadedBy offeredEvent offerStatus\n      attachments { filename size accepted }\n    }\n    workflows { id name published { version } }\n  }\n"): typeof import('./graphql').IncomingMailDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query OfferedEvent($caseId: ID!) {\n    case(id: $caseId) { id allowedEvents { type label inputSchema } }\n  }\n"): typeof import('./graphql').OfferedEventDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ConfirmIncomingMail($id: ID!, $input: CreateCaseInput!) {\n    confirmIncomingMail(id: $id, input: $input) { id status caseId caseReference }\n  }\n"): typeof import('./graphql').ConfirmIncomingMailDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation DiscardIncomingMail($id: ID!) {\n    discardIncomingMail(id: $id) { id status }\n  }\n"): typeof import('./graphql').DiscardIncomingMailDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RecordIncomingMailEvent($id: ID!, $payload: JSONObject) {\n    recordIncomingMailEvent(id: $id, payload: $payload) { id offerStatus offerSequence }\n  }\n"): typeof import('./graphql').RecordIncomingMailEventDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation DismissIncomingMailOffer($id: ID!) {\n    dismissIncomingMailOffer(id: $id) { id offerStatus }\n  }\n"): typeof import('./graphql').DismissIncomingMailOfferDocument;
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
export function graphql(source: "\n  query MoveCaseVersions {\n    workflows { id name versions { id version } }\n  }\n"): typeof import('./graphql').MoveCaseVersionsDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query MigrationPreview($from: ID!, $to: ID!, $mapping: [StateMappingInput!]) {\n    migrationPreview(fromVersionId: $from, toVersionId: $to, mapping: $mapping) {\n      caseId\n      reference\n      movable\n      problems\n      from { stage step }\n      to { stage step }\n    }\n  }\n"): typeof import('./graphql').MigrationPreviewDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation MigrateCases($input: MigrateCasesInput!) {\n    migrateCases(input: $input) { caseId reference moved problems }\n  }\n"): typeof import('./graphql').MigrateCasesDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Notifications {\n    notifications { id kind caseId title body emailed readAt createdAt }\n    notificationPreferences { kind email inApp }\n  }\n"): typeof import('./graphql').NotificationsDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query UnreadNotificationCount {\n    unreadNotificationCount\n  }\n"): typeof import('./graphql').UnreadNotificationCountDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation MarkNotificationsRead($ids: [ID!]) {\n    markNotificationsRead(ids: $ids)\n  }\n"): typeof import('./graphql').MarkNotificationsReadDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation SetNotificationPreference($input: NotificationPreferenceInput!) {\n    setNotificationPreference(input: $input) { kind email inApp }\n  }\n"): typeof import('./graphql').SetNotificationPreferenceDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Outbox {\n    outbox { id caseReference toAddress subject createdAt }\n    mailTemplate { subject body builtIn }\n  }\n"): typeof import('./graphql').OutboxDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query OutboxMessage($id: ID!) {\n    outboxMessage(id: $id) {\n      id caseReference toAddress fromAddress subject messageId createdAt text source\n      attachments { filename contentType size sha256 base64 }\n    }\n  }\n"): typeof import('./graphql').OutboxMessageDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation SaveMailTemplate($subject: String!, $body: String!) {\n    saveMailTemplate(subject: $subject, body: $body) { subject body builtIn }\n  }\n"): typeof import('./graphql').SaveMailTemplateDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Publishing {\n    disclosureCandidates(first: 100) {\n      caseId reference regime subject outcome respondedOn\n      documents { id filename version }\n    }\n    disclosureLog { caseId reference regime subject outcome respondedOn publishedOn summary }\n  }\n"): typeof import('./graphql').PublishingDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation PublishToDisclosureLog($caseId: ID!, $summary: String, $documentIds: [ID!]) {\n    publishToDisclosureLog(caseId: $caseId, summary: $summary, documentIds: $documentIds) { caseId published }\n  }\n"): typeof import('./graphql').PublishToDisclosureLogDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation WithdrawFromDisclosureLog($caseId: ID!, $reason: String!) {\n    withdrawFromDisclosureLog(caseId: $caseId, reason: $reason) { caseId published }\n  }\n"): typeof import('./graphql').WithdrawFromDisclosureLogDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Retention {\n    retentionRules { id regime outcome monthsAfterClosure updatedAt }\n    disposalQueue { caseId reference regime outcome dueOn rule }\n  }\n"): typeof import('./graphql').RetentionDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation SaveRetentionRule($input: RetentionRuleInput!) {\n    saveRetentionRule(input: $input) { id }\n  }\n"): typeof import('./graphql').SaveRetentionRuleDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation DeleteRetentionRule($id: ID!) {\n    deleteRetentionRule(id: $id)\n  }\n"): typeof import('./graphql').DeleteRetentionRuleDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ApproveDisposal($ids: [ID!]!) {\n    approveDisposal(caseIds: $ids) { caseId ok message }\n  }\n"): typeof import('./graphql').ApproveDisposalDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation SetPassword($token: String!, $password: String!) {\n    setPassword(token: $token, password: $password)\n  }\n"): typeof import('./graphql').SetPasswordDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation SignIn($email: String!, $password: String!) {\n    login(email: $email, password: $password) { token expiresAt user { id email name roles } }\n  }\n"): typeof import('./graphql').SignInDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query SignInOptions {\n    signInOptions { password oidc oidcProviderName }\n  }\n"): typeof import('./graphql').SignInOptionsDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ExchangeSignInCode($code: String!) {\n    exchangeSignInCode(code: $code) { token expiresAt user { id email name roles } }\n  }\n"): typeof import('./graphql').ExchangeSignInCodeDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query TaskPage($id: ID!) {\n    task(id: $id) {\n      id question status workingDays raisedOn dueOn overdue remindedAt answer closedAt cancelReason\n      team { name }\n      assignee { id name }\n      raisedBy { name }\n      closedBy { name }\n      case { id reference subject regime receivedOn requestText }\n      files { id filename size }\n      activity { at kind actorName message }\n    }\n  }\n"): typeof import('./graphql').TaskPageDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation AnswerTask($input: AnswerTaskInput!) {\n    answerTask(input: $input) { id status }\n  }\n"): typeof import('./graphql').AnswerTaskDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query TeamsForQueue {\n    teams { id name }\n  }\n"): typeof import('./graphql').TeamsForQueueDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query TaskQueue($filter: TasksFilter) {\n    tasks(filter: $filter, first: 100) {\n      id question status dueOn overdue remindedAt chasers\n      team { id name }\n      assignee { id name }\n      case { id reference subject }\n    }\n  }\n"): typeof import('./graphql').TaskQueueDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Teams {\n    teams { id name members { id name disabled } }\n  }\n"): typeof import('./graphql').TeamsDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query WorkflowAccess {\n    workflows { id name restricted accessTeams { id } }\n  }\n"): typeof import('./graphql').WorkflowAccessDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation SetWorkflowAccess($input: SetWorkflowAccessInput!) {\n    setWorkflowAccess(input: $input) { workflowId restricted teams { id name } }\n  }\n"): typeof import('./graphql').SetWorkflowAccessDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CreateTeam($input: CreateTeamInput!) {\n    createTeam(input: $input) { id name }\n  }\n"): typeof import('./graphql').CreateTeamDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Users {\n    users { id email name roles disabled invited teams { id name } }\n    teams { id name }\n    roles { name description builtIn }\n  }\n"): typeof import('./graphql').UsersDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CreateUser($input: CreateUserInput!) {\n    createUser(input: $input) { id email invitation { token expiresAt } }\n  }\n"): typeof import('./graphql').CreateUserDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation UpdateUser($input: UpdateUserInput!) {\n    updateUser(input: $input) { id }\n  }\n"): typeof import('./graphql').UpdateUserDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ResetUserPassword($input: ResetUserPasswordInput!) {\n    resetUserPassword(input: $input) { id email invitation { token expiresAt } }\n  }\n"): typeof import('./graphql').ResetUserPasswordDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation EndUserSessions($id: ID!) {\n    endUserSessions(userId: $id) { id }\n  }\n"): typeof import('./graphql').EndUserSessionsDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CreateRole($input: CreateRoleInput!) {\n    createRole(input: $input) { name }\n  }\n"): typeof import('./graphql').CreateRoleDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query WorkflowList {\n    workflows {\n      id\n      name\n      regime\n      published { version publishedAt }\n      draft { revision savedAt savedBy { name } errors { message } }\n    }\n    regimes { regime law }\n  }\n"): typeof import('./graphql').WorkflowListDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query WorkflowVersions($id: ID!) {\n    workflow(id: $id) { id versions { version definition } }\n  }\n"): typeof import('./graphql').WorkflowVersionsDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CreateWorkflow($input: CreateWorkflowInput!) {\n    createWorkflow(input: $input) { id }\n  }\n"): typeof import('./graphql').CreateWorkflowDocument;


export function graphql(source: string) {
  return (documents as any)[source] ?? {};
}
