/**
 * After a kill: is each logical write of the child all there or not there at all? Every write
 * leaves rows in several tables in its one transaction (the request, its revision, its steps, its
 * events, its visitors in the directory, its audit entry...), found by the write's marker. A write
 * the child acknowledged must be complete; any write, acknowledged or not, must not be partial.
 * Plain SQL reads: the harness looks at the file as it is, beside the app's own code.
 */
import type { Database } from 'better-sqlite3';
import type { WriteAck } from './protocol';

export interface WriteCheck {
  /** Acknowledged writes found complete. */
  complete: number;
  /** Acknowledged writes not found at all. */
  lost: number;
  /** Writes (acknowledged or not) with some of their rows and not the others. */
  partial: number;
  /** What was wrong, for the log. */
  problems: string[];
}

type State = 'complete' | 'absent' | 'partial';

function state(pieces: boolean[]): State {
  if (pieces.every(Boolean)) return 'complete';
  return pieces.some(Boolean) ? 'partial' : 'absent';
}

const num = (db: Database, sql: string, ...params: unknown[]): number =>
  Number(
    (db
      .prepare(sql)
      .pluck()
      .get(...params) as number | null) ?? 0,
  );

function submitState(db: Database, m: string, n: number | null): State {
  const visitorsInDirectory = num(
    db,
    "SELECT count(*) FROM frontdesk_directory WHERE name LIKE ? || '·%'",
    m,
  );
  const req = db
    .prepare(
      `SELECT id, visitor_count AS count, json_array_length(body, '$.visitors') AS inBody
         FROM requests WHERE org_name = ?`,
    )
    .get(m) as { id: number; count: number; inBody: number } | undefined;
  if (!req) return visitorsInDirectory > 0 ? 'partial' : 'absent';
  const expected = n ?? req.inBody;
  return state([
    req.count === expected && req.inBody === expected,
    num(
      db,
      'SELECT count(*) FROM request_revisions WHERE request_id = ? AND revision = 1',
      req.id,
    ) === 1,
    num(
      db,
      "SELECT count(*) FROM approval_steps WHERE subject_type = 'request' AND subject_id = ?",
      req.id,
    ) >= 1,
    num(db, 'SELECT count(*) FROM request_events WHERE request_id = ?', req.id) >= 1,
    num(
      db,
      "SELECT count(*) FROM audit_log WHERE operation = 'requests.submit' AND entity_id = ?",
      String(req.id),
    ) === 1,
    visitorsInDirectory === expected,
  ]);
}

function decideState(db: Database, m: string): State {
  const audited =
    num(
      db,
      `SELECT count(*) FROM audit_log
        WHERE operation = 'approvals.decide' AND json_extract(summary, '$.comment') = ?`,
      m,
    ) === 1;
  const step = db
    .prepare(
      `SELECT id, subject_id AS requestId, revision, seq, status FROM approval_steps
        WHERE subject_type = 'request' AND comment = ?`,
    )
    .get(m) as
    { id: number; requestId: number; revision: number; seq: number; status: string } | undefined;
  if (!step) return audited ? 'partial' : 'absent';
  const next = db
    .prepare(
      `SELECT status FROM approval_steps
        WHERE subject_type = 'request' AND subject_id = ? AND revision = ? AND seq = ?`,
    )
    .pluck()
    .get(step.requestId, step.revision, step.seq + 1) as string | undefined;
  const requestStatus = db
    .prepare('SELECT status FROM requests WHERE id = ?')
    .pluck()
    .get(step.requestId) as string;
  return state([
    step.status === 'approved',
    audited,
    num(db, 'SELECT count(*) FROM request_events WHERE step_id = ?', step.id) >= 1,
    // The chain moved on: the next step is open, or the last one's approval filed the visit.
    next === undefined ? requestStatus === 'filed' : next !== 'waiting',
  ]);
}

function lineState(db: Database, m: string): State {
  const line = db
    .prepare('SELECT id, request_id AS requestId FROM expense_lines WHERE note = ?')
    .get(m) as { id: number; requestId: number } | undefined;
  if (!line) return 'absent';
  return state([
    num(
      db,
      "SELECT count(*) FROM audit_log WHERE operation = 'expenses.saveLine' AND entity_id = ?",
      String(line.id),
    ) === 1,
    num(db, 'SELECT count(*) FROM expense_reconciliations WHERE request_id = ?', line.requestId) ===
      1,
  ]);
}

/** Every marker of a write found in the database (acknowledged or not). */
function markersFound(db: Database): WriteAck[] {
  const col = (sql: string) => db.prepare(sql).pluck().all() as string[];
  return [
    ...col("SELECT org_name FROM requests WHERE org_name LIKE '崩溃 S%'").map((m): WriteAck => ({
      k: 'submit',
      m,
      n: 0,
    })),
    ...col(
      `SELECT comment FROM approval_steps WHERE comment LIKE 'D%'
        UNION SELECT json_extract(summary, '$.comment') FROM audit_log
        WHERE operation = 'approvals.decide' AND json_extract(summary, '$.comment') LIKE 'D%'`,
    ).map((m): WriteAck => ({ k: 'decide', m })),
    ...col("SELECT note FROM expense_lines WHERE note LIKE 'L%'").map((m): WriteAck => ({
      k: 'line',
      m,
    })),
  ];
}

/** Audit entries of the child's writes whose entity is missing (the write's other half lost). */
function orphanAudits(db: Database): number {
  return (
    num(
      db,
      `SELECT count(*) FROM audit_log a WHERE a.operation = 'requests.submit'
        AND NOT EXISTS (SELECT 1 FROM requests r WHERE CAST(r.id AS TEXT) = a.entity_id)`,
    ) +
    num(
      db,
      `SELECT count(*) FROM audit_log a WHERE a.operation = 'expenses.saveLine'
        AND NOT EXISTS (SELECT 1 FROM expense_lines l WHERE CAST(l.id AS TEXT) = a.entity_id)`,
    )
  );
}

/**
 * Checks the child's writes in `db`: `acks` (in the order received) must be complete, and no
 * write found may be partial.
 */
export function checkWrites(db: Database, acks: readonly WriteAck[]): WriteCheck {
  const out: WriteCheck = { complete: 0, lost: 0, partial: 0, problems: [] };
  const stateOf = (a: WriteAck): State =>
    a.k === 'submit'
      ? submitState(db, a.m, a.n > 0 ? a.n : null)
      : a.k === 'decide'
        ? decideState(db, a.m)
        : lineState(db, a.m);
  const acked = new Set(acks.map((a) => a.m));
  for (const a of acks) {
    const s = stateOf(a);
    if (s === 'complete') out.complete += 1;
    else if (s === 'absent') {
      out.lost += 1;
      out.problems.push(`acknowledged ${a.k} ${a.m} is missing`);
    } else {
      out.partial += 1;
      out.problems.push(`acknowledged ${a.k} ${a.m} is partial`);
    }
  }
  for (const a of markersFound(db)) {
    if (acked.has(a.m)) continue;
    if (stateOf(a) === 'partial') {
      out.partial += 1;
      out.problems.push(`unacknowledged ${a.k} ${a.m} is partial`);
    }
  }
  const orphans = orphanAudits(db);
  if (orphans > 0) {
    out.partial += orphans;
    out.problems.push(`${orphans} audit entries of writes whose rows are missing`);
  }
  return out;
}
