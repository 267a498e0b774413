import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { parseArgs } from 'node:util';
import { prepareData, type PreparedData, type Seat } from './data';
import { allocate, GROUPS } from './mix';
import { describeMix, printReport, type StoreReport } from './report';
import { runFaults } from './run-faults';
import { runMain } from './run-main';
import { freePort, SERVER_MODES, serverCommand, ServerProcess, type ServerMode } from './server';
import { prefetchSteps, signIn } from './signin';
import { Recorder } from './stats';
import { STORES, type Store } from './stores';
import { rng, type World } from './users';

/**
 * `npm run load`: the office server (issue 14) under 50 concurrent users with a realistic mix for
 * 60 s, then a fault run in which the server is SIGKILLed and restarted mid-load. Prints p50, p95
 * and p99 latency, throughput and errors per kind of call and in total, a column group per store,
 * and whether every write acknowledged with a 2xx is in the database. Exits 1 if one is lost, on
 * any 5xx (other than 503 while the server was down) and on any other error while it was up.
 *
 *   npm run load -- [--seconds 60] [--users 50] [--visits 20000] [--quick] [--no-faults | --faults]
 *                   [--fault-seconds 15] [--server auto|built|build|tsx] [--seed 1] [--keep]
 *                   [--store all|sqlite|postgres]
 *
 * `--store`: the stores to run on, one after the other (default both; PostgreSQL needs a server,
 * RM_TEST_POSTGRES_URL as for the tests).
 * `--quick`: 10 s, 20 users, 2,000 generated visits, a 10 s fault run (CI). `--faults`: the
 * fault run only.
 * Everything happens in a new temp folder (database, certificate, server log), removed at the end
 * unless `--keep` or a failure.
 */

const USAGE = `usage: npm run load -- [--quick] [--seconds N] [--users N] [--visits N]
  [--no-faults | --faults] [--fault-seconds N] [--server auto|built|build|tsx] [--seed N] [--keep]
  [--steps-per-head N] [--visitors-per-desk N] [--store all|sqlite|postgres]`;

const { values } = parseArgs({
  options: {
    quick: { type: 'boolean', default: false },
    seconds: { type: 'string' },
    users: { type: 'string' },
    visits: { type: 'string' },
    faults: { type: 'boolean' },
    'no-faults': { type: 'boolean', default: false },
    'fault-seconds': { type: 'string' },
    server: { type: 'string', default: 'auto' },
    seed: { type: 'string', default: '1' },
    keep: { type: 'boolean', default: false },
    'steps-per-head': { type: 'string' },
    'visitors-per-desk': { type: 'string' },
    store: { type: 'string', default: 'all' },
    help: { type: 'boolean', default: false },
  },
});

function fail(message: string): never {
  console.error(`${message}\n${USAGE}`);
  process.exit(2);
}

function integer(text: string | undefined, name: string, fallback: number, min: number): number {
  if (text === undefined) return fallback;
  const n = Number(text.replaceAll('_', ''));
  if (!Number.isSafeInteger(n) || n < min) fail(`--${name} must be an integer ≥ ${min}`);
  return n;
}

if (values.help) {
  console.log(USAGE);
  process.exit(0);
}
const quick = values.quick === true;
const onlyFaults = values.faults === true;
if (onlyFaults && values['no-faults']) fail('--faults and --no-faults contradict each other');
const mainSeconds = onlyFaults ? 0 : integer(values.seconds, 'seconds', quick ? 10 : 60, 1);
const faultSeconds = values['no-faults']
  ? 0
  : integer(values['fault-seconds'], 'fault-seconds', quick ? 10 : 15, 5);
