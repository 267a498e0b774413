import type { auditZhCN } from './i18n.zh-CN';
import type { Shape } from '../i18n/shape';

export const auditEn: Shape<typeof auditZhCN> = {
  audit: {
    title: 'Audit log',
    time: 'Time',
    actor: 'By',
    onBehalfOf: 'on behalf of {{name}}',
    operation: 'Operation',
    entity: 'Record',
    summary: 'Details',
    filterOperation: 'Operation',
    filterText: 'Search details',
    dateRange: 'Dates',
    system: 'System',
    empty: 'No entries match',
  },
};
