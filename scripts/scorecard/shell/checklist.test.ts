import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it, vi } from 'vitest';
import { runChecklist } from './checklist';
import { PAYLOADS, payload } from './payloads';
import { disallowedUrls } from './urls';

const OUT = path.resolve(__dirname, '../../../out');
const built = fs.existsSync(path.join(OUT, 'renderer', 'index.html'));

describe('D6 inputs', () => {
  it('has at least 30 disallowed URLs and 50 payloads that fit a 50-character name', () => {
    expect(
      disallowedUrls(pathToFileURL('/app/out/renderer/index.html').href).length,
    ).toBeGreaterThanOrEqual(30);
    expect(PAYLOADS.length).toBeGreaterThanOrEqual(50);
    for (let i = 0; i < PAYLOADS.length; i++) {
      const p = payload(i, 'x61');
      expect([...p].length, p).toBeLessThanOrEqual(50);
      expect(p).toContain('x61');
    }
  });

  it('without a build, says to run npm run build', async () => {
    const empty = fs.mkdtempSync(path.join(os.tmpdir(), 'rm-d6-'));
    const r = await runChecklist({ outDir: empty });
    expect(r.missingBuild).toMatch(/run npm run build/);
    fs.rmSync(empty, { recursive: true });
  });
});

describe.runIf(built)('D6 checklist on the built app', () => {
  it('passes every named check and refuses every disallowed URL', async () => {
    vi.spyOn(console, 'warn').mockImplementation(() => {});
    const r = await runChecklist({ outDir: OUT });
    const failed = r.items.flatMap((i) => i.checks.filter((c) => !c.ok).map((c) => c.name));
    expect(failed).toEqual([]);
    expect(r.items.filter((i) => i.status === 'noted').every((i) => (i.note ?? '') !== '')).toBe(
      true,
    );
    expect(r.urls.refused).toBe(r.urls.total);
  });

  it('fails a weakened window', async () => {
    vi.spyOn(console, 'warn').mockImplementation(() => {});
    const r = await runChecklist(
      { outDir: OUT },
      { sandbox: false, contextIsolation: false, experimentalFeatures: true },
    );
    const failed = r.items.flatMap((i) => i.checks.filter((c) => !c.ok).map((c) => c.name));
    expect(failed.sort()).toEqual([
      'contextIsolation on',
      'experimentalFeatures not set',
      'sandbox on',
    ]);
  });
});
