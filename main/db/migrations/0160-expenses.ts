import { rebuildTable } from './rebuild';
import type { Migration } from './types';

const CATEGORIES =
  "('meals', 'tobacco_alcohol', 'gifts', 'lodging', 'vehicles', 'tickets', 'venue', " +
  "'sightseeing', 'other')";
const RECONCILIATION_STATUSES = "('open', 'approving', 'returned', 'settled')";

/**
 * Post-visit money (issue 12).
 *
 * - `approval_steps` may belong to cash advances and reconciliations, and a step may be finance's:
 *   its CHECKs are widened by a rebuild (ids, indexes and triggers kept).
 * - `expense_advances`: 借款 of a visit (several per request), each approved through the engine
 *   (dept head, then finance) and issued by finance (date, method); cleared at settlement.
 * - `expense_reconciliations`: one per visit, made with its first line; its status moves through
 *   the engine (dept head confirms, finance verifies) and ends `settled`. `clearing`: the advance
 *   cleared against the lines, as settled (JSON, integer fen).
 * - `expense_lines`: the spend. The split of its amount (per head, cap, over the cap, borne by the
 *   host, the company's part) is computed by the shared rules when the line is saved or an
 *   exception granted, and stored so that reports sum columns. Request facts the reports filter
 *   on (department, tier, host) and the reconciliation's status are copied onto each line and
 *   kept by the service; the period index covers the year's report by department × category.
 *   `invoice_key`: the normalised invoice number ('' for none), indexed for the duplicate check.
 * - `expense_exceptions`: what an executive allowed on a line (over the cap, outside the process,
 *   company-paid lodging), with his reason; one of each kind per line.
 * - `expense_budgets`: a request's approved budget by category, kept when a round is approved, for
 *   the dashboard's budget against spend (requests keep their budget inside the JSON body).
 */
