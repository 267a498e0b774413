import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import type { Page } from 'playwright-core';
import { createApp } from '../main/app';
import { startServer } from '../main/server/http';
import type { SessionInfo } from '../shared/contract/types';
import type { Result } from '../shared/result';
import { launchChromium } from '../e2e/support/chromium';
import { RENDERER_DIR } from '../e2e/support/server';

/**
 * `npx tsx bench/ui.ts --db PATH [--login L] [--password P] [--runs 5] [--rows 10000]`: the UI
 * side of the scale goal, in a real Chromium against browser mode on an existing database file
 * (a generated one: `npm run gen`). Needs the built renderer (`npm run build`).
 *
 * (a) `ui.allRequests.firstRows_ms`: from the navigation to 全部接待 (a fresh page load, so
 *     nothing is cached) until its first row is laid out; p50 over `--runs`.
 * (b) `ui.scroll10k`: the list scrolled to its end again and again, pages loading on the way,
 *     until `--rows` rows have been drawn; every long task (> 50 ms) the page had meanwhile.
 *
 * Prints `name=value` lines, then the same as one JSON line. Not a test: nothing fails on a
 * number. Sign-in writes a session and an audit entry into the file, as any sign-in does.
 */
const { values } = parseArgs({
  options: {
    db: { type: 'string' },
    login: { type: 'string' },
    password: { type: 'string', default: 'gen-password-1' },
    runs: { type: 'string', default: '5' },
    rows: { type: 'string', default: '10000' },
  },
});

const USAGE =
  'usage: npx tsx bench/ui.ts --db PATH [--login L] [--password P] [--runs 5] [--rows 10000]';
/** Whoever may read every request (全部接待); the generated sysadmin `admin` may not. */
const READ_ALL_ROLES = ['admin_office', 'finance', 'executive'];
const VIEWPORT = { width: 1280, height: 800 };

const round = (ms: number) => Math.round(ms * 10) / 10;
const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
};

/** The first enabled user who may read every request, for when no `--login` is given. */
function defaultLogin(app: ReturnType<typeof createApp>): string {
  const row = app.sqlite
    .prepare(
      `SELECT u.login FROM users u JOIN user_roles r ON r.user_id = u.id
       WHERE u.disabled = 0 AND r.role IN (${READ_ALL_ROLES.map(() => '?').join(',')})
       ORDER BY u.id LIMIT 1`,
    )
    .get(...READ_ALL_ROLES) as { login: string } | undefined;
  return row?.login ?? 'admin';
}

async function signIn(url: string, login: string, password: string) {
  const res = await fetch(`${url}/api/auth.login`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ login, password }),
  });
  const body = (await res.json()) as Result<SessionInfo>;
  if (!body.ok) throw new Error(`cannot sign in as ${login}: ${body.error.code} ${body.error.key}`);
  const cookie = /rm_session=([^;]*)/.exec(res.headers.get('set-cookie') ?? '')?.[1];
  if (!cookie) throw new Error('auth.login set no session cookie');
  return { cookie: decodeURIComponent(cookie), session: body.value };
}

/**
 * Sets the route and waits, in the page, for the first row of the list to be laid out: the time
 * from the navigation to that frame.
 */
function timeToFirstRow(page: Page, route: string): Promise<number> {
  return page.evaluate(
    (hash) =>
      new Promise<number>((resolve, reject) => {
        const t0 = performance.now();
        window.location.hash = hash;
        const check = () => {
          const row = document.querySelector('.ant-table-tbody [role="row"]');
          if (row && row.getBoundingClientRect().height > 0) resolve(performance.now() - t0);
          else if (performance.now() - t0 > 60_000) reject(new Error('no row within 60 s'));
          else requestAnimationFrame(check);
        };
        requestAnimationFrame(check);
      }),
    route,
  );
}

interface ScrollResult {
  rows: number;
  longTasks: number[];
  seconds: number;
  /** The list ended before `target` rows (fewer requests in the file). */
  ended: boolean;
}

/**
 * Scrolls the virtual body to its end, frame after frame, letting pages load, until `target`
 * rows have been drawn or nothing new came for 15 s (the end of the list); collects the long
 * tasks of the whole stretch.
 */
function scrollThrough(page: Page, target: number): Promise<ScrollResult> {
  return page.evaluate(
    (want) =>
      new Promise<ScrollResult>((resolve) => {
        const longTasks: number[] = [];
        const observer = new PerformanceObserver((list) => {
          for (const e of list.getEntries()) longTasks.push(e.duration);
        });
        observer.observe({ type: 'longtask' });
        const holder = document.querySelector<HTMLElement>('.ant-table-tbody-virtual-holder');
        const t0 = performance.now();
        let best = 0;
        let lastProgress = t0;
        const lastRow = () =>
          Math.max(
            0,
            ...[...(holder?.querySelectorAll('[role="row"]') ?? [])].map(
              (r) => Number(r.getAttribute('aria-rowindex')) - 1,
            ),
          );
        const finish = (ended: boolean) => {
          // Long tasks are reported after they end: one more frame for the last ones.
          requestAnimationFrame(() =>
            setTimeout(() => {
              observer.disconnect();
              resolve({ rows: best, longTasks, seconds: (performance.now() - t0) / 1000, ended });
            }, 100),
          );
        };
        const step = () => {
          if (!holder) return finish(true);
          holder.scrollTop = holder.scrollHeight;
          const rows = lastRow();
          const now = performance.now();
          if (rows > best) {
            best = rows;
            lastProgress = now;
          }
          if (best >= want) return finish(false);
          if (now - lastProgress > 15_000) return finish(true);
          requestAnimationFrame(step);
        };
        requestAnimationFrame(step);
      }),
    target,
  );
}

