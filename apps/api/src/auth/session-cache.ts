// A process-local cache: listed with how it stays correct across replicas in docs/scale.md ("What is process-local").
import { Injectable, type OnModuleDestroy, type OnModuleInit } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import pg from 'pg';
import type { DataSource } from 'typeorm';
import { type SessionCheck, UsersService } from '../users/users.service';

/** Where the user table's trigger announces a change to what the session check reads (migration 1764000000900). */
export const SESSION_CHANNEL = 'recordflow_user_session';
/** Users kept at most (a few hundred bytes each); the oldest kept goes first. */
const MAX_USERS = 10_000;
/** How often the listening connection is asked to answer, and how long it has to: a silent one is treated as lost. */
const PING_MS = 5_000;
const PING_TIMEOUT_MS = 2_000;
/** Waits before listening again after the connection was lost (then this, again and again). */
const RECONNECT_MS = 1_000;
/** Longest a change waits for PostgreSQL's announcement of it to come back to this process. */
const ANNOUNCE_WAIT_MS = 2_000;

/**
 * The guard's per-request session check (roles, disabled, session version) kept in memory while, and
 * only while, this process is listening for the user table's change announcements; without a
 * listening connection every request reads the row, as it would with no cache at all.
 */
@Injectable()
export class SessionCache implements OnModuleInit, OnModuleDestroy {
  private readonly known = new Map<string, SessionCheck>();
  /** Bumped by every change seen: a read begun before a bump may predate the change, so is not kept. */
  private generation = 0;
  /** Announcements seen, in order; the last one per user (recent users only), for a change waiting on its own. */
  private announcements = 0;
  private readonly lastAnnounced = new Map<string, number>();
  /** The last announcement that was about every user (a TRUNCATE). */
  private lastAll = -1;
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

  /** Marks the moment before a change to a user's row, for changed(). */
  mark(): number {
    return this.announcements;
  }

  /**
   * After a committed change to a user's session state: this process forgets it at once, then waits
   * (bounded) for PostgreSQL's announcement, which every replica's listener is sent at the same commit.
   */
  async changed(userId: string, mark: number): Promise<void> {
    this.forget(userId);
    const seen = () => !this.listener || Math.max(this.lastAll, this.lastAnnounced.get(userId) ?? -1) >= mark;
    if (seen()) return;
    await new Promise<void>((resolve) => {
      const done = () => {
        if (!seen() && !timedOut) return;
        clearTimeout(timer);
        this.waiting.delete(done);
        resolve();
      };
      let timedOut = false;
      const timer = setTimeout(() => {
        timedOut = true;
        done();
      }, ANNOUNCE_WAIT_MS);
      this.waiting.add(done);
    });
  }

  private forget(userId: string | '*') {
    this.generation++;
    if (userId === '*') this.known.clear();
    else this.known.delete(userId);
  }

  private announced(userId: string) {
    this.forget(userId);
    this.announcements++;
    if (userId === '*') {
      this.lastAnnounced.clear();
      this.lastAll = this.announcements - 1;
    } else {
      this.lastAnnounced.delete(userId);
      if (this.lastAnnounced.size >= MAX_USERS)
        this.lastAnnounced.delete(this.lastAnnounced.keys().next().value as string);
      this.lastAnnounced.set(userId, this.announcements - 1);
    }
    for (const wake of [...this.waiting]) wake();
  }

  private async listen(): Promise<void> {
    if (this.stopped) return;
    const options = this.dataSource.options as { url?: string };
    const client = new pg.Client({
      connectionString: options.url,
      application_name: 'recordflow-sessions',
      keepAlive: true,
      connectionTimeoutMillis: 10_000,
    });
    client.on('notification', (message) => {
      if (message.channel === SESSION_CHANNEL) this.announced(message.payload ?? '*');
    });
    client.on('error', () => this.lost(client));
    client.on('end', () => this.lost(client));
    try {
      await client.connect();
      await client.query(`LISTEN ${SESSION_CHANNEL}`);
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
    for (const wake of [...this.waiting]) wake();
    client.removeAllListeners('end');
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
