/**
 * D3's run: seeds the company once, then fuzzes every operation, split over as many worker
 * processes as the machine has cores (at most `workers`), and sums the figures.
 */
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createApp } from '../../../main/app';
import type { OperationName } from '../../../shared/contract/names';
import { FUZZ_CLOCK_MS, seedFuzzCompany, type FuzzCompany } from './company';
import { allOperations, fuzzOps, scratchRoot, type OpStats } from './harness';

export interface FuzzTotals {
  operations: number;
  calls: number;
  accepted: number;
  rejected: number;
  unhandled: number;
  changed: number;
  byDesign: number;
  ops: OpStats[];
}

export async function seedFile(dir: string): Promise<{ file: string; company: FuzzCompany }> {
  const file = path.join(dir, 'seed.db');
  const app = createApp(file, { clock: () => FUZZ_CLOCK_MS });
  const company = await seedFuzzCompany(app);
  app.sqlite.pragma('wal_checkpoint(TRUNCATE)');
  await app.close();
  return { file, company };
}

function runWorker(args: object, log: (line: string) => void): Promise<OpStats[]> {
  const tsx = path.resolve(__dirname, '../../../node_modules/.bin/tsx');
  return new Promise((resolve, reject) => {
    const child = spawn(tsx, [path.join(__dirname, 'worker.ts'), JSON.stringify(args)], {
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    child.stdout.on('data', (d: Buffer) => (out += d.toString()));
    child.stderr.on('data', (d: Buffer) => log(d.toString().trimEnd()));
    child.on('close', (code) => {
      const line = out.split('\n').find((l) => l.startsWith('FUZZ '));
      if (!line) reject(new Error(`fuzz worker ended without a result (exit ${code})`));
      else resolve(JSON.parse(line.slice('FUZZ '.length)) as OpStats[]);
    });
  });
}

export function totals(ops: OpStats[]): FuzzTotals {
  const sum = (k: 'calls' | 'accepted' | 'rejected' | 'unhandled' | 'changed' | 'byDesign') =>
    ops.reduce((n, s) => n + s[k], 0);
  return {
    operations: ops.length,
    calls: sum('calls'),
    accepted: sum('accepted'),
    rejected: sum('rejected'),
    unhandled: sum('unhandled'),
    changed: sum('changed'),
    byDesign: sum('byDesign'),
    ops,
  };
}

export async function runFuzz(o: {
  runs: number;
  seed: number;
  ops?: OperationName[];
  /** Worker processes; 0 fuzzes in this process (unit tests: a broken handler patched in). */
  workers?: number;
  /** Runs once the company is seeded, before any fuzzing (self-tests patch a handler here). */
  afterSeed?: () => void;
  log: (line: string) => void;
}): Promise<FuzzTotals> {
  const dir = fs.mkdtempSync(path.join(scratchRoot(), 'rm-fuzz-'));
  try {
    const { file, company } = await seedFile(dir);
    o.afterSeed?.();
    const ops = o.ops ?? allOperations();
    const workers = Math.min(o.workers ?? os.availableParallelism(), ops.length);
    if (workers <= 0) {
      return totals(
        await fuzzOps({ seedFile: file, company, ops, runs: o.runs, seed: o.seed, log: o.log }),
      );
    }
    // Interleaved, so that each worker gets its share of the slow operations of every domain.
    const shares = Array.from({ length: workers }, (_, w) =>
      ops.filter((_op, i) => i % workers === w),
    );
    const parts = await Promise.all(
      shares.map((share) =>
        runWorker({ seedFile: file, company, ops: share, runs: o.runs, seed: o.seed }, o.log),
      ),
    );
    const byName = new Map(parts.flat().map((s) => [s.op, s]));
    return totals(ops.map((op) => byName.get(op)!));
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
