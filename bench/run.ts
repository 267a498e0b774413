import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { parseArgs } from 'node:util';
import BetterSqlite3 from 'better-sqlite3';
import { dispatch } from '../main/api/dispatcher';
import { createApp, type RunningApp } from '../main/app';
import { requestBodyOn } from '../main/test-fixtures';
import { addDays, companyDate } from '../shared/dates';
import { generateFile, GENERATED_PASSWORD, NOW_MS } from '../scripts/gen/cli';
import { bookingCases, seedBookings } from './bookings';
import { exportsBench } from './exports';
import { cases, type Actors } from './cases';
import { boardUi, boardUiUnavailable, type BoardUiFigures } from './boardUi';
import { expensesCases, seededExpenses } from './expenses';
import { frontdeskCases, seedFrontdesk, type SeededFrontdesk } from './frontdesk';
import {
  firstScreen,
  firstScreenLines,
  firstScreenUnavailable,
  type FirstScreenFigures,
} from './firstScreen';
import { line, measure, type Figure } from './measure';

/**
 * `npm run bench -- --db PATH`: every hot read of issue 8 through the real dispatcher beside the
 * best hand-written SQL on the same file (p50/p95 over rounds, and the ratio), the write paths at
 * full size and the time to open the database and read the first page. Generates the database
 * (`npm run gen`) when the file does not exist. `--quick`: a small generated database and fewer
 * calls, for CI — figures only, no thresholds. Not a test: nothing fails on a number.
 *
 * Issue 10's bookings (bench/bookings.ts): the conflict check and "what is free" for a day at ten
 * years of bookings (two with `--quick`), written into the file the first time it is benched.
 *
 * Issue 11's front desk (bench/frontdesk.ts): the board of a day with 500 expected visitors, and
 * the visitor directory's suggestions at 1.5 million people (100,000 with `--quick`), written
 * into the file the first time it is benched.
 *
 * Then the first screen in Chromium (bench/firstScreen.ts): navigation → sign-in form, sign-in →
 * home, and the bytes of the sign-in screen, for the build before issue 9 item 11 beside
 * today's, both built in this run (`--ui-runs N` page loads each, 2 with `--quick`; `--no-ui`
 * or `--only` without `ui` skips it).
 */
const { values } = parseArgs({
  options: {
    db: { type: 'string' },
    visits: { type: 'string' },
    quick: { type: 'boolean', default: false },
    calls: { type: 'string' },
    rounds: { type: 'string' },
    json: { type: 'string' },
    only: { type: 'string' },
    'ui-runs': { type: 'string' },
    'no-ui': { type: 'boolean', default: false },
  },
});

const quick = values.quick === true;
const calls = Number(values.calls ?? (quick ? 30 : 200));
const rounds = Number(values.rounds ?? 3);

/** The enabled user with this role and the fewest other roles. */
function userWithRole(raw: BetterSqlite3.Database, role: string) {
  const row = raw
    .prepare(
      `SELECT u.id, u.login FROM users u JOIN user_roles ur ON ur.user_id = u.id
       WHERE ur.role = ? AND u.disabled = 0
       ORDER BY (SELECT count(*) FROM user_roles x WHERE x.user_id = u.id), u.id LIMIT 1`,
    )
    .get(role) as { id: number; login: string } | undefined;
  if (!row) throw new Error(`no enabled user with role ${role}`);
  return row;
}

async function signIn(app: RunningApp, raw: BetterSqlite3.Database, role: string) {
  const row = userWithRole(raw, role);
  const out = await dispatch(app, {
    op: 'auth.login',
    input: { login: row.login, password: GENERATED_PASSWORD },
    token: null,
  });
  if (!out.result.ok || !out.session) throw new Error(`cannot sign in as ${row.login}`);
  return { token: out.session, userId: row.id };
}

/** The host with the most requests: the longest "my requests". */
function busiestHost(raw: BetterSqlite3.Database) {
  return raw
    .prepare(
      `SELECT r.host_user_id AS id, u.login FROM requests r JOIN users u ON u.id = r.host_user_id
       JOIN user_roles ur ON ur.user_id = u.id AND ur.role = 'host'
       WHERE u.disabled = 0 AND u.department_id IS NOT NULL
       GROUP BY r.host_user_id ORDER BY count(*) DESC LIMIT 1`,
    )
    .get() as { id: number; login: string };
}

