import fs from 'node:fs';
import { openDatabase, type OpenOptions } from './db/open';
import type { App } from './api/dispatcher';
import { EventBus } from './api/events';
import { FileStore, filesDirFor } from './core/files';

export interface RunningApp extends App {
  close: () => Promise<void>;
}

/**
 * Opens the database and wires the dispatcher's dependencies. One per process, and one process
 * per database file: throws DatabaseInUseError (db/lock.ts) when another process has it open.
 * Attachments' files live beside the database file (core/files.ts: `filesDirFor`).
 */
export function createApp(
  dbFile: string,
  options: OpenOptions & { clock?: () => number } = {},
): RunningApp {
  const { sqlite, statements, db, close } = openDatabase(dbFile, options);
  const files = filesDirFor(dbFile);
  return {
    sqlite,
    statements,
    db,
    files: new FileStore(files.dir),
    events: new EventBus(),
    clock: options.clock ?? Date.now,
    close: async () => {
      await close();
      if (files.temporary) fs.rmSync(files.dir, { recursive: true, force: true });
    },
  };
}
