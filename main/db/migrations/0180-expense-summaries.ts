import type { Migration } from './types';

/** The line summary's key: a line's month and the facts the report and dashboard filter on. */
const LINE_KEY = 'month, department_key, tier, category, status, over_cap, by_visitor';
/** A line's key values, for `r` = new or old. */
const lineKey = (r: 'new' | 'old') =>
  `substr(${r}.spent_on, 1, 7), coalesce(${r}.department_id, 0), ${r}.tier, ${r}.category, ` +
  `${r}.status, ${r}.over_cap_fen > 0, ${r}.paid_by = 'visitor'`;
const lineWhere = (r: 'new' | 'old') =>
  `month = substr(${r}.spent_on, 1, 7) AND department_key = coalesce(${r}.department_id, 0)
   AND tier = ${r}.tier AND category = ${r}.category AND status = ${r}.status
   AND over_cap = (${r}.over_cap_fen > 0) AND by_visitor = (${r}.paid_by = 'visitor')`;
const addLine = `
  INSERT INTO expense_line_summaries (${LINE_KEY}, lines, amount_fen, over_cap_fen,
    borne_by_host_fen, company_fen, attendees)
  VALUES (${lineKey('new')}, 1, new.amount_fen, new.over_cap_fen, new.borne_by_host_fen,
    new.company_fen, new.visitors + new.companions)
  ON CONFLICT (${LINE_KEY}) DO UPDATE SET lines = lines + 1,
    amount_fen = amount_fen + excluded.amount_fen,
    over_cap_fen = over_cap_fen + excluded.over_cap_fen,
    borne_by_host_fen = borne_by_host_fen + excluded.borne_by_host_fen,
    company_fen = company_fen + excluded.company_fen,
    attendees = attendees + excluded.attendees;`;
const removeLine = `
  UPDATE expense_line_summaries SET lines = lines - 1,
    amount_fen = amount_fen - old.amount_fen,
    over_cap_fen = over_cap_fen - old.over_cap_fen,
    borne_by_host_fen = borne_by_host_fen - old.borne_by_host_fen,
    company_fen = company_fen - old.company_fen,
    attendees = attendees - (old.visitors + old.companions)
  WHERE ${lineWhere('old')};
  DELETE FROM expense_line_summaries WHERE ${lineWhere('old')} AND lines = 0;`;

/** A visit's key values (arrival month and the facts the dashboard narrows by). */
const visitKey = (r: 'new' | 'old') =>
  `substr(${r}.arrival_date, 1, 7), coalesce(${r}.department_id, 0), ${r}.tier, ${r}.status`;
const visitWhere = (r: 'new' | 'old') =>
  `month = substr(${r}.arrival_date, 1, 7) AND department_key = coalesce(${r}.department_id, 0)
   AND tier = ${r}.tier AND status = ${r}.status`;
const VISIT_KEY = 'month, department_key, tier, status';
const BUDGET_KEY = 'month, department_key, tier, status, category';
const addVisit = `
  INSERT INTO expense_visit_summaries (${VISIT_KEY}, visits) VALUES (${visitKey('new')}, 1)
  ON CONFLICT (${VISIT_KEY}) DO UPDATE SET visits = visits + 1;`;
const removeVisit = `
  UPDATE expense_visit_summaries SET visits = visits - 1 WHERE ${visitWhere('old')};
  DELETE FROM expense_visit_summaries WHERE ${visitWhere('old')} AND visits = 0;`;
/** The request's budget rows added under its facts `r` (all of its categories). */
const addBudgetsOf = (r: 'new' | 'old') => `
  INSERT INTO expense_budget_summaries (${BUDGET_KEY}, budgets, amount_fen)
  SELECT ${visitKey(r)}, b.category, 1, b.amount_fen FROM expense_budgets b
  WHERE b.request_id = ${r}.id
  ON CONFLICT (${BUDGET_KEY}) DO UPDATE SET budgets = budgets + 1,
    amount_fen = amount_fen + excluded.amount_fen;`;
