import { orgKey } from '../../../shared/requests';
import type { Migration } from './types';

/**
 * Requests carry the key of their visiting organisation (`orgKey`: width, case, spacing, brackets
 * and legal forms do not tell organisations apart), so the repeat-visit rule finds
 * "ＡＢＣ科技（有限公司）" when "ABC科技有限公司" visited. The key is computed here in JavaScript for the
 * rows already there; a later change to `orgKey` needs a migration of its own that recomputes it.
 *
 * The index serves the repeat-visit query (same key, live statuses, a date) and replaces the
 * case-insensitive name index, whose only reader was that query.
 */
export const migration0040: Migration = {
  version: 40,
  name: 'org-key',
  up: (db) => {
    db.exec(`ALTER TABLE requests ADD COLUMN org_key TEXT NOT NULL DEFAULT ''`);
    const update = db.prepare('UPDATE requests SET org_key = ? WHERE id = ?');
    const rows = db.prepare('SELECT id, org_name FROM requests ORDER BY id').all() as {
      id: number;
      org_name: string;
    }[];
    for (const row of rows) update.run(orgKey(row.org_name), row.id);
    db.exec(`
      DROP INDEX requests_org;
      CREATE INDEX requests_org_key ON requests(org_key, status, arrival_date);
    `);
  },
};