async function main() {
  if (!values.db) {
    console.log(
      'bench/ui.ts: no --db given, nothing measured. Give a generated database (npm run gen).',
    );
    console.log(USAGE);
    return;
  }
  const file = path.resolve(values.db);
  if (!fs.existsSync(file)) {
    console.error(`bench/ui.ts: ${file} does not exist.`);
    process.exitCode = 2;
    return;
  }
  if (!fs.existsSync(path.join(RENDERER_DIR, 'index.html'))) {
    console.error('bench/ui.ts: the renderer is not built: run `npm run build` first.');
    process.exitCode = 2;
    return;
  }
  const runs = Math.max(1, Number(values.runs));
  const target = Math.max(1, Number(values.rows));

  const app = createApp(file);
  const server = await startServer(app, { port: 0, staticDir: RENDERER_DIR });
  const browser = await launchChromium({ fullBrowser: true });
  try {
    const requests = (
      app.sqlite.prepare('SELECT count(*) AS n FROM requests').get() as {
        n: number;
      }
    ).n;
    const login = values.login ?? defaultLogin(app);
    const { cookie, session } = await signIn(server.url, login, values.password);
    if (!session.permissions.includes('requests.readAll')) {
      throw new Error(
        `${login} may not open 全部接待 (roles ${session.user.roles.join(', ')}): give --login of ` +
          `a user with one of ${READ_ALL_ROLES.join(', ')}`,
      );
    }
    console.error(`database ${file}: ${requests} requests; signed in as ${login}`);

    const context = await browser.newContext({ viewport: VIEWPORT, locale: 'zh-CN' });
    await context.addCookies([
      {
        name: 'rm_session',
        value: encodeURIComponent(cookie),
        url: server.url,
        httpOnly: true,
        sameSite: 'Strict',
      },
    ]);
    // tsx names functions with an `__name` helper, which the page does not have: the functions
    // given to page.evaluate need it there.
    await context.addInitScript('globalThis.__name = (fn) => fn;');
    const page = await context.newPage();
    page.setDefaultTimeout(120_000);
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));

    // (a) Each run a fresh page load on the home page (an empty query cache), then the route.
    const firstRows: number[] = [];
    for (let i = 0; i < runs; i++) {
      await page.goto(`${server.url}/#/`);
      await page.getByTestId('sidebar').waitFor();
      firstRows.push(round(await timeToFirstRow(page, '#/requests/all')));
    }

    // (b) A fresh load of the list, then through `target` rows.
    await page.goto(`${server.url}/#/`);
    await page.getByTestId('sidebar').waitFor();
    await timeToFirstRow(page, '#/requests/all');
    let pages = 0;
    page.on('request', (r) => {
      if (r.url().endsWith('/api/requests.list')) pages++;
    });
    const scroll = await scrollThrough(page, target);
    if (errors.length) throw new Error(`errors in the page: ${errors.join('; ')}`);

    const over50 = scroll.longTasks.filter((d) => d > 50);
    const figures = {
      'ui.allRequests.firstRows_ms': round(median(firstRows)),
      'ui.allRequests.firstRows_runs_ms': firstRows,
      'ui.scroll10k.longTasksOver50ms': over50.length,
      'ui.scroll10k.maxTask_ms': round(Math.max(0, ...scroll.longTasks)),
      'ui.scroll10k.rows': scroll.rows,
      'ui.scroll10k.pages': pages,
      'ui.scroll10k.seconds': round(scroll.seconds),
      'ui.scroll10k.endedEarly': scroll.ended,
    };
    console.log(
      `ui.allRequests.firstRows_ms=${figures['ui.allRequests.firstRows_ms']} (p50 of ${runs}: ${firstRows.join(', ')})`,
    );
    console.log(
      `ui.scroll10k.longTasksOver50ms=${over50.length} maxTask_ms=${figures['ui.scroll10k.maxTask_ms']} rows=${scroll.rows}` +
        ` (pages=${pages} seconds=${figures['ui.scroll10k.seconds']}${scroll.ended ? ', the list ended first' : ''})`,
    );
    console.log(JSON.stringify({ db: file, login, requests, ...figures }));
    await context.close();
  } finally {
    await browser.close().catch(() => undefined);
    await server.close();
    await app.close();
  }
}

main().catch((e: unknown) => {
  console.error(e instanceof Error ? e.message : e);
  process.exitCode = 1;
});
