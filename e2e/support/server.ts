import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createApp, type RunningApp } from '../../main/app';
import { startServer, type RunningServer } from '../../main/server/http';
import { startScheduler } from '../../main/scheduler';

export const RENDERER_DIR = path.resolve(__dirname, '../../out/renderer');

export interface TestServer {
  app: RunningApp;
  server: RunningServer;
  url: string;
  dbFile: string;
  /** Writes a copy of the database as it is now to `file` (for `startTestServer({ from })`). */
  saveDatabase: (file: string) => void;
  /**
   * One round of the app's scheduler now (task reminders), on the server's clock. The test server
   * runs no timer: a journey decides when time passes and when reminders go out.
   */
  tick: () => Promise<void>;
  stop: () => Promise<void>;
}

/**
 * Browser mode on a temporary database: the real dispatcher, real SQLite, real HTTP. The
 * database is new, or a copy of `from` (a file written by `saveDatabase`).
 */
export async function startTestServer(
  options: {
    from?: string;
    /** The server's clock (epoch ms), e.g. one a journey moves forward; default the real time. */
    clock?: () => number;
  } = {},
): Promise<TestServer> {
  if (!fs.existsSync(path.join(RENDERER_DIR, 'index.html'))) {
    throw new Error('The renderer is not built: run `npm run build` (npm run test:e2e does it).');
  }
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'rm-e2e-'));
  const dbFile = path.join(dir, 'reception.db');
  if (options.from) fs.copyFileSync(options.from, dbFile);
  const app = createApp(dbFile, options.clock ? { clock: options.clock } : {});
  const server = await startServer(app, { port: 0, staticDir: RENDERER_DIR });
  const scheduler = startScheduler(app, { everyMs: null });
  return {
    app,
    server,
    url: server.url,
    dbFile,
    saveDatabase: (file) => {
      app.sqlite.prepare('VACUUM INTO ?').run(file);
    },
    tick: () => scheduler.tick(),
    stop: async () => {
      await scheduler.stop();
      await server.close();
      await app.close();
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}
