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
import { Tasks1764000000200 } from './1764000000200-tasks';
import { ReportTally1764000000800 } from './1764000000800-report-tally';
import { TeamQueueOrder1764000000801 } from './1764000000801-team-queue-order';

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
  Tasks1764000000200,
  ReportTally1764000000800,
  TeamQueueOrder1764000000801,
];
