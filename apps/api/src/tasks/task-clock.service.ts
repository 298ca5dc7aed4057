import {
  Inject,
  Injectable,
  Logger,
  type OnApplicationBootstrap,
  type OnApplicationShutdown,
} from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { ukToday } from '../common/dates';

export const TASK_CLOCK_INTERVAL_MS = Symbol('TASK_CLOCK_INTERVAL_MS');

/**
 * Marks each open task's reminder (on its remind day) and its being overdue (the day after its
 * deadline), once. Every replica polls; one statement claims due tasks with FOR UPDATE SKIP LOCKED,
 * marks them and logs the marks, and a claimed task no longer matches, so each mark happens exactly once.
 */
@Injectable()
export class TaskClock implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(TaskClock.name);
  private handle: NodeJS.Timeout | undefined;
  private running: Promise<number> | undefined;

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(TASK_CLOCK_INTERVAL_MS) private readonly intervalMs: number,
  ) {}

  onApplicationBootstrap(): void {
    if (this.intervalMs <= 0) return;
    this.handle = setInterval(() => {
      this.running ??= this.markDue()
        .catch((error: Error) => {
          this.logger.error(`Marking due tasks failed: ${error.message}`);
          return 0;
        })
        .finally(() => {
          this.running = undefined;
        });
    }, this.intervalMs);
    this.handle.unref();
  }

  async onApplicationShutdown(): Promise<void> {
    clearInterval(this.handle);
    await this.running?.catch(() => undefined);
  }

  /** Marks the reminders and overdue tasks due by `today`, 100 at a time; returns how many marks were made. */
  async markDue(today: string = ukToday()): Promise<number> {
    let marks = 0;
    for (;;) {
      const [{ n }] = await this.dataSource.query(
        `WITH due AS (
           SELECT id, (reminded_at IS NULL AND remind_on <= $1::date) AS remind,
                      (overdue_at IS NULL AND due_on < $1::date) AS late
             FROM case_task
            WHERE status = 'open'
              AND ((reminded_at IS NULL AND remind_on <= $1::date) OR (overdue_at IS NULL AND due_on < $1::date))
            ORDER BY due_on, id
            LIMIT 100
              FOR UPDATE SKIP LOCKED
         ), marked AS (
           UPDATE case_task t
              SET reminded_at = CASE WHEN due.remind THEN now() ELSE t.reminded_at END,
                  overdue_at = CASE WHEN due.late THEN now() ELSE t.overdue_at END
             FROM due WHERE t.id = due.id
           RETURNING t.id, due.remind, due.late
         ), logged AS (
           INSERT INTO case_task_event (task_id, kind)
           SELECT id, 'reminded' FROM marked WHERE remind
           UNION ALL
           SELECT id, 'overdue' FROM marked WHERE late
           RETURNING 1
         )
         SELECT count(*)::int AS n FROM logged`,
        [today],
      );
      marks += n;
      // Fewer than a full batch: nothing else is due, or what is left is held by another replica.
      if (n === 0) return marks;
    }
  }
}