export const migration0160: Migration = {
  version: 160,
  name: 'expenses',
  rebuildsTables: true,
  up: (db) => {
    rebuildTable(db, 'approval_steps', (ddl) =>
      ddl
        .replace(
          "subject_type IN ('request')",
          "subject_type IN ('request', 'advance', 'reconciliation')",
        )
        .replace(
          "kind IN ('dept_head', 'executive', 'admin_office')",
          "kind IN ('dept_head', 'executive', 'admin_office', 'finance')",
        ),
    );
    db.exec(`
      CREATE TABLE expense_advances (
        id INTEGER PRIMARY KEY,
        request_id INTEGER NOT NULL REFERENCES requests(id),
        seq INTEGER NOT NULL CHECK (seq >= 1),
        amount_fen INTEGER NOT NULL CHECK (amount_fen > 0 AND amount_fen <= 1000000000),
        purpose TEXT NOT NULL DEFAULT '',
        status TEXT NOT NULL CHECK (status IN
          ('approving', 'approved', 'issued', 'cleared', 'returned', 'rejected', 'cancelled')),
        revision INTEGER NOT NULL DEFAULT 1,
        requested_by INTEGER NOT NULL REFERENCES users(id),
        requested_at_ms INTEGER NOT NULL,
        issued_on TEXT,
        issued_method TEXT CHECK (issued_method IS NULL OR issued_method IN ('cash', 'bank_transfer')),
        issued_by INTEGER REFERENCES users(id),
        issued_at_ms INTEGER,
        cleared_at_ms INTEGER,
        updated_at_ms INTEGER NOT NULL,
        version INTEGER NOT NULL DEFAULT 1,
        UNIQUE (request_id, seq)
      );
      -- Finance's lists: approved and waiting to be issued, issued and not yet cleared.
      CREATE INDEX expense_advances_status ON expense_advances(status, requested_at_ms, id);

      CREATE TABLE expense_reconciliations (
        id INTEGER PRIMARY KEY,
        request_id INTEGER NOT NULL UNIQUE REFERENCES requests(id),
        status TEXT NOT NULL CHECK (status IN ${RECONCILIATION_STATUSES}),
        revision INTEGER NOT NULL DEFAULT 0,
        submitted_at_ms INTEGER,
        settled_at_ms INTEGER,
        returned_line_id INTEGER,
        return_reason TEXT NOT NULL DEFAULT '',
        clearing TEXT NOT NULL DEFAULT '{}' CHECK (json_valid(clearing)),
        updated_at_ms INTEGER NOT NULL,
        version INTEGER NOT NULL DEFAULT 1
      );
      -- Finance's queue: by status, oldest submission first.
      CREATE INDEX expense_reconciliations_status
        ON expense_reconciliations(status, submitted_at_ms, id);

      CREATE TABLE expense_lines (
        id INTEGER PRIMARY KEY,
        request_id INTEGER NOT NULL REFERENCES requests(id),
        category TEXT NOT NULL CHECK (category IN ${CATEGORIES}),
        spent_on TEXT NOT NULL,
        vendor TEXT NOT NULL DEFAULT '',
        amount_fen INTEGER NOT NULL CHECK (amount_fen > 0 AND amount_fen <= 1000000000),
        invoice_type TEXT NOT NULL
          CHECK (invoice_type IN ('vat_special', 'vat_ordinary', 'electronic', 'none')),
        invoice_no TEXT NOT NULL DEFAULT '',
        invoice_key TEXT NOT NULL DEFAULT '',
        no_invoice_reason TEXT NOT NULL DEFAULT '',
        paid_by TEXT NOT NULL CHECK (paid_by IN ('company_card', 'advance', 'host', 'visitor')),
        booking_id INTEGER REFERENCES bookings(id),
        visitors INTEGER NOT NULL CHECK (visitors >= 0),
        companions INTEGER NOT NULL CHECK (companions >= 0),
        attendees_reason TEXT NOT NULL DEFAULT '',
        note TEXT NOT NULL DEFAULT '',
        per_head_fen INTEGER NOT NULL,
        cap_fen INTEGER,
        over_cap_fen INTEGER NOT NULL DEFAULT 0 CHECK (over_cap_fen >= 0),
        borne_by_host_fen INTEGER NOT NULL DEFAULT 0 CHECK (borne_by_host_fen >= 0),
        company_fen INTEGER NOT NULL DEFAULT 0 CHECK (company_fen >= 0),
        returned_reason TEXT NOT NULL DEFAULT '',
        department_id INTEGER REFERENCES departments(id),
        tier TEXT NOT NULL CHECK (tier IN ('A', 'B', 'C', 'D')),
        host_user_id INTEGER NOT NULL REFERENCES users(id),
        status TEXT NOT NULL CHECK (status IN ${RECONCILIATION_STATUSES}),
        created_by INTEGER NOT NULL REFERENCES users(id),
        created_at_ms INTEGER NOT NULL,
        updated_at_ms INTEGER NOT NULL,
        version INTEGER NOT NULL DEFAULT 1,
        CHECK (visitors + companions > 0),
        CHECK (borne_by_host_fen + company_fen <= amount_fen)
      );
      CREATE INDEX expense_lines_request ON expense_lines(request_id, spent_on, id);
      CREATE INDEX expense_lines_invoice ON expense_lines(invoice_key) WHERE invoice_key <> '';
      -- The period views: a range of dates, the columns they group and sum (covering).
      CREATE INDEX expense_lines_period ON expense_lines(spent_on, department_id, category,
        tier, status, amount_fen, over_cap_fen, borne_by_host_fen);
      CREATE INDEX expense_lines_booking ON expense_lines(booking_id) WHERE booking_id IS NOT NULL;

      CREATE TABLE expense_exceptions (
        line_id INTEGER NOT NULL REFERENCES expense_lines(id) ON DELETE CASCADE,
        kind TEXT NOT NULL CHECK (kind IN ('over_cap', 'outside_process', 'lodging')),
        by_user_id INTEGER NOT NULL REFERENCES users(id),
        reason TEXT NOT NULL,
        at_ms INTEGER NOT NULL,
        PRIMARY KEY (line_id, kind)
      ) WITHOUT ROWID;

      CREATE TABLE expense_budgets (
        request_id INTEGER NOT NULL REFERENCES requests(id),
        category TEXT NOT NULL CHECK (category IN ${CATEGORIES}),
        amount_fen INTEGER NOT NULL CHECK (amount_fen >= 0),
        PRIMARY KEY (request_id, category)
      ) WITHOUT ROWID;
    `);
  },
};
