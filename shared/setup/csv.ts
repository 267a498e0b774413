/**
 * Reading a CSV sheet's text (main decodes its bytes: see main/domains/setup/sheets.ts) as
 * RFC 4180 rows. Pure, so table-tested.
 */

/**
 * The delimiter of a sheet: a comma, unless the first line has tabs and no comma (Excel's
 * "Unicode text" and rows copied out of a spreadsheet are tab-separated).
 */
export function delimiterOf(text: string): ',' | '\t' {
  const end = text.search(/[\r\n]/);
  const first = end === -1 ? text : text.slice(0, end);
  return first.includes('\t') && !first.includes(',') ? '\t' : ',';
}

/**
 * RFC 4180 rows: fields split by the delimiter, quoted fields may hold delimiters, line breaks
 * and doubled quotes; records end with CRLF, LF or CR. A BOM left at the start is dropped. A
 * quote inside an unquoted field is kept as written (Excel does the same), and an unclosed quote
 * runs to the end of the text rather than failing.
 */
export function parseCsv(input: string, delimiter: ',' | '\t' = delimiterOf(input)): string[][] {
  const text = input.startsWith('\uFEFF') ? input.slice(1) : input;
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  let i = 0;
  const endField = () => {
    row.push(field);
    field = '';
  };
  const endRow = () => {
    endField();
    rows.push(row);
    row = [];
  };
  while (i < text.length) {
    const c = text[i]!;
    if (quoted) {
      if (c === '"') {
        if (text[i + 1] === '"') {
          field += '"';
          i += 2;
          continue;
        }
        quoted = false;
      } else {
        field += c;
      }
      i++;
      continue;
    }
    if (c === '"' && field === '') {
      quoted = true;
    } else if (c === delimiter) {
      endField();
    } else if (c === '\r' || c === '\n') {
      endRow();
      if (c === '\r' && text[i + 1] === '\n') i++;
    } else {
      field += c;
    }
    i++;
  }
  // The last record, unless the text ended with its line break.
  if (field !== '' || row.length > 0 || quoted) endRow();
  return rows;
}
