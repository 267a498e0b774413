import { entryHash, GENESIS_HASH, type ChainedFields } from '../../domains/audit/chain';
import type { Migration } from './types';

const REFUSE_CHAIN = "RAISE(ABORT, 'audit_log entries must extend the hash chain')";
const REFUSE_HEAD = "RAISE(ABORT, 'audit_head only follows audit_log')";

/**
 * The audit log becomes tamper-evident (issue 13): every entry carries the hash of the one before
 * it and its own (domains/audit/chain.ts), and `audit_head` keeps the count and the last hash, so
 * an edit, a removal, a reordering or entries cut off the end — made with the append-only
 * triggers dropped — are found by `npm run audit:verify`. The existing entries are chained here in
 * id order. SQLite cannot compute SHA-256, so the hash itself is checked only by the verifier; the
 * triggers refuse an entry whose prev_hash is not the newest hash, or that would slot in before
 * the newest entry, and keep the head in step in the same statement (also for raw writers).
 */
export const migration0200: Migration = {
  version: 200,
  name: 'audit-chain',
  up: (db) => {
    db.exec(`
      ALTER TABLE audit_log ADD COLUMN prev_hash TEXT;
      ALTER TABLE audit_log ADD COLUMN hash TEXT;
      DROP TRIGGER audit_log_no_update;
    `);
    const page = db.prepare(
      `SELECT id, at_ms AS atMs, actor_user_id AS actorUserId, actor_name AS actorName,
         on_behalf_of_user_id AS onBehalfOfUserId, on_behalf_of_name AS onBehalfOfName,
         operation, entity_type AS entityType, entity_id AS entityId, summary
       FROM audit_log WHERE id > ? ORDER BY id LIMIT 5000`,
    );
    const set = db.prepare('UPDATE audit_log SET prev_hash = ?, hash = ? WHERE id = ?');
    let prev = GENESIS_HASH;
    let lastId: number | null = null;
    let entries = 0;
    for (;;) {
      const rows = page.all(lastId ?? 0) as (ChainedFields & { id: number })[];
      for (const r of rows) {
        const hash = entryHash(prev, r);
        set.run(prev, hash, r.id);
        prev = hash;
        lastId = r.id;
        entries++;
      }
      if (rows.length < 5000) break;
    }
    db.prepare(
      `CREATE TABLE audit_head (
        id INTEGER PRIMARY KEY CHECK (id = 1),
        entries INTEGER NOT NULL,
        last_id INTEGER,
        last_hash TEXT NOT NULL
      )`,
    ).run();
    db.prepare('INSERT INTO audit_head (id, entries, last_id, last_hash) VALUES (1, ?, ?, ?)').run(
      entries,
      lastId,
      prev,
    );
    db.exec(`
      CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log
        BEGIN SELECT RAISE(ABORT, 'audit_log is append-only'); END;

      -- An auto-assigned id reads -1 in a BEFORE INSERT trigger; an explicit one must come last.
      CREATE TRIGGER audit_log_chained BEFORE INSERT ON audit_log
        WHEN NEW.hash IS NULL OR length(NEW.hash) <> 64
          OR NEW.prev_hash IS NOT coalesce(
            (SELECT hash FROM audit_log ORDER BY id DESC LIMIT 1), '${GENESIS_HASH}')
          OR (NEW.id IS NOT NULL AND NEW.id <> -1
            AND NEW.id <= coalesce((SELECT max(id) FROM audit_log), 0))
        BEGIN SELECT ${REFUSE_CHAIN}; END;

      CREATE TRIGGER audit_log_advance_head AFTER INSERT ON audit_log
        BEGIN
          UPDATE audit_head SET entries = entries + 1, last_id = NEW.id, last_hash = NEW.hash
            WHERE id = 1;
        END;

      -- The head moves only one entry at a time, onto the newest entry.
      CREATE TRIGGER audit_head_follows BEFORE UPDATE ON audit_head
        WHEN NEW.id IS NOT OLD.id OR NEW.entries IS NOT OLD.entries + 1
          OR NEW.last_id IS NOT (SELECT max(id) FROM audit_log)
          OR NEW.last_hash IS NOT (SELECT hash FROM audit_log WHERE id = NEW.last_id)
        BEGIN SELECT ${REFUSE_HEAD}; END;
      CREATE TRIGGER audit_head_no_delete BEFORE DELETE ON audit_head
        BEGIN SELECT ${REFUSE_HEAD}; END;
      CREATE TRIGGER audit_head_no_insert BEFORE INSERT ON audit_head
        BEGIN SELECT ${REFUSE_HEAD}; END;
    `);
  },
};
