// A process-local cache: listed with how it stays correct across replicas in docs/scale.md ("What is process-local").
import { Injectable, Logger, type OnModuleDestroy, type OnModuleInit } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import pg from 'pg';
import type { DataSource, EntityManager } from 'typeorm';
import { type SessionCheck, UsersService } from '../users/users.service';

/**
 * Where the user table's trigger announces a change to what the session check reads, as
 * "<user id or *> <transaction id>" (migration 1764000000900); each replica answers on ACK_CHANNEL
 * with the same text and its listening connection's process id once it has forgotten the user.
 */
export const SESSION_CHANNEL = 'recordflow_user_session';
const ACK_CHANNEL = 'recordflow_user_session_ack';
/** How a replica's listening connection names itself, so a change can find every replica to wait for. */
const LISTENER_NAME = 'recordflow-sessions';
/** Users kept at most (a few hundred bytes each); the oldest kept goes first. */
const MAX_USERS = 10_000;
/** How often the listening connection is asked to answer, and how long it has to: a silent one is treated as lost. */
const PING_MS = 5_000;
const PING_TIMEOUT_MS = 2_000;
/** Waits before listening again after the connection was lost (then this, again and again). */
const RECONNECT_MS = 1_000;
/** Longest a change waits for every replica to acknowledge it. */
const ACK_WAIT_MS = 5_000;
/** Acknowledgements kept for changes nobody waits on yet (the change's own wait may start after they arrive). */
const MAX_ACKED = 1_000;

/** The PostgreSQL process of a connection (pg has it, its types do not). */
const processIdOf = (client: pg.Client) => (client as unknown as { processID: number }).processID;

/**
 * The guard's per-request session check (roles, disabled, session version) kept in memory while, and
 * only while, this process is listening for the user table's change announcements; without a
 * listening connection every request reads the row, as it would with no cache at all. A change made
 * through the api waits until every listening replica has acknowledged it before it answers.
 */
