/**
 * One item of the reliability scorecard (issue 13): it runs its checks at the size asked and
 * returns the one line the scorecard prints, e.g.
 * `D1 crash: 50/50 trials ok; lost 0; partial 0; integrity failures 0 — pass`.
 */
export interface ScoreOptions {
  /** `--full`: the sizes of the "done when" (200 crash trials, 10,000 fuzz runs, …). */
  full: boolean;
  /** Every random choice derives from it, so a failure can be replayed with `--seed`. */
  seed: number;
  /** The figures behind the line and any problem found, for the person reading (stderr). */
  log: (line: string) => void;
}

export interface ScoreResult {
  /** The line as printed, ending in `— pass` or `— FAIL`. */
  line: string;
  pass: boolean;
}

export type ScoreItemId = 'D1' | 'D2' | 'D3' | 'D4' | 'D5' | 'D6' | 'D7' | 'D8' | 'D9';

export interface ScoreItem {
  id: ScoreItemId;
  run: (options: ScoreOptions) => Promise<ScoreResult>;
}

/** The line of an item: its figures, then the verdict. */
export function scoreLine(
  id: ScoreItemId,
  title: string,
  figures: string,
  pass: boolean,
): ScoreResult {
  return { line: `${id} ${title}: ${figures} — ${pass ? 'pass' : 'FAIL'}`, pass };
}
