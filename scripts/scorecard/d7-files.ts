import fs from 'node:fs';
import path from 'node:path';
import { useCheapPasswords } from './cheap-passwords';
import { checkCsv, checkXlsx, formulaCases, runExportCases, unguardedFiles } from './files/formula';
import { runHostileNames } from './files/names';
import { scoreLine, type ScoreItem } from './types';

/**
 * D7: formula-looking texts (ASCII and full-width = + - @, after spaces, tab, CR) exported
 * through the real CSV and XLSX jobs come back guarded, with no formula cell; random hostile file
 * names through the real upload are stored under a safe display name or refused with a typed
 * error, and nothing is written outside the attachment folder. The self-test: an unguarded
 * writer's CSV and XLSX, and a careless upload that writes files under their names, are caught.
 */
export const item: ScoreItem = {
  id: 'D7',
  run: async ({ full, seed, log }) => {
    useCheapPasswords();
    const x = await runExportCases();
    log(
      `D7 exports: ${x.cases} cases; CSV found ${x.csv.found}, unguarded ${x.csv.unguarded.length}, ` +
        `altered ${x.csv.altered.length}; XLSX found ${x.xlsx.found}, formula cells ` +
        `${x.xlsx.formulaCells}, altered ${x.xlsx.altered.length}`,
    );
    for (const s of [...x.csv.unguarded, ...x.csv.altered].slice(0, 10)) log(`  CSV: ${s}`);
    for (const s of [...x.xlsx.unguarded, ...x.xlsx.altered].slice(0, 10)) log(`  XLSX: ${s}`);

    const count = full ? 10_000 : 2_000;
    const n = await runHostileNames({ count, seed });
    log(
      `D7 names: ${n.names} (seed ${seed}): stored ${n.stored}, refused ${n.refused}, ` +
        `unsafe display names ${n.unsafe.length}, unhandled ${n.unhandled.length}, ` +
        `written outside ${n.outside.length}, store files ${n.written}`,
    );
    for (const s of [...n.unsafe, ...n.unhandled, ...n.outside].slice(0, 10)) log(`  ${s}`);

    // Self-test: the checks catch a writer without the guard, and a careless upload.
    const cases = formulaCases();
    const bad = await unguardedFiles(cases);
    const badCsv = checkCsv(bad.csv, cases);
    const badXlsx = await checkXlsx(bad.xlsx, cases);
    const careless = await runHostileNames({
      count: 200,
      seed,
      careless: (dir, name, data) => {
        const p = path.join(dir, name);
        fs.mkdirSync(path.dirname(p), { recursive: true });
        fs.writeFileSync(p, data);
      },
    });
    const caught =
      badCsv.unguarded.length > 0 && badXlsx.formulaCells > 0 && careless.outside.length > 0;
    log(
      `D7 self-test: unguarded CSV ${badCsv.unguarded.length}/${badCsv.found} flagged, XLSX ` +
        `${badXlsx.formulaCells} formula cells; careless upload ${careless.outside.length} files outside`,
    );

    const exportsOk =
      x.cases > 0 &&
      x.csv.found === x.cases &&
      x.xlsx.found === x.cases &&
      x.csv.unguarded.length + x.csv.altered.length === 0 &&
      x.xlsx.unguarded.length + x.xlsx.altered.length === 0 &&
      x.xlsx.formulaCells === 0;
    const namesOk =
      n.names === count &&
      n.stored + n.refused + n.unhandled.length === n.names &&
      n.unhandled.length === 0 &&
      n.unsafe.length === 0 &&
      n.outside.length === 0 &&
      n.cwdMoved;
    return scoreLine(
      'D7',
      'exports',
      `${x.cases} formula cases: CSV ${x.csv.found - x.csv.unguarded.length}/${x.cases} escaped, ` +
        `XLSX ${x.xlsx.formulaCells} formula cells; ${n.names.toLocaleString('en')} hostile names ` +
        `(${n.stored} stored, ${n.refused} refused): ${n.outside.length} written outside, ` +
        `${n.unsafe.length} unsafe, ${n.unhandled.length} errors unhandled; unguarded writer ` +
        `${caught ? 'caught' : 'NOT caught'}`,
      exportsOk && namesOk && caught,
    );
  },
};
