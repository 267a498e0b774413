/**
 * D5's checks on a real database file: the append-only triggers refuse every way of changing an
 * entry, the hash chain of a company's audit log verifies (entries written by the generator and
 * by two processes appending concurrently through the app's appendAudit), and each kind of
 * tampering made with the triggers dropped is found by the verifier of `npm run audit:verify`.
 */
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import BetterSqlite3 from 'better-sqlite3';
import { openDatabase } from '../../../main/db/open';
import { entryHash, GENESIS_HASH, type ChainReport } from '../../../main/domains/audit/chain';
import { verifyAuditFile } from '../../audit-verify';
import { DEFAULT_NOW_MS, generate } from '../../gen/generate';

const here = path.dirname(fileURLToPath(import.meta.url));
const repoRoot = path.resolve(here, '../../..');

export type Verifier = (file: string, expectedHead?: string) => Promise<ChainReport>;

/** A change made with every trigger dropped, then the triggers put back. */
interface Tampering {
  name: string;
  /** SQL run on a copy of the file; may use the helpers' results. */
  apply: (db: BetterSqlite3.Database, head: string) => void;
  /** The head hash kept outside, given to the verifier (a rewrite is visible only so). */
  external?: boolean;
}

type Row = Record<string, unknown> & { id: number };

function rows(db: BetterSqlite3.Database): Row[] {
  return db.prepare('SELECT * FROM audit_log ORDER BY id').all() as Row[];
}

/** Re-hashes the chain from the first entry on, as someone who knows the algorithm could. */
function rechain(db: BetterSqlite3.Database) {
  let prev = GENESIS_HASH;
  let n = 0;
  let last: number | null = null;
  const set = db.prepare('UPDATE audit_log SET prev_hash = ?, hash = ? WHERE id = ?');
  for (const r of rows(db)) {
    const hash = entryHash(prev, {
      atMs: r.at_ms as number,
      actorUserId: r.actor_user_id as number | null,
      actorName: r.actor_name as string | null,
      onBehalfOfUserId: r.on_behalf_of_user_id as number | null,
      onBehalfOfName: r.on_behalf_of_name as string | null,
      operation: r.operation as string,
      entityType: r.entity_type as string,
      entityId: r.entity_id as string | null,
      summary: r.summary as string,
      client: r.client as string | null,
    });
    set.run(prev, hash, r.id);
    prev = hash;
    last = r.id;
    n++;
  }
  db.prepare('UPDATE audit_head SET entries = ?, last_id = ?, last_hash = ?').run(n, last, prev);
}

const mid = (db: BetterSqlite3.Database) => {
  const { lo, hi } = db.prepare('SELECT min(id) AS lo, max(id) AS hi FROM audit_log').get() as {
    lo: number;
    hi: number;
  };
  return Math.floor((lo + hi) / 2);
};