/** The request's budget rows taken away from under its facts `r`. */
const removeBudgetsOf = (r: 'new' | 'old') => `
  UPDATE expense_budget_summaries SET
    budgets = budgets - (SELECT count(*) FROM expense_budgets b
      WHERE b.request_id = ${r}.id AND b.category = expense_budget_summaries.category),
    amount_fen = amount_fen - (SELECT coalesce(sum(b.amount_fen), 0) FROM expense_budgets b
      WHERE b.request_id = ${r}.id AND b.category = expense_budget_summaries.category)
  WHERE ${visitWhere(r)};
  DELETE FROM expense_budget_summaries WHERE ${visitWhere(r)} AND budgets = 0;`;
/** One budget row `r` (new or old) under its request's current facts. */
const budgetFacts = (r: 'new' | 'old') =>
  `(SELECT substr(q.arrival_date, 1, 7), coalesce(q.department_id, 0), q.tier, q.status
    FROM requests q WHERE q.id = ${r}.request_id)`;
const addBudget = `
  INSERT INTO expense_budget_summaries (${BUDGET_KEY}, budgets, amount_fen)
  SELECT substr(q.arrival_date, 1, 7), coalesce(q.department_id, 0), q.tier, q.status,
    new.category, 1, new.amount_fen
  FROM requests q WHERE q.id = new.request_id
  ON CONFLICT (${BUDGET_KEY}) DO UPDATE SET budgets = budgets + 1,
    amount_fen = amount_fen + excluded.amount_fen;`;
const removeBudget = `
  UPDATE expense_budget_summaries SET budgets = budgets - 1,
    amount_fen = amount_fen - old.amount_fen
  WHERE (${VISIT_KEY}) = ${budgetFacts('old')} AND category = old.category;
  DELETE FROM expense_budget_summaries
  WHERE (${VISIT_KEY}) = ${budgetFacts('old')} AND category = old.category AND budgets = 0;`;

/**
 * Monthly summaries for finance's report and dashboard at ten years of data (issue 12: a year's
 * report ≤ 150 ms, its dashboard ≤ 300 ms). A year is 200,000 lines; walking even a covering index
 * of them costs about as much as the goal. The summaries hold the same sums a few thousand rows a
 * year, so a period of whole months reads them instead (the days of a partial month at either end
 * still read the lines, and a host's figures, not summarised, read the lines as before).
 *
 * - `expense_line_summaries`: the lines by month (of spent_on) × department (0: none) × tier ×
 *   category × reconciliation status × over the cap or not × paid by the visitor or not, with
 *   their count and the sums of every column the views add up.
 * - `expense_visit_summaries`: the requests by arrival month × department × tier × status.
 * - `expense_budget_summaries`: the approved budgets (expense_budgets) by their request's arrival
 *   month × department × tier × status × category.
 *
 * They are kept exact by triggers, in the same statement as the change: a row is added under its
 * new key and taken away from under its old one, and a group left with nothing is deleted (so a
 * summary has a row exactly where its source has one). Each trigger does only that — no rule is
 * decided here. SQLite-specific: the PostgreSQL store (issue 14) needs equivalent triggers (or
 * the services writing the same rows in their transactions).
 *
 * Sums are integer fen, as the columns summed; the migration fills them from the rows there are.
 */
