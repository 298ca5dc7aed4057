import {
  Inject,
  Injectable,
  Logger,
  type OnApplicationBootstrap,
  type OnApplicationShutdown,
} from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { CaseSnapshot } from '@recordflow/workflow';
import { DataSource } from 'typeorm';
import { Case } from '../cases/case.entity';
import { CasesService, SYSTEM_ACTOR } from '../cases/cases.service';
import { ukToday } from '../common/dates';
import { asDomainError } from '../common/graphql-errors';

export const TIMER_INTERVAL_MS = Symbol('TIMER_INTERVAL_MS');

/**
 * Fires due timers as system events through the same transition code as officers' events. Any replica
 * may run this: the case row is locked before its timer (the order every locked write takes), SKIP
 * LOCKED moves on past busy cases, and the timer's status under that lock makes each fire exactly once.
 */
@Injectable()
export class TimersService implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(TimersService.name);
  private handle: NodeJS.Timeout | undefined;
  private running: Promise<number> | undefined;

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly cases: CasesService,
    @Inject(TIMER_INTERVAL_MS) private readonly intervalMs: number,
  ) {}

  onApplicationBootstrap(): void {
    if (this.intervalMs <= 0) return;
    this.handle = setInterval(() => {
      this.running ??= this.fireDue().finally(() => {
        this.running = undefined;
      });
    }, this.intervalMs);
    this.handle.unref();
  }

  async onApplicationShutdown(): Promise<void> {
    clearInterval(this.handle);
    await this.running?.catch(() => undefined);
  }

  /** Fires every timer due on or before `today`; returns how many fired. */
  async fireDue(today: string = ukToday()): Promise<number> {
    let fired = 0;
    for (;;) {
      const due: { id: string; case_id: string }[] = await this.dataSource.query(
        // A case registered late waits while its officer records what already happened (catching up).
        `SELECT t.id, t.case_id FROM timer t JOIN "case" c ON c.id = t.case_id
          WHERE t.status = 'pending' AND t.fire_on <= $1 AND NOT c.catching_up
          ORDER BY t.fire_on, t.id LIMIT 50`,
        [today],
      );
      if (due.length === 0) return fired;
      let progressed = false;
      for (const timer of due) {
        const outcome = await this.fireOne(timer.id, timer.case_id, today);
        if (outcome !== 'busy') progressed = true;
        if (outcome === 'fired') fired++;
      }
      // Every remaining candidate is held by another transaction: leave them for the next round.
      if (!progressed) return fired;
    }
  }

  private fireOne(
    timerId: string,
    caseId: string,
    today: string,
  ): Promise<'fired' | 'dropped' | 'busy' | 'gone'> {
    return this.dataSource.transaction(async (manager) => {
      const row = await manager
        .getRepository(Case)
        .createQueryBuilder('c')
        .setLock('pessimistic_write')
        .setOnLocked('skip_locked')
        .where('c.id = :caseId', { caseId })
        .getOne();
      if (!row) return 'busy';
      if (row.catchingUp) return 'gone';
      const [timer] = await manager.query(
        `SELECT id, name, event, to_char(fire_on, 'YYYY-MM-DD') AS fire_on FROM timer WHERE id = $1 AND status = 'pending' FOR UPDATE`,
        [timerId],
      );
      if (!timer) return 'gone';
      // Marked first: closing the case cancels its pending timers, and this one is not pending any more.
      await manager.query(`UPDATE timer SET status = 'fired', done_at = now() WHERE id = $1`, [timer.id]);
      try {
        const result = await this.cases.sendWithin(
          manager,
          SYSTEM_ACTOR,
          // The timer's id as idempotency key: even a second firing path could not apply it twice.
          {
            caseId,
            type: timer.event,
            // Events are recorded in date order: a timer that fell due before the officer's last
            // recorded event (a late registration caught up) takes effect on that event's date.
            effectiveOn: later(timer.fire_on, (row.snapshot as CaseSnapshot).context.now),
            idempotencyKey: `timer:${timer.id}`,
          },
          { today },
        );
        await manager.query(`UPDATE timer SET fired_sequence = $2 WHERE id = $1`, [
          timer.id,
          result.event.sequence,
        ]);
        return 'fired';
      } catch (error) {
        // Only a refusal voids the timer; anything else is a fault, and rolls the firing back.
        const refused = asDomainError(error);
        if (!refused) throw error;
        // The case moved on (the event is no longer allowed): the timer is void, and says why.
        await manager.query(
          `UPDATE timer SET status = 'cancelled', done_at = now(), note = $2 WHERE id = $1`,
          [timer.id, refused.message],
        );
        this.logger.log(`Timer ${timer.name} on case ${caseId} dropped: ${refused.message}`);
        return 'dropped';
      }
    });
  }
}

const later = (a: string, b: string) => (a > b ? a : b);
