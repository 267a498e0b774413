import { rebuildDerived } from '../derived';
import type { Migration } from './types';

/**
 * Lists that stay fast at ten years of data (issue 8).
 *
 * - Each list sort has an index it can walk in order and stop at the page's end (keyset paging):
 *   over all requests, a host's and a department's. Status and tier filters ride along the walk.
 * - `request_counts` keeps how many requests there are per (listed, status, tier, department),
 *   so a list's total is a sum over at most a few hundred rows instead of a scan. `listed` is the
 *   'all' scope's rule: submitted at least once and not a draft. Triggers keep it exact.
 * - `request_stats.max_stay_days` is the longest stay ever saved: a date-range filter ("overlaps
 *   from..to") becomes a bounded range on arrival_date (from − longest stay .. to).
 * - `request_search` and `audit_search`: FTS5 indexes of character bigrams (main/core/ngrams.ts),
 *   maintained by the write paths; rowid is the request's / entry's id. Contentless: the text
 *   stays in its table, the index holds terms only.
 * - Unread notifications have a partial index; audit lists by operation or actor walk theirs.
 * - request_revisions becomes a rowid table with the body last. As a WITHOUT ROWID table every
 *   row (2–5 KB) spilled into overflow pages from about 1 KB on, and the checks an inbox row needs
 *   sat behind the body: reading them walked the overflow chain (30 µs a row; 45 ms for an inbox
 *   of 1,300). Rows now keep body, checks and budget in their own page where they fit, and take
 *   about 40 % less space.
 */
export const migration0080: Migration = {
  version: 80,
  name: 'lists-at-scale',
  up: (db) => {
    db.exec(`
      DROP INDEX requests_host;
      CREATE INDEX requests_updated ON requests(updated_at_ms);
      CREATE INDEX requests_arrival ON requests(arrival_date);
      CREATE INDEX requests_budget ON requests(budget_total_fen);
      CREATE INDEX requests_host_updated ON requests(host_user_id, updated_at_ms);
      CREATE INDEX requests_host_arrival ON requests(host_user_id, arrival_date);
      CREATE INDEX requests_host_budget ON requests(host_user_id, budget_total_fen);
      CREATE INDEX requests_department_updated ON requests(department_id, updated_at_ms);
      CREATE INDEX requests_department_arrival ON requests(department_id, arrival_date);
      CREATE INDEX requests_department_budget ON requests(department_id, budget_total_fen);

      CREATE TABLE request_counts (
        listed INTEGER NOT NULL,
        status TEXT NOT NULL,
        tier TEXT NOT NULL,
        department_id INTEGER NOT NULL,
        n INTEGER NOT NULL,
        PRIMARY KEY (listed, status, tier, department_id)
      ) WITHOUT ROWID;
      CREATE TRIGGER requests_count_insert AFTER INSERT ON requests BEGIN
        INSERT INTO request_counts (listed, status, tier, department_id, n)
          VALUES (NEW.status <> 'draft' AND NEW.revision > 0, NEW.status, NEW.tier,
                  coalesce(NEW.department_id, 0), 1)
          ON CONFLICT DO UPDATE SET n = n + 1;
      END;
      CREATE TRIGGER requests_count_delete AFTER DELETE ON requests BEGIN
        UPDATE request_counts SET n = n - 1
          WHERE listed = (OLD.status <> 'draft' AND OLD.revision > 0) AND status = OLD.status
            AND tier = OLD.tier AND department_id = coalesce(OLD.department_id, 0);
      END;
      CREATE TRIGGER requests_count_update AFTER UPDATE OF status, tier, department_id, revision
        ON requests BEGIN
        UPDATE request_counts SET n = n - 1
          WHERE listed = (OLD.status <> 'draft' AND OLD.revision > 0) AND status = OLD.status
            AND tier = OLD.tier AND department_id = coalesce(OLD.department_id, 0);
        INSERT INTO request_counts (listed, status, tier, department_id, n)
          VALUES (NEW.status <> 'draft' AND NEW.revision > 0, NEW.status, NEW.tier,
                  coalesce(NEW.department_id, 0), 1)
          ON CONFLICT DO UPDATE SET n = n + 1;
      END;

      CREATE TABLE request_stats (key TEXT PRIMARY KEY, value INTEGER NOT NULL) WITHOUT ROWID;
      CREATE TRIGGER requests_stay_insert AFTER INSERT ON requests
        WHEN julianday(NEW.departure_date) - julianday(NEW.arrival_date) > 0 BEGIN
        INSERT INTO request_stats (key, value) VALUES ('max_stay_days',
            CAST(julianday(NEW.departure_date) - julianday(NEW.arrival_date) AS INTEGER))
          ON CONFLICT DO UPDATE SET value = max(value, excluded.value);
      END;
      CREATE TRIGGER requests_stay_update AFTER UPDATE OF arrival_date, departure_date ON requests
        WHEN julianday(NEW.departure_date) - julianday(NEW.arrival_date) > 0 BEGIN
        INSERT INTO request_stats (key, value) VALUES ('max_stay_days',
            CAST(julianday(NEW.departure_date) - julianday(NEW.arrival_date) AS INTEGER))
          ON CONFLICT DO UPDATE SET value = max(value, excluded.value);
      END;

      CREATE VIRTUAL TABLE request_search USING fts5(
        terms, content='', contentless_delete=1, tokenize='ascii');
      CREATE VIRTUAL TABLE audit_search USING fts5(
        terms, content='', contentless_delete=1, tokenize='ascii');

      CREATE TABLE request_revisions_new (
        id INTEGER PRIMARY KEY,
        request_id INTEGER NOT NULL REFERENCES requests(id) ON DELETE CASCADE,
        revision INTEGER NOT NULL,
        policy_version INTEGER NOT NULL REFERENCES policy_versions(version),
        submitted_at_ms INTEGER NOT NULL,
        submitted_by INTEGER NOT NULL REFERENCES users(id),
        checks TEXT NOT NULL CHECK (json_valid(checks)),
        budget TEXT NOT NULL CHECK (json_valid(budget)),
        body TEXT NOT NULL CHECK (json_valid(body)),
        UNIQUE (request_id, revision)
      );
      INSERT INTO request_revisions_new (request_id, revision, policy_version, submitted_at_ms,
          submitted_by, checks, budget, body)
        SELECT request_id, revision, policy_version, submitted_at_ms, submitted_by, checks,
               budget, body
        FROM request_revisions ORDER BY request_id, revision;
      DROP TABLE request_revisions;
      ALTER TABLE request_revisions_new RENAME TO request_revisions;

      CREATE INDEX audit_log_operation ON audit_log(operation);
      CREATE INDEX audit_log_actor ON audit_log(actor_user_id);
      CREATE INDEX audit_log_type ON audit_log(entity_type);
      CREATE INDEX notifications_unread ON notifications(user_id) WHERE read_at_ms IS NULL;
    `);
    rebuildDerived(db);
  },
};
