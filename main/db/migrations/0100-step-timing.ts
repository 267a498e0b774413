import type { Migration } from './types';

/**
 * When each step started waiting on someone (`pending_since_ms`), so an inbox shows a task's age
 * and a list "waiting on 张伟 since Tuesday" without working it out from the round's history on
 * every read. Set when the engine opens a step. Existing steps get it from their history: the
 * round's last decision before them, else their round's submission.
 *
 * `approval_steps_decided` serves 已处理 (the steps a person decided, newest first) as a keyset
 * walk: decided_by, then decided_at_ms, then the rowid.
 */
export const migration0100: Migration = {
  version: 100,
  name: 'step-timing',
  up: (db) => {
    db.exec(`
      ALTER TABLE approval_steps ADD COLUMN pending_since_ms INTEGER;
      UPDATE approval_steps AS s SET pending_since_ms = coalesce(
          (SELECT max(p.decided_at_ms) FROM approval_steps p
            WHERE p.subject_type = s.subject_type AND p.subject_id = s.subject_id
              AND p.revision = s.revision AND p.seq < s.seq AND p.decided_at_ms IS NOT NULL),
          (SELECT r.submitted_at_ms FROM request_revisions r
            WHERE s.subject_type = 'request' AND r.request_id = s.subject_id
              AND r.revision = s.revision))
        WHERE status IN ('pending', 'approved', 'rejected', 'returned');
      CREATE INDEX approval_steps_decided ON approval_steps(decided_by, decided_at_ms)
        WHERE decided_by IS NOT NULL;
    `);
  },
};
