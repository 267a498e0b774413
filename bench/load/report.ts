import os from 'node:os';
import type { AutocannonResult } from 'autocannon';
import { GROUPS, MIX, OP_KIND, plannedKinds, type Group, type LoadOp } from './mix';
import type { FaultFigures } from './run-faults';
import { KINDS, summarise, type Sample, type Summary } from './stats';
import type { VerifyResult } from './stores';

/**
 * The printed report. Every table has a column group per store ("store: sqlite"), so PostgreSQL
 * is one more group beside it, row for row.
 */

export interface MainFigures {
  seconds: number;
  users: number;
  samples: readonly Sample[];
  abandoned: number;
  autocannon: AutocannonResult;
  /** Calls sent as a read because a queue ran out, by role. */
  fallbacks: Map<string, number>;
  /** Cores used over the run: the server process, this process (autocannon and the users). */
  serverCores: number | null;
  loadCores: number;
  /** The machine's 1-minute load average at the end of the run. */
  loadAverage: number;
  verify: VerifyResult;
}

export interface StoreReport {
  store: string;
  server: string;
  phases: [string, number][];
  main: MainFigures | null;
  faults:
    (FaultFigures & { samples: readonly Sample[]; abandoned: number; verify: VerifyResult }) | null;
}

const int = (n: number) => Math.round(n).toLocaleString('en');
const ms = (n: number | null) => (n === null ? '—' : n < 100 ? n.toFixed(1) : int(n));
const secs = (milliseconds: number) => `${(milliseconds / 1000).toFixed(1)} s`;

/** A table: a label column, then one group of columns per store. */
export function grid(
  title: string,
  labels: readonly string[],
  groups: readonly {
    name: string;
    header: readonly string[];
    rows: readonly (readonly string[])[];
  }[],
  /** Text cells (facts) read better flush left; figures are right-aligned. */
  align: 'right' | 'left' = 'right',
): string {
  const pad = (v: string, w: number) => (align === 'right' ? v.padStart(w) : v.padEnd(w));
  const labelWidth = Math.max(title.length, ...labels.map((l) => l.length));
  const widths = groups.map((g) =>
    g.header.map((h, c) => Math.max(h.length, ...g.rows.map((r) => (r[c] ?? '').length))),
  );
  const groupWidth = (i: number) =>
    (widths[i] ?? []).reduce((n, w) => n + w, 0) + 2 * ((widths[i]?.length ?? 1) - 1);
  const line = (label: string, cells: (i: number) => string) =>
    `${label.padEnd(labelWidth)} │ ${groups.map((_, i) => cells(i)).join(' │ ')}`.trimEnd();
  const out = [
    line(title, (i) => `store: ${groups[i]?.name ?? ''}`.padEnd(groupWidth(i))),
    line('', (i) =>
      (groups[i]?.header ?? []).map((h, c) => pad(h, widths[i]?.[c] ?? 0)).join('  '),
    ),
  ];
  labels.forEach((label, r) =>
    out.push(
      line(label, (i) =>
        (groups[i]?.rows[r] ?? []).map((v, c) => pad(v, widths[i]?.[c] ?? 0)).join('  '),
      ),
    ),
  );
  return out.join('\n');
}

const METRICS = ['calls', 'req/s', 'p50 ms', 'p95 ms', 'p99 ms', 'refused', 'errors'];

function metricRow(s: Summary, gap: boolean): string[] {
  return [
    int(s.calls),
    s.perSecond.toFixed(1),
    ms(s.p50),
    ms(s.p95),
    ms(s.p99),
    int(s.refused),
    gap ? `${int(s.errors)} (+${int(s.gapErrors)} gap)` : int(s.errors),
  ];
}

/** Rows: each kind, its operations beneath it when it has several, then the total. */
function callTable(
  title: string,
  stores: readonly {
    name: string;
    samples: readonly Sample[];
    seconds: number;
    inGap?: (s: Sample) => boolean;
  }[],
): string {
  const ops = Object.keys(OP_KIND) as LoadOp[];
  const rows: { label: string; pick: (s: Sample) => boolean }[] = [];
  for (const kind of KINDS) {
    rows.push({ label: kind, pick: (s) => s.kind === kind });
    const mine = ops.filter((o) => OP_KIND[o] === kind);
    if (mine.length > 1)
      for (const op of mine) rows.push({ label: `  ${op}`, pick: (s) => s.op === op });
  }
  rows.push({ label: 'total', pick: () => true });
  return grid(
    title,
    rows.map((r) => r.label),
    stores.map((st) => ({
      name: st.name,
      header: METRICS,
      rows: rows.map((r) =>
        metricRow(
          summarise(st.samples.filter(r.pick), st.seconds, st.inGap),
          st.inGap !== undefined,
        ),
      ),
    })),
  );
}

