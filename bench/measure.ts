import { performance } from 'node:perf_hooks';

/** One figure of the bench: the app's call and, beside it, the best hand-written SQL. */
export interface Figure {
  name: string;
  p50_ms: number;
  p95_ms: number;
  max_ms: number;
  raw_p50_ms: number | null;
  raw_p95_ms: number | null;
  /** App p95 over raw p95. */
  ratio: number | null;
  calls: number;
  /** Rows or items the call returned (the same for both sides). */
  rows?: number;
}

const percentile = (sorted: number[], p: number) =>
  sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? NaN;

const round = (ms: number) => Math.round(ms * 1000) / 1000;

async function sample(fn: () => unknown, calls: number): Promise<number[]> {
  const out: number[] = [];
  for (let i = 0; i < calls; i++) {
    const t0 = performance.now();
    await fn();
    out.push(performance.now() - t0);
  }
  return out;
}

/**
 * `calls` timed calls per round, `rounds` rounds, the app and the raw SQL alternating round by
 * round so that both meet the same cache and machine state. One warm-up call each.
 */
export async function measure(
  name: string,
  app: () => unknown,
  raw: (() => unknown) | null,
  { calls, rounds }: { calls: number; rounds: number },
): Promise<Figure> {
  await app();
  if (raw) raw();
  const a: number[] = [];
  const r: number[] = [];
  for (let i = 0; i < rounds; i++) {
    a.push(...(await sample(app, calls)));
    if (raw) r.push(...(await sample(raw, calls)));
  }
  a.sort((x, y) => x - y);
  r.sort((x, y) => x - y);
  const p95 = percentile(a, 95);
  const rawP95 = raw ? percentile(r, 95) : null;
  return {
    name,
    p50_ms: round(percentile(a, 50)),
    p95_ms: round(p95),
    max_ms: round(a[a.length - 1] ?? NaN),
    raw_p50_ms: raw ? round(percentile(r, 50)) : null,
    raw_p95_ms: rawP95 === null ? null : round(rawP95),
    ratio: rawP95 === null ? null : Math.round((p95 / rawP95) * 100) / 100,
    calls: a.length,
  };
}

/** One line per figure: `list.all p95_ms=4.1 raw_p95_ms=3.6 ratio=1.14 …`. */
export function line(f: Figure): string {
  const parts = [
    f.name.padEnd(34),
    `p50_ms=${f.p50_ms}`,
    `p95_ms=${f.p95_ms}`,
    `max_ms=${f.max_ms}`,
  ];
  if (f.raw_p95_ms !== null) {
    parts.push(`raw_p50_ms=${f.raw_p50_ms}`, `raw_p95_ms=${f.raw_p95_ms}`, `ratio=${f.ratio}`);
  }
  if (f.rows !== undefined) parts.push(`rows=${f.rows}`);
  return parts.join(' ');
}
