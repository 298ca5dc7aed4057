import { type DynamicModule, Module } from '@nestjs/common';
import { CasesModule } from '../cases/cases.module';
import { LettersModule } from '../letters/letters.module';
import { IncomingMailResolver } from './incoming-mail.resolver';
import { IncomingMailService } from './incoming-mail.service';
import { MailResolver, OutboxMessageResolver } from './mail.resolver';
import { MailService } from './mail.service';
import { MailIntake } from './mail-intake.service';
import { MailSender } from './mail-sender.service';
import { MAIL_SETTINGS, type MailSettings } from './mail-settings';

@Module({})
export class MailModule {
  static register(settings: MailSettings): DynamicModule {
    return {
      module: MailModule,
      // Notifications queue their e-mail here too: one queue (and one sender) per process.
      global: true,
      imports: [CasesModule, LettersModule],
      providers: [
        { provide: MAIL_SETTINGS, useValue: settings },
        MailService,
        MailSender,
        MailResolver,
        OutboxMessageResolver,
        IncomingMailService,
        MailIntake,
        IncomingMailResolver,
      ],
      exports: [MailSender, MailService],
    };
  }
}
