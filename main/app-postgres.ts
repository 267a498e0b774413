import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type pg from 'pg';
import type { App } from './api/dispatcher';
import { EventBus, type AppEvent } from './api/events';
import { FileStore } from './core/files';
import { openPostgres, type PostgresOptions, type PostgresStore } from './db/postgres/open';

export interface PostgresApp extends App {
  sqlite: null;
  statements: null;
  store: PostgresStore;
  close: () => Promise<void>;
}

export interface PostgresAppOptions extends PostgresOptions {
  /** Where attachments' files live (every server process on this database must share it). */
  filesDir: string;
  clock?: () => number;
  /** Relay events to and from the other server processes on this database (default true). */
  relayEvents?: boolean;
}

/** The channel the server processes of one database tell each other their events on. */
export const EVENTS_CHANNEL = 'rm_events';
/** PostgreSQL's limit for a NOTIFY payload is 8,000 bytes. */
const MAX_PAYLOAD = 7_900;

/**
 * The events of every server process on one database (issue 14): each call's events are
 * delivered here as they are on SQLite, and told to the other processes by NOTIFY after the
 * commit; a process LISTENs and delivers theirs to its own streams. A process skips its own.
 */
export class RelayedEventBus extends EventBus {
  readonly origin = crypto.randomBytes(6).toString('hex');
  private listener: pg.PoolClient | null = null;
  private closed = false;

  constructor(private readonly pool: pg.Pool) {
    super();
  }

  async listen(): Promise<void> {
    const client = await this.pool.connect();
    client.on('notification', (message) => {
      if (message.channel !== EVENTS_CHANNEL || !message.payload) return;
      const at = message.payload.indexOf(':');
      if (message.payload.slice(0, at) === this.origin) return;
      try {
        super.publish(JSON.parse(message.payload.slice(at + 1)) as AppEvent);
      } catch (e) {
        console.error('an event from another server process could not be read', e);
      }
    });
    await client.query(`LISTEN ${EVENTS_CHANNEL}`);
    this.listener = client;
  }

  override publish(event: AppEvent): void {
    super.publish(event);
    if (this.closed) return;
    const payload = `${this.origin}:${JSON.stringify(event)}`;
    if (Buffer.byteLength(payload) > MAX_PAYLOAD) {
      // No event of the contract comes near (they carry ids); should one, the other processes'
      // clients see it at their next refetch rather than the NOTIFY failing the call.
      console.error(`event ${event.name} too large to relay (${payload.length} bytes)`);
      return;
    }
    this.pool
      .query('SELECT pg_notify($1, $2)', [EVENTS_CHANNEL, payload])
      .catch((e: unknown) => console.error('event relay failed', e));
  }

  async close(): Promise<void> {
    this.closed = true;
    if (this.listener) {
      await this.listener.query(`UNLISTEN ${EVENTS_CHANNEL}`).catch(() => undefined);
      this.listener.release();
      this.listener = null;
    }
  }
}

/** The app's handles on a PostgreSQL database: the office server's `--postgres URL`. */
export async function createPostgresApp(
  url: string,
  options: PostgresAppOptions,
): Promise<PostgresApp> {
  const store = await openPostgres(url, options);
  return wrapPostgresStore(store, options);
}

/** The app over an open store, relaying events to the other server processes. */
export async function wrapPostgresStore(
  store: PostgresStore,
  options: Omit<PostgresAppOptions, keyof PostgresOptions>,
): Promise<PostgresApp> {
  if (options.relayEvents === false) return postgresApp(store, options, new EventBus());
  const events = new RelayedEventBus(store.pool);
  await events.listen();
  return postgresApp(store, options, events);
}

/** The app over an open store with the given event bus (tests: one process, a plain bus). */
export function postgresApp(
  store: PostgresStore,
  options: Omit<PostgresAppOptions, keyof PostgresOptions>,
  events: EventBus,
): PostgresApp {
  fs.mkdirSync(path.resolve(options.filesDir), { recursive: true });
  return {
    db: store.db,
    sqlite: null,
    statements: null,
    store,
    files: new FileStore(path.resolve(options.filesDir)),
    events,
    clock: options.clock ?? Date.now,
    close: async () => {
      if (events instanceof RelayedEventBus) await events.close();
      await store.close();
    },
  };
}