async function writes(app: RunningApp, a: Actors, n: number): Promise<Figure[]> {
  const submit: number[] = [];
  const approve: number[] = [];
  for (let i = 0; i < n; i++) {
    // Two weeks ahead of the real clock (the app checks the notice period against today).
    const day = companyDate(Date.now() + 14 * 86_400_000, 'Asia/Shanghai');
    const body = requestBodyOn(day, addDays(day, 1), {
      orgName: `基准单位${i}`,
      departmentId: null,
    });
    let t0 = performance.now();
    const s = await dispatch(app, {
      op: 'requests.submit',
      input: { id: null, version: null, body },
      token: a.host.token,
    });
    submit.push(performance.now() - t0);
    if (!s.result.ok) throw new Error(`submit: ${JSON.stringify(s.result.error)}`);
    const dossier = (
      await dispatch(app, {
        op: 'requests.get',
        input: { id: (s.result.value as { id: number }).id },
        token: a.head.token,
      })
    ).result;
    if (!dossier.ok) throw new Error('the head cannot read the new request');
    const step = (dossier.value as { myStep: { stepId: number; version: number } | null }).myStep;
    if (!step) throw new Error('the head has no step on the new request');
    t0 = performance.now();
    const d = await dispatch(app, {
      op: 'approvals.decide',
      input: { stepId: step.stepId, version: step.version, action: 'approve', comment: '' },
      token: a.head.token,
    });
    approve.push(performance.now() - t0);
    if (!d.result.ok) throw new Error(`decide: ${JSON.stringify(d.result.error)}`);
  }
  const fig = (name: string, xs: number[]): Figure => {
    const s = [...xs].sort((x, y) => x - y);
    const at = (p: number) =>
      Math.round((s[Math.floor((p / 100) * (s.length - 1))] ?? 0) * 1000) / 1000;
    return {
      name,
      p50_ms: at(50),
      p95_ms: at(95),
      max_ms: at(100),
      raw_p50_ms: null,
      raw_p95_ms: null,
      ratio: null,
      calls: s.length,
    };
  };
  return [fig('write.createAndSubmit', submit), fig('write.approve', approve)];
}

async function openToFirstData(file: string, token: string): Promise<Figure> {
  const t0 = performance.now();
  const app = createApp(file);
  const out = await dispatch(app, { op: 'requests.list', input: { scope: 'all' }, token });
  const ms = performance.now() - t0;
  await app.close();
  if (!out.result.ok) throw new Error('first list failed after reopening');
  const r = Math.round(ms * 1000) / 1000;
  return {
    name: 'open.toFirstData',
    p50_ms: r,
    p95_ms: r,
    max_ms: r,
    raw_p50_ms: null,
    raw_p95_ms: null,
    ratio: null,
    calls: 1,
  };
}

