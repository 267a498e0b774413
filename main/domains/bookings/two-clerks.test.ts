import { spawn } from 'node:child_process';
import path from 'node:path';
import readline from 'node:readline';
import { describe, expect, it } from 'vitest';
import type { OpInput } from '../../../shared/contract/operations';
import type { Result } from '../../../shared/result';
import { makeTestApp, signedInUser, START_MS } from '../../test-support';
import { twinTarget } from '../../test-twin';
import { bookingCompany, filedRequest, fullNeedsBody } from './test-company';

const CHILD = path.join(__dirname, 'two-clerks.child.ts');
const MIN = 60_000;
const ROUNDS = 100;
/** 2026-11-28 08:00 in Shanghai; round i books from BASE + i × 4 h, through the month end. */
const BASE_MS = Date.UTC(2026, 10, 28, 0, 0);
const ROUND_MS = 4 * 60 * MIN;

type Detail = OpInput<'bookings.save'>['detail'];

interface Answer {
  round: number;
  result: Result<{ id: number; requestCode: string; status: string }>;
  startedMs: number;
  endedMs: number;
}

/** Shanghai wall date and time of an instant (UTC+8). */
function wall(ms: number) {
  const iso = new Date(ms + 8 * 60 * MIN).toISOString();
  return { date: iso.slice(0, 10), time: iso.slice(11, 16) };
}

/** One clerk: a process on the same file, answering each call it is sent with one line. */
function clerk(file: string, token: string, tag: string) {
  const proc = spawn(process.execPath, ['--import', 'tsx', CHILD, file, token, String(START_MS)], {
    cwd: process.cwd(),
    stdio: ['pipe', 'pipe', 'pipe'],
    timeout: 120_000,
  });
  let stderr = '';
  const waiting: { resolve: (a: Answer) => void; reject: (e: Error) => void }[] = [];
  let failed: Error | null = null;
  const ready = new Promise<void>((resolve, reject) => {
    proc.stderr.on('data', (d: Buffer) => {
      stderr += d.toString();
      if (stderr.includes('ready')) resolve();
    });
    proc.on('exit', (code) => reject(new Error(`clerk ${tag} exited ${String(code)}: ${stderr}`)));
  });
  const exited = new Promise<number | null>((resolve) => proc.on('exit', resolve));
  proc.on('exit', (code) => {
    failed = new Error(`clerk ${tag} exited ${String(code)}: ${stderr}`);
    for (const w of waiting.splice(0)) w.reject(failed);
  });
  // Answers come in the order the calls were sent: one call at a time per clerk.
  readline.createInterface({ input: proc.stdout }).on('line', (line) => {
    waiting.shift()?.resolve(JSON.parse(line) as Answer);
  });
  return {
    ready,
    /** Sends a call now; the promise is its answer. */
    send(round: number, op: string, input: unknown): Promise<Answer> {
      if (failed) return Promise.reject(failed);
      const answer = new Promise<Answer>((resolve, reject) => waiting.push({ resolve, reject }));
      proc.stdin.write(`${JSON.stringify({ round, op, input })}\n`);
      return answer;
    },
    async end() {
      proc.stdin.end();
      return exited;
    },
    stderr: () => stderr,
  };
}

/**
 * Two clerks in two processes on one database file (the office server and a desktop app, or two
 * app windows) confirm the same car for overlapping times at the same moment, 100 times: each
 * round on its own time slot, both processes sent the round's call together and the next round
 * only when both have answered. Exactly one wins each round; the other is told, as a conflict,
 * which request holds the car; never an internal error; one confirmed booking per round. Half the
 * rounds confirm by `bookings.save`, half by `bookings.setStatus` on tentative bookings made
 * beforehand; every fourth round both clerks book for the same request.
 */