const userCount = integer(values.users, 'users', quick ? 20 : 50, 1);
const visits = integer(values.visits, 'visits', quick ? 2_000 : 20_000, 100);
const seed = integer(values.seed, 'seed', 1, 0);
const serverMode = values.server as ServerMode;
if (!SERVER_MODES.includes(serverMode)) fail(`--server must be one of ${SERVER_MODES.join(', ')}`);
// Enough approvals for the whole run (measured on 2 cores: a head decides one to six steps a
// second); when an approver runs out the call becomes a read, and the report counts those. The
// desk's visitors go in and out all day, so a realistic day's board (100 people a desk) lasts.
const busySeconds = mainSeconds + faultSeconds;
const stepsPerHead = integer(
  values['steps-per-head'],
  'steps-per-head',
  Math.ceil(busySeconds * 4),
  0,
);
const visitorsPerDesk = integer(values['visitors-per-desk'], 'visitors-per-desk', 100, 0);

const started = performance.now();
const stamp = () => `[${((performance.now() - started) / 1000).toFixed(1).padStart(5)} s]`;
const say = (line: string) => console.log(line);
const progress = (line: string) => console.log(`${stamp()} ${line}`);

/** Answers that are business refusals when they are 409 CONFLICT (see http.ts classify). */
const REFUSABLE: ReadonlySet<string> = new Set([
  'approvals.decide',
  'frontdesk.checkIn',
  'frontdesk.checkOut',
]);

async function timed<T>(phases: [string, number][], name: string, f: () => Promise<T>): Promise<T> {
  const t0 = performance.now();
  try {
    return await f();
  } finally {
    phases.push([name, performance.now() - t0]);
  }
}

let running: ServerProcess | null = null;
// Whatever happens, no server is left behind holding the database.
process.on('exit', () => {
  if (running?.pid !== undefined) {
    try {
      process.kill(running.pid, 'SIGKILL');
    } catch {
      // Already gone.
    }
  }
});

