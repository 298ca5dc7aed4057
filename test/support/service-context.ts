import type { INestApplicationContext, Type } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import pino from 'pino';
import type { DataSource } from 'typeorm';
import { AppModule } from '../../apps/api/src/app.module';
import { loadAuthSettings } from '../../apps/api/src/auth/auth-settings';
import { openDatabase } from '../../apps/api/src/database/database';
import { DatabaseMode } from '../../apps/api/src/system/about.model';
import { loadBuiltInWorkflows } from '../../apps/api/src/workflows/built-in-workflows';
import { createScratchDatabase } from './databases';

export interface ServiceContext {
  dataSource: DataSource;
  /** A provider of the application (a service, a repository). */
  get<T>(type: Type<T>): T;
  close(): Promise<void>;
}

/**
 * The api's Nest application context on a fresh, migrated database with the built-in workflows, and
 * no HTTP server: services and repositories are tested as the api wires them.
 */
export async function startServiceContext(label: string): Promise<ServiceContext> {
  const database = await createScratchDatabase(label);
  const { dataSource } = await openDatabase(database.url);
  let app: INestApplicationContext | undefined;
  try {
    await loadBuiltInWorkflows(dataSource);
    app = await NestFactory.createApplicationContext(
      AppModule.register({
        dataSource,
        logger: pino({ level: process.env.LOG_LEVEL ?? 'silent' }),
        auth: await loadAuthSettings(dataSource, process.env),
        timerIntervalMs: 0,
        notifier: { intervalMs: 0, digestHour: 7 },
        runtime: { database: DatabaseMode.SERVER, demo: false },
      }),
      { logger: false },
    );
  } catch (error) {
    await dataSource.destroy();
    await database.drop();
    throw error;
  }
  const context = app;
  return {
    dataSource,
    get: (type) => context.get(type),
    async close() {
      await context.close();
      if (dataSource.isInitialized) await dataSource.destroy();
      await database.drop();
    },
  };
}
