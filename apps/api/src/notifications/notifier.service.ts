import {
  Inject,
  Injectable,
  Logger,
  type OnApplicationBootstrap,
  type OnApplicationShutdown,
} from '@nestjs/common';
import { NotificationsService } from './notifications.service';

export interface NotifierSettings {
  /** How often this process looks for notices to make; 0 for never (tests run rounds by hand). */
  intervalMs: number;
  /** The UK hour from which the day's digests go out. */
  digestHour: number;
}

export const NOTIFIER_SETTINGS = Symbol('NOTIFIER_SETTINGS');

const ukHour = (now: Date = new Date()) =>
  Number(
    new Intl.DateTimeFormat('en-GB', { timeZone: 'Europe/London', hour: 'numeric', hourCycle: 'h23' }).format(
      now,
    ),
  );

/**
 * Runs notice rounds in the background. Every replica may: what is due is read from the database
 * (the history, due dates, the day), and each notice's unique key makes it once, so a restart loses
 * nothing and two replicas never double one.
 */
@Injectable()
export class Notifier implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(Notifier.name);
  private handle: NodeJS.Timeout | undefined;
  private running: Promise<number> | undefined;

  constructor(
    private readonly notifications: NotificationsService,
    @Inject(NOTIFIER_SETTINGS) private readonly settings: NotifierSettings,
  ) {}

  onApplicationBootstrap(): void {
    if (this.settings.intervalMs <= 0) return;
    this.handle = setInterval(() => {
      this.running ??= this.notifications
        .run({ digests: ukHour() >= this.settings.digestHour })
        .catch((error) => {
          this.logger.error(`Notice round failed: ${(error as Error).message}`);
          return 0;
        })
        .finally(() => {
          this.running = undefined;
        });
    }, this.settings.intervalMs);
    this.handle.unref();
  }

  async onApplicationShutdown(): Promise<void> {
    clearInterval(this.handle);
    await this.running?.catch(() => undefined);
  }
}
