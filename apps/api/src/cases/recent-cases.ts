import type { CalendarAt } from './calendar-at';
import { Case } from './case.entity';

/** A case as this process last wrote it: enough to step the next event without reading it again. */
export interface RecentCase {
  row: Case;
  /** The hash of its last event. */
  lastHash: string;
  calendar: CalendarAt;
}

/**
 * The cases this process moved last, as committed. Only a guess: a write based on one checks the
 * version (and the holidays) it assumes, so another process's change makes it miss, never wrong.
 * Least recently used first out.
 */
export class RecentCases {
  private readonly entries = new Map<string, RecentCase>();

  constructor(private readonly capacity: number) {}

  /** A copy to work on: a transition mutates its row. */
  take(caseId: string): RecentCase | undefined {
    const entry = this.entries.get(caseId);
    if (!entry) return undefined;
    this.entries.delete(caseId);
    this.entries.set(caseId, entry);
    return { ...entry, row: Object.assign(new Case(), entry.row) };
  }

  /** Only for a state already committed (a transaction could still roll back). */
  remember(row: Case, lastHash: string, calendar: CalendarAt): void {
    this.entries.delete(row.id);
    this.entries.set(row.id, { row: Object.assign(new Case(), row), lastHash, calendar });
    if (this.entries.size > this.capacity) {
      const oldest = this.entries.keys().next().value;
      if (oldest !== undefined) this.entries.delete(oldest);
    }
  }

  forget(caseId: string): void {
    this.entries.delete(caseId);
  }
}
