import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { openDatabase } from '../../../main/db/open';
import { makeTempDir } from '../../../main/test-support';
import { verifyAuditFile } from '../../audit-verify';
import { DEFAULT_NOW_MS, generate } from '../../gen/generate';
import { detectTamperings, linksOnlyVerifier, TAMPERINGS } from './harness';

describe('D5 harness', () => {
  it('finds every tampering with the real verifier, and a links-only verifier misses the edits', async () => {
    const dir = makeTempDir();
    const file = path.join(dir, 'small.db');
    const db = openDatabase(file);
    generate(db.sqlite, { visits: 10, seed: 3, nowMs: DEFAULT_NOW_MS, passwordHash: 'x' });
    db.sqlite.pragma('wal_checkpoint(TRUNCATE)');
    db.sqlite.close();
    db.lock?.release();
    expect((await verifyAuditFile(file)).broken).toBeNull();
    const quiet = () => undefined;
    expect(await detectTamperings(file, dir, verifyAuditFile, quiet)).toBe(TAMPERINGS.length);
    const weak = await detectTamperings(file, dir, linksOnlyVerifier, quiet);
    expect(weak).toBeLessThan(TAMPERINGS.length);
  }, 60_000);
});
