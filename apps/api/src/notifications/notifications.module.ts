import { type DynamicModule, Module } from '@nestjs/common';
import { CasesModule } from '../cases/cases.module';
import { NotificationsResolver } from './notifications.resolver';
import { NotificationsService } from './notifications.service';
import { NOTIFIER_SETTINGS, Notifier, type NotifierSettings } from './notifier.service';

/** Reminders and notices, by e-mail (the mail queue) and in the web app. */
@Module({})
export class NotificationsModule {
  static register(settings: NotifierSettings): DynamicModule {
    return {
      module: NotificationsModule,
      imports: [CasesModule],
      providers: [
        { provide: NOTIFIER_SETTINGS, useValue: settings },
        NotificationsService,
        Notifier,
        NotificationsResolver,
      ],
      exports: [NotificationsService],
    };
  }
}
