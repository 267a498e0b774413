import type { Database as SqliteDatabase } from 'better-sqlite3';
import type { Kysely } from 'kysely';
import type { OperationName } from '../../shared/contract/names';
import type { OpOutput, OpParsed } from '../../shared/contract/operations';
import type { EventBus } from '../api/events';
import type { DB } from '../db/schema';
import type { DatabaseHost } from '../db/host';
import type { ServiceContext } from './context';
import type { Failure } from './errors';
import type { FileStore } from './files';

/**
 * What a handler gets besides the context: the raw driver, for health and maintenance, and the
 * file store, for the operations that keep files (attachments). Beside the context rather than in
 * it, because only these few handlers need them and every service function gets the context.
 */
export interface HandlerEnv {
  /** Null on PostgreSQL: what needs the file (backups) says so. */
  sqlite: SqliteDatabase | null;
  files: FileStore;
  /**
   * Work that goes on after the call (exports write their files a page at a time): the app's own
   * database handle (each read its own transaction, never the call's), and its event bus.
   */
  db: Kysely<DB>;
  events: EventBus;
  /** Runs `fn` once the call's transaction has committed (a write) or its reads ended; never on a
   * rolled-back write or a replayed answer. */
  afterCommit: (fn: () => void | Promise<void>) => void;
  /** The live database's file and the way to replace it (backups); absent in bare test apps. */
  host?: DatabaseHost;
}

export type Handler<N extends OperationName> = (
  ctx: ServiceContext,
  input: OpParsed<N>,
  env: HandlerEnv,
) => Promise<OpOutput<N> | Failure>;

/** A domain's handlers: exactly one per operation name it declares. */
export type DomainHandlers<N extends OperationName> = { [K in N]: Handler<K> };
