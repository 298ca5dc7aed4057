import 'reflect-metadata';
import type { INestApplication } from '@nestjs/common';
import pino from 'pino';
import { CasesService } from './cases/cases.service';
import { ConfigError, loadConfig } from './config/recordflow-config';
import { createApp } from './create-app';
import {
  DataDirLockedError,
  type EmbeddedDatabase,
  EmbeddedDatabaseError,
  startEmbeddedDatabase,
} from './database/embedded-database';
import { loadDemoCases } from './demo/demo-cases';
import { DEMO_PASSWORD, DEMO_USERS, loadDemoData } from './demo/demo-data';
import { DatabaseMode } from './system/about.model';
import { User } from './users/user.entity';

const logger = pino({ level: process.env.LOG_LEVEL || 'info', base: { service: 'recordflow-api' } });

async function main(): Promise<void> {
  const config = loadConfig();
  let embedded: EmbeddedDatabase | undefined;
  let app: INestApplication | undefined;
  let stopping = false;
  let userCount = 0;

  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    logger.info({ signal }, 'Stopping Recordflow');
    try {
      await app?.close();
      await embedded?.stop();
      logger.info('Stopped cleanly');
      process.exit(0);
    } catch (error) {
      logger.error({ err: error }, 'Could not stop cleanly');
      process.exit(1);
    }
  };
  // Kept (not once): Nest's shutdown hooks raise the signal again, which must not kill us mid-stop.
  process.on('SIGINT', () => void stop('SIGINT'));
  process.on('SIGTERM', () => void stop('SIGTERM'));

  if (config.databaseUrl) {
    logger.info('Using the PostgreSQL server named by DATABASE_URL');
  } else {
    logger.info({ dataDir: config.dataDir }, 'Starting the embedded PostgreSQL');
    embedded = await startEmbeddedDatabase(
      config.dataDir,
      (line) => logger.debug({ postgres: line }),
      (notice) => logger.info(notice),
    );
    logger.info({ created: embedded.created, url: embedded.url }, 'Embedded PostgreSQL is ready');
  }

  try {
    const created = await createApp({
      databaseUrl: config.databaseUrl ?? (embedded as EmbeddedDatabase).url,
      database: embedded ? DatabaseMode.EMBEDDED : DatabaseMode.SERVER,
      demo: config.demo,
      logger,
      webDir: config.webDir,
      timerIntervalMs: config.timerIntervalMs,
    });
    app = created.app;
    const { loaded, updated, customised } = created.loadedWorkflows;
    if (loaded.length > 0) logger.info({ workflows: loaded }, 'Built-in workflows published');
    if (updated.length > 0) {
      logger.info(
        { workflows: updated },
        'Built-in workflows corrected by this release published as new versions; running cases keep theirs until migrated',
      );
    }
    if (customised.length > 0) {
      logger.warn(
        { workflows: customised },
        'This release corrects built-in workflows you have published your own versions of: compare them in the workflow editor',
      );
    }
    if (created.appliedMigrations.length > 0) {
      logger.info({ migrations: created.appliedMigrations }, 'Database schema brought up to date');
    }
    if (config.demo) {
      const demo = await loadDemoData(created.dataSource);
      if (demo.loaded) {
        const officer = await created.dataSource
          .getRepository(User)
          .findOneByOrFail({ email: DEMO_USERS[1]?.email });
        const count = await loadDemoCases(created.app.get(CasesService), officer, demo.sarTeamId);
        logger.info({ cases: count }, 'Demo data loaded');
      }
    }
    // A restricted workflow no team handles (SARs on a new or upgraded installation): said at every start until one is named.
    const unhandled: { name: string }[] = await created.dataSource.query(
      `SELECT w.name FROM workflow w WHERE w.restricted
          AND NOT EXISTS (SELECT 1 FROM workflow_team t WHERE t.workflow_id = w.id) ORDER BY w.name`,
    );
    if (unhandled.length > 0) {
      logger.warn(
        { workflows: unhandled.map((w) => w.name) },
        'Restricted workflows no team handles yet: only administrators see their cases until one names the teams on the Teams page',
      );
    }
    userCount = await created.dataSource.getRepository(User).count();
    app.enableShutdownHooks();
    await app.listen(config.port);
  } catch (error) {
    await app?.close().catch(() => undefined);
    await embedded?.stop();
    throw error;
  }
  if (stopping) return;

  const url = `http://localhost:${config.port}`;
  logger.info({ url, graphql: `${url}/graphql`, health: `${url}/health` }, `Recordflow is ready at ${url}/`);
  process.stderr.write(
    `\n  Recordflow is ready at ${url}/  (GraphQL: ${url}/graphql, health: ${url}/health)\n`,
  );
  if (config.demo) {
    process.stderr.write(
      `  Demo sign-ins (password "${DEMO_PASSWORD}"): ${DEMO_USERS.map((u) => u.email).join(', ')}\n`,
    );
  }
  if (userCount === 0) {
    process.stderr.write(
      '  No users yet. Create the first administrator:\n' +
        '    pnpm --silent recordflow user add --email you@authority.gov.uk --name "Your Name" --role admin\n',
    );
  }
  process.stderr.write('  Press Ctrl-C to stop.\n\n');
}

main().catch((error: unknown) => {
  const known =
    error instanceof ConfigError ||
    error instanceof DataDirLockedError ||
    error instanceof EmbeddedDatabaseError;
  const inUse = (error as NodeJS.ErrnoException)?.code === 'EADDRINUSE';
  const message = inUse
    ? `Port ${process.env.PORT || 3000} is already in use (another Recordflow?). Stop it, or set PORT to another port.`
    : ((error as Error)?.message ?? String(error));
  logger.fatal(known || inUse ? { msg: message } : { err: error, msg: message });
  process.stderr.write(`\nRecordflow did not start: ${message}\n`);
  process.exit(1);
});
