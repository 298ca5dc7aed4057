import 'reflect-metadata';
import { existsSync } from 'node:fs';
import type { INestApplication } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { Logger as NestPinoLogger } from 'nestjs-pino';
import pino, { type Logger } from 'pino';
import type { DataSource } from 'typeorm';
import { AppModule } from './app.module';
import { loadAuthSettings } from './auth/auth-settings';
import { openDatabase } from './database/database';
import { DatabaseMode } from './system/about.model';

export interface CreateAppOptions {
  databaseUrl: string;
  database: DatabaseMode;
  demo: boolean;
  logger?: Logger;
  webDir?: string;
}

export interface RecordflowApp {
  app: INestApplication;
  dataSource: DataSource;
  /** Migrations applied by this start, oldest first. */
  appliedMigrations: string[];
}

/** Opens and migrates the database, then builds the Nest application (not yet listening). */
export async function createApp(options: CreateAppOptions): Promise<RecordflowApp> {
  const logger = options.logger ?? pino({ level: 'silent' });
  const { dataSource, applied } = await openDatabase(options.databaseUrl);
  try {
    const app = await NestFactory.create(
      AppModule.register({
        dataSource,
        logger,
        auth: await loadAuthSettings(dataSource, process.env),
        runtime: { database: options.database, demo: options.demo },
        webDir: options.webDir && existsSync(options.webDir) ? options.webDir : undefined,
      }),
      { bufferLogs: true },
    );
    app.useLogger(app.get(NestPinoLogger));
    return { app, dataSource, appliedMigrations: applied };
  } catch (error) {
    await dataSource.destroy();
    throw error;
  }
}
