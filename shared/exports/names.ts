import { defineNames } from '../contract/define';

/**
 * Exports (issue 12): what a list shows, as an XLSX or CSV file, written on main a page at a time
 * with progress events, then fetched. Each source (expense lines, requests, bookings, visitors)
 * checks its own reader's rights: a file holds no row its list would not show him.
 */
export const exportsNames = defineNames({
  operations: ['exports.start', 'exports.download'],
  /** How far an export has come (rows written of the total), and when its file is ready. */
  events: ['exports.progress'],
  permissions: [],
  grants: {},
});
