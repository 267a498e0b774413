import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { useCheapPasswords } from './cheap-passwords';
import { runPrivacy } from './privacy/harness';
import { scoreLine, type ScoreItem } from './types';

/**
 * D8: after the retention period no copy of a purged visitor (name, phone, ID number, in any
 * encoding the files could hold) in the database, its WAL and -shm files or the kept backups;
 * and no whole phone or ID number in any list or export, as any role. The harness proves it can
 * fail: with the purge skipped, or secure_delete off, the scan must find copies.
 */
export const item: ScoreItem = {
  id: 'D8',
  run: async ({ full, log }) => {
    useCheapPasswords();
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'rm-d8-'));
    try {
      const r = await runPrivacy({ visits: full ? 60 : 12, dir, log });
      const { scan, mask } = r;
      for (const h of scan.hits.slice(0, 20)) {
        log(`D8 copy: ${path.basename(h.file)} @${h.offset} ${h.form} of ${h.secret}`);
      }
      const byList = new Map<string, { n: number; example: string }>();
      for (const f of mask.findings) {
        const k = f.where.split('.').slice(0, 2).join('.');
        const e = byList.get(k) ?? { n: 0, example: f.value.slice(0, 80) };
        byList.set(k, { ...e, n: e.n + 1 });
      }
      for (const [k, e] of byList) log(`D8 unmasked: ${e.n} in ${k}, e.g. ${e.example}`);
      const missed = r.selfTests.filter((t) => t.copies === 0).map((t) => t.variant);
      if (missed.length > 0) log(`D8 self-test: no copy found with ${missed.join(', ')}`);
      const mb = (scan.bytes / 1_048_576).toFixed(1);
      const pass =
        scan.copies === 0 &&
        scan.keptFound === scan.keptTotal &&
        mask.findings.length === 0 &&
        mask.values > 0 &&
        r.selfTests.length > 0 &&
        missed.length === 0;
      const label = {
        purge: 'purge',
        'no-purge': 'no purge',
        'no-secure-delete': 'secure_delete off',
      };
      const caught = r.selfTests.map((t) => `${label[t.variant]} ${t.copies}`).join(', ');
      const n = (x: number) => x.toLocaleString('en-US');
      return scoreLine(
        'D8',
        'privacy',
        `${r.purgedNames} purged names, ${scan.copies} copies in db/wal/backups ` +
          `(${scan.files} files, ${mb} MB scanned; ${scan.backupsRemoved} expired backups removed); ` +
          `${mask.findings.length} unmasked IDs or phones in ${mask.lists} lists and ` +
          `${mask.exports} exports (${n(mask.answers)} answers, ${n(mask.values)} values); ` +
          `self-test copies found with ${caught}`,
        pass,
      );
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  },
};
