import type { Migration } from './types';

/**
 * The lines of a period in the order the lines list and the export page them: by date, then id.
 * The period index (spent_on, department, category, …) returns a day's lines in the order of its
 * other columns, so every page of 1,000 sorted the days it touched and read their rows in random
 * order; an index on `spent_on` alone carries the rowid as its last column, which is that order,
 * and reads the rows in the order they were written (issue 12: the XLSX of 50,000 lines).
 */
export const migration0190: Migration = {
  version: 190,
  name: 'expense-lines-by-day',
  up: (db) => {
    db.exec(`CREATE INDEX expense_lines_day ON expense_lines(spent_on);`);
  },
};
