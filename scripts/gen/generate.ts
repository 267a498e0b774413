/**
 * A deterministic, realistic data generator: ten years of reception at a large headquarters
 * (`npm run gen`, scripts/gen/cli.ts). `generate()` fills an empty database that the app's own
 * migrations made with rows exactly as the app writes them: the company, `visits` reception
 * requests whose arrivals spread over the ten years before `nowMs` (plus ~1 % still to come), and
 * each request's life simulated under the app's own rules (the policy's pure functions, the
 * status machines) and cut at `nowMs`, so that recent requests wait in inboxes as they would that
 * day. Every account's password is `GEN_PASSWORD`: one Argon2id hash (`GEN_PASSWORD_HASH`) is
 * stored for all of them, so 200 users cost no 200 hashes.
 *
 * Pure function of (visits, seed, nowMs): seeded PRNGs and hashes only (no Math.random, no clock).
 * The one exception is a column the migrations write: policy_versions.created_at_ms is the time
 * the database was migrated (a trigger keeps policy versions immutable). 500,000 visits take about
 * two and a half minutes on two cores, plus `rebuildDerived`.
 *
 * The modules, in the order the run uses them:
 * - random.ts — seeded streams (one per purpose), stateless hashes, weighted picks;
 * - calendar.ts — company days (Asia/Shanghai, UTC+8), working days, office hours;
 * - writer.ts — statements, transactions, indexes dropped and made again, pragmas;
 * - company.ts — settings, departments, users and roles; delegations.ts — heads' stand-ins;
 * - organisations.ts — who visits and which department receives them;
 * - schedule.ts — the visits over the years: tier, arrival, when each request was created;
 * - records.ts — steps, events, notifications (and their reading), audit entries with sign-ins,
 *   queued so that ids follow time;
 * - requests.ts — one request per visit, from draft to now; bodies.ts — what the host fills in;
 *   lifecycle.ts — submission, the approval engine, decisions, cancellation;
 * - names.ts — the word lists.
 */
import type { Database } from 'better-sqlite3';
import type { Role } from '../../shared/auth/roles';
import { policySchema, type Policy } from '../../shared/policy';
import type { RequestStatus } from '../../shared/requests/lifecycle';
import { dayOf, dayStart, HOUR, YEARS } from './calendar';
import { hireCompany, sampleLogins, writeCompany } from './company';
import { addDelegations } from './delegations';
import { gatherOrganisations } from './organisations';
import { Rng, seedWord, STREAM } from './random';
import { Records } from './records';
import { createRequests } from './requests';
import { scheduleVisits } from './schedule';
import { Writer, type GeneratedTable } from './writer';

export { ADMIN_OFFICE_DEPARTMENT, COMPANY_NAME } from './company';
export type { GeneratedTable } from './writer';

/** Every generated account signs in with this password. */
export const GEN_PASSWORD = 'gen-password-1';
/**
 * Argon2id of GEN_PASSWORD with the app's parameters (main/domains/auth/passwords.ts), made once:
 * a fixed salt keeps the users table byte-identical between runs. The CLI verifies it.
 */
export const GEN_PASSWORD_HASH =
  '$argon2id$v=19$m=19456,t=2,p=1$+UFbFGOOHBpvBG0T+vS2kQ$Bg11jYsgn0sRRIuuRgARKuhX1PvTm5EZxrKE1Y1eI8I';
/** 2026-12-01 10:00 in Asia/Shanghai, a Tuesday. */
export const DEFAULT_NOW_MS = Date.parse('2026-12-01T02:00:00Z');

export interface GenerateOptions {
  visits: number;
  seed: number;
  /** "Now": the last ten years end here; nothing happens after it. */
  nowMs: number;
  onProgress?: (msg: string) => void;
  /** Stored for every user (default GEN_PASSWORD_HASH). Tests pass their cheap hasher's. */
  passwordHash?: string;
}

export interface GenerateStats {
  /** Rows written per table. */
  rows: Record<GeneratedTable, number>;
  /** Requests per status at `nowMs`. */
  statuses: Record<RequestStatus, number>;
  /** Milliseconds per phase. */
  ms: Record<string, number>;
  /** A few logins per role, for the CLI's summary. */
  logins: Partial<Record<Role, string[]>>;
}

