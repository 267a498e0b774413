/**
 * What happened to every call of a run, kept whole (a 60 s run is a few tens of thousands of
 * calls): percentiles are computed from the samples themselves rather than from a histogram, and
 * the fault run can sort its failures into "while the server was down" and "while it was up" once
 * it knows when the server was killed and when it was back.
 */

/** The kinds of call the report has a row for. */
export const KINDS = ['list', 'dossier', 'save', 'approve', 'check-in/out', 'finance'] as const;
export type Kind = (typeof KINDS)[number];

/** How one call ended. */
export type Outcome =
  | { type: 'ok'; status: number }
  /** A refusal the business rules give on purpose (another clerk decided the step first). */
  | { type: 'refused'; status: number; code: string }
  /** Any other answer outside 2xx. */
  | { type: 'http'; status: number; code: string }
  | { type: 'timeout' }
  | { type: 'connection'; code: string };

export interface Sample {
  op: string;
  kind: Kind;
  /** Milliseconds since the run started. */
  startMs: number;
  endMs: number;
  /**
   * Whether the latency counts: false for a connection's first call, whose time includes the TCP
   * and TLS handshakes a browser pays once.
   */
  timed: boolean;
  outcome: Outcome;
}

export class Recorder {
  readonly samples: Sample[] = [];
  /** Calls sent and never answered because the run ended (not errors, not acknowledged). */
  abandoned = 0;

  add(sample: Sample): void {
    this.samples.push(sample);
  }
}

export function percentile(sorted: readonly number[], p: number): number | null {
  if (sorted.length === 0) return null;
  // Nearest rank: the smallest value with at least p % of the samples at or below it.
  const rank = Math.max(1, Math.ceil((p / 100) * sorted.length));
  return sorted[rank - 1] ?? null;
}

export interface Summary {
  calls: number;
  ok: number;
  refused: number;
  /** Errors of calls that ended while the server was up (all of them outside the fault run). */
  errors: number;
  /** Errors of calls caught by the kill (the fault run only). */
  gapErrors: number;
  timeouts: number;
  connectionErrors: number;
  /** Non-2xx answers by status (refusals excluded). */
  statuses: Map<number, number>;
  /** Answers per second over the run. */
  perSecond: number;
  p50: number | null;
  p95: number | null;
  p99: number | null;
}

/**
 * `inGap` says whether a failed call belongs to the outage (the fault run); `seconds` is the
 * run's length for the rate.
 */
export function summarise(
  samples: readonly Sample[],
  seconds: number,
  inGap: (s: Sample) => boolean = () => false,
): Summary {
  const latencies: number[] = [];
  const statuses = new Map<number, number>();
  let ok = 0;
  let refused = 0;
  let errors = 0;
  let gapErrors = 0;
  let timeouts = 0;
  let connectionErrors = 0;
  let answered = 0;
  for (const s of samples) {
    const o = s.outcome;
    if (o.type === 'ok' || o.type === 'refused' || o.type === 'http') {
      answered++;
      if (s.timed) latencies.push(s.endMs - s.startMs);
    }
    if (o.type === 'ok') ok++;
    else if (o.type === 'refused') refused++;
    else {
      if (inGap(s)) gapErrors++;
      else errors++;
      if (o.type === 'http') statuses.set(o.status, (statuses.get(o.status) ?? 0) + 1);
      else if (o.type === 'timeout') timeouts++;
      else connectionErrors++;
    }
  }
  latencies.sort((a, b) => a - b);
  return {
    calls: samples.length,
    ok,
    refused,
    errors,
    gapErrors,
    timeouts,
    connectionErrors,
    statuses,
    perSecond: seconds > 0 ? answered / seconds : 0,
    p50: percentile(latencies, 50),
    p95: percentile(latencies, 95),
    p99: percentile(latencies, 99),
  };
}
