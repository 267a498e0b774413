import type { Migration } from './types';

/**
 * The visit's procedure tasks (电话确认来访, 司机接站, 布置标识, 返程票, 退还物品, 报销), created when
 * a request is filed: one row per request and kind (the unique key: filing twice, or two
 * processes at once, creates each once). A task is a person's (the host) or a role's (the admin
 * office, anyone in it). `notified_at_ms`: its reminder went out; `voided_at_ms`: the request was
 * cancelled before it was done.
 *
 * Indexes follow the lists: 我的待办 reads open tasks by owner (person or role) in due order and
 * recently done ones by owner in done order; the reminder sweep reads due tasks not yet
 * reminded (a partial index that stays as small as the tasks waiting for their time).
 */
export const migration0140: Migration = {
  version: 140,
  name: 'tasks',
  up: (db) => {
    db.exec(`
      CREATE TABLE tasks (
        id INTEGER PRIMARY KEY,
        request_id INTEGER NOT NULL REFERENCES requests(id),
        kind TEXT NOT NULL,
        owner_user_id INTEGER REFERENCES users(id),
        owner_role TEXT,
        due_at_ms INTEGER NOT NULL,
        done_at_ms INTEGER,
        done_by_user_id INTEGER REFERENCES users(id),
        notified_at_ms INTEGER,
        voided_at_ms INTEGER,
        created_at_ms INTEGER NOT NULL,
        CHECK ((owner_user_id IS NULL) <> (owner_role IS NULL)),
        CHECK ((done_at_ms IS NULL) = (done_by_user_id IS NULL)),
        UNIQUE (request_id, kind)
      );
      CREATE INDEX tasks_open_user ON tasks(owner_user_id, due_at_ms, id)
        WHERE done_at_ms IS NULL AND voided_at_ms IS NULL;
      CREATE INDEX tasks_open_role ON tasks(owner_role, due_at_ms, id)
        WHERE done_at_ms IS NULL AND voided_at_ms IS NULL;
      CREATE INDEX tasks_done_user ON tasks(owner_user_id, done_at_ms, id)
        WHERE done_at_ms IS NOT NULL;
      CREATE INDEX tasks_done_role ON tasks(owner_role, done_at_ms, id)
        WHERE done_at_ms IS NOT NULL;
      CREATE INDEX tasks_sweep ON tasks(due_at_ms)
        WHERE notified_at_ms IS NULL AND done_at_ms IS NULL AND voided_at_ms IS NULL;
    `);
  },
};