export const TAMPERINGS: Tampering[] = [
  {
    name: 'a summary edited',
    apply: (db) =>
      db
        .prepare(`UPDATE audit_log SET summary = json_set(summary, '$.forged', 1) WHERE id = ?`)
        .run(mid(db)),
  },
  {
    name: 'an actor renamed',
    apply: (db) =>
      db.prepare(`UPDATE audit_log SET actor_name = 'someone else' WHERE id = ?`).run(mid(db) + 1),
  },
  {
    name: 'a time moved by 1 ms',
    apply: (db) => db.prepare('UPDATE audit_log SET at_ms = at_ms + 1 WHERE id = ?').run(mid(db)),
  },
  {
    name: 'a middle entry deleted',
    apply: (db) => db.prepare('DELETE FROM audit_log WHERE id = ?').run(mid(db)),
  },
  {
    name: 'the first entries deleted',
    apply: (db) =>
      db.exec('DELETE FROM audit_log WHERE id IN (SELECT id FROM audit_log ORDER BY id LIMIT 3)'),
  },
  {
    name: 'the last 5 entries deleted',
    apply: (db) =>
      db.exec(
        'DELETE FROM audit_log WHERE id IN (SELECT id FROM audit_log ORDER BY id DESC LIMIT 5)',
      ),
  },
  {
    name: 'two entries swapped',
    apply: (db) => {
      const m = mid(db);
      db.prepare('UPDATE audit_log SET id = -1 WHERE id = ?').run(m);
      db.prepare('UPDATE audit_log SET id = ? WHERE id = ?').run(m, m + 1);
      db.prepare('UPDATE audit_log SET id = ? WHERE id = -1').run(m + 1);
    },
  },
  {
    name: 'a forged entry inserted in a gap (an entry deleted, another in its place)',
    apply: (db) => {
      const m = mid(db);
      const prev = db.prepare('SELECT hash FROM audit_log WHERE id < ? ORDER BY id DESC LIMIT 1');
      const p = (prev.get(m) as { hash: string }).hash;
      db.prepare('DELETE FROM audit_log WHERE id = ?').run(m);
      const f = {
        atMs: DEFAULT_NOW_MS,
        actorUserId: null,
        actorName: 'forger',
        onBehalfOfUserId: null,
        onBehalfOfName: null,
        operation: 'users.update',
        entityType: 'user',
        entityId: '1',
        summary: '{}',
      };
      db.prepare(
        `INSERT INTO audit_log (id, at_ms, actor_name, operation, entity_type, entity_id, summary,
           prev_hash, hash) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      ).run(
        m,
        f.atMs,
        f.actorName,
        f.operation,
        f.entityType,
        f.entityId,
        f.summary,
        p,
        entryHash(p, f),
      );
    },
  },
  {
    name: 'a row slipped in below the first id',
    apply: (db) =>
      db.exec(
        `INSERT INTO audit_log (id, at_ms, operation, entity_type, prev_hash, hash)
         VALUES (-7, 1, 'forged', 'x', '${GENESIS_HASH}', '${'e'.repeat(64)}')`,
      ),
  },
  {
    name: 'an entry edited and the whole chain and head re-hashed (checked against a kept head)',
    external: true,
    apply: (db) => {
      db.prepare(`UPDATE audit_log SET actor_name = 'rewritten' WHERE id = ?`).run(mid(db));
      rechain(db);
    },
  },
];

/** Copies the file, drops every trigger, applies the change, puts the triggers back. */
function tamperedCopy(file: string, dir: string, t: Tampering, i: number): string {
  const copy = path.join(dir, `tampered-${i}.db`);
  fs.copyFileSync(file, copy);
  const db = new BetterSqlite3(copy);
  try {
    const triggers = db
      .prepare("SELECT name, sql FROM sqlite_master WHERE type = 'trigger'")
      .all() as { name: string; sql: string }[];
    for (const tr of triggers) db.exec(`DROP TRIGGER "${tr.name}"`);
    t.apply(db, '');
    for (const tr of triggers) db.exec(tr.sql);
  } finally {
    db.close();
  }
  return copy;
}

/** The ways of changing an entry the triggers must refuse, each leaving the table unchanged. */
const REFUSALS: { name: string; sql: (db: BetterSqlite3.Database) => string; recursive?: false }[] =
  [
    { name: 'UPDATE', sql: () => "UPDATE audit_log SET summary = '{}' WHERE id = 2" },
    { name: 'UPDATE OR REPLACE', sql: () => 'UPDATE OR REPLACE audit_log SET id = 3 WHERE id = 2' },
    { name: 'DELETE', sql: () => 'DELETE FROM audit_log WHERE id = 2' },
    { name: 'DELETE all', sql: () => 'DELETE FROM audit_log' },
    {
      name: 'INSERT OR REPLACE',
      sql: () =>
        "INSERT OR REPLACE INTO audit_log (id, at_ms, operation, entity_type) VALUES (2, 1, 'forged', 'x')",
    },
    {
      name: 'REPLACE (recursive_triggers off)',
      recursive: false,
      sql: () =>
        "REPLACE INTO audit_log (id, at_ms, operation, entity_type) VALUES (2, 1, 'forged', 'x')",
    },
    {
      name: 'upsert',
      sql: () =>
        `INSERT INTO audit_log (id, at_ms, operation, entity_type) VALUES (2, 1, 'forged', 'x')
       ON CONFLICT(id) DO UPDATE SET operation = excluded.operation`,
    },
    {
      name: 'an entry not linked to the newest',
      sql: () =>
        `INSERT INTO audit_log (at_ms, operation, entity_type, prev_hash, hash)
       VALUES (1, 'forged', 'x', '${GENESIS_HASH}', '${'f'.repeat(64)}')`,
    },
    {
      name: 'the head moved back',
      sql: () => 'UPDATE audit_head SET entries = entries - 1',
    },
  ];

function tableDigest(db: BetterSqlite3.Database): string {
  return JSON.stringify([
    db.prepare('SELECT * FROM audit_log ORDER BY id').raw().all(),
    db.prepare('SELECT * FROM audit_head').raw().all(),
  ]);
}

function checkRefusals(file: string, log: (l: string) => void): { refused: number; total: number } {
  const db = new BetterSqlite3(file);
  let refused = 0;
  try {
    db.pragma('recursive_triggers = ON');
    const before = tableDigest(db);
    for (const r of REFUSALS) {
      db.pragma(`recursive_triggers = ${r.recursive === false ? 'OFF' : 'ON'}`);
      let threw = false;
      try {
        db.exec(r.sql(db));
      } catch {
        threw = true;
      }
      const unchanged = tableDigest(db) === before;
      if (threw && unchanged) refused++;
      else log(`D5: ${r.name} was not refused (threw ${threw}, unchanged ${unchanged})`);
    }
  } finally {
    db.close();
  }
  return { refused, total: REFUSALS.length };
}

/** Two processes append `each` entries each to the file at the same time. */
async function concurrentWriters(file: string, each: number): Promise<number> {
  const child = path.join(here, 'writer.child.ts');
  const one = (name: string) =>
    new Promise<number>((resolve, reject) => {
      const p = spawn(process.execPath, ['--import', 'tsx', child, file, String(each), name], {
        cwd: repoRoot,
        stdio: ['ignore', 'pipe', 'pipe'],
      });
      let out = '';
      let err = '';
      p.stdout.on('data', (d: Buffer) => (out += d.toString()));
      p.stderr.on('data', (d: Buffer) => (err += d.toString()));
      p.on('error', reject);
      p.on('close', (code) =>
        code === 0 ? resolve(Number(out.trim())) : reject(new Error(`writer ${name}: ${err}`)),
      );
    });
  const written = await Promise.all([one('A'), one('B')]);
  return written.reduce((a, b) => a + b, 0);
}

export interface AuditScore {
  entries: number;
  concurrent: number;
  /** Entries of the two writers that interleave (a writer's entry right after the other's). */
  interleavings: number;
  clean: ChainReport;
  refused: number;
  refusals: number;
  detected: number;
  tamperings: number;
  /** Tamperings a verifier that only follows prev_hash links misses (the self-test). */
  naiveDetected: number;
}

export interface AuditOptions {
  visits: number;
  concurrentEach: number;
  log: (line: string) => void;
  /** The verifier the tamperings are checked with (the self-test passes a weaker one). */
  verifier?: Verifier;
}

/** A verifier that checks only the prev_hash links, not each entry's own hash: too weak. */
export const linksOnlyVerifier: Verifier = (file) => {
  const db = new BetterSqlite3(file, { readonly: true });
  try {
    let prev = GENESIS_HASH;
    let entries = 0;
    for (const r of rows(db)) {
      if (r.prev_hash !== prev) {
        return Promise.resolve({ entries, head: prev, broken: { id: r.id, reason: 'link' } });
      }
      prev = r.hash as string;
      entries++;
    }
    return Promise.resolve({ entries, head: prev, broken: null });
  } finally {
    db.close();
  }
};

/** Runs every tampering on its own copy and counts those the verifier reports. */
export async function detectTamperings(
  file: string,
  dir: string,
  verifier: Verifier,
  log: (l: string) => void,
): Promise<number> {
  const keptHead = (await verifyAuditFile(file)).head;
  let detected = 0;
  for (const [i, t] of TAMPERINGS.entries()) {
    const copy = tamperedCopy(file, dir, t, i);
    const r = await verifier(copy, t.external ? keptHead : undefined);
    if (r.broken !== null) detected++;
    log(`D5: ${t.name}: ${r.broken ? `detected (${r.broken.reason})` : 'NOT detected'}`);
  }
  return detected;
}

export async function runAuditScore(o: AuditOptions): Promise<AuditScore> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'score-audit-'));
  try {
    const file = path.join(dir, 'company.db');
    const db = openDatabase(file);
    try {
      generate(db.sqlite, {
        visits: o.visits,
        seed: 1,
        nowMs: DEFAULT_NOW_MS,
        passwordHash: 'not-a-password',
      });
      db.sqlite.pragma('wal_checkpoint(TRUNCATE)');
    } finally {
      db.sqlite.close();
      db.lock?.release();
    }
    const concurrent = await concurrentWriters(file, o.concurrentEach);
    const clean = await verifyAuditFile(file);
    const check = new BetterSqlite3(file);
    const writers = check
      .prepare(
        "SELECT actor_name AS a FROM audit_log WHERE operation = 'scorecard.concurrent' ORDER BY id",
      )
      .all() as { a: string }[];
    check.pragma('wal_checkpoint(TRUNCATE)');
    check.close();
    const interleavings = writers.filter((w, i) => i > 0 && writers[i - 1]?.a !== w.a).length;
    const { refused, total } = checkRefusals(file, o.log);
    const detected = await detectTamperings(file, dir, o.verifier ?? verifyAuditFile, o.log);
    const naiveDetected = await detectTamperings(file, dir, linksOnlyVerifier, () => undefined);
    return {
      entries: clean.entries,
      concurrent,
      interleavings,
      clean,
      refused,
      refusals: total,
      detected,
      tamperings: TAMPERINGS.length,
      naiveDetected,
    };
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