async function runStore(
  store: Store,
  data: PreparedData,
  generated: string,
  dir: string,
  failures: string[],
): Promise<StoreReport> {
  const phases: [string, number][] = [];
  const opened = await timed(phases, 'copy + daily backup', () =>
    store.open(generated, path.join(dir, store.name)),
  );
  const command =
    serverMode === 'build'
      ? await timed(phases, 'server build', () => Promise.resolve(serverCommand(serverMode, dir)))
      : serverCommand(serverMode, dir);
  const server = new ServerProcess(
    command,
    opened.serverArgs,
    await freePort(),
    path.join(dir, store.name, 'server.log'),
    opened.tlsDir,
  );
  running = server;
  progress(`${store.name}: starting ${command.label} on https://127.0.0.1:${server.port}`);
  await timed(phases, 'server start', () => server.start());
  const endpoint = server.endpoint;
  if (!endpoint) throw new Error('no endpoint');

  // Each store's run starts from the same queues: the seats are copied, not shared.
  const seats = structuredClone(data.seats) as Seat[];
  const world: World = {
    today: data.today,
    financeYear: data.financeYear,
    searchTerms: data.searchTerms,
    departmentIds: data.departmentIds,
    claimed: new Map(),
    tag: `L${Date.now().toString(36)}`,
    run: 'main',
    acks: [],
    random: rng(seed),
  };
  const users = await timed(phases, 'sign-in', async () => {
    const signedIn = await signIn(endpoint, seats, world);
    const steps = await prefetchSteps(endpoint, signedIn);
    progress(
      `${store.name}: ${signedIn.length} users signed in; ${steps} pending approval steps taken ` +
        `by ${signedIn.filter((u) => u.steps.length > 0).length} approvers`,
    );
    return signedIn;
  });

  let main: StoreReport['main'] = null;
  if (mainSeconds > 0) {
    progress(`${store.name}: main run, ${users.length} users for ${mainSeconds} s (autocannon)`);
    const recorder = new Recorder();
    const cpu0 = { server: server.cpuSeconds(), load: process.cpuUsage() };
    const fallbacks0 = users.map((u) => u.fallbacks);
    const { result, seconds } = await timed(phases, 'run', () =>
      runMain(endpoint, users, mainSeconds, recorder, REFUSABLE),
    );
    const serverCpu = server.cpuSeconds();
    const loadCpu = process.cpuUsage(cpu0.load);
    const fallbacks = new Map<string, number>();
    users.forEach((u, i) => {
      const n = u.fallbacks - (fallbacks0[i] ?? 0);
      if (n > 0) fallbacks.set(u.seat.group, (fallbacks.get(u.seat.group) ?? 0) + n);
    });
    main = {
      seconds,
      users: users.length,
      samples: recorder.samples,
      abandoned: recorder.abandoned,
      autocannon: result,
      fallbacks,
      serverCores:
        serverCpu === null || cpu0.server === null ? null : (serverCpu - cpu0.server) / seconds,
      loadCores: (loadCpu.user + loadCpu.system) / 1e6 / seconds,
      loadAverage: os.loadavg()[0] ?? 0,
      verify: { acknowledged: 0, present: 0, lost: [] },
    };
    progress(`${store.name}: main run done, ${recorder.samples.length} calls answered or failed`);
  }
  const mainAcks = world.acks.splice(0);

  let faults: StoreReport['faults'] = null;
  if (faultSeconds > 0) {
    world.run = 'faults';
    progress(
      `${store.name}: fault run, ${users.length} users for ${faultSeconds} s, SIGKILL mid-run`,
    );
    const recorder = new Recorder();
    const figures = await timed(phases, 'faults', () =>
      runFaults(server, endpoint, users, faultSeconds, recorder, REFUSABLE, rng(seed + 1)),
    );
    faults = {
      ...figures,
      samples: recorder.samples,
      abandoned: recorder.abandoned,
      verify: { acknowledged: 0, present: 0, lost: [] },
    };
    progress(
      `${store.name}: killed at ${(figures.killAtMs / 1000).toFixed(1)} s, ready again ` +
        `${Math.round(figures.readyAtMs - figures.killAtMs)} ms later`,
    );
  }
  const faultAcks = world.acks.splice(0);

  const code = await timed(phases, 'stop', () => server.stop());
  running = null;
  if (code !== 0) failures.push(`${store.name}: the server exited with ${code} on SIGTERM`);
  await timed(phases, 'verify', () => {
    try {
      if (main) main.verify = opened.check(mainAcks);
      if (faults) faults.verify = opened.check(faultAcks);
    } finally {
      opened.dispose?.();
    }
    return Promise.resolve();
  });

  // What fails the run.
  for (const [run, figures] of [
    ['main run', main],
    ['fault run', faults],
  ] as const) {
    if (!figures) continue;
    const inGap = figures === faults && faults ? faults.inGap : () => false;
    for (const l of figures.verify.lost.slice(0, 10)) {
      failures.push(`${store.name} ${run}: acknowledged ${l.ack.op} (${l.ack.key}) lost: ${l.why}`);
    }
    if (figures.verify.lost.length > 10) {
      failures.push(`${store.name} ${run}: ${figures.verify.lost.length} acknowledged writes lost`);
    }
    const bad = new Map<string, number>();
    for (const s of figures.samples) {
      const o = s.outcome;
      if (o.type === 'ok' || o.type === 'refused') continue;
      const gap = inGap(s);
      // While the server was down only a 503 answer or a failed connection is expected.
      if (gap && (o.type !== 'http' || o.status === 503)) continue;
      const what =
        o.type === 'http' ? `${o.status} ${o.code}` : o.type === 'timeout' ? 'timeout' : o.code;
      const key = `${s.op} ${what}${gap ? ' during the outage' : ''}`;
      bad.set(key, (bad.get(key) ?? 0) + 1);
    }
    for (const [what, n] of bad) failures.push(`${store.name} ${run}: ${what} ×${n}`);
  }
  if (faults && faults.usersBack < faults.users) {
    failures.push(
      `${store.name}: ${faults.users - faults.usersBack} of ${faults.users} users had no 2xx after the restart`,
    );
  }
  return { store: store.name, server: command.label, phases, main, faults };
}

