/**
 * Everything that touches SQLite while generating, and what makes it fast: prepared statements
 * with positional parameters (one per table, its columns named here), a transaction per ~100,000
 * time-ordered rows, journal and sync off and the file locked exclusively while writing, the bulk
 * tables' secondary indexes dropped and made again from their own SQL at the end, then the
 * derived tables (rebuildDerived) and the app's own pragmas (WAL, synchronous FULL, foreign keys)
 * back. The rest of the generator hands rows over and never sees a statement; the writer counts
 * the rows per table for the stats.
 */
import type { Database, Statement } from 'better-sqlite3';
import { rebuildDerived } from '../../main/db/derived';
import { entryHash, GENESIS_HASH, type ChainedFields } from '../../main/domains/audit/chain';
import { applyPragmas } from '../../main/db/open';
import type { Queued } from './records';

/** The tables the generator writes (derived tables are rebuildDerived's). */
export type GeneratedTable =
  | 'settings'
  | 'departments'
  | 'users'
  | 'user_roles'
  | 'delegations'
  | 'requests'
  | 'request_revisions'
  | 'approval_steps'
  | 'request_events'
  | 'notifications'
  | 'audit_log';

/** The values of a row of each table written as it is made, in its statement's column order. */
interface DirectRows {
  settings: [key: string, value: string];
  departments: [
    id: number,
    name: string,
    headUserId: number,
    createdAtMs: number,
    updatedAtMs: number,
  ];
  users: [
    id: number,
    login: string,
    displayName: string,
    departmentId: number | null,
    passwordHash: string,
    language: string,
    disabled: 0 | 1,
    createdAtMs: number,
    updatedAtMs: number | null,
  ];
  user_roles: [userId: number, role: string];
  delegations: [
    id: number,
    userId: number,
    delegateUserId: number,
    fromDate: string,
    toDate: string,
    createdAtMs: number,
    revokedAtMs: number | null,
  ];
  requests: [
    id: number,
    code: string,
    status: string,
    hostUserId: number,
    departmentId: number | null,
    orgName: string,
    orgKey: string,
    orgCategory: string,
    tier: string,
    arrivalDate: string,
    departureDate: string,
    visitorCount: number,
    retroactive: 0 | 1,
    policyVersion: number | null,
    body: string,
    budgetTotalFen: number,
    revision: number,
    version: number,
    createdAtMs: number,
    updatedAtMs: number,
  ];
  request_revisions: RevisionRow;
}

export type RevisionRow = [
  requestId: number,
  revision: number,
  body: string,
  checks: string,
  budget: string,
  policyVersion: number,
  submittedAtMs: number,
  submittedBy: number,
];

