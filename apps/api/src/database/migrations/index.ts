import { Settings1764000000000 } from './1764000000000-settings';
import { CaseEngine1764000000001 } from './1764000000001-case-engine';
import { Letters1764000000002 } from './1764000000002-letters';
import { CaseListIndexes1764000000003 } from './1764000000003-case-list-indexes';
import { CaseWordSearch1764000000004 } from './1764000000004-case-word-search';
import { CaseReport1764000000005 } from './1764000000005-case-report';

/** Every migration, oldest first; they run at start inside one advisory lock. */
export const migrations = [
  Settings1764000000000,
  CaseEngine1764000000001,
  Letters1764000000002,
  CaseListIndexes1764000000003,
  CaseWordSearch1764000000004,
  CaseReport1764000000005,
];
