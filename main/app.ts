import { openDatabase, type OpenOptions } from './db/open';
import type { App } from './api/dispatcher';
import { EventBus } from './api/events';

export interface RunningApp extends App {
  close: () => Promise<void>;
}

/**
 * Opens the database and wires the dispatcher's dependencies. One per process, and one process
 * per database file: throws DatabaseInUseError (db/lock.ts) when another process has it open.
 */
export function createApp(
  dbFile: string,
  options: OpenOptions & { clock?: () => number } = {},
): RunningApp {
  const { sqlite, statements, db, close } = openDatabase(dbFile, options);
  return {
    sqlite,
    statements,
    db,
    events: new EventBus(),
    clock: options.clock ?? Date.now,
    close,
  };
}
