import type { Migration } from './types';

/**
 * Attachments: files on a record (a request's 邀请函, 名片, 行程单, photos; next, an expense
 * line's receipts), so the owner is a (type, id) pair rather than a foreign key. The bytes live
 * beside the database in files named by their SHA-256 (main/core/files.ts); a row names its
 * file and its thumbnail's by hash, so two uploads of one scan share one file. The name the
 * sender gave is for display only. Removing keeps the row (removed_at_ms): the audit log and an
 * approver who saw the file can still say what it was.
 *
 * `attachments_owner` serves the only list (a record's files in upload order) and the count
 * against the per-record limit.
 */
export const migration0120: Migration = {
  version: 120,
  name: 'attachments',
  up: (db) => {
    db.exec(`
      CREATE TABLE attachments (
        id INTEGER PRIMARY KEY,
        owner_type TEXT NOT NULL,
        owner_id INTEGER NOT NULL,
        sha256 TEXT NOT NULL CHECK (length(sha256) = 64),
        mime TEXT NOT NULL CHECK (mime IN ('image/jpeg', 'image/png', 'application/pdf')),
        size_bytes INTEGER NOT NULL CHECK (size_bytes > 0),
        file_name TEXT NOT NULL,
        width INTEGER,
        height INTEGER,
        thumb_sha256 TEXT CHECK (thumb_sha256 IS NULL OR length(thumb_sha256) = 64),
        uploaded_by INTEGER NOT NULL REFERENCES users(id),
        uploaded_at_ms INTEGER NOT NULL,
        removed_by INTEGER REFERENCES users(id),
        removed_at_ms INTEGER
      );
      CREATE INDEX attachments_owner ON attachments(owner_type, owner_id, id);
    `);
  },
};
