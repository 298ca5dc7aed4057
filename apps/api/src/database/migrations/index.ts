import { Settings1764000000000 } from './1764000000000-settings';
import { CaseEngine1764000000001 } from './1764000000001-case-engine';
import { Letters1764000000002 } from './1764000000002-letters';
import { CaseListIndexes1764000000003 } from './1764000000003-case-list-indexes';
import { CaseWordSearch1764000000004 } from './1764000000004-case-word-search';
import { Documents1764000000005 } from './1764000000005-documents';
import { Mail1764000000006 } from './1764000000006-mail';
import { CalendarSettings1764000000007 } from './1764000000007-calendar-settings';
import { People1764000000008 } from './1764000000008-people';
import { CaseReport1764000000009 } from './1764000000009-case-report';
import { SingleSignOn1764000000100 } from './1764000000100-single-sign-on';
import { RestrictedWorkflows1764000000101 } from './1764000000101-restricted-workflows';
import { Tasks1764000000200 } from './1764000000200-tasks';
import { Approval1764000000300 } from './1764000000300-approval';
import { IncomingMail1764000000500 } from './1764000000500-incoming-mail';
import { Notifications1764000000501 } from './1764000000501-notifications';
import { CaseSearch1764000000600 } from './1764000000600-case-search';
import { CaseLinks1764000000601 } from './1764000000601-case-links';
import { BulkJobs1764000000602 } from './1764000000602-bulk-jobs';
import { CaseLifecycle1764000000700 } from './1764000000700-case-lifecycle';
import { ReportTally1764000000800 } from './1764000000800-report-tally';
import { TeamQueueOrder1764000000801 } from './1764000000801-team-queue-order';
import { UserSessionNotify1764000000900 } from './1764000000900-user-session-notify';
import { OpenCaseSearch1764000000902 } from './1764000000902-open-case-search';
import { TaskNotices1764000000980 } from './1764000000980-task-notices';
import { SearchNotesAndMail1764000000990 } from './1764000000990-search-notes-and-mail';
import { ErasableNotesAndTasks1764000001100 } from './1764000001100-erasable-notes-and-tasks';
import { SubjectAccessRestricted1764000001200 } from './1764000001200-subject-access-restricted';
import { TimelinessExtended1764000001300 } from './1764000001300-timeliness-extended';
import { AccessSessionNotify1764000001700 } from './1764000001700-access-session-notify';
import { ReviewsRequested1764000001800 } from './1764000001800-reviews-requested';
import { ListCountsIndexOnly1764000001900 } from './1764000001900-list-counts-index-only';
import { ReportTallyIndexOnly1764000002000 } from './1764000002000-report-tally-index-only';

/** Every migration, oldest first; they run at start inside one advisory lock. */
export const migrations = [
  Settings1764000000000,
  CaseEngine1764000000001,
  Letters1764000000002,
  CaseListIndexes1764000000003,
  CaseWordSearch1764000000004,
  Documents1764000000005,
  Mail1764000000006,
  CalendarSettings1764000000007,
  People1764000000008,
  CaseReport1764000000009,
  SingleSignOn1764000000100,
  RestrictedWorkflows1764000000101,
  Tasks1764000000200,
  Approval1764000000300,
  IncomingMail1764000000500,
  Notifications1764000000501,
  CaseSearch1764000000600,
  CaseLinks1764000000601,
  BulkJobs1764000000602,
  CaseLifecycle1764000000700,
  ReportTally1764000000800,
  TeamQueueOrder1764000000801,
  UserSessionNotify1764000000900,
  OpenCaseSearch1764000000902,
  TaskNotices1764000000980,
  SearchNotesAndMail1764000000990,
  ErasableNotesAndTasks1764000001100,
  SubjectAccessRestricted1764000001200,
  TimelinessExtended1764000001300,
  AccessSessionNotify1764000001700,
  ReviewsRequested1764000001800,
  ListCountsIndexOnly1764000001900,
  ReportTallyIndexOnly1764000002000,
];
