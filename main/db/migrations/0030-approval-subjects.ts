import type { Migration } from './types';

/**
 * Approval steps belong to a subject (`subject_type`, `subject_id`) instead of a request: the
 * approval engine is generic over what is approved (reception requests today; cash advances and
 * reconciliations next). Today's steps move over as subject_type 'request', ids unchanged.
 *
 * The table is rebuilt (SQLite cannot change a column's meaning in place). Migrations run inside
 * one transaction, where `PRAGMA foreign_keys` cannot be switched off; so request_events, the one
 * table that refers to approval_steps, is rebuilt alongside it and no referenced table is ever
 * dropped while a row still points at it: new tables are filled, the old child then the old
 * parent are dropped, and the renames point every reference at the new tables.
 *
 * A polymorphic subject has no foreign key; triggers keep what the old one guaranteed: a step
 * refers to an existing request, and deleting a request deletes its steps.
 */
export const migration0030: Migration = {
  version: 30,
  name: 'approval-subjects',
  up: (db) => {
    db.exec(`
      CREATE TABLE approval_steps_new (
        id INTEGER PRIMARY KEY,
        subject_type TEXT NOT NULL CHECK (subject_type IN ('request')),
        subject_id INTEGER NOT NULL,
        revision INTEGER NOT NULL,
        seq INTEGER NOT NULL,
        kind TEXT NOT NULL CHECK (kind IN ('dept_head', 'executive', 'admin_office')),
        reason TEXT NOT NULL,
        -- NULL: anyone holding the step's role may decide.
        assignee_user_id INTEGER REFERENCES users(id),
        status TEXT NOT NULL CHECK (status IN
          ('waiting', 'pending', 'approved', 'rejected', 'returned', 'skipped', 'cancelled')),
        decided_by INTEGER REFERENCES users(id),
        on_behalf_of INTEGER REFERENCES users(id),
        decided_at_ms INTEGER,
        comment TEXT NOT NULL DEFAULT '',
        version INTEGER NOT NULL DEFAULT 1,
        -- Also the index of "the steps of a subject" (the dossier, the chain, the inbox's rounds).
        UNIQUE (subject_type, subject_id, revision, seq)
      );
      INSERT INTO approval_steps_new (id, subject_type, subject_id, revision, seq, kind, reason,
          assignee_user_id, status, decided_by, on_behalf_of, decided_at_ms, comment, version)
        SELECT id, 'request', request_id, revision, seq, kind, reason,
          assignee_user_id, status, decided_by, on_behalf_of, decided_at_ms, comment, version
        FROM approval_steps ORDER BY id;

      CREATE TABLE request_events_new (
        id INTEGER PRIMARY KEY,
        request_id INTEGER NOT NULL REFERENCES requests(id) ON DELETE CASCADE,
        at_ms INTEGER NOT NULL,
        actor_user_id INTEGER REFERENCES users(id),
        on_behalf_of_user_id INTEGER REFERENCES users(id),
        kind TEXT NOT NULL,
        step_id INTEGER REFERENCES approval_steps_new(id),
        comment TEXT NOT NULL DEFAULT '',
        data TEXT NOT NULL DEFAULT '{}' CHECK (json_valid(data))
      );
      INSERT INTO request_events_new (id, request_id, at_ms, actor_user_id, on_behalf_of_user_id,
          kind, step_id, comment, data)
        SELECT id, request_id, at_ms, actor_user_id, on_behalf_of_user_id,
          kind, step_id, comment, data
        FROM request_events ORDER BY id;

      DROP TABLE request_events;
      DROP TABLE approval_steps;
      ALTER TABLE approval_steps_new RENAME TO approval_steps;
      ALTER TABLE request_events_new RENAME TO request_events;

      CREATE INDEX request_events_request ON request_events(request_id, at_ms);
      -- The foreign key's child side: a step's timeline entries.
      CREATE INDEX request_events_step ON request_events(step_id);

      -- The inbox: open steps assigned to a person (or to one of his delegators) ...
      CREATE INDEX approval_steps_assignee ON approval_steps(status, assignee_user_id);
      -- ... and open pool steps of the kinds his roles (or his delegators') decide.
      CREATE INDEX approval_steps_pool ON approval_steps(status, kind, assignee_user_id);

      -- Who watches a step: the delegates, valid today, of the people it waits for.
      CREATE INDEX delegations_user ON delegations(user_id, to_date);

      CREATE TRIGGER approval_steps_request_exists BEFORE INSERT ON approval_steps
        WHEN NEW.subject_type = 'request'
          AND NOT EXISTS (SELECT 1 FROM requests WHERE id = NEW.subject_id)
        BEGIN SELECT RAISE(ABORT, 'FOREIGN KEY constraint failed'); END;
      CREATE TRIGGER approval_steps_request_kept BEFORE UPDATE OF subject_type, subject_id
        ON approval_steps
        WHEN NEW.subject_type = 'request'
          AND NOT EXISTS (SELECT 1 FROM requests WHERE id = NEW.subject_id)
        BEGIN SELECT RAISE(ABORT, 'FOREIGN KEY constraint failed'); END;
      -- ON DELETE CASCADE of the old foreign key. (The request's events, which may point at its
      -- steps, are gone first: foreign-key actions run before AFTER triggers.)
      CREATE TRIGGER requests_delete_steps AFTER DELETE ON requests
        BEGIN
          DELETE FROM request_events WHERE request_id = OLD.id;
          DELETE FROM approval_steps WHERE subject_type = 'request' AND subject_id = OLD.id;
        END;
    `);
  },
};
