import type { Column, ExportRow } from '../../../shared/exports/cells';

/** A sheet of a file: its name, its columns and their headers in the reader's language. */
export interface SheetSpec {
  name: string;
  columns: readonly Column[];
  headers: readonly string[];
}

/**
 * A file being written a page at a time. XLSX may hold several sheets (the expense lines, then
 * their summary); CSV holds the first only (`sheets` false: the job writes no second one).
 */
export interface FileWriter {
  readonly sheets: boolean;
  /** Starts a sheet with its header row (frozen in XLSX). */
  sheet(spec: SheetSpec): Promise<void>;
  /** Rows of the current sheet, in order. `bold`: a totals row. */
  rows(rows: readonly ExportRow[], bold?: boolean): Promise<void>;
  /** Finishes the file on disk. */
  close(): Promise<void>;
  /** Stops writing (the job failed): the caller deletes the file. */
  abort(): Promise<void>;
}
