import { ApolloServerPluginCacheControlDisabled } from '@apollo/server/plugin/disabled';
import { ApolloDriver, type ApolloDriverConfig } from '@nestjs/apollo';
import { type DynamicModule, Global, Module } from '@nestjs/common';
import { APP_FILTER } from '@nestjs/core';
import { GraphQLModule } from '@nestjs/graphql';
import { ServeStaticModule } from '@nestjs/serve-static';
import { TypeOrmModule } from '@nestjs/typeorm';
import type { Logger } from 'pino';
import type { DataSource } from 'typeorm';
import { AccessModule } from './access/access.module';
import { AuthModule } from './auth/auth.module';
import type { SignInSettings } from './auth/sign-in-settings';
import type { AuthSettings } from './auth/tokens.service';
import { BulkModule } from './bulk/bulk.module';
import { CasesModule } from './cases/cases.module';
import { formatError } from './common/format-error';
import { GraphQLErrorFilter } from './common/graphql-error.filter';
import { complexityPlugin, depthRule } from './common/query-limits';
import { DocumentsModule } from './documents/documents.module';
import { HealthModule } from './health/health.module';
import { HistoryModule } from './history/history.module';
import { HolidaysModule } from './holidays/holidays.module';
import { LettersModule } from './letters/letters.module';
import { LifecycleModule } from './lifecycle/lifecycle.module';
import { LinksModule } from './links/links.module';
import { MailModule } from './mail/mail.module';
import { loadMailSettings, type MailSettings } from './mail/mail-settings';
import { NotesModule } from './notes/notes.module';
import { NotificationsModule } from './notifications/notifications.module';
import type { NotifierSettings } from './notifications/notifier.service';
import { loadNotifierSettings } from './notifications/notifier-settings';
import { PeopleModule } from './people/people.module';
import { ReportingModule } from './reporting/reporting.module';
import { SettingsModule } from './settings/settings.module';
import { SystemModule } from './system/system.module';
import { RUNTIME, type Runtime } from './system/system.service';
import { TasksModule } from './tasks/tasks.module';
import { TimersModule } from './timers/timers.module';
import { WorkflowsModule } from './workflows/workflows.module';

type ApolloPlugin = NonNullable<ApolloDriverConfig['plugins']>[number];

export interface AppModuleOptions {
  dataSource: DataSource;
  runtime: Runtime;
  logger: Logger;
  auth: AuthSettings;
  /** Password sign-in on or off, and single sign-on through an OpenID Connect provider (default: passwords only). */
  signIn?: SignInSettings;
  /** How often this process looks for due timers; 0 for never (tests fire them by hand). */
  timerIntervalMs: number;
  /** How mail goes out (SMTP or the local outbox) and how often the queue is looked at. */
  mail?: MailSettings;
  /** Built web app to serve at /, when it exists. */
  webDir?: string;
  /** How often this process makes notices (0: never), and from which UK hour the digests go; default from the environment. */
  notifier?: NotifierSettings;
}

@Global()
@Module({})
class RuntimeModule {
  static register(runtime: Runtime): DynamicModule {
    return {
      module: RuntimeModule,
      providers: [
        { provide: RUNTIME, useValue: runtime },
        { provide: APP_FILTER, useClass: GraphQLErrorFilter },
      ],
      exports: [RUNTIME],
    };
  }
}

@Module({})
export class AppModule {
  static register({
    dataSource,
    runtime,
    logger,
    webDir,
    auth,
    signIn,
    timerIntervalMs,
    mail,
    notifier,
  }: AppModuleOptions): DynamicModule {
    return {
      module: AppModule,
      imports: [
        RuntimeModule.register(runtime),
        // The pool is opened (and migrated) before Nest starts, so Nest reuses it.
        TypeOrmModule.forRootAsync({
          useFactory: () => dataSource.options,
          dataSourceFactory: async () => dataSource,
        }),
        GraphQLModule.forRoot<ApolloDriverConfig>({
          driver: ApolloDriver,
          path: '/graphql',
          autoSchemaFile: true,
          sortSchema: true,
          includeStacktraceInErrorResponses: false,
          context: ({ req }: { req: unknown }) => ({ req }),
          formatError: formatError(logger),
          // Field resolvers pass the role guard too (the requester's personal data has its own rule).
          fieldResolverEnhancers: ['guards'],
          validationRules: [depthRule],
          // No HTTP caching of GraphQL answers here, so no cache hints to compute on every field.
          // (Cast: the plugin's typings come from @apollo/server's ESM build, Nest's from its CommonJS one.)
          plugins: [complexityPlugin, ApolloServerPluginCacheControlDisabled() as ApolloPlugin],
        }),
        ...(webDir
          ? [
              ServeStaticModule.forRoot({
                rootPath: webDir,
                exclude: [
                  '/graphql{*rest}',
                  '/health{*rest}',
                  '/api{*rest}',
                  '/disclosure-log{*rest}',
                  '/auth{*rest}',
                ],
              }),
            ]
          : []),
        AuthModule.register(auth, signIn ?? { password: true, oidc: null }),
        PeopleModule,
        AccessModule,
        HealthModule,
        SystemModule,
        WorkflowsModule,
        CasesModule,
        TimersModule.register(timerIntervalMs),
        HolidaysModule,
        HistoryModule,
        LettersModule,
        DocumentsModule,
        MailModule.register(mail ?? loadMailSettings(process.env)),
        SettingsModule,
        ReportingModule,
        TasksModule.register(timerIntervalMs),
        NotesModule,
        LinksModule,
        BulkModule,
        LifecycleModule,
        NotificationsModule.register(notifier ?? loadNotifierSettings(process.env)),
      ],
    };
  }
}