async function main() {
  let file = values.db;
  let scratch: string | null = null;
  if (!file) {
    scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'rm-bench-'));
    file = path.join(scratch, 'bench.db');
  }
  if (!fs.existsSync(file)) {
    const visits = Number(values.visits ?? (quick ? 5_000 : 500_000));
    console.log(`generating ${visits} visits into ${file} …`);
    await generateFile(file, { visits, seed: 1, nowMs: NOW_MS });
  }
  // Writes and sessions land in the file: the bench's own requests are a handful among many.
  const app = createApp(file);
  const raw = new BetterSqlite3(file, { readonly: true });
  const figures: Figure[] = [];
  let ui: FirstScreenFigures | null = null;
  let board: BoardUiFigures | null = null;
  let fd: SeededFrontdesk | null = null;
  try {
    const counts = raw
      .prepare(
        `SELECT (SELECT count(*) FROM requests) AS requests,
                (SELECT count(*) FROM approval_steps) AS steps,
                (SELECT count(*) FROM audit_log) AS audit,
                (SELECT count(*) FROM notifications) AS notifications`,
      )
      .get() as Record<string, number>;
    console.log(`database ${file}: ${JSON.stringify(counts)}; ${calls} calls × ${rounds} rounds`);
    // `--only search,inbox`: the figures whose names start with one of these.
    const only = values.only?.split(',').filter(Boolean) ?? [];
    const wanted = (name: string) => only.length === 0 || only.some((p) => name.startsWith(p));
    // The seeds written straight into the file come before anyone signs in: the first 2,000,000
    // expense lines take about 20 minutes, longer than the idle lock, and a session left idle
    // that long is locked (SESSION_LOCKED) before the first measurement.
    // Issue 11: the front desk's board day and visitor directory (bench/frontdesk.ts).
    if (
      only.length === 0 ||
      only.some((p) => p.startsWith('frontdesk') || 'frontdesk'.startsWith(p))
    ) {
      const people = quick ? 100_000 : 1_500_000;
      fd = seedFrontdesk(app, userWithRole(raw, 'admin_office').id, people);
      console.log(
        `frontdesk: board of ${fd.boardDay} with ${fd.expected} expected visitors; directory of ` +
          `${fd.directoryRows} people` +
          (quick ? ' (--quick: 100,000 people instead of 1,500,000)' : '') +
          (fd.seededMs === null ? ' (already in the file)' : ` (written in ${fd.seededMs} ms)`),
      );
    }
    // Issue 12: finance's report and dashboard at ten years of expense lines (bench/expenses.ts).
    const expenses =
      only.some((p) => p.startsWith('expenses')) || only.length === 0
        ? seededExpenses(app, quick)
        : null;
    const host = busiestHost(raw);
    const hostSession = await dispatch(app, {
      op: 'auth.login',
      input: { login: host.login, password: GENERATED_PASSWORD },
      token: null,
    });
    if (!hostSession.session) throw new Error('cannot sign in as the busiest host');
    const actors: Actors = {
      office: await signIn(app, raw, 'admin_office'),
      host: { token: hostSession.session, userId: host.id },
      head: await headOf(app, raw, host.id),
      executive: await signIn(app, raw, 'executive'),
      sysadmin: await signIn(app, raw, 'sysadmin'),
    };
    const all = cases(app, raw, actors);
    // Issue 10: ten years of bookings written into the file the first time (bench/bookings.ts).
    if (
      only.length === 0 ||
      only.some((p) => p.startsWith('bookings') || 'bookings'.startsWith(p))
    ) {
      const seeded = await seedBookings(
        app,
        actors.office.token,
        actors.office.userId,
        NOW_MS,
        quick ? 2 : 10,
      );
      console.log(
        `bookings: ${seeded.bookings} bookings, ${seeded.slots} slots from ` +
          `${new Date(seeded.fromMs).toISOString().slice(0, 10)} to ` +
          `${new Date(seeded.toMs).toISOString().slice(0, 10)}` +
          (seeded.seededMs === null
            ? ' (already in the file)'
            : ` (written in ${seeded.seededMs} ms)`),
      );
      all.push(...bookingCases(app, raw, seeded, actors.office.token));
    }
    if (fd) all.push(...frontdeskCases(app, raw, fd, actors.office.token, actors.host.token));
    if (expenses) all.push(...expensesCases(app, raw, expenses, actors.executive.token));
    for (const c of all.filter((x) => wanted(x.name))) {
      const f = await measure(c.name, c.app, c.raw, { calls, rounds });
      figures.push(f);
      console.log(line(f));
    }
    for (const f of wanted('write') ? await writes(app, actors, quick ? 10 : 50) : []) {
      figures.push(f);
      console.log(line(f));
    }
    raw.close();
    await app.close();
    const first = await openToFirstData(file, actors.office.token);
    figures.push(first);
    console.log(line(first));
    figures.push(...(await exportsBench(file, wanted))); // Issue 12: bench/exports.ts
    if (values['no-ui'] || !wanted('ui')) {
      console.log('ui.firstScreen skipped (--no-ui or --only)');
    } else {
      const unavailable = firstScreenUnavailable();
      if (unavailable) {
        console.log(`ui.firstScreen skipped: ${unavailable}`);
      } else {
        const login = loginOf(file, actors.office.userId);
        const runs = Number(values['ui-runs'] ?? (quick ? 2 : 5));
        ui = await firstScreen(file, login, GENERATED_PASSWORD, runs);
        for (const l of firstScreenLines(ui)) console.log(l);
        // Issue 11: the board of the seeded day drawn in Chromium (bench/boardUi.ts).
        const noBoard = fd ? boardUiUnavailable() : 'no front-desk day seeded (--only)';
        if (fd && !noBoard) {
          board = await boardUi(file, login, GENERATED_PASSWORD, fd.boardDay, fd.expected, runs);
          console.log(
            `ui.frontdeskBoard (${board.rows} visitors, ${board.runs} loads): render p50 ` +
              `${board.render_ms.p50} ms, p95 ${board.render_ms.p95} ms; of which the ` +
              `frontdesk.board call p50 ${board.call_ms.p50} ms, p95 ${board.call_ms.p95} ms ` +
              `(goal: ≤ 300 ms)`,
          );
        } else console.log(`ui.frontdeskBoard skipped: ${noBoard}`);
      }
    }
  } finally {
    if (raw.open) raw.close();
    await app.close().catch(() => undefined);
    if (scratch) fs.rmSync(scratch, { recursive: true, force: true });
  }
  const json = JSON.stringify(
    { database: file, calls, rounds, figures, firstScreen: ui, frontdeskBoard: board },
    null,
    2,
  );
  if (values.json) fs.writeFileSync(values.json, json);
  console.log(json);
}

function loginOf(file: string, userId: number): string {
  const db = new BetterSqlite3(file, { readonly: true });
  try {
    return (db.prepare('SELECT login FROM users WHERE id = ?').get(userId) as { login: string })
      .login;
  } finally {
    db.close();
  }
}

/** The head of the busiest host's department: who decides the bench's submissions first. */
async function headOf(app: RunningApp, raw: BetterSqlite3.Database, hostId: number) {
  const head = raw
    .prepare(
      `SELECT u.id, u.login FROM users h JOIN departments d ON d.id = h.department_id
       JOIN users u ON u.id = d.head_user_id WHERE h.id = ?`,
    )
    .get(hostId) as { id: number; login: string } | undefined;
  if (!head) throw new Error('the busiest host has no department head');
  const out = await dispatch(app, {
    op: 'auth.login',
    input: { login: head.login, password: GENERATED_PASSWORD },
    token: null,
  });
  if (!out.session) throw new Error(`cannot sign in as ${head.login}`);
  return { token: out.session, userId: head.id };
}

void main();
