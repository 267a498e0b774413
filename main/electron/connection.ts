import fs from 'node:fs';
import path from 'node:path';
import * as z from 'zod';

/**
 * Where the desktop app's data lives (issue 14), chosen on first run and kept in
 * `connection.json` in the user-data folder:
 * - `local` — "只在本机使用": the embedded SQLite database, as before;
 * - `server` — "连接公司服务器": the office server at `origin`; the window's calls and events go
 *   there through the main process (main/client), and nothing is stored locally. For a
 *   self-signed certificate the PEM the person confirmed is kept and pinned.
 *
 * No file: the first-run choice is shown. A file that cannot be read or parsed is not guessed
 * at — the choice is shown again (and the bad file kept aside), so a damaged setting never sends
 * calls to a server nobody chose.
 */
export const CONNECTION_FILE = 'connection.json';

const PEM = /^-----BEGIN CERTIFICATE-----[\s\S]+-----END CERTIFICATE-----\s*$/;
const FINGERPRINT = /^([0-9A-F]{2}:){31}[0-9A-F]{2}$/;

export const connectionSchema = z.discriminatedUnion('mode', [
  z.strictObject({ mode: z.literal('local') }),
  z.strictObject({
    mode: z.literal('server'),
    origin: z.url({ protocol: /^https$/ }).max(300),
    pinnedCertPem: z.string().max(20_000).regex(PEM).optional(),
    pinnedFingerprint256: z.string().regex(FINGERPRINT).optional(),
  }),
]);

export type Connection = z.infer<typeof connectionSchema>;

export type ReadConnection =
  | { kind: 'chosen'; connection: Connection }
  | { kind: 'none' }
  | { kind: 'unreadable'; reason: string };

export function readConnection(userData: string): ReadConnection {
  const file = path.join(userData, CONNECTION_FILE);
  let text: string;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return { kind: 'none' };
    return { kind: 'unreadable', reason: (e as Error).message };
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return { kind: 'unreadable', reason: `${CONNECTION_FILE} is not JSON` };
  }
  const parsed = connectionSchema.safeParse(json);
  if (!parsed.success) {
    return { kind: 'unreadable', reason: `${CONNECTION_FILE}: ${parsed.error.issues[0]?.message}` };
  }
  const c = parsed.data;
  // A pin is a certificate and its fingerprint together, or neither.
  if (
    c.mode === 'server' &&
    (c.pinnedCertPem === undefined) !== (c.pinnedFingerprint256 === undefined)
  ) {
    return {
      kind: 'unreadable',
      reason: `${CONNECTION_FILE}: a pin needs its certificate and fingerprint`,
    };
  }
  return { kind: 'chosen', connection: c };
}

/** Keeps a bad file under another name, so the choice shown next starts clean but nothing is lost. */
export function setAsideConnection(userData: string, nowMs: number): string | null {
  const file = path.join(userData, CONNECTION_FILE);
  if (!fs.existsSync(file)) return null;
  const aside = path.join(userData, `connection.unreadable-${nowMs}.json`);
  fs.renameSync(file, aside);
  return aside;
}

/** Written whole to a temporary file, then renamed: a crash leaves the old choice or the new one. */
export function writeConnection(userData: string, connection: Connection): void {
  const checked = connectionSchema.parse(connection);
  fs.mkdirSync(userData, { recursive: true });
  const file = path.join(userData, CONNECTION_FILE);
  const tmp = `${file}.${process.pid}.tmp`;
  fs.writeFileSync(tmp, JSON.stringify(checked, null, 2) + '\n', { mode: 0o600 });
  fs.renameSync(tmp, file);
}
