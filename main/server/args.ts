import path from 'node:path';
import { parseArgs } from 'node:util';
import { isLoopbackHost } from './listen-policy';

/** What `npm run serve` / `npm run server` were asked to do. */
export interface ServerConfig {
  db: string;
  /** `--postgres URL`: the office server's data in PostgreSQL instead of the `db` file. */
  postgres: string | null;
  /** Attachments' files with PostgreSQL (with SQLite they live beside the database file). */
  filesDir: string;
  host: string;
  port: number;
  publicOrigin: string | undefined;
  tls: { kind: 'files'; cert: string; key: string } | { kind: 'self-signed'; dir: string } | null;
  /** Folder of the rotating log files; null: the console only. */
  logDir: string | null;
  staticDir: string | undefined;
}

export type ParsedArgs = { ok: true; config: ServerConfig } | { ok: false; message: string };

export const USAGE = `Usage: npm run server -- [options]
  --db PATH               the SQLite database file (default ./data/reception.db)
  --listen HOST:PORT      where to listen (default 127.0.0.1:<free port>); anywhere but this
                          machine (e.g. 0.0.0.0:8443) requires TLS
  --port N                the port on 127.0.0.1 (browser mode; the same as --listen 127.0.0.1:N)
  --public-origin URL     the address people type, e.g. https://reception.example.com:8443
  --tls-cert FILE --tls-key FILE   the server's certificate and key (PEM)
  --self-signed           make (once) and keep a self-signed certificate beside the database;
                          clients confirm its fingerprint, which the server prints
  --log-dir DIR           rotating JSON-lines logs (default off this machine: <db folder>/logs)
  --static DIR            the built renderer (default out/renderer)
  --postgres URL          PostgreSQL instead of SQLite, e.g. postgres://reception@db.example/reception
  --files DIR             with --postgres: where attachments are kept (default ./data/files);
                          every server process on the database must share it`;

function port(text: string): number | null {
  if (!/^\d{1,5}$/.test(text)) return null;
  const n = Number(text);
  return n <= 65535 ? n : null;
}

/** HOST:PORT, [IPv6]:PORT. */
function listenAddress(text: string): { host: string; port: number } | null {
  const m = /^\[([0-9a-fA-F:.]+)\]:(\d+)$/.exec(text) ?? /^([^:[\]]*):(\d+)$/.exec(text);
  if (!m) return null;
  const p = port(m[2] ?? '');
  return p === null ? null : { host: m[1] === '' ? '0.0.0.0' : (m[1] ?? ''), port: p };
}

export function parseServerArgs(argv: string[]): ParsedArgs {
  let values;
  try {
    values = parseArgs({
      args: argv,
      strict: true,
      options: {
        db: { type: 'string', default: './data/reception.db' },
        listen: { type: 'string' },
        port: { type: 'string' },
        'public-origin': { type: 'string' },
        'tls-cert': { type: 'string' },
        'tls-key': { type: 'string' },
        'self-signed': { type: 'boolean', default: false },
        'log-dir': { type: 'string' },
        static: { type: 'string' },
        postgres: { type: 'string' },
        files: { type: 'string' },
        help: { type: 'boolean', default: false },
      },
    }).values;
  } catch (e) {
    return { ok: false, message: `${(e as Error).message}\n\n${USAGE}` };
  }
  if (values.help) return { ok: false, message: USAGE };
  const postgres = values.postgres ?? null;
  if (postgres !== null) {
    let url: URL | null = null;
    try {
      url = new URL(postgres);
    } catch {
      url = null;
    }
    if (!url || !/^postgres(ql)?:$/.test(url.protocol)) {
      return {
        ok: false,
        message: `--postgres must be a URL such as postgres://user@host:5432/reception (got ${postgres})`,
      };
    }
  }
  if (values.files !== undefined && postgres === null) {
    return {
      ok: false,
      message: '--files goes with --postgres (with SQLite the files live beside --db)',
    };
  }
  let host = '127.0.0.1';
  let p = 0;
  if (values.listen !== undefined) {
    if (values.port !== undefined)
      return { ok: false, message: 'give --listen or --port, not both' };
    const a = listenAddress(values.listen);
    if (!a) {
      return {
        ok: false,
        message: `--listen must be HOST:PORT, e.g. 0.0.0.0:8443 (got ${values.listen})`,
      };
    }
    ({ host, port: p } = a);
  } else if (values.port !== undefined) {
    const n = port(values.port);
    if (n === null)
      return { ok: false, message: `--port must be a number from 0 to 65535 (got ${values.port})` };
    p = n;
  }
  const cert = values['tls-cert'];
  const key = values['tls-key'];
  if ((cert === undefined) !== (key === undefined)) {
    return { ok: false, message: '--tls-cert and --tls-key go together' };
  }
  if (cert !== undefined && values['self-signed']) {
    return { ok: false, message: 'give --tls-cert/--tls-key or --self-signed, not both' };
  }
  const filesDir = values.files ?? './data/files';
  // Where the certificate and logs go: beside the database file, or beside the files folder.
  const dbDir = path.dirname(path.resolve(postgres === null ? values.db : filesDir));
  const tls: ServerConfig['tls'] =
    cert !== undefined && key !== undefined
      ? { kind: 'files', cert, key }
      : values['self-signed']
        ? { kind: 'self-signed', dir: path.join(dbDir, 'tls') }
        : null;
  return {
    ok: true,
    config: {
      db: values.db,
      postgres,
      filesDir,
      host,
      port: p,
      publicOrigin: values['public-origin'],
      tls,
      logDir: values['log-dir'] ?? (isLoopbackHost(host) ? null : path.join(dbDir, 'logs')),
      staticDir: values.static,
    },
  };
}
