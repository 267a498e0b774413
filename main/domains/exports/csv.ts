import fs from 'node:fs';
import { once } from 'node:events';
import { csvCell, csvLine } from '../../../shared/exports/cells';
import type { FileWriter, SheetSpec } from './writer';

/** Excel and WPS read a CSV as UTF-8 only when it starts with the byte order mark. */
const BOM = '\uFEFF';

/**
 * A CSV (UTF-8 with BOM, CRLF, RFC 4180 quoting): the first sheet only. Texts a spreadsheet would
 * take for a formula get a leading quote; money is exact yuan from integer fen. Waits for the disk
 * when the stream's buffer is full.
 */
export function csvWriter(file: string): FileWriter {
  const out = fs.createWriteStream(file, { encoding: 'utf8', mode: 0o600 });
  let failed: Error | null = null;
  out.on('error', (e) => {
    failed = e;
  });
  let spec: SheetSpec | null = null;

  const write = async (text: string) => {
    if (failed) throw failed;
    if (!out.write(text)) await once(out, 'drain');
  };

  return {
    sheets: false,
    async sheet(next) {
      if (spec) return;
      spec = next;
      await write(BOM + csvLine(next.headers));
    },
    async rows(rows) {
      const s = spec;
      if (!s) throw new Error('csv: rows before the header');
      let chunk = '';
      for (const row of rows) {
        chunk += csvLine(s.columns.map((c) => csvCell(c.kind, row[c.key] ?? null)));
      }
      await write(chunk);
    },
    async close() {
      if (failed) throw failed;
      out.end();
      await once(out, 'finish');
    },
    async abort() {
      out.destroy();
    },
  };
}