describe('two clerks racing for one car', () => {
  it('exactly one wins each of 100 rounds; the other gets the conflict, never a 500', async () => {
    const t = makeTestApp();
    const c = await bookingCompany(t);
    const second = await signedInUser(t, c.r.admin.token, {
      login: 'office2',
      displayName: '陈行政',
      roles: ['admin_office'],
    });
    const requestA = await filedRequest(t, c.r);
    const requestB = await filedRequest(t, c.r, fullNeedsBody({ orgName: '苏州远航电子有限公司' }));
    const clerks = [
      { token: c.r.office.token, driverId: c.driverA.id },
      { token: second.token, driverId: c.driverB.id },
    ];

    // The car, the clerk's own driver, and overlapping hours: clerk 0 from the round's start for
    // an hour, clerk 1 half an hour later (the other way round in odd rounds).
    const detail = (round: number, who: number): Detail => {
      const offset = (round + who) % 2 === 0 ? 0 : 30 * MIN;
      const s = wall(BASE_MS + round * ROUND_MS + offset);
      const e = wall(BASE_MS + round * ROUND_MS + offset + 60 * MIN);
      return {
        kind: 'car',
        carKind: 'transfer',
        vehicleId: c.sedan.id,
        driverId: clerks[who]!.driverId,
        from: '公司',
        to: '工厂',
        passengers: 2,
        transportNo: '',
        startDate: s.date,
        startTime: s.time,
        endDate: e.date,
        endTime: e.time,
      };
    };
    const requestOf = (round: number, who: number) =>
      round % 4 === 3 || who === 0 ? requestA : requestB;
    const bySetStatus = (round: number) => round % 2 === 1;

    // The tentative bookings the setStatus rounds confirm (tentative ones may overlap).
    const tentative = new Map<string, { id: number; version: number }>();
    for (let round = 0; round < ROUNDS; round++) {
      if (!bySetStatus(round)) continue;
      for (const who of [0, 1]) {
        const b = await t.ok(
          'bookings.save',
          {
            id: null,
            version: null,
            requestId: requestOf(round, who).id,
            needKey: null,
            status: 'tentative',
            detail: detail(round, who),
          },
          clerks[who]!.token,
        );
        tentative.set(`${round}:${who}`, { id: b.id, version: b.version });
      }
    }

    const target = twinTarget(t);
    const procs = clerks.map((k, who) => clerk(target, k.token, String(who)));
    try {
      await Promise.all(procs.map((p) => p.ready));
      let overlapped = 0;
      const problems: string[] = [];
      for (let round = 0; round < ROUNDS; round++) {
        const call = (who: number) =>
          bySetStatus(round)
            ? {
                op: 'bookings.setStatus',
                input: { ...tentative.get(`${round}:${who}`), status: 'confirmed' },
              }
            : {
                op: 'bookings.save',
                input: {
                  id: null,
                  version: null,
                  requestId: requestOf(round, who).id,
                  needKey: null,
                  status: 'confirmed',
                  detail: detail(round, who),
                },
              };
        const calls = [call(0), call(1)];
        // Both lines leave together; the round ends when both clerks have answered.
        const answers = await Promise.all(
          procs.map((p, who) => p.send(round, calls[who]!.op, calls[who]!.input)),
        );
        const [a, b] = answers as [Answer, Answer];
        if (a.startedMs < b.endedMs && b.startedMs < a.endedMs) overlapped++;

        const winners = answers.flatMap((x, who) => (x.result.ok ? [who] : []));
        const what = `round ${round}: ${JSON.stringify(answers.map((x) => x.result))}`;
        for (const x of answers) {
          if (!x.result.ok && x.result.error.code === 'INTERNAL') problems.push(`INTERNAL ${what}`);
        }
        if (winners.length !== 1) {
          problems.push(`${winners.length} winners: ${what}`);
          continue;
        }
        const winner = winners[0]!;
        const loser = answers[1 - winner]!;
        const won = answers[winner]!.result;
        if (!won.ok || won.value.status !== 'confirmed') problems.push(`not confirmed: ${what}`);
        if (
          loser.result.ok ||
          loser.result.error.code !== 'CONFLICT' ||
          loser.result.error.key !== 'errors.bookingConflict' ||
          loser.result.error.params?.code !== requestOf(round, winner).code ||
          loser.result.error.params?.resource !== c.sedan.name
        ) {
          problems.push(`the loser was not told the winner's request: ${what}`);
        }
        // The database: one confirmed hold of the car in the round's slot, the winner's.
        const from = BASE_MS + round * ROUND_MS;
        const held = t.rows<{ booking_id: number }>(
          `SELECT booking_id FROM booking_slots
           WHERE resource_id = ? AND blocking = 1 AND start_ms < ? AND end_ms > ?`,
          c.sedan.id,
          from + ROUND_MS,
          from,
        );
        if (held.length !== 1 || (won.ok && held[0]?.booking_id !== won.value.id)) {
          problems.push(`round ${round}: the car is held by ${JSON.stringify(held)}`);
        }
      }
      expect(problems).toEqual([]);
      expect(t.count('bookings', "status = 'confirmed'")).toBe(ROUNDS);
      // The setStatus rounds' losers are still tentative; no save round left a second booking.
      expect(t.count('bookings', "status = 'tentative'")).toBe(ROUNDS / 2);
      expect(t.count('bookings')).toBe(ROUNDS + ROUNDS / 2);
      // The calls did race: both clerks' calls were under way at the same time in most rounds
      // (the loser waited for the winner's write lock, then saw its booking).
      expect(overlapped, `${overlapped} of ${ROUNDS} rounds ran at the same time`).toBeGreaterThan(
        ROUNDS / 2,
      );
    } finally {
      const codes = await Promise.all(procs.map((p) => p.end()));
      expect(codes, procs.map((p) => p.stderr()).join('\n')).toEqual([0, 0]);
    }
  }, 120_000);
});
