/**
 * The byte scan of D8: every form in which SQLite's files could hold a purged visitor's name,
 * phone or ID number, searched in the raw bytes of the database, its WAL and shared-memory files
 * and the backups. The database is UTF-8 (the app never sets another encoding), but a copy could
 * be UTF-16 (a `PRAGMA encoding` database, a backup of one), JSON-escaped (`\u6b27`) or, in the
 * search indexes, written as the hex code points of character bigrams (main/core/ngrams.ts).
 */
import fs from 'node:fs';
import BetterSqlite3 from 'better-sqlite3';

export interface Needle {
  /** The secret this form belongs to (what the report names). */
  secret: string;
  form: string;
  bytes: Buffer;
}

const hex6 = (c: string) => (c.codePointAt(0) ?? 0).toString(16).padStart(6, '0');

/** The bigram terms the search indexes hold for a value (as main/core/ngrams.ts writes them). */
export function bigramTerms(value: string): string[] {
  const chars = [...value.normalize('NFKC').toLowerCase().replace(/\s+/g, ' ').trim()];
  const out: string[] = [];
  for (let i = 0; i + 1 < chars.length; i++) out.push(hex6(chars[i]!) + hex6(chars[i + 1]!));
  return out;
}

function jsonEscaped(value: string, upper: boolean): string {
  return [...value]
    .map((c) => {
      const code = c.codePointAt(0) ?? 0;
      if (code < 0x80) return c;
      // Astral characters as their surrogate pair, as JSON writes them.
      return [...Buffer.from(c, 'utf16le').swap16().toString('hex').match(/.{4}/g)!]
        .map((h) => `\\u${upper ? h.toUpperCase() : h}`)
        .join('');
    })
    .join('');
}

/**
 * Every form of a secret to look for. `bigrams`: also its search-index terms (only for names
 * whose characters appear in no other text, or a shared bigram would be a false copy).
 */
export function needles(secret: string, options: { bigrams?: boolean } = {}): Needle[] {
  const out: Needle[] = [];
  const add = (form: string, bytes: Buffer) => {
    if (bytes.length > 0 && !out.some((n) => n.bytes.equals(bytes))) {
      out.push({ secret, form, bytes });
    }
  };
  add('utf8', Buffer.from(secret, 'utf8'));
  add('utf16le', Buffer.from(secret, 'utf16le'));
  add('utf16be', Buffer.from(secret, 'utf16le').swap16());
  add('json-escaped', Buffer.from(jsonEscaped(secret, false), 'utf8'));
  add('json-escaped', Buffer.from(jsonEscaped(secret, true), 'utf8'));
  if (options.bigrams) {
    for (const term of bigramTerms(secret)) add('search-bigram', Buffer.from(term, 'utf8'));
  }
  return out;
}

export interface Hit {
  file: string;
  secret: string;
  form: string;
  offset: number;
}

export interface ScanResult {
  files: number;
  bytes: number;
  hits: Hit[];
}

function occurrences(hay: Buffer, needle: Buffer): number[] {
  const out: number[] = [];
  for (let at = hay.indexOf(needle); at >= 0; at = hay.indexOf(needle, at + 1)) out.push(at);
  return out;
}

/**
 * Every occurrence of every needle in every file that exists (missing files are skipped). One
 * pass a file: needles are indexed by their first four bytes, so the cost grows with the bytes
 * scanned, not with bytes × needles (thousands of needles over megabytes at --full).
 */
export function scanFiles(files: readonly string[], all: readonly Needle[]): ScanResult {
  const result: ScanResult = { files: 0, bytes: 0, hits: [] };
  const byHead = new Map<number, Needle[]>();
  const short: Needle[] = [];
  for (const n of all) {
    if (n.bytes.length < 4) {
      short.push(n);
      continue;
    }
    const head = n.bytes.readUInt32LE(0);
    const list = byHead.get(head);
    if (list) list.push(n);
    else byHead.set(head, [n]);
  }
  for (const file of files) {
    if (!fs.existsSync(file)) continue;
    const hay = fs.readFileSync(file);
    result.files += 1;
    result.bytes += hay.length;
    for (let at = 0; at + 4 <= hay.length; at++) {
      const list = byHead.get(hay.readUInt32LE(at));
      if (!list) continue;
      for (const n of list) {
        const end = at + n.bytes.length;
        if (end <= hay.length && hay.compare(n.bytes, 0, n.bytes.length, at, end) === 0) {
          result.hits.push({ file, secret: n.secret, form: n.form, offset: at });
        }
      }
    }
    for (const n of short) {
      for (const offset of occurrences(hay, n.bytes)) {
        result.hits.push({ file, secret: n.secret, form: n.form, offset });
      }
    }
  }
  return result;
}

/**
 * The terms of the database's full-text indexes, read through fts5vocab on a private copy (a
 * term may be stored prefix-compressed, so the bytes alone could miss one). The copy is opened
 * without the app's lock; the original is not touched.
 */
export function ftsTerms(copy: string, tables: readonly string[]): Map<string, Set<string>> {
  const db = new BetterSqlite3(copy);
  try {
    const out = new Map<string, Set<string>>();
    for (const table of tables) {
      db.exec(`CREATE VIRTUAL TABLE temp."vocab_${table}" USING fts5vocab(main, "${table}", row)`);
      const terms = db.prepare(`SELECT term FROM temp."vocab_${table}"`).pluck().all() as string[];
      out.set(table, new Set(terms));
    }
    return out;
  } finally {
    db.close();
  }
}