/** Non-2xx answers and failures by operation (by failure alone during the outage). */
function errorDetail(samples: readonly Sample[], inGap?: (s: Sample) => boolean): string[] {
  const counts = new Map<string, number>();
  for (const s of samples) {
    const o = s.outcome;
    if (o.type === 'ok') continue;
    const what =
      o.type === 'refused' || o.type === 'http'
        ? `${o.status} ${o.code || '(no code)'}${o.type === 'refused' ? ' (refusal)' : ''}`
        : o.type === 'timeout'
          ? 'timeout'
          : `connection ${o.code}`;
    // While the server was down every kind of call fails alike: one line per failure there.
    const key = inGap?.(s) ? `(any call while down) ${what}` : `${s.op} ${what}`;
    counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  return [...counts].sort((a, b) => b[1] - a[1]).map(([k, n]) => `  ${k} ×${n}`);
}

/** Answers per 5-second window: a stall (the server's or the machine's) shows as a dip. */
function timeline(samples: readonly Sample[], seconds: number): string {
  const buckets = new Array<number>(Math.max(1, Math.round(seconds / 5))).fill(0);
  for (const s of samples) {
    if (s.outcome.type === 'timeout' || s.outcome.type === 'connection') continue;
    const i = Math.min(buckets.length - 1, Math.floor(s.endMs / 5000));
    buckets[i] = (buckets[i] ?? 0) + 1;
  }
  return buckets.join(' ');
}

export function describeMix(counts: Record<Group, number>): string[] {
  const lines = GROUPS.filter((g) => counts[g] > 0).map(
    (g) =>
      `  ${`${g} ×${counts[g]}`.padEnd(17)} ${MIX[g].map(([op, w]) => `${op} ${w}`).join(' · ')}`,
  );
  const planned = plannedKinds(counts);
  lines.push(
    `  planned by kind: ${KINDS.map((k) => `${k} ${Math.round((planned.get(k) ?? 0) * 100)}%`).join(' · ')}`,
  );
  return lines;
}

/**
 * Closed loop, no think time: the mean latency is users ÷ throughput whatever the server does. What
 * that time is made of depends on the server process: using about one core (Node runs the app on
 * one thread), it is mostly waiting behind other calls, and the throughput is what the server can
 * do; using less while the machine had more runnable work than CPUs, the server waited for a CPU
 * and the figures are the machine's; otherwise the calls themselves take the time.
 */
function saturation(m: MainFigures): string {
  const total = summarise(m.samples, m.seconds);
  const wait = total.perSecond > 0 ? (m.users / total.perSecond) * 1000 : 0;
  const cores = m.serverCores ?? 0;
  const cpus = os.cpus().length;
  const why =
    cores >= 0.8
      ? 'the server thread was busy all along: latency is mostly queueing behind other calls'
      : m.loadAverage >= cpus
        ? `the server got ${cores.toFixed(2)} of a core on a machine with more work than CPUs: ` +
          'the figures are bounded by the machine'
        : 'the server thread had idle time: latency is mostly the calls themselves';
  return `${m.users} users ÷ ${total.perSecond.toFixed(1)} req/s = ${int(wait)} ms a call on average; ${why}`;
}

const acks = (v: VerifyResult) =>
  `acknowledged ${int(v.acknowledged)}, present ${int(v.present)}, lost ${int(v.lost.length)}`;

export function printReport(reports: readonly StoreReport[], say: (line: string) => void): void {
  const withMain = reports.filter((r) => r.main);
  if (withMain.length > 0) {
    const seconds = withMain[0]?.main?.seconds ?? 0;
    say('');
    say(
      callTable(
        `Main run (${seconds.toFixed(1)} s)`,
        withMain.map((r) => ({
          name: r.store,
          samples: r.main?.samples ?? [],
          seconds: r.main?.seconds ?? 1,
        })),
      ),
    );
    say(
      'latencies: answered calls, from the request written to the answer read; req/s: answers per second',
    );
    say('errors: answers outside 2xx other than refusals, timeouts (10 s), connection errors');
    for (const r of withMain) {
      if (r.main)
        say(`${r.store}: answers per 5 s, in order: ${timeline(r.main.samples, r.main.seconds)}`);
    }
    for (const r of withMain) {
      const m = r.main;
      if (!m) continue;
      const detail = errorDetail(m.samples);
      if (detail.length > 0) say(`${r.store}: not 2xx —\n${detail.join('\n')}`);
    }
    say('');
    say(
      grid(
        'Main run, facts',
        [
          'autocannon (its own count)',
          'CPU used (cores; the machine has its own load)',
          'reading the latencies',
          'queue ran out → read instead',
          'cut off by the end of the run',
          'writes (2xx) in the database',
        ],
        withMain.map((r) => {
          const m = r.main as MainFigures;
          const a = m.autocannon;
          return {
            name: r.store,
            header: [''],
            rows: [
              [
                `${int(a['2xx'] + a.non2xx)} answers (non-2xx ${int(a.non2xx)}), ${int(a.errors)} errors (${int(a.timeouts)} timeouts), latency p50 ${ms(a.latency.p50)} / p99 ${ms(a.latency.p99)} ms`,
              ],
              [
                `server ${m.serverCores === null ? '?' : m.serverCores.toFixed(2)}, load generator ${m.loadCores.toFixed(2)}; ` +
                  `load average ${m.loadAverage.toFixed(1)} on ${os.cpus().length} CPUs`,
              ],
              [saturation(m)],
              [
                m.fallbacks.size === 0
                  ? 'never'
                  : `${int([...m.fallbacks.values()].reduce((a, b) => a + b, 0))} calls (${[
                      ...m.fallbacks,
                    ]
                      .map(([g, n]) => `${g} ${n}`)
                      .join(', ')})`,
              ],
              [`${int(m.abandoned)} calls`],
              [acks(m.verify)],
            ],
          };
        }),
        'left',
      ),
    );
  }
  const withFaults = reports.filter((r) => r.faults);
  if (withFaults.length > 0) {
    const f0 = withFaults[0]?.faults;
    say('');
    say(
      callTable(
        `Fault run (${(f0?.seconds ?? 0).toFixed(1)} s)`,
        withFaults.map((r) => ({
          name: r.store,
          samples: r.faults?.samples ?? [],
          seconds: r.faults?.seconds ?? 1,
          inGap: r.faults?.inGap ?? (() => false),
        })),
      ),
    );
    for (const r of withFaults) {
      const f = r.faults;
      if (!f) continue;
      const detail = errorDetail(f.samples, f.inGap);
      if (detail.length > 0) say(`${r.store}: not 2xx —\n${detail.join('\n')}`);
    }
    say('');
    say(
      grid(
        'Fault: SIGKILL, restart on the same file and port',
        [
          'killed at',
          'kill → exit seen by the load process',
          'spawn → /api/ready 200 (polled)',
          'kill → first 2xx answer',
          'spawn → first 2xx answer',
          'users with a 2xx after the kill',
          'gap: failed calls (conn / timeout / 5xx)',
          'up: errors (before the kill, after ready)',
          'writes retried with the same key',
          'writes abandoned (not acknowledged)',
          'acknowledged writes in the database',
        ],
        withFaults.map((r) => {
          const f = r.faults as NonNullable<StoreReport['faults']>;
          const gap = f.samples.filter(
            (s) => s.outcome.type !== 'ok' && s.outcome.type !== 'refused' && f.inGap(s),
          );
          const count = (t: string) => gap.filter((s) => s.outcome.type === t).length;
          const up = summarise(f.samples, f.seconds, f.inGap);
          return {
            name: r.store,
            header: [''],
            rows: [
              [secs(f.killAtMs)],
              [`${int(f.exitedAtMs - f.killAtMs)} ms`],
              [`${int(f.restartMs)} ms`],
              [f.firstOkAfterKillMs === null ? 'none' : `${int(f.firstOkAfterKillMs)} ms`],
              [
                f.firstOkAfterKillMs === null
                  ? 'none'
                  : `${int(f.firstOkAfterKillMs - (f.exitedAtMs - f.killAtMs))} ms`,
              ],
              [`${f.usersBack}/${f.users}`],
              [
                `${int(gap.length)} (${count('connection')} / ${count('timeout')} / ${gap.filter((s) => s.outcome.type === 'http' && s.outcome.status >= 500).length})`,
              ],
              [int(up.errors)],
              [int(f.retries)],
              [int(f.abandoned)],
              [acks(f.verify)],
            ],
          };
        }),
        'left',
      ),
    );
  }
  say('');
  for (const r of reports) {
    say(`phases (${r.store}): ${r.phases.map(([name, t]) => `${name} ${secs(t)}`).join(' · ')}`);
  }
}
