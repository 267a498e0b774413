import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { createApp } from '../../main/app';
import { runBackupIfDue } from '../../main/domains/backups';
import {
  createDatabase,
  databaseUrl,
  dropDatabase,
  forget,
  queryRows,
} from '../../main/test-postgres';
import { storeCopy } from '../../scripts/store-copy/run';
import { formatChecks } from '../../scripts/store-copy/verify';
import type { Ack } from './users';

/**
 * The stores the server runs on, one entry each: the report has a column per entry. The data is
 * generated once (the generator writes SQLite); each store gets its own copy of it, its server
 * arguments, and its own way to check afterwards that every acknowledged write is there.
 *
 * PostgreSQL (issue 14): `open` copies the generated file with store:copy into a fresh database
 * on the tests' server (RM_TEST_POSTGRES_URL, as the `postgres` test project) and answers
 * `--postgres URL --files DIR`; `check` reads the same facts there.
 */

export interface VerifyResult {
  acknowledged: number;
  present: number;
  /** Acknowledged writes whose key or effect is not in the database. */
  lost: { ack: Ack; why: string }[];
}

export interface OpenedStore {
  /** The server's arguments for this store. */
  serverArgs: string[];
  /** Where `--self-signed` keeps the certificate. */
  tlsDir: string;
  /** Run once the server has stopped: every acknowledged write, looked up in the store. */
  check: (acks: readonly Ack[]) => VerifyResult;
  /** After the checks: what the store made outside the run's folder (a PostgreSQL database). */
  dispose?: () => void;
}

export interface Store {
  name: string;
  open: (generatedFile: string, dir: string) => Promise<OpenedStore>;
}

const sqlite: Store = {
  name: 'sqlite',
  async open(generatedFile, dir) {
    fs.mkdirSync(dir, { recursive: true });
    const file = path.join(dir, 'reception.db');
    // prepareData checkpointed and closed the file: it is the whole database.
    fs.copyFileSync(generatedFile, file);
    // Today's daily backup (reception.backups/ beside the file), made before the server starts
    // as on a server up since the morning: otherwise its scheduler copies the whole database in
    // the first half-minute of the run, and the figures would be those of that copy.
    const app = createApp(file);
    try {
      await runBackupIfDue(app, Date.now());
    } finally {
      await app.close();
    }
    return {
      serverArgs: ['--db', file],
      tlsDir: path.join(dir, 'tls'),
      check: (acks) => {
        // Read-only, after the server stopped: what a restarted server would find.
        const db = new BetterSqlite3(file, { readonly: true, fileMustExist: true });
        try {
          const key = db.prepare('SELECT 1 FROM idempotency_keys WHERE user_id = ? AND key = ?');
          const request = db.prepare(
            'SELECT host_user_id AS hostUserId, version FROM requests WHERE id = ?',
          );
          const sameName = db.prepare(
            'SELECT count(*) AS n FROM requests WHERE org_name = ? AND host_user_id = ?',
          );
          const step = db.prepare(
            'SELECT status, decided_by AS decidedBy FROM approval_steps WHERE id = ?',
          );
          const arrived = db.prepare(
            'SELECT 1 FROM frontdesk_guests WHERE request_id = ? AND seq = ? AND day = ?',
          );
          // Out now, or in again since: a check-out and the next check-in each move the version on.
          const left = db.prepare(
            'SELECT 1 FROM frontdesk_guests WHERE id = ? AND (left_at_ms IS NOT NULL OR version > 2)',
          );
          return checkAcks(acks, {
            key: (userId, k) => key.get(userId, k) !== undefined,
            request: (id) => request.get(id) as { hostUserId: number; version: number } | undefined,
            sameName: (orgName, hostUserId) =>
              (sameName.get(orgName, hostUserId) as { n: number }).n,
            step: (id) => step.get(id) as { status: string; decidedBy: number | null } | undefined,
            arrived: (requestId, seq, day) => arrived.get(requestId, seq, day) !== undefined,
            left: (guestId) => left.get(guestId) !== undefined,
          });
        } finally {
          db.close();
        }
      },
    };
  },
};