export const migration0180: Migration = {
  version: 180,
  name: 'expense-summaries',
  up: (db) => {
    db.exec(`
      CREATE TABLE expense_line_summaries (
        month TEXT NOT NULL,
        department_key INTEGER NOT NULL,
        tier TEXT NOT NULL,
        category TEXT NOT NULL,
        status TEXT NOT NULL,
        over_cap INTEGER NOT NULL,
        by_visitor INTEGER NOT NULL,
        lines INTEGER NOT NULL,
        amount_fen INTEGER NOT NULL,
        over_cap_fen INTEGER NOT NULL,
        borne_by_host_fen INTEGER NOT NULL,
        company_fen INTEGER NOT NULL,
        attendees INTEGER NOT NULL,
        PRIMARY KEY (${LINE_KEY})
      ) WITHOUT ROWID;

      CREATE TABLE expense_visit_summaries (
        month TEXT NOT NULL,
        department_key INTEGER NOT NULL,
        tier TEXT NOT NULL,
        status TEXT NOT NULL,
        visits INTEGER NOT NULL,
        PRIMARY KEY (${VISIT_KEY})
      ) WITHOUT ROWID;

      CREATE TABLE expense_budget_summaries (
        month TEXT NOT NULL,
        department_key INTEGER NOT NULL,
        tier TEXT NOT NULL,
        status TEXT NOT NULL,
        category TEXT NOT NULL,
        budgets INTEGER NOT NULL,
        amount_fen INTEGER NOT NULL,
        PRIMARY KEY (${BUDGET_KEY})
      ) WITHOUT ROWID;

      INSERT INTO expense_line_summaries (${LINE_KEY}, lines, amount_fen, over_cap_fen,
        borne_by_host_fen, company_fen, attendees)
      SELECT substr(spent_on, 1, 7), coalesce(department_id, 0), tier, category, status,
        over_cap_fen > 0, paid_by = 'visitor', count(*), sum(amount_fen), sum(over_cap_fen),
        sum(borne_by_host_fen), sum(company_fen), sum(visitors + companions)
      FROM expense_lines GROUP BY 1, 2, 3, 4, 5, 6, 7;

      INSERT INTO expense_visit_summaries (${VISIT_KEY}, visits)
      SELECT substr(arrival_date, 1, 7), coalesce(department_id, 0), tier, status, count(*)
      FROM requests GROUP BY 1, 2, 3, 4;

      INSERT INTO expense_budget_summaries (${BUDGET_KEY}, budgets, amount_fen)
      SELECT substr(r.arrival_date, 1, 7), coalesce(r.department_id, 0), r.tier, r.status,
        b.category, count(*), sum(b.amount_fen)
      FROM expense_budgets b JOIN requests r ON r.id = b.request_id GROUP BY 1, 2, 3, 4, 5;

      -- The lines (PostgreSQL, issue 14: needs equivalents).
      CREATE TRIGGER expense_lines_summary_insert AFTER INSERT ON expense_lines
      BEGIN ${addLine}
      END;
      CREATE TRIGGER expense_lines_summary_delete AFTER DELETE ON expense_lines
      BEGIN ${removeLine}
      END;
      CREATE TRIGGER expense_lines_summary_update AFTER UPDATE OF spent_on, department_id, tier,
        category, status, over_cap_fen, paid_by, amount_fen, borne_by_host_fen, company_fen,
        visitors, companions ON expense_lines
      BEGIN ${addLine} ${removeLine}
      END;

      -- The visits and their budgets under the request's facts (PostgreSQL: needs equivalents).
      CREATE TRIGGER requests_summary_insert AFTER INSERT ON requests
      BEGIN ${addVisit}
      END;
      CREATE TRIGGER requests_summary_delete AFTER DELETE ON requests
      BEGIN ${removeVisit} ${removeBudgetsOf('old')}
      END;
      -- Only a change of month, department, tier or status moves a visit (and its budgets).
      CREATE TRIGGER requests_summary_update AFTER UPDATE OF arrival_date, department_id, tier,
        status ON requests
      WHEN substr(old.arrival_date, 1, 7) IS NOT substr(new.arrival_date, 1, 7)
        OR old.department_id IS NOT new.department_id OR old.tier IS NOT new.tier
        OR old.status IS NOT new.status
      BEGIN ${addVisit} ${removeVisit} ${addBudgetsOf('new')} ${removeBudgetsOf('old')}
      END;

      CREATE TRIGGER expense_budgets_summary_insert AFTER INSERT ON expense_budgets
      BEGIN ${addBudget}
      END;
      CREATE TRIGGER expense_budgets_summary_delete AFTER DELETE ON expense_budgets
      BEGIN ${removeBudget}
      END;
      CREATE TRIGGER expense_budgets_summary_update AFTER UPDATE ON expense_budgets
      BEGIN ${addBudget} ${removeBudget}
      END;
    `);
  },
};
