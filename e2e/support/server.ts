import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createApp, type RunningApp } from '../../main/app';
import { startServer, type RunningServer } from '../../main/server/http';

export const RENDERER_DIR = path.resolve(__dirname, '../../out/renderer');

export interface TestServer {
  app: RunningApp;
  server: RunningServer;
  url: string;
  dbFile: string;
  /** Writes a copy of the database as it is now to `file` (for `startTestServer({ from })`). */
  saveDatabase: (file: string) => void;
  stop: () => Promise<void>;
}

/**
 * Browser mode on a temporary database: the real dispatcher, real SQLite, real HTTP. The
 * database is new, or a copy of `from` (a file written by `saveDatabase`).
 */
export async function startTestServer(options: { from?: string } = {}): Promise<TestServer> {
  if (!fs.existsSync(path.join(RENDERER_DIR, 'index.html'))) {
    throw new Error('The renderer is not built: run `npm run build` (npm run test:e2e does it).');
  }
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'rm-e2e-'));
  const dbFile = path.join(dir, 'reception.db');
  if (options.from) fs.copyFileSync(options.from, dbFile);
  const app = createApp(dbFile);
  const server = await startServer(app, { port: 0, staticDir: RENDERER_DIR });
  return {
    app,
    server,
    url: server.url,
    dbFile,
    saveDatabase: (file) => {
      app.sqlite.prepare('VACUUM INTO ?').run(file);
    },
    stop: async () => {
      await server.close();
      await app.close();
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}