const postgres: Store = {
  name: 'postgres',
  async open(generatedFile, dir) {
    fs.mkdirSync(dir, { recursive: true });
    const database = `rmload_${crypto.randomBytes(4).toString('hex')}`;
    createDatabase(database, 'template0');
    const url = databaseUrl(database);
    const copied = await storeCopy({ from: generatedFile, to: url });
    if (!copied.ok) throw new Error(`store:copy did not verify:\n${formatChecks(copied.checks)}`);
    const one = <T>(sql: string, ...params: unknown[]) => queryRows<T>(url, sql, params)[0];
    return {
      serverArgs: ['--postgres', url, '--files', path.join(dir, 'files')],
      tlsDir: path.join(dir, 'tls'),
      dispose: () => {
        forget(url);
        dropDatabase(database);
      },
      check: (acks) =>
        checkAcks(acks, {
          key: (userId, k) =>
            one('SELECT 1 FROM idempotency_keys WHERE user_id = ? AND key = ?', userId, k) !==
            undefined,
          request: (id) =>
            one<{ hostUserId: number; version: number }>(
              'SELECT host_user_id AS "hostUserId", version FROM requests WHERE id = ?',
              id,
            ),
          sameName: (orgName, hostUserId) =>
            one<{ n: number }>(
              'SELECT count(*) AS n FROM requests WHERE org_name = ? AND host_user_id = ?',
              orgName,
              hostUserId,
            )?.n ?? 0,
          step: (id) =>
            one<{ status: string; decidedBy: number | null }>(
              'SELECT status, decided_by AS "decidedBy" FROM approval_steps WHERE id = ?',
              id,
            ),
          arrived: (requestId, seq, day) =>
            one(
              'SELECT 1 FROM frontdesk_guests WHERE request_id = ? AND seq = ? AND day = ?',
              requestId,
              seq,
              day,
            ) !== undefined,
          left: (guestId) =>
            one(
              'SELECT 1 FROM frontdesk_guests WHERE id = ? AND (left_at_ms IS NOT NULL OR version > 2)',
              guestId,
            ) !== undefined,
        }),
    };
  },
};

/** SQLite always; PostgreSQL unless `--no-postgres` (it needs a server: RM_TEST_POSTGRES_URL). */
export const STORES: readonly Store[] = [sqlite, postgres];

/** The facts a store answers; the rules of "present" are the same for every store. */
interface Facts {
  key: (userId: number, key: string) => boolean;
  request: (id: number) => { hostUserId: number; version: number } | undefined;
  sameName: (orgName: string, hostUserId: number) => number;
  step: (id: number) => { status: string; decidedBy: number | null } | undefined;
  arrived: (requestId: number, seq: number, day: string) => boolean;
  /** The day's record was checked out at least once (out now, or in again since). */
  left: (guestId: number) => boolean;
}

/**
 * Present: the write's idempotency key is stored for its user (it is written in the write's own
 * transaction, so the transaction committed) and its effect is there — the new draft exactly once,
 * the saved version or a later one, the step approved by him, the visitor's arrival of the day,
 * his record checked out.
 */
function checkAcks(acks: readonly Ack[], f: Facts): VerifyResult {
  const lost: VerifyResult['lost'] = [];
  for (const ack of acks) {
    const e = ack.effect;
    let why = f.key(ack.userId, ack.key) ? '' : 'idempotency key not stored';
    if (!why) {
      if (e.type === 'created') {
        const r = f.request(e.requestId);
        const n = f.sameName(e.orgName, ack.userId);
        if (r?.hostUserId !== ack.userId) why = `request ${e.requestId} missing`;
        else if (n !== 1) why = `${n} requests for one acknowledged create`;
      } else if (e.type === 'saved') {
        const r = f.request(e.requestId);
        if (!r || r.version < e.version) why = `request ${e.requestId} not at version ${e.version}`;
      } else if (e.type === 'decided') {
        const s = f.step(e.stepId);
        if (s?.status !== 'approved' || s.decidedBy !== ack.userId) {
          why = `step ${e.stepId} is ${s?.status ?? 'missing'}`;
        }
      } else if (e.type === 'checked-in') {
        if (!f.arrived(e.requestId, e.seq, e.day)) {
          why = `no arrival of visitor ${e.seq} of request ${e.requestId}`;
        }
      } else if (!f.left(e.guestId)) {
        why = `visitor record ${e.guestId} never checked out`;
      }
    }
    if (why) lost.push({ ack, why });
  }
  return { acknowledged: acks.length, present: acks.length - lost.length, lost };
}
