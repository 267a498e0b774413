import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import zlib from 'node:zlib';
import type { Browser, Page } from 'playwright-core';
import { createApp } from '../main/app';
import { startServer, type RunningServer } from '../main/server/http';
import { findChromium, launchChromium } from '../e2e/support/chromium';

/**
 * The first screen in a real Chromium against browser mode, the build of today beside the build
 * as it was before issue 9 item 11, in one run:
 *
 * - `before`: the same source built with `RM_RENDERER_BASELINE=1` — one unminified bundle, no
 *   precompressed copies, so the server sends it as it is (what the app shipped until then);
 * - `after`: the normal build — a chunk per screen, minified, `.br`/`.gz` beside each file.
 *
 * Both are built into a temp folder by this run (so neither is stale) and served by the real
 * server over the bench's database. The same source on both sides means the figures show what
 * the build and the server change, not what other commits did to the screens meanwhile.
 *
 * Each run is a fresh browser context (empty cache), the two builds alternating. Measured in the
 * page (performance.now(), origin = the navigation): when the sign-in form is laid out, then —
 * after typing and pressing 登录 — when the home page's sidebar and heading are. Bytes: every
 * static file the page had loaded once the sign-in screen was idle (the API calls left out), as
 * Chromium received them, and the same files' raw, gzip and brotli sizes.
 */

const ROOT = path.resolve(__dirname, '..');
const VIEWPORT = { width: 1280, height: 800 };

export interface Sizes {
  raw: number;
  gzip: number;
  br: number;
}

export interface SideFigures {
  loginVisible_ms: number;
  homeVisible_ms: number;
  loginVisible_runs_ms: number[];
  homeVisible_runs_ms: number[];
  /** Files loaded for the sign-in screen (html, css, js). */
  requests: number;
  /** The JavaScript of the sign-in screen: raw, and as gzip and brotli would send it. */
  js: Sizes;
  /** html + css + js. */
  all: Sizes;
  /** What Chromium received for those files, headers included (Resource Timing transferSize). */
  wire_bytes: number;
}

export interface FirstScreenFigures {
  runs: number;
  login: string;
  before: SideFigures;
  after: SideFigures;
}

const round = (ms: number) => Math.round(ms * 10) / 10;
const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
};

function build(outDir: string, baseline: boolean) {
  const bin = path.join(ROOT, 'node_modules', '.bin', 'electron-vite');
  const r = spawnSync(bin, ['build', '--logLevel', 'error'], {
    cwd: ROOT,
    env: { ...process.env, RM_BUILD_OUT: outDir, RM_RENDERER_BASELINE: baseline ? '1' : '0' },
    encoding: 'utf8',
  });
  if (r.status !== 0) throw new Error(`electron-vite build failed:\n${r.stdout}\n${r.stderr}`);
  return path.join(outDir, 'renderer');
}

/** A file's size as sent raw, gzip'ed and brotli'ed: the build's copies, else made here. */
function sizesOf(file: string): Sizes {
  const data = fs.readFileSync(file);
  const copy = (ext: string, make: () => Buffer) =>
    fs.existsSync(file + ext) ? fs.statSync(file + ext).size : make().length;
  return {
    raw: data.length,
    gzip: copy('.gz', () => zlib.gzipSync(data, { level: 9 })),
    br: copy('.br', () =>
      zlib.brotliCompressSync(data, {
        params: {
          [zlib.constants.BROTLI_PARAM_QUALITY]: 11,
          [zlib.constants.BROTLI_PARAM_MODE]: 1,
        },
      }),
    ),
  };
}

/**
 * In the page from its first byte: marks the first frame after the sign-in form is laid out,
 * the submit, and the first frame after the home page (sidebar and heading) is laid out.
 */
const WATCH = `(() => {
  const marks = (window.__rmMarks = {});
  const shown = (sel) => {
    const el = document.querySelector(sel);
    return !!el && el.getBoundingClientRect().height > 0;
  };
  document.addEventListener('submit', () => { marks.submit ??= performance.now(); }, true);
  const frame = () => {
    if (marks.login === undefined && shown('#login')) {
      requestAnimationFrame(() => { marks.login ??= performance.now(); });
    }
    if (marks.submit !== undefined && marks.home === undefined &&
        shown('[data-testid="sidebar"]') && shown('main h1')) {
      requestAnimationFrame(() => { marks.home ??= performance.now(); });
      return;
    }
    requestAnimationFrame(frame);
  };
  requestAnimationFrame(frame);
})();`;

interface Marks {
  login?: number;
  submit?: number;
  home?: number;
}

interface Loaded {
  path: string;
  transferSize: number;
}

async function oneRun(browser: Browser, server: RunningServer, login: string, password: string) {
  const context = await browser.newContext({ viewport: VIEWPORT, locale: 'zh-CN' });
  try {
    await context.addInitScript(WATCH);
    const page: Page = await context.newPage();
    page.setDefaultTimeout(60_000);
    await page.goto(`${server.url}/#/`);
    await page.waitForFunction(() => (window as { __rmMarks?: Marks }).__rmMarks?.login);
    // The sign-in screen at rest: everything it loaded, before anyone types.
    await page.waitForLoadState('networkidle');
    const loaded = await page.evaluate(() =>
      [
        ...performance.getEntriesByType('navigation'),
        ...performance.getEntriesByType('resource'),
      ].map((e) => ({
        path: new URL(e.name).pathname,
        transferSize: (e as PerformanceResourceTiming).transferSize,
      })),
    );
    await page.locator('#login').fill(login);
    await page.locator('#password').fill(password);
    await page.locator('form button[type="submit"]').click();
    await page.waitForFunction(() => (window as { __rmMarks?: Marks }).__rmMarks?.home);
    const marks = await page.evaluate(() => (window as unknown as { __rmMarks: Marks }).__rmMarks);
    return {
      loginMs: marks.login!,
      homeMs: marks.home! - marks.submit!,
      loaded: (loaded as Loaded[]).filter((l) => !l.path.startsWith('/api/')),
    };
  } finally {
    await context.close();
  }
}