@Injectable()
export class SessionCache implements OnModuleInit, OnModuleDestroy {
  private readonly logger = new Logger(SessionCache.name);
  private readonly known = new Map<string, SessionCheck>();
  /** Bumped by every change seen: a read begun before a bump may predate the change, so is not kept. */
  private generation = 0;
  /** Per change ("<user> <transaction>"), the listening connections that have acknowledged it. */
  private readonly acked = new Map<string, Set<number>>();
  private readonly waiting = new Set<() => void>();
  private listener: pg.Client | null = null;
  private ping?: NodeJS.Timeout;
  private retry?: NodeJS.Timeout;
  private stopped = false;

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly users: UsersService,
  ) {}

  async onModuleInit(): Promise<void> {
    await this.listen();
  }

  async onModuleDestroy(): Promise<void> {
    this.stopped = true;
    clearTimeout(this.retry);
    const listener = this.listener;
    if (listener) this.lost(listener);
  }

  /** The user's session state: from memory when a change would have been announced, else read (and kept if still current). */
  async check(userId: string): Promise<SessionCheck | null> {
    const kept = this.known.get(userId);
    if (kept) return kept;
    const generation = this.generation;
    const row = await this.users.sessionCheck(userId);
    if (row && this.listener && generation === this.generation) {
      if (this.known.size >= MAX_USERS) this.known.delete(this.known.keys().next().value as string);
      this.known.set(userId, row);
    }
    return row;
  }

  /** The id of the caller's transaction, as the trigger announces it: read inside a change, for changed(). */
  async transactionId(manager: EntityManager): Promise<string> {
    const [row] = await manager.query('SELECT txid_current()::text AS txid');
    return row.txid as string;
  }

  /**
   * After a committed change to a user's session state: this process forgets it at once, then waits
   * (at most ACK_WAIT_MS) until every replica listening now has acknowledged it, so the user's next
   * request is refused whichever replica answers it.
   */
  async changed(userId: string, transactionId: string): Promise<void> {
    this.forget(userId);
    const key = `${userId} ${transactionId}`;
    if (!this.listener) {
      // Acknowledgements come to the listening connection: without one, give the others a moment.
      await new Promise((resolve) => setTimeout(resolve, 250));
      return;
    }
    const listeners = (
      await this.dataSource.query<{ pid: number }[]>(
        'SELECT pid FROM pg_stat_activity WHERE application_name = $1 AND datname = current_database()',
        [LISTENER_NAME],
      )
    ).map((r) => r.pid);
    const done = () => listeners.every((pid) => this.acked.get(key)?.has(pid));
    if (done()) return;
    const acknowledged = await new Promise<boolean>((resolve) => {
      const wake = () => {
        if (!done()) return;
        clearTimeout(timer);
        this.waiting.delete(wake);
        resolve(true);
      };
      const timer = setTimeout(() => {
        this.waiting.delete(wake);
        resolve(false);
      }, ACK_WAIT_MS);
      this.waiting.add(wake);
    });
    if (!acknowledged) {
      // A replica that is alive to PostgreSQL but not answering (stopped, or its listener stuck).
      this.logger.warn(
        `Not every replica acknowledged the change to user ${userId} within ${ACK_WAIT_MS} ms`,
      );
    }
  }

  private forget(userId: string) {
    this.generation++;
    if (userId === '*') this.known.clear();
    else this.known.delete(userId);
  }

  private announced(client: pg.Client, payload: string) {
    const [userId = '*'] = payload.split(' ');
    this.forget(userId);
    // Forgotten: say so, naming this replica by its listening connection.
    client
      .query('SELECT pg_notify($1, $2)', [ACK_CHANNEL, `${payload} ${processIdOf(client)}`])
      .catch(() => this.lost(client));
  }

  private acknowledged(payload: string) {
    const at = payload.lastIndexOf(' ');
    const key = payload.slice(0, at);
    const pid = Number(payload.slice(at + 1));
    let pids = this.acked.get(key);
    if (!pids) {
      pids = new Set();
      this.acked.set(key, pids);
      if (this.acked.size > MAX_ACKED) this.acked.delete(this.acked.keys().next().value as string);
    }
    pids.add(pid);
    for (const wake of [...this.waiting]) wake();
  }

  private async listen(): Promise<void> {
    if (this.stopped) return;
    const options = this.dataSource.options as { url?: string };
    const client = new pg.Client({
      connectionString: options.url,
      application_name: LISTENER_NAME,
      keepAlive: true,
      connectionTimeoutMillis: 10_000,
    });
    client.on('notification', (message) => {
      if (message.channel === SESSION_CHANNEL) this.announced(client, message.payload ?? '*');
      else if (message.channel === ACK_CHANNEL) this.acknowledged(message.payload ?? '');
    });
    client.on('error', () => this.lost(client));
    client.on('end', () => this.lost(client));
    try {
      await client.connect();
      await client.query(`LISTEN ${SESSION_CHANNEL}; LISTEN ${ACK_CHANNEL}`);
    } catch {
      this.lost(client);
      return;
    }
    if (this.stopped) {
      await client.end().catch(() => undefined);
      return;
    }
    // Nothing was kept while not listening; from here on every change is announced to this connection.
    this.forget('*');
    this.listener = client;
    this.ping = setInterval(() => {
      const answered = client.query('SELECT 1').then(() => true);
      const late = new Promise<boolean>((resolve) => setTimeout(resolve, PING_TIMEOUT_MS, false).unref());
      void Promise.race([answered, late]).then(
        (ok) => ok || this.lost(client),
        () => this.lost(client),
      );
    }, PING_MS);
    this.ping.unref();
  }

  /** An announcement may have been missed: keep nothing, read every request, and listen again. */
  private lost(client: pg.Client) {
    if (this.listener === client) {
      this.listener = null;
      clearInterval(this.ping);
    }
    this.forget('*');
    client.removeAllListeners('end');
    client.removeAllListeners('notification');
    client.on('error', () => undefined);
    void client.end().catch(() => undefined);
    if (!this.stopped && !this.retry) {
      this.retry = setTimeout(() => {
        this.retry = undefined;
        void this.listen();
      }, RECONNECT_MS);
      this.retry.unref();
    }
  }
}
