import type { Migration } from './types';

/**
 * A notification knows where it leads (`target`, JSON: shared/notifications/target.ts), so the
 * bell opens the request it is about. Existing notifications about a request (their params name
 * its code) get their target from that code; the others lead nowhere.
 */
export const migration0090: Migration = {
  version: 90,
  name: 'notification-targets',
  up: (db) => {
    db.exec(`
      ALTER TABLE notifications ADD COLUMN target TEXT
        CHECK (target IS NULL OR json_valid(target));
      UPDATE notifications
        SET target = (SELECT json_object('type', 'request', 'id', r.id) FROM requests r
                      WHERE r.code = json_extract(notifications.params, '$.code'))
        WHERE json_extract(params, '$.code') IS NOT NULL;
      UPDATE notifications SET target = json_object('type', 'users')
        WHERE kind = 'account.locked';
      UPDATE notifications SET target = json_object('type', 'account')
        WHERE kind = 'password.reset';
    `);
  },
};