function side(
  dir: string,
  runs: { loginMs: number; homeMs: number; loaded: Loaded[] }[],
): SideFigures {
  const loaded = runs[0]!.loaded;
  const zero = (): Sizes => ({ raw: 0, gzip: 0, br: 0 });
  const js = zero();
  const all = zero();
  for (const l of loaded) {
    const file = path.join(dir, l.path === '/' ? 'index.html' : l.path);
    if (!fs.existsSync(file)) continue;
    const s = sizesOf(file);
    for (const k of ['raw', 'gzip', 'br'] as const) {
      all[k] += s[k];
      if (file.endsWith('.js')) js[k] += s[k];
    }
  }
  const logins = runs.map((r) => round(r.loginMs));
  const homes = runs.map((r) => round(r.homeMs));
  return {
    loginVisible_ms: round(median(logins)),
    homeVisible_ms: round(median(homes)),
    loginVisible_runs_ms: logins,
    homeVisible_runs_ms: homes,
    requests: loaded.length,
    js,
    all,
    wire_bytes: median(runs.map((r) => r.loaded.reduce((n, l) => n + l.transferSize, 0))),
  };
}

/** Why the browser part cannot run here, or null. */
export function firstScreenUnavailable(): string | null {
  try {
    findChromium({ fullBrowser: true });
    return null;
  } catch (e) {
    return e instanceof Error ? e.message : String(e);
  }
}

/** Builds both renderers, then `runs` fresh page loads and sign-ins of each, alternating. */
export async function firstScreen(
  dbFile: string,
  login: string,
  password: string,
  runs: number,
): Promise<FirstScreenFigures> {
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'rm-bench-build-'));
  const app = createApp(dbFile);
  const servers: RunningServer[] = [];
  let browser: Browser | undefined;
  try {
    const dirs = {
      before: build(path.join(tmp, 'before'), true),
      after: build(path.join(tmp, 'after'), false),
    };
    const before = await startServer(app, { port: 0, staticDir: dirs.before });
    servers.push(before);
    const after = await startServer(app, { port: 0, staticDir: dirs.after });
    servers.push(after);
    browser = await launchChromium({ fullBrowser: true });
    // One untimed load of each first: Chromium's own start-up is nobody's figure.
    await oneRun(browser, before, login, password);
    await oneRun(browser, after, login, password);
    const results = {
      before: [] as Awaited<ReturnType<typeof oneRun>>[],
      after: [] as Awaited<ReturnType<typeof oneRun>>[],
    };
    for (let i = 0; i < runs; i++) {
      const order = i % 2 === 0 ? (['before', 'after'] as const) : (['after', 'before'] as const);
      for (const which of order) {
        results[which].push(
          await oneRun(browser, which === 'before' ? before : after, login, password),
        );
      }
    }
    return {
      runs,
      login,
      before: side(dirs.before, results.before),
      after: side(dirs.after, results.after),
    };
  } finally {
    await browser?.close().catch(() => undefined);
    for (const s of servers) await s.close();
    await app.close();
    fs.rmSync(tmp, { recursive: true, force: true });
  }
}

/** One line per figure, before and after side by side. */
export function firstScreenLines(f: FirstScreenFigures): string[] {
  const row = (name: string, b: number, a: number, unit = '') =>
    `${name.padEnd(34)} before=${b}${unit} after=${a}${unit} ratio=${b === 0 ? '-' : Math.round((a / b) * 1000) / 1000}`;
  return [
    row('ui.firstScreen.loginVisible_ms', f.before.loginVisible_ms, f.after.loginVisible_ms) +
      ` (p50 of ${f.runs}: before ${f.before.loginVisible_runs_ms.join(', ')}; after ${f.after.loginVisible_runs_ms.join(', ')})`,
    row('ui.firstScreen.signInToHome_ms', f.before.homeVisible_ms, f.after.homeVisible_ms) +
      ` (p50 of ${f.runs}: before ${f.before.homeVisible_runs_ms.join(', ')}; after ${f.after.homeVisible_runs_ms.join(', ')})`,
    row('ui.firstScreen.js.raw_bytes', f.before.js.raw, f.after.js.raw),
    row('ui.firstScreen.js.gzip_bytes', f.before.js.gzip, f.after.js.gzip),
    row('ui.firstScreen.js.br_bytes', f.before.js.br, f.after.js.br),
    row('ui.firstScreen.all.raw_bytes', f.before.all.raw, f.after.all.raw),
    row('ui.firstScreen.wire_bytes', f.before.wire_bytes, f.after.wire_bytes) +
      ' (as received: compressed when the server could)',
    row('ui.firstScreen.requests', f.before.requests, f.after.requests),
  ];
}
