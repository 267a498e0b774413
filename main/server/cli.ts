import fs from 'node:fs';
import path from 'node:path';
import type { Logger } from 'pino';
import { createApp } from '../app';
import { createPostgresApp } from '../app-postgres';
import type { App } from '../api/dispatcher';
import { DatabaseInUseError } from '../db/lock';
import { startScheduler } from '../scheduler';
import { parseServerArgs, type ServerConfig } from './args';
import { startServer, type RunningServer } from './http';
import { ListenConfigError, listenPolicy } from './listen-policy';
import { serverLogger } from './log';
import { CertificateError, readCertificate, selfSignedCertificate } from './tls';

/**
 * `npm run serve` (browser mode: this machine, plain HTTP) and `npm run server` (the office server:
 * the company's network, TLS): one program, the mode follows from where it listens.
 */

/** The built renderer: beside this file once bundled (out/main → out/renderer), else from source. */
function defaultStaticDir(): string {
  const built = path.resolve(__dirname, '../renderer');
  return fs.existsSync(path.join(built, 'index.html'))
    ? built
    : path.resolve(__dirname, '../../out/renderer');
}

/** Host names and addresses a self-signed certificate must cover. */
function certificateNames(config: ServerConfig): string[] {
  const names = new Set<string>();
  if (config.publicOrigin) {
    try {
      names.add(new URL(config.publicOrigin).hostname.replace(/^\[|\]$/g, ''));
    } catch {
      // listen-policy reports a bad origin with its own message.
    }
  }
  if (!['0.0.0.0', '::', ''].includes(config.host)) names.add(config.host);
  names.add('localhost');
  names.add('127.0.0.1');
  return [...names];
}

async function loadTls(config: ServerConfig, log: (m: string) => void) {
  if (config.tls === null) return null;
  if (config.tls.kind === 'files') return readCertificate(config.tls.cert, config.tls.key);
  const c = await selfSignedCertificate(config.tls.dir, certificateNames(config));
  log(
    `${c.created ? 'Made a new' : 'Using the'} self-signed certificate in ${config.tls.dir} ` +
      `(for ${certificateNames(config).join(', ')}; valid to ${c.validTo.toISOString().slice(0, 10)})`,
  );
  return c;
}

async function main() {
  const parsed = parseServerArgs(process.argv.slice(2));
  if (!parsed.ok) {
    console.error(parsed.message);
    process.exit(2);
  }
  const config = parsed.config;
  try {
    // Before a log, a certificate or the database is made: a refused configuration changes nothing.
    listenPolicy({
      host: config.host,
      port: config.port,
      tls: config.tls !== null,
      publicOrigin: config.publicOrigin,
    });
  } catch (e) {
    if (!(e instanceof ListenConfigError)) throw e;
    console.error(e.message);
    process.exit(2);
  }
  const logger: Logger | undefined =
    config.logDir === null ? undefined : serverLogger({ dir: config.logDir });
  const say = (m: string) => (logger ? logger.info(m) : console.log(m));

  let tls;
  try {
    tls = await loadTls(config, say);
  } catch (e) {
    if (!(e instanceof CertificateError)) throw e;
    console.error(`TLS: ${e.message}`);
    process.exit(2);
  }

  let app: App & { close: () => Promise<void> };
  try {
    // Migrations run here, once, by the server: clients never migrate a shared database.
    app =
      config.postgres === null
        ? createApp(config.db)
        : await createPostgresApp(config.postgres, { filesDir: config.filesDir });
  } catch (e) {
    if (e instanceof DatabaseInUseError) {
      // Another server or the desktop app has this file: one process per database file.
      console.error(`接待管理未启动：${e.messageZh}\n${e.message}`);
      process.exit(3);
    }
    console.error((e as Error).message);
    process.exit(1);
  }
  let server: RunningServer;
  try {
    server = await startServer(app, {
      host: config.host,
      port: config.port,
      staticDir: config.staticDir ?? defaultStaticDir(),
      tls,
      ...(config.publicOrigin !== undefined ? { publicOrigin: config.publicOrigin } : {}),
      ...(logger ? { logger } : {}),
    });
  } catch (e) {
    await app.close();
    if (e instanceof ListenConfigError) {
      console.error(e.message);
      process.exit(2);
    }
    console.error(`cannot listen on ${config.host}:${config.port}: ${(e as Error).message}`);
    process.exit(1);
  }
  const scheduler = startScheduler(app);
  const mode = server.policy.loopback ? 'browser mode, this machine only' : 'office server';
  say(`Reception Manager (${mode}) on ${server.url}`);
  if (tls) say(`Certificate SHA-256 fingerprint: ${tls.fingerprint256}`);
  say(
    config.postgres === null
      ? `Database: ${path.resolve(config.db)}`
      : `Database: PostgreSQL ${redactPassword(config.postgres)}; files: ${path.resolve(config.filesDir)}`,
  );

  let stopping = false;
  const stop = (signal: string) => {
    if (stopping) {
      // A second Ctrl+C: the person wants out now.
      process.exit(130);
    }
    stopping = true;
    say(`${signal}: finishing the calls in flight, then stopping`);
    void server
      .close()
      .then(() => scheduler.stop())
      .then(() => app.close())
      .then(() => {
        say('stopped');
        logger?.flush();
        // The log's worker thread writes what is left before the process ends.
        setTimeout(() => process.exit(0), logger ? 200 : 0);
      });
  };
  process.on('SIGINT', () => stop('SIGINT'));
  process.on('SIGTERM', () => stop('SIGTERM'));
}

/** A URL as the log may show it: without its password. */
function redactPassword(url: string): string {
  const u = new URL(url);
  if (u.password) u.password = '***';
  return u.toString();
}

void main();