async function main() {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'rm-load-'));
  const counts = allocate(userCount);
  const failures: string[] = [];
  let keep = values.keep === true;
  try {
    progress(`generating ${visits.toLocaleString('en')} visits into ${dir} …`);
    const generated = path.join(dir, 'generated.db');
    const data = await prepareData({
      file: generated,
      visits,
      seed,
      counts,
      stepsPerHead,
      visitorsPerDesk,
      // A few lines a visit (meals, car, hotel, gifts); fewer for the quick run's small file.
      linesPerVisit: quick ? 2 : 4,
      log: progress,
    });
    const f = data.facts;
    const people = new Set(data.seats.map((s) => s.person.userId)).size;
    say('');
    say(`Load test of the office server — ${new Date().toISOString()}, ${os.cpus().length} CPUs`);
    say(
      `data    ${f.visits.toLocaleString('en')} generated visits (${f.requests.toLocaleString('en')} requests in all, ` +
        `ten years to today ${data.today}); ${f.pendingSeeded.toLocaleString('en')} approval steps pending on ` +
        `the run's heads (two each submitted through the app, the rest SQL copies of those); ` +
        `${f.visitorsToday.toLocaleString('en')} visitors expected today; ` +
        `${f.expenseLines.toLocaleString('en')} expense lines (finance reads ${data.financeYear.from} … ${data.financeYear.to})`,
    );
    say(
      `users   ${userCount} virtual users (${people} distinct people), one connection and session each, ` +
        `no think time: ${GROUPS.map((g) => `${g} ×${counts[g]}`).join(', ')}`,
    );
    say(
      'mix     weights per role (a decide, check-in or check-out with nobody in its queue is sent as the inbox / board read):',
    );
    for (const l of describeMix(counts)) say(l);
    say(
      "jobs    the server's daily jobs (visitor retention, the daily backup) are done before it starts, " +
        'as on a server up since the morning: neither runs during the figures',
    );
    say(
      "wire    HTTPS on 127.0.0.1 with the server's --self-signed certificate: TLS is in the figures (the " +
        'sign-in and fault clients pin the certificate; autocannon 8 connects without checking it)',
    );
    say(
      `runs    ${mainSeconds > 0 ? `main ${mainSeconds} s with autocannon` : 'no main run'}; ` +
        `${faultSeconds > 0 ? `faults ${faultSeconds} s (SIGKILL at a random moment, restart, clients retry writes with their key)` : 'no fault run'}`,
    );
    say('');
    const reports: StoreReport[] = [];
    const chosen = STORES.filter((st) => values.store === 'all' || values.store === st.name);
    if (chosen.length === 0) fail(`--store must be all, sqlite or postgres (got ${values.store})`);
    for (const store of chosen) {
      reports.push(await runStore(store, data, generated, dir, failures));
    }
    say('');
    for (const r of reports) say(`server (${r.store}): ${r.server}`);
    say(
      `phases (data): generate ${(data.generateMs / 1000).toFixed(1)} s · seed ${(data.seedMs / 1000).toFixed(1)} s ` +
        `(${data.seedPhases.map(([n, t]) => `${n} ${(t / 1000).toFixed(1)} s`).join(', ')})`,
    );
    printReport(reports, say);
  } catch (e) {
    failures.push(e instanceof Error ? (e.stack ?? e.message) : String(e));
    if (running) say(`server log (end):\n${running.tail()}`);
  } finally {
    if (running) await running.stop().catch(() => null);
    running = null;
  }
  say(`total ${((performance.now() - started) / 1000).toFixed(1)} s`);
  if (failures.length > 0) {
    keep = true;
    say(`\nload: FAIL\n${failures.map((x) => `  ${x}`).join('\n')}`);
    process.exitCode = 1;
  } else {
    say('\nload: PASS (no acknowledged write lost, no 5xx, no error while the server was up)');
  }
  if (keep) say(`kept ${dir}`);
  else fs.rmSync(dir, { recursive: true, force: true });
}

void main();
