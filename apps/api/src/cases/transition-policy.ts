// Every process-local cache of the api, this memory of recent cases first, is listed with how it stays
// correct across replicas in docs/scale.md ("What is process-local"): add a new one there.
import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { DomainError } from '../common/errors';
import type { Case } from './case.entity';
import { type CaseRead, CaseRepository, type NewEvent } from './case.repository';
import type { CaseEvent } from './case-event.entity';
import { RecentCases } from './recent-cases';

/** How many times a transition reads and tries again when another writer moved the case first. */
const OPTIMISTIC_ATTEMPTS = 4;

/** How many cases each process remembers as it last wrote them (about 2 kB each). */
const RECENT_CASES = 10_000;

const UNIQUE_VIOLATION = '23505';

/** A transition's answer when it must not be the single-statement write (closing a case ends its open work too). */
export const NEEDS_LOCK = Symbol('needs the row lock');

/**
 * A transition as a command defines it: judges and applies one event to the case as read, writing
 * through TransitionPolicy.append; null when the case moved since the read (an optimistic miss).
 * commitsItself: no transaction is open around it; it may answer NEEDS_LOCK to be run under the row lock instead.
 */
export type Transition<T> = (
  manager: EntityManager,
  read: CaseRead,
  commitsItself: boolean,
) => Promise<T | null | typeof NEEDS_LOCK>;

/**
 * How a transition reaches the database: the case as this process last wrote it, else an optimistic
 * read and conditional write, else the row lock. The single-statement optimistic write and the
 * per-process memory of recent cases are deliberate: one round trip for the common case.
 */
@Injectable()
export class TransitionPolicy {
  private readonly recent = new RecentCases(RECENT_CASES);

  constructor(private readonly cases: CaseRepository) {}

  async run<T>(
    caseId: string,
    idempotencyKey: string | null | undefined,
    transition: Transition<T>,
  ): Promise<T> {
    const manager = this.cases.manager;
    // The case as this process last wrote it, if it did: one round trip when nobody moved it since.
    const recent = this.recent.take(caseId);
    if (recent) {
      let result: T | null | typeof NEEDS_LOCK = null;
      try {
        const read = {
          row: recent.row,
          prevHash: recent.lastHash,
          calendar: recent.calendar,
          earlierEventId: null,
        };
        result = await transition(manager, read, true);
      } catch (error) {
        // A refusal or a reused idempotency key, judged on a copy that may be stale: read and judge again.
        if (!(error instanceof DomainError) && (error as { code?: string }).code !== UNIQUE_VIOLATION)
          throw error;
      }
      if (result === NEEDS_LOCK) return this.locked(caseId, idempotencyKey, transition);
      if (result) return result;
    }
    // Optimistic: read, step, then one statement that writes only if nobody moved the case
    // meanwhile (two round trips, no transaction held open). A miss reads again and re-checks.
    for (let attempt = 0; attempt < OPTIMISTIC_ATTEMPTS; attempt++) {
      const read = await this.cases.readForTransition(manager, caseId, { lock: false, idempotencyKey });
      const result = await transition(manager, read, true);
      if (result === NEEDS_LOCK) break;
      if (result) return result;
    }
    // Still contended (or the transition asked for it): queue on the row lock instead, which cannot miss.
    return this.locked(caseId, idempotencyKey, transition);
  }

  private locked<T>(caseId: string, idempotencyKey: string | null | undefined, transition: Transition<T>) {
    return this.cases.transaction((locked) => this.runLocked(locked, caseId, idempotencyKey, transition));
  }

  /** The transition inside the caller's transaction, on the case locked (with its hash, holidays and key). */
  async runLocked<T>(
    manager: EntityManager,
    caseId: string,
    idempotencyKey: string | null | undefined,
    transition: Transition<T>,
  ): Promise<T> {
    const read = await this.cases.readForTransition(manager, caseId, { lock: true, idempotencyKey });
    const result = await transition(manager, read, false);
    if (!result || result === NEEDS_LOCK) throw new Error(`Case ${read.row.reference} moved while locked`);
    return result;
  }

  /** Appends through the repository and keeps this process's memory of the case true. */
  async append(manager: EntityManager, row: Case, event: NewEvent): Promise<CaseEvent | null> {
    const written = await this.cases.append(manager, row, event);
    if (!written) return null;
    if (event.commitsItself) this.recent.remember(row, written.hash, event.calendar);
    // Inside a transaction it may yet roll back: what this process knew of the case is void.
    else this.recent.forget(row.id);
    return written;
  }
}
