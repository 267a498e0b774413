import type { PageInput } from '../../api/queries';
import type { ExportFilterInput } from './ExportButton';

export { ExportButton, saveBytes, type ExportFilterInput } from './ExportButton';

/** The export of a request list as the list reads it (its filters and sort; no paging). */
export function requestsExport(input: PageInput<'requests.list'>): ExportFilterInput {
  const { limit: _limit, ...list } = input;
  return { source: 'requests', list };
}
