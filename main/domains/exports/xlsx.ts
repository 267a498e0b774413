import ExcelJS from 'exceljs';
import { NUM_FMT, xlsxCell, type ColumnKind, type ExportRow } from '../../../shared/exports/cells';
import type { FileWriter, SheetSpec } from './writer';

type Styles = Readonly<Record<ColumnKind, Partial<ExcelJS.Style>>>;

function stylesOf(bold: boolean): Styles {
  const font = bold ? { font: { bold: true } } : {};
  const fmt = (kind: ColumnKind) => {
    const numFmt = NUM_FMT[kind];
    return { ...(numFmt ? { numFmt } : {}), ...font };
  };
  return {
    text: fmt('text'),
    money: fmt('money'),
    date: fmt('date'),
    datetime: fmt('datetime'),
    int: fmt('int'),
  };
}
const PLAIN = stylesOf(false);
const BOLD = stylesOf(true);

/** What the sheet's pipe into the zip looks like (archiver's readable-stream PassThrough). */
interface ZipPipe {
  _writableState?: { length?: number; needDrain?: boolean };
  once(event: 'drain', listener: () => void): unknown;
}

/** Beyond this much XML waiting for the zip, the writer waits for it to catch up. */
const BACKLOG_BYTES = 4 * 1024 * 1024;

/**
 * Waits until the zip has taken the sheet's XML written so far. exceljs pipes each sheet into the
 * zip without backpressure (a PassThrough read as fast as it compresses): a fast writer would
 * otherwise hold most of a large sheet's XML in memory (50 MB for 50,000 lines). Looked up
 * defensively (another exceljs: nothing waits), and never longer than a few seconds.
 */
async function drained(ws: ExcelJS.Worksheet): Promise<void> {
  const stream = (ws as unknown as { stream?: { pipes?: unknown[] } }).stream;
  const pipe = stream?.pipes?.[0] as ZipPipe | undefined;
  const state = pipe?._writableState;
  if (!pipe || !state?.needDrain || (state.length ?? 0) < BACKLOG_BYTES) return;
  let timer: NodeJS.Timeout | undefined;
  await Promise.race([
    new Promise<void>((resolve) => pipe.once('drain', resolve)),
    new Promise<void>((resolve) => {
      timer = setTimeout(resolve, 5_000);
    }),
  ]);
  clearTimeout(timer);
}

/** Sheet names: at most 31 characters, none of : \ / ? * [ ]. */
function sheetName(name: string): string {
  return name.replace(/[:\\/?*[\]]/g, ' ').slice(0, 31);
}

/**
 * An XLSX written by exceljs' streaming writer: each row goes to the file as it is committed, so a
 * file of any length holds one page of rows in memory (and its table of distinct texts). Texts
 * are shared-string cells, never formulas: no value is ever an object with `formula`, and a string
 * is written as a string whatever it starts with (leading spaces and tabs kept: xml:space). Money
 * is a number in yuan with `#,##0.00`, dates are real dates; the header row is frozen and bold,
 * columns have their widths.
 */
export function xlsxWriter(file: string): FileWriter {
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({
    filename: file,
    useStyles: true,
    useSharedStrings: true,
  });
  let sheet: ExcelJS.Worksheet | null = null;
  let spec: SheetSpec | null = null;

  const endSheet = () => {
    sheet?.commit();
    sheet = null;
  };

  return {
    sheets: true,
    async sheet(next) {
      endSheet();
      spec = next;
      const ws = workbook.addWorksheet(sheetName(next.name), {
        views: [{ state: 'frozen', xSplit: 0, ySplit: 1 }],
      });
      ws.columns = next.columns.map((c) => ({ key: c.key, width: c.width }));
      const header = ws.addRow([...next.headers]);
      header.eachCell((cell) => {
        cell.style = BOLD.text;
      });
      header.commit();
      sheet = ws;
    },
    async rows(rows, bold = false) {
      const ws = sheet;
      const s = spec;
      if (!ws || !s) throw new Error('xlsx: rows before a sheet');
      const styles = s.columns.map((c) => (bold ? BOLD : PLAIN)[c.kind]);
      for (const row of rows) {
        const r = ws.addRow(s.columns.map((c) => xlsxCell(c.kind, valueOf(row, c.key))));
        // One style object per kind, shared by every cell: exceljs looks a known object's style
        // up by identity instead of serialising it again (a quarter of the writing time).
        for (const [i, style] of styles.entries()) {
          if (style) r.getCell(i + 1).style = style;
        }
        r.commit();
      }
      await drained(ws);
    },
    async close() {
      endSheet();
      await workbook.commit();
    },
    async abort() {
      try {
        endSheet();
        await workbook.commit();
      } catch {
        // The file is deleted anyway.
      }
    },
  };
}

function valueOf(row: ExportRow, key: string) {
  return row[key] ?? null;
}