const DIRECT_SQL: Record<keyof DirectRows, string> = {
  settings: 'INSERT INTO settings (key, value) VALUES (?, ?)',
  departments:
    'INSERT INTO departments (id, name, head_user_id, created_at_ms, updated_at_ms) VALUES (?, ?, ?, ?, ?)',
  users: `INSERT INTO users (id, login, display_name, department_id, password_hash, language, disabled,
         created_at_ms, updated_at_ms) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  user_roles: 'INSERT INTO user_roles (user_id, role) VALUES (?, ?)',
  delegations: `INSERT INTO delegations (id, user_id, delegate_user_id, from_date, to_date, created_at_ms,
         revoked_at_ms) VALUES (?, ?, ?, ?, ?, ?, ?)`,
  requests: `INSERT INTO requests (id, code, status, host_user_id, department_id, org_name, org_key,
         org_category, tier, arrival_date, departure_date, visitor_count, retroactive,
         policy_version, body, budget_total_fen, revision, version, created_at_ms, updated_at_ms)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  request_revisions: `INSERT INTO request_revisions (request_id, revision, body, checks, budget, policy_version,
         submitted_at_ms, submitted_by) VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
};

const STEP_SQL = `INSERT INTO approval_steps (subject_type, subject_id, revision, seq, kind, reason,
         assignee_user_id, status, decided_by, on_behalf_of, decided_at_ms, pending_since_ms, comment,
         version)
       VALUES ('request', ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`;
const EVENT_SQL = `INSERT INTO request_events (request_id, at_ms, actor_user_id, on_behalf_of_user_id, kind,
         step_id, comment, data) VALUES (?, ?, ?, ?, ?, ?, ?, ?)`;
const NOTIFICATION_SQL = `INSERT INTO notifications (user_id, kind, title_key, params, created_at_ms, read_at_ms)
       VALUES (?, ?, ?, ?, ?, ?)`;
const AUDIT_SQL = `INSERT INTO audit_log (at_ms, actor_user_id, actor_name, on_behalf_of_user_id,
         on_behalf_of_name, operation, entity_type, entity_id, summary, prev_hash, hash)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`;

/** The tables that get millions of rows. */
const BULK_TABLES = [
  'requests',
  'request_revisions',
  'approval_steps',
  'request_events',
  'notifications',
  'audit_log',
] as const;

const lastId = (r: { lastInsertRowid: number | bigint }) => Number(r.lastInsertRowid);

/**
 * Takes over a database for the run: `new Writer` switches it to bulk mode and drops the indexes;
 * `begin`/`commitIfLarge`/`commit` batch the rows; `recreateIndexes`, `rebuildDerived` and
 * `restorePragmas` hand it back as the app expects it.
 */
export class Writer {
  /** Rows written per table. */
  readonly rows: Record<GeneratedTable, number> = {
    settings: 0,
    departments: 0,
    users: 0,
    user_roles: 0,
    delegations: 0,
    requests: 0,
    request_revisions: 0,
    approval_steps: 0,
    request_events: 0,
    notifications: 0,
    audit_log: 0,
  };
  private readonly indexes: { name: string; sql: string }[];
  private readonly direct: Record<keyof DirectRows, Statement<unknown[]>>;
  private readonly step: Statement<unknown[]>;
  private readonly event: Statement<unknown[]>;
  private readonly notification: Statement<unknown[]>;
  private readonly audit: Statement<unknown[]>;
  /** The audit chain's newest hash (migration 0200): each entry links to the one before. */
  private auditHead: string;
  /** Time-ordered rows written since the last commit. */
  private pendingRows = 0;

  constructor(private readonly sqlite: Database) {
    // Fast and unsafe while generating (a failed run leaves a file to delete, nothing else);
    // the app's own pragmas (WAL, synchronous FULL, foreign keys) come back at the end.
    // Nobody else may read or change the file half-made (a bench, the app on the same path).
    sqlite.pragma('locking_mode = EXCLUSIVE');
    sqlite.pragma('journal_mode = OFF');
    sqlite.pragma('synchronous = OFF');
    sqlite.pragma('foreign_keys = OFF');
    sqlite.pragma('secure_delete = OFF');
    sqlite.pragma('cache_size = -262144');
    sqlite.pragma('temp_store = MEMORY');

    // Secondary indexes of the tables filled in bulk are dropped now and made again from their own
    // SQL at the end: one sort per index instead of millions of scattered inserts (a third less
    // time). The schema comes back exactly as the migrations wrote it.
    this.indexes = sqlite
      .prepare(
        `SELECT name, sql FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL
         AND tbl_name IN (${BULK_TABLES.map(() => '?').join(', ')}) ORDER BY rowid`,
      )
      .all(...BULK_TABLES) as { name: string; sql: string }[];
    for (const index of this.indexes)
      sqlite.exec(`DROP INDEX "${index.name.replaceAll('"', '""')}"`);

    this.direct = Object.fromEntries(
      Object.entries(DIRECT_SQL).map(([table, sql]) => [table, sqlite.prepare(sql)]),
    ) as Record<keyof DirectRows, Statement<unknown[]>>;
    this.step = sqlite.prepare(STEP_SQL);
    this.event = sqlite.prepare(EVENT_SQL);
    this.notification = sqlite.prepare(NOTIFICATION_SQL);
    this.audit = sqlite.prepare(AUDIT_SQL);
    const last = sqlite.prepare('SELECT hash FROM audit_log ORDER BY id DESC LIMIT 1').get() as
      { hash: string } | undefined;
    this.auditHead = last?.hash ?? GENESIS_HASH;
  }

  /** One audit entry, chained to the one before as the app's appendAudit does. */
  private appendAudit(f: ChainedFields): void {
    const hash = entryHash(this.auditHead, f);
    this.audit.run(
      f.atMs,
      f.actorUserId,
      f.actorName,
      f.onBehalfOfUserId,
      f.onBehalfOfName,
      f.operation,
      f.entityType,
      f.entityId,
      f.summary,
      this.auditHead,
      hash,
    );
    this.auditHead = hash;
  }

  /** How many indexes were dropped (and will be made again). */
  get droppedIndexes(): number {
    return this.indexes.length;
  }

  /** A row of a table written as it is made (not time-ordered). */
  insert<T extends keyof DirectRows>(table: T, ...values: DirectRows[T]): void {
    this.direct[table].run(...values);
    this.rows[table]++;
  }

  /** A time-ordered row (records.ts), in the order ids must follow. */
  queued(row: Queued): void {
    this.pendingRows++;
    switch (row.k) {
      case 'step': {
        const s = row.step;
        s.id = lastId(
          this.step.run(
            s.requestId,
            s.revision,
            s.seq,
            s.kind,
            s.reason,
            s.assignee,
            s.status,
            s.decidedBy,
            s.onBehalfOf,
            s.decidedAt,
            s.pendingSince,
            s.comment,
            s.version,
          ),
        );
        this.rows.approval_steps++;
        return;
      }
      case 'event': {
        if (row.step && row.step.id === 0) throw new Error('generator bug: event before its step');
        this.event.run(
          row.requestId,
          row.t,
          row.actor,
          row.onBehalfOf,
          row.kind,
          row.step ? row.step.id : null,
          row.comment,
          row.data,
        );
        this.rows.request_events++;
        return;
      }
      case 'notification': {
        const id = lastId(
          this.notification.run(row.userId, row.kind, row.titleKey, row.params, row.t, row.readAt),
        );
        row.session?.ids.push(id);
        this.rows.notifications++;
        return;
      }
      case 'audit':
        this.appendAudit({
          atMs: row.t,
          actorUserId: row.actor?.id ?? null,
          actorName: row.actorName,
          onBehalfOfUserId: row.onBehalfOf?.id ?? null,
          onBehalfOfName: row.onBehalfOf?.name ?? null,
          operation: row.operation,
          entityType: row.entityType,
          entityId: row.entityId,
          summary: row.summary,
        });
        this.rows.audit_log++;
        return;
      case 'markRead': {
        // The bell lists the newest first and marks what it shows: ids newest first, at most
        // 500 per call (the operation's limit).
        const ids = row.session.ids.slice().reverse();
        for (let call = 0; call * 500 < ids.length; call++) {
          this.appendAudit({
            atMs: row.t + call,
            actorUserId: row.session.user.id,
            actorName: row.session.user.name,
            onBehalfOfUserId: null,
            onBehalfOfName: null,
            operation: 'notifications.markRead',
            entityType: 'notification',
            entityId: null,
            summary: JSON.stringify({ ids: ids.slice(call * 500, call * 500 + 500) }),
          });
          this.rows.audit_log++;
        }
        return;
      }
    }
  }

  begin(): void {
    this.sqlite.exec('BEGIN');
  }

  /** Commits once ~100,000 time-ordered rows are pending, and goes on in a new transaction. */
  commitIfLarge(): void {
    if (this.pendingRows < 100_000) return;
    this.sqlite.exec('COMMIT');
    this.sqlite.exec('BEGIN');
    this.pendingRows = 0;
  }

  commit(): void {
    this.sqlite.exec('COMMIT');
  }

  /** Makes the dropped indexes again from their own SQL. */
  recreateIndexes(): void {
    this.sqlite.exec('BEGIN');
    for (const index of this.indexes) this.sqlite.exec(index.sql);
    this.sqlite.exec('COMMIT');
  }

  /** Fills the derived tables from the generated rows (the app's own rebuildDerived). */
  rebuildDerived(): void {
    this.sqlite.exec('BEGIN');
    rebuildDerived(this.sqlite);
    this.sqlite.exec('COMMIT');
  }

  /** The app's pragmas back, and the exclusive lock released. */
  restorePragmas(): void {
    this.sqlite.pragma('cache_size = -2000');
    this.sqlite.pragma('locking_mode = NORMAL');
    applyPragmas(this.sqlite);
    // The exclusive lock goes with the next statement.
    this.sqlite.prepare('SELECT count(*) FROM sqlite_master').get();
  }
}