/** Fills an empty database migrated by the app (openDatabase) with `visits` requests and their life. */
export function generate(sqlite: Database, options: GenerateOptions): GenerateStats {
  const { visits, seed, nowMs } = options;
  if (!Number.isInteger(visits) || visits < 1) throw new Error('visits must be a positive integer');
  if (!Number.isSafeInteger(seed)) throw new Error('seed must be an integer');
  const progress = options.onProgress ?? (() => undefined);
  const passwordHash = options.passwordHash ?? GEN_PASSWORD_HASH;
  const timing: Record<string, number> = {};
  let phaseStart = performance.now();
  const phase = (name: string) => {
    const t = performance.now();
    timing[name] = Math.round(t - phaseStart);
    phaseStart = t;
  };

  const count = (sql: string) => (sqlite.prepare(sql).get() as { n: number }).n;
  if (count('SELECT count(*) AS n FROM users') + count('SELECT count(*) AS n FROM requests') > 0) {
    throw new Error('generate() needs an empty database (migrated, no users, no requests)');
  }
  const policyRow = sqlite
    .prepare('SELECT version, policy FROM policy_versions ORDER BY version DESC LIMIT 1')
    .get() as { version: number; policy: string } | undefined;
  if (!policyRow) throw new Error('no policy version: is the database migrated?');
  const policy: Policy = policySchema.parse(JSON.parse(policyRow.policy));
  const policyVersion = policyRow.version;

  const writer = new Writer(sqlite);
  const today = dayOf(nowMs);
  const firstDay = today - Math.round(YEARS * 365.25);
  /**
   * The company was set up before the first request was filed: the first visits of the ten years
   * were announced up to 60 days ahead (see schedule.ts).
   */
  const t0 = dayStart(firstDay - 75) + 9 * HOUR;

  const company = hireCompany(seed, visits, t0, firstDay, nowMs);
  const records = new Records(seedWord(seed), nowMs, dayOf(t0), company.byId);
  writer.begin();
  writeCompany(company, t0, nowMs, passwordHash, writer, records);
  const delegateAt = addDelegations(company, seed, firstDay, nowMs, writer, records);
  phase('company');

  const organisations = gatherOrganisations(seed, visits);
  phase('organisations');

  const schedule = scheduleVisits(seed, visits, policy, nowMs, firstDay);
  phase('schedule');

  const requests = createRequests({
    rng: new Rng(seed, STREAM.requests),
    policy,
    policyVersion,
    nowMs,
    company,
    organisations,
    delegateAt,
    records,
    writer,
  });
  const write = writer.queued.bind(writer);
  const started = performance.now();
  const every = Math.max(1000, Math.min(50_000, Math.round(visits / 10)));
  for (let n = 0; n < visits; n++) {
    const visit = schedule.at(n);
    // Every day before this request's creation is final: its rows get their ids now.
    records.flushBefore(dayOf(visit.createdMs), write);
    requests.simulate(n + 1, visit);
    // Extension point. A later domain (bookings, front-desk arrivals, expense lines) adds its rows
    // here, from the request `simulate` returns as it stands at now (status, body, steps): in its
    // own module under scripts/gen/, drawing from its own stream (a new entry in STREAM,
    // random.ts, so that the existing streams draw exactly as before), its table's statement in
    // writer.ts (and in GeneratedTable), and rows that belong in time (events, notifications,
    // audit entries) through `records`, never earlier than the request's creation.
    writer.commitIfLarge();
    if ((n + 1) % every === 0 || n + 1 === visits) {
      const s = (performance.now() - started) / 1000;
      progress(
        `requests ${(n + 1).toLocaleString('en')}/${visits.toLocaleString('en')} · ${s.toFixed(1)} s · ` +
          `${Math.round((n + 1) / s).toLocaleString('en')} requests/s`,
      );
    }
  }
  records.flushAll(write);
  writer.commit();
  phase('requests');

  progress(`indexes (${writer.droppedIndexes})…`);
  writer.recreateIndexes();
  phase('indexes');

  progress('derived tables (rebuildDerived)…');
  writer.rebuildDerived();
  phase('derived');

  writer.restorePragmas();
  phase('pragmas');

  return {
    rows: writer.rows,
    statuses: requests.statuses,
    ms: timing,
    logins: sampleLogins(company, nowMs),
  };
}
