import crypto from 'node:crypto';
import fs from 'node:fs';
import net, { type AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { createApp, type RunningApp } from '../../main/app';
import { createPostgresApp } from '../../main/app-postgres';
import {
  createDatabase,
  databaseUrl,
  dropDatabase,
  forget,
  queryRows,
} from '../../main/test-postgres';
import { startServer, type RunningServer } from '../../main/server/http';
import { selfSignedCertificate, type ServerCertificate } from '../../main/server/tls';
import { startScheduler } from '../../main/scheduler';

export const RENDERER_DIR = path.resolve(__dirname, '../../out/renderer');

/**
 * `RM_E2E_STORE=postgres` (the journeys' `postgres` project, vitest.e2e.config.ts): the server runs
 * on a fresh PostgreSQL database instead of a SQLite file — the office server with `--postgres`.
 */
export const ON_POSTGRES = process.env.RM_E2E_STORE === 'postgres';

export interface TestServer {
  /** On PostgreSQL `app.sqlite` is null: the journeys that read SQLite run on SQLite only. */
  app: RunningApp;
  server: RunningServer;
  url: string;
  dbFile: string;
  /** Plain SQL reads for assertions (`?` parameters), on either store. */
  rows: <T>(sql: string, ...params: unknown[]) => T[];
  /** Writes a copy of the database as it is now to `file` (for `startTestServer({ from })`). */
  saveDatabase: (file: string) => void;
  /**
   * One round of the app's scheduler now (task reminders), on the server's clock. The test server
   * runs no timer: a journey decides when time passes and when reminders go out.
   */
  tick: () => Promise<void>;
  /** With `startTestServer({ office })`: the office server over TLS the browsers use. */
  office?: OfficeServer;
  stop: () => Promise<void>;
}

// ---------------------------------------------------------------------------------------------
// Office mode (issue 14): the server of the whole company, over TLS, reached by its name.

/** The name the desks type for the office server; Chromium maps it to 127.0.0.1 (officeBrowserArgs). */
export const OFFICE_HOST = 'reception.test';

export interface OfficeServer {
  /** The public origin the desks open: https://reception.test:PORT. */
  url: string;
  server: RunningServer;
  certificate: ServerCertificate;
}

/** A self-signed certificate for OFFICE_HOST, kept in `dir`, as `npm run server --self-signed` makes. */
export function officeCertificate(dir: string): Promise<ServerCertificate> {
  return selfSignedCertificate(dir, [OFFICE_HOST]);
}

/** Base64 of the SHA-256 of the certificate's SubjectPublicKeyInfo: what Chromium pins. */
export function spkiPin(certificate: Pick<ServerCertificate, 'cert'>): string {
  const spki = crypto.createPublicKey(certificate.cert).export({ type: 'spki', format: 'der' });
  return crypto.createHash('sha256').update(spki).digest('base64');
}

/**
 * Chromium's switches for a desk of the office: OFFICE_HOST resolves to this machine (no hosts
 * file, no DNS), and the self-signed certificate is trusted by its public key pinned — what a desk
 * does after confirming the fingerprint — not by ignoring certificate errors altogether: any other
 * certificate is still refused. (Chromium honours the pin list only with a --user-data-dir, which
 * Playwright always passes.)
 */
export function officeBrowserArgs(certificate: Pick<ServerCertificate, 'cert'>): string[] {
  return [
    `--host-resolver-rules=MAP ${OFFICE_HOST} 127.0.0.1`,
    `--ignore-certificate-errors-spki-list=${spkiPin(certificate)}`,
  ];
}

/** A port free on every address now (the public origin names it before the server binds). */
function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = net.createServer();
    probe.once('error', reject);
    probe.listen(0, '0.0.0.0', () => {
      const { port } = probe.address() as AddressInfo;
      probe.close(() => resolve(port));
    });
  });
}

/**
 * The office server on `app`: all addresses (0.0.0.0), TLS, the public origin
 * https://reception.test:PORT. The port is chosen first; should another process take it before
 * the bind, another is chosen.
 */
async function startOfficeServer(
  app: RunningApp,
  certificate: ServerCertificate,
): Promise<OfficeServer> {
  for (let attempt = 0; ; attempt++) {
    const port = await freePort();
    try {
      const server = await startServer(app, {
        host: '0.0.0.0',
        port,
        staticDir: RENDERER_DIR,
        tls: certificate,
        publicOrigin: `https://${OFFICE_HOST}:${port}`,
      });
      return { url: server.url, server, certificate };
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'EADDRINUSE' || attempt >= 4) throw e;
    }
  }
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
    /**
     * Also serve the app as the office server does, over TLS with this certificate (see
     * `officeCertificate`): `office.url` is where the browsers go. `url` stays a loopback
     * server on the same app (same database, sessions and events) for the journeys' API calls
     * from Node, which send no Origin and trust no self-signed certificate.
     */
    office?: { certificate: ServerCertificate };
  } = {},
): Promise<TestServer> {
  if (!fs.existsSync(path.join(RENDERER_DIR, 'index.html'))) {
    throw new Error('The renderer is not built: run `npm run build` (npm run test:e2e does it).');
  }
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'rm-e2e-'));
  const dbFile = path.join(dir, 'reception.db');
  let database: string | null = null;
  let app: RunningApp;
  if (ON_POSTGRES) {
    if (options.from) throw new Error('a saved SQLite database cannot start a PostgreSQL journey');
    database = `rme2e_${crypto.randomBytes(6).toString('hex')}`;
    createDatabase(database, 'template0');
    // Migrated by the server, as `npm run server -- --postgres URL` does; the files beside it.
    const pgApp = await createPostgresApp(databaseUrl(database), {
      filesDir: path.join(dir, 'reception.files'),
      ...(options.clock ? { clock: options.clock } : {}),
    });
    app = pgApp as unknown as RunningApp;
  } else {
    if (options.from) fs.copyFileSync(options.from, dbFile);
    app = createApp(dbFile, options.clock ? { clock: options.clock } : {});
  }
  const dropStore = () => {
    if (database === null) return;
    forget(databaseUrl(database));
    dropDatabase(database);
  };
  const server = await startServer(app, { port: 0, staticDir: RENDERER_DIR });
  let office: OfficeServer | undefined;
  if (options.office) {
    try {
      office = await startOfficeServer(app, options.office.certificate);
    } catch (e) {
      await server.close();
      await app.close();
      dropStore();
      fs.rmSync(dir, { recursive: true, force: true });
      throw e;
    }
  }
  const scheduler = startScheduler(app, { everyMs: null });
  return {
    app,
    server,
    url: server.url,
    ...(office ? { office } : {}),
    dbFile,
    rows: <T>(sql: string, ...params: unknown[]) =>
      database === null
        ? (app.sqlite.prepare(sql).all(...params) as T[])
        : queryRows<T>(databaseUrl(database), sql, params),
    saveDatabase: (file) => {
      if (database !== null) throw new Error('saveDatabase copies a SQLite file');
      app.sqlite.prepare('VACUUM INTO ?').run(file);
    },
    tick: () => scheduler.tick(),
    stop: async () => {
      await scheduler.stop();
      await office?.server.close();
      await server.close();
      await app.close();
      dropStore();
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}
