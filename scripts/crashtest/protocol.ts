/**
 * What the crash test's parent and child say to each other. The child gets one JSON line on
 * stdin (`ChildArgs`) and writes one JSON line per event on stdout, each written synchronously (the
 * line is in the pipe before the next statement runs), so a line the parent reads was written
 * before the kill. A write is acknowledged only after its commit returned (`--broken`: after the
 * first of the two commits it is split into, which the harness must catch).
 */
import type { CrashCompany } from './company';

export type TrialKind = 'writes' | 'migration' | 'backup' | 'purge';

export interface ChildArgs {
  kind: TrialKind;
  file: string;
  /** The company's sessions (not used by a migration trial, whose database is an old one). */
  company: CrashCompany;
  seed: number;
  /** Split every write transaction in two and acknowledge after the first commit. */
  broken: boolean;
  /** Write each backup straight under its own name (no partial name, no rename). */
  brokenBackup: boolean;
  /** Stop after this many writes (calibration); null: until killed. */
  ops: number | null;
  /** The app's clock (frozen): sessions in the template were opened at this time. */
  clockMs: number;
  /** Backup trials: where the copies go. */
  backupDir: string;
}

/** One logical write, each checkable for completeness by its marker (checks.ts). */
export type WriteAck =
  /** requests.submit of a request named `m` with `n` visitors named `${m}·${i}`. */
  | { k: 'submit'; m: string; n: number }
  /** approvals.decide of a step, with comment `m`. */
  | { k: 'decide'; m: string }
  /** expenses.saveLine of a new line with note `m`. */
  | { k: 'line'; m: string };

export type ChildEvent =
  | WriteAck
  /** The app is open (writes trials: the first write follows). */
  | { k: 'ready' }
  /** A migration (before opening) or a purge is about to start. */
  | { k: 'start' }
  /** A backup is complete under its own name; `before`: write acks sent before it started. */
  | { k: 'backup'; file: string; before: number }
  /** The work is over (calibration runs, or the migration and purge). */
  | { k: 'done'; ms: number };

export const isWriteAck = (e: ChildEvent): e is WriteAck =>
  e.k === 'submit' || e.k === 'decide' || e.k === 'line';
