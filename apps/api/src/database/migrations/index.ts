import { Settings1764000000000 } from './1764000000000-settings';

/** Every migration, oldest first; they run at start inside one advisory lock. */
export const migrations = [Settings1764000000000];
