import { spawn } from 'node:child_process';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { makeTestApp, receptionCompany, START_MS } from '../../test-support';
import { twinTarget } from '../../test-twin';

const CHILD = path.join(__dirname, 'two-writers.child.ts');

/**
 * Two processes on the same database file (the office server and a desktop app, or two app
 * windows of a misconfigured install) submitting at the same moment: every submit succeeds and
 * every request gets its own code. Real processes: within one process better-sqlite3 blocks the
 * whole thread while it waits for a lock, so only two processes can show the race.
 */
describe('two writers on one database file', () => {
  it('submit concurrently without an error and without sharing a request code', async () => {
    const t = makeTestApp();
    const r = await receptionCompany(t);
    const count = 15;
    const target = twinTarget(t);
    const child = (tag: string) => {
      const proc = spawn(
        process.execPath,
        ['--import', 'tsx', CHILD, target, r.host.token, String(count), tag, String(START_MS)],
        { cwd: process.cwd(), stdio: ['pipe', 'pipe', 'pipe'], timeout: 60_000 },
      );
      let stdout = '';
      let stderr = '';
      proc.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
      const ready = new Promise<void>((resolve, reject) => {
        proc.stderr.on('data', (d: Buffer) => {
          stderr += d.toString();
          if (stderr.includes('ready')) resolve();
        });
        proc.on('exit', () => reject(new Error(`child ${tag} ended early: ${stderr}`)));
      });
      const done = new Promise<{ codes: string[]; errors: unknown[] }>((resolve, reject) =>
        proc.on('exit', (code) =>
          code === 0
            ? resolve(JSON.parse(stdout) as { codes: string[]; errors: unknown[] })
            : reject(new Error(`child ${tag} exited ${String(code)}: ${stderr}`)),
        ),
      );
      return { proc, ready, done };
    };
    const twins = [child('甲'), child('乙')];
    await Promise.all(twins.map((c) => c.ready));
    for (const c of twins) c.proc.stdin.end('go\n');
    const [a, b] = await Promise.all(twins.map((c) => c.done));
    if (!a || !b) throw new Error('two children expected');
    expect([...a.errors, ...b.errors]).toEqual([]);
    const codes = [...a.codes, ...b.codes];
    expect(codes).toHaveLength(2 * count);
    expect(new Set(codes).size).toBe(2 * count);
    expect(codes.sort()).toEqual(
      Array.from({ length: 2 * count }, (_, i) => `JD20261127-${String(i + 1).padStart(3, '0')}`),
    );
    expect(t.count('requests')).toBe(2 * count);
  }, 90_000);
});
