import type { ExportFilter } from '../../../../shared/exports';

/**
 * 导出: writes what a list shows as XLSX or CSV on main, with a progress bar, then saves the file.
 * PLACEHOLDER (foundation): the exports helper writes it.
 */
export function ExportButton(_props: { filter: ExportFilter | null }) {
  return null;
}
