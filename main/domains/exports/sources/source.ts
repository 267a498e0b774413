import type { Column, ExportRow } from '../../../../shared/exports/cells';
import type { ServiceContext } from '../../../core/context';

/** The reader's language bound: main's `translate`. */
export type T = (key: string, params?: Record<string, string | number>) => string;

/** Rows written per page: each page is one read transaction, then the file is written. */
export const PAGE_ROWS = 1_000;

export interface SourcePage {
  rows: ExportRow[];
  /** Where the next page starts; null after the last. */
  next: unknown;
}

export interface SheetRows {
  name: string;
  columns: readonly Column[];
  rows: ExportRow[];
}

/**
 * A list opened for export: its rights checked and its rows counted (in the start call), then read
 * a page at a time by the job, each page in a read transaction of its own.
 */
export interface OpenedSource {
  /** Rows it will write, when known. */
  total: number | null;
  /** The file's name without its extension, in the reader's language. */
  fileBase: string;
  sheetName: string;
  columns: readonly Column[];
  /** The page after `after` (null: the first). `ctx` reads as the exporting user. */
  read(ctx: ServiceContext, after: unknown): Promise<SourcePage>;
  /** A totals row after the last page: sums of what the rows hold. */
  totals?(): ExportRow;
  /** A second sheet (XLSX only), made from what the pages held. */
  summary?(): SheetRows;
}

/** A header's text. */
export function headers(columns: readonly Column[], t: T): string[] {
  return columns.map((c) => t(c.headerKey));
}

/** A column (its header is `exports.header.<key>` unless given). */
export function col(
  key: string,
  kind: Column['kind'],
  width: number,
  headerKey = `exports.header.${key}`,
): Column {
  return { key, headerKey, kind, width };
}
