import type { Migration } from './types';

/**
 * 催办: the host's reminders to the people a step waits on, one per step per company day. The
 * primary key is the rule: two clicks (or two windows) at the same second store one reminder,
 * and the second is told it was sent already.
 */
export const migration0110: Migration = {
  version: 110,
  name: 'step-reminders',
  up: (db) => {
    db.exec(`
      CREATE TABLE step_reminders (
        step_id INTEGER NOT NULL REFERENCES approval_steps(id) ON DELETE CASCADE,
        day TEXT NOT NULL,
        by_user_id INTEGER NOT NULL REFERENCES users(id),
        at_ms INTEGER NOT NULL,
        PRIMARY KEY (step_id, day)
      ) WITHOUT ROWID;
    `);
  },
};
