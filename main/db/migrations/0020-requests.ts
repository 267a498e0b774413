import { DEFAULT_POLICY } from '../../../shared/policy/policy';
import type { Migration } from './types';

/**
 * Reception requests, their submitted revisions, approval steps, the dossier timeline,
 * delegations and the versioned policy. Policy version 1 is the defaults of the day the
 * database was created; later changes are new versions, never edits.
 */
export const migration0020: Migration = {
  version: 20,
  name: 'requests',
  up: (db) => {
    db.exec(`
      CREATE TABLE policy_versions (
        version INTEGER PRIMARY KEY,
        policy TEXT NOT NULL CHECK (json_valid(policy)),
        created_at_ms INTEGER NOT NULL,
        created_by INTEGER REFERENCES users(id),
        note TEXT NOT NULL DEFAULT ''
      );
      CREATE TRIGGER policy_versions_no_update BEFORE UPDATE ON policy_versions
        BEGIN SELECT RAISE(ABORT, 'policy versions are immutable'); END;
      CREATE TRIGGER policy_versions_no_delete BEFORE DELETE ON policy_versions
        BEGIN SELECT RAISE(ABORT, 'policy versions are immutable'); END;
      -- REPLACE INTO would delete the old version first, unseen by the delete trigger unless
      -- recursive_triggers is on.
      CREATE TRIGGER policy_versions_no_reuse BEFORE INSERT ON policy_versions
        WHEN EXISTS (SELECT 1 FROM policy_versions WHERE version = NEW.version)
        BEGIN SELECT RAISE(ABORT, 'policy versions are immutable'); END;

      CREATE TABLE requests (
        id INTEGER PRIMARY KEY,
        code TEXT NOT NULL UNIQUE,
        status TEXT NOT NULL CHECK (status IN
          ('draft', 'submitted', 'approving', 'approved', 'filed', 'returned', 'rejected', 'cancelled')),
        host_user_id INTEGER NOT NULL REFERENCES users(id),
        department_id INTEGER REFERENCES departments(id),
        org_name TEXT NOT NULL DEFAULT '',
        org_category TEXT NOT NULL,
        tier TEXT NOT NULL CHECK (tier IN ('A', 'B', 'C', 'D')),
        arrival_date TEXT NOT NULL DEFAULT '',
        departure_date TEXT NOT NULL DEFAULT '',
        visitor_count INTEGER NOT NULL DEFAULT 0,
        retroactive INTEGER NOT NULL DEFAULT 0 CHECK (retroactive IN (0, 1)),
        policy_version INTEGER REFERENCES policy_versions(version),
        body TEXT NOT NULL CHECK (json_valid(body)),
        budget_total_fen INTEGER NOT NULL DEFAULT 0 CHECK (budget_total_fen >= 0),
        revision INTEGER NOT NULL DEFAULT 0,
        version INTEGER NOT NULL DEFAULT 1,
        created_at_ms INTEGER NOT NULL,
        updated_at_ms INTEGER NOT NULL
      );
      CREATE INDEX requests_status ON requests(status, arrival_date);
      CREATE INDEX requests_host ON requests(host_user_id);
      CREATE INDEX requests_org ON requests(org_name COLLATE NOCASE);

      CREATE TABLE request_revisions (
        request_id INTEGER NOT NULL REFERENCES requests(id) ON DELETE CASCADE,
        revision INTEGER NOT NULL,
        body TEXT NOT NULL CHECK (json_valid(body)),
        checks TEXT NOT NULL CHECK (json_valid(checks)),
        budget TEXT NOT NULL CHECK (json_valid(budget)),
        policy_version INTEGER NOT NULL REFERENCES policy_versions(version),
        submitted_at_ms INTEGER NOT NULL,
        submitted_by INTEGER NOT NULL REFERENCES users(id),
        PRIMARY KEY (request_id, revision)
      ) WITHOUT ROWID;

      CREATE TABLE approval_steps (
        id INTEGER PRIMARY KEY,
        request_id INTEGER NOT NULL REFERENCES requests(id) ON DELETE CASCADE,
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
        UNIQUE (request_id, revision, seq)
      );
      CREATE INDEX approval_steps_open ON approval_steps(status, assignee_user_id);

      CREATE TABLE request_events (
        id INTEGER PRIMARY KEY,
        request_id INTEGER NOT NULL REFERENCES requests(id) ON DELETE CASCADE,
        at_ms INTEGER NOT NULL,
        actor_user_id INTEGER REFERENCES users(id),
        on_behalf_of_user_id INTEGER REFERENCES users(id),
        kind TEXT NOT NULL,
        step_id INTEGER REFERENCES approval_steps(id),
        comment TEXT NOT NULL DEFAULT '',
        data TEXT NOT NULL DEFAULT '{}' CHECK (json_valid(data))
      );
      CREATE INDEX request_events_request ON request_events(request_id, at_ms);

      CREATE TABLE delegations (
        id INTEGER PRIMARY KEY,
        user_id INTEGER NOT NULL REFERENCES users(id),
        delegate_user_id INTEGER NOT NULL REFERENCES users(id),
        from_date TEXT NOT NULL,
        to_date TEXT NOT NULL,
        created_at_ms INTEGER NOT NULL,
        revoked_at_ms INTEGER,
        CHECK (user_id <> delegate_user_id),
        CHECK (from_date <= to_date)
      );
      CREATE INDEX delegations_delegate ON delegations(delegate_user_id, from_date, to_date);
    `);
    db.prepare(
      'INSERT INTO policy_versions (version, policy, created_at_ms, note) VALUES (1, ?, ?, ?)',
    ).run(JSON.stringify(DEFAULT_POLICY), Date.now(), '默认标准（《公务接待流程及标准》）');
  },
};
