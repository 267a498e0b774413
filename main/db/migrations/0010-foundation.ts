import type { Migration } from './types';

/** Users, roles, departments, sessions, settings, notifications and the append-only audit log. */
export const migration0010: Migration = {
  version: 10,
  name: 'foundation',
  up: (db) => {
    db.exec(`
      CREATE TABLE departments (
        id INTEGER PRIMARY KEY,
        name TEXT NOT NULL UNIQUE COLLATE NOCASE CHECK (length(trim(name)) BETWEEN 1 AND 50),
        head_user_id INTEGER REFERENCES users(id) ON DELETE SET NULL,
        created_at_ms INTEGER NOT NULL,
        updated_at_ms INTEGER NOT NULL
      );

      CREATE TABLE users (
        id INTEGER PRIMARY KEY,
        login TEXT NOT NULL UNIQUE COLLATE NOCASE,
        display_name TEXT NOT NULL,
        department_id INTEGER REFERENCES departments(id) ON DELETE RESTRICT,
        password_hash TEXT NOT NULL,
        language TEXT NOT NULL DEFAULT 'zh-CN' CHECK (language IN ('zh-CN', 'en')),
        disabled INTEGER NOT NULL DEFAULT 0 CHECK (disabled IN (0, 1)),
        failed_attempts INTEGER NOT NULL DEFAULT 0,
        locked_until_ms INTEGER,
        must_change_password INTEGER NOT NULL DEFAULT 0 CHECK (must_change_password IN (0, 1)),
        created_at_ms INTEGER NOT NULL,
        updated_at_ms INTEGER NOT NULL
      );

      CREATE TABLE user_roles (
        user_id INTEGER NOT NULL REFERENCES users(id) ON DELETE CASCADE,
        role TEXT NOT NULL CHECK (role IN
          ('host', 'dept_head', 'executive', 'admin_office', 'front_desk', 'finance', 'sysadmin')),
        PRIMARY KEY (user_id, role)
      ) WITHOUT ROWID;

      -- Only a hash of the session token is stored: a copied database file opens no sessions.
      CREATE TABLE sessions (
        token_hash TEXT PRIMARY KEY,
        user_id INTEGER NOT NULL REFERENCES users(id) ON DELETE CASCADE,
        created_at_ms INTEGER NOT NULL,
        last_active_at_ms INTEGER NOT NULL,
        locked INTEGER NOT NULL DEFAULT 0 CHECK (locked IN (0, 1)),
        ended_at_ms INTEGER
      ) WITHOUT ROWID;
      CREATE INDEX sessions_user ON sessions(user_id);

      CREATE TABLE settings (
        key TEXT PRIMARY KEY,
        value TEXT NOT NULL CHECK (json_valid(value))
      ) WITHOUT ROWID;

      CREATE TABLE notifications (
        id INTEGER PRIMARY KEY,
        user_id INTEGER NOT NULL REFERENCES users(id) ON DELETE CASCADE,
        kind TEXT NOT NULL,
        title_key TEXT NOT NULL,
        params TEXT NOT NULL DEFAULT '{}' CHECK (json_valid(params)),
        created_at_ms INTEGER NOT NULL,
        read_at_ms INTEGER
      );
      CREATE INDEX notifications_user ON notifications(user_id, created_at_ms);

      CREATE TABLE audit_log (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        at_ms INTEGER NOT NULL,
        actor_user_id INTEGER REFERENCES users(id),
        actor_name TEXT,
        on_behalf_of_user_id INTEGER REFERENCES users(id),
        on_behalf_of_name TEXT,
        operation TEXT NOT NULL,
        entity_type TEXT NOT NULL,
        entity_id TEXT,
        summary TEXT NOT NULL DEFAULT '{}' CHECK (json_valid(summary))
      );
      CREATE INDEX audit_log_at ON audit_log(at_ms);
      CREATE INDEX audit_log_entity ON audit_log(entity_type, entity_id);

      -- Append-only. INSERT OR REPLACE would delete the old row first: the delete trigger catches
      -- that only with recursive_triggers=ON, so the insert trigger refuses a reused id as well.
      CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log
        BEGIN SELECT RAISE(ABORT, 'audit_log is append-only'); END;
      CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log
        BEGIN SELECT RAISE(ABORT, 'audit_log is append-only'); END;
      CREATE TRIGGER audit_log_no_reuse BEFORE INSERT ON audit_log
        WHEN NEW.id IS NOT NULL AND EXISTS (SELECT 1 FROM audit_log WHERE id = NEW.id)
        BEGIN SELECT RAISE(ABORT, 'audit_log is append-only'); END;
    `);
  },
};
