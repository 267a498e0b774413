import type { Migration } from './types';

/**
 * The dashboard's reads at ten years of data (issue 12), each index-only:
 * - `expense_lines_spend`: a period's spend that the company and the host bore (the visitor's own
 *   payments left out by `paid_by`), by month, department, category and tier, with the meals'
 *   people — the period index lacks `paid_by`, `company_fen` and the attendees, so without this
 *   every line of the period is a table read;
 * - `expense_lines_over`: the period's over-cap lines by visit (the ten visits most over the cap),
 *   partial: only lines over the cap;
 * - `requests_arrival_facts`: the visits arriving in a period with their status, tier and
 *   department (visits by month × tier, the budgets of the period's visits) without reading the
 *   requests' rows (their JSON bodies make each a page or more).
 */
export const migration0170: Migration = {
  version: 170,
  name: 'expense-dashboard',
  up: (db) => {
    db.exec(`
      CREATE INDEX expense_lines_spend ON expense_lines(spent_on, paid_by, department_id,
        category, tier, status, company_fen, borne_by_host_fen, amount_fen, visitors, companions);
      CREATE INDEX expense_lines_over ON expense_lines(spent_on, request_id, over_cap_fen)
        WHERE over_cap_fen > 0;
      CREATE INDEX requests_arrival_facts ON requests(arrival_date, status, tier, department_id,
        host_user_id);
    `);
  },
};
