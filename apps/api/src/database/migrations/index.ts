import { Settings1764000000000 } from './1764000000000-settings';
import { CaseEngine1764000000001 } from './1764000000001-case-engine';

/** Every migration, oldest first; they run at start inside one advisory lock. */
export const migrations = [Settings1764000000000, CaseEngine1764000000001];
