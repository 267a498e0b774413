/**
 * The database an older app version left (schema 140, before the front desk and the money): a
 * host and a few thousand requests with their approval steps and events, written with plain SQL
 * as that version's tables were. Opening it migrates to the latest version in one transaction,
 * rebuilding `requests` and `approval_steps` row by row: long enough for kills to land inside.
 */
import fs from 'node:fs';
import BetterSqlite3 from 'better-sqlite3';
import { applyPragmas } from '../../main/db/open';
import { migrate } from '../../main/db/migrate';
import { MIGRATIONS } from '../../main/db/migrations';
import { insertRow } from '../../main/db/migrations/test-helpers';

export const OLD_VERSION = 140;

export function buildOldDatabase(file: string, requests: number): void {
  fs.rmSync(file, { force: true });
  const db = new BetterSqlite3(file);
  try {
    applyPragmas(db);
    migrate(
      db,
      MIGRATIONS.filter((m) => m.version <= OLD_VERSION),
    );
    db.transaction(() => {
      const host = insertRow(db, 'users', {
        login: 'host',
        display_name: '王接待',
        password_hash: 'x',
        created_at_ms: 1,
        updated_at_ms: 1,
      });
      for (let i = 1; i <= requests; i++) {
        const visitors = Array.from({ length: 1 + (i % 4) }, (_, v) => ({
          name: `旧访客 ${i}-${v + 1}`,
          title: '工程师',
          phone: '',
          idType: null,
          idNumber: '',
          notes: '',
        }));
        const id = insertRow(db, 'requests', {
          code: `R-${i}`,
          status: i % 3 === 0 ? 'approving' : 'filed',
          host_user_id: host,
          org_name: `旧客户 ${i}`,
          org_key: `旧客户 ${i}`,
          org_category: 'client',
          tier: 'C',
          arrival_date: '2025-12-01',
          departure_date: '2025-12-02',
          visitor_count: visitors.length,
          body: JSON.stringify({ orgName: `旧客户 ${i}`, purpose: '洽谈年度采购合同', visitors }),
          revision: 1,
          created_at_ms: i,
          updated_at_ms: i,
        });
        for (const [seq, kind] of [
          [1, 'dept_head'],
          [2, 'admin_office'],
        ] as const) {
          insertRow(db, 'approval_steps', {
            subject_type: 'request',
            subject_id: id,
            revision: 1,
            seq,
            kind,
            reason: 'base',
            status: i % 3 === 0 && seq === 2 ? 'pending' : 'approved',
            comment: `意见 ${i}-${seq}`,
            pending_since_ms: i,
          });
        }
        insertRow(db, 'request_events', { request_id: id, at_ms: i, kind: 'submitted' });
      }
    })();
    db.pragma('wal_checkpoint(TRUNCATE)');
  } finally {
    db.close();
  }
}
