import type { Browser, BrowserContext, Locator, Page } from 'playwright-core';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, expect } from 'vitest';
import type { Role } from '../../shared/auth/roles';
import type { OperationName } from '../../shared/contract/names';
import type { OpInput, OpOutput } from '../../shared/contract/operations';
import type { SessionInfo, UserView } from '../../shared/contract/types';
import { translate, type Language } from '../../shared/i18n/translate';
import type { Result } from '../../shared/result';
import { launchChromium } from './chromium';
import { officeBrowserArgs, officeCertificate, startTestServer, type TestServer } from './server';

/**
 * Shared plumbing of the browser journeys: one Chromium per file, one server (temp database)
 * per file or, with `restartFrom`, per journey, a fresh browser context per person, API calls from Node with a session cookie, and
 * expected texts taken from the catalogs rather than retyped.
 */

export const VIEWPORT = { width: 1280, height: 800 };
/** How long a UI condition may take before the journey fails. */
export const UI_TIMEOUT = 10_000;
/** The first screen of a fresh browser context: the signed-in bundle is parsed first. */
export const FIRST_SCREEN_TIMEOUT = 30_000;

export const ADMIN = {
  companyName: '示例科技有限公司',
  login: 'admin',
  displayName: '王管理',
  password: 'admin-pass-2024',
} as const;

/** The expected text of a catalog key, as the UI shows it. */
export function tr(language: Language, key: string, params?: Record<string, string | number>) {
  const text = translate(language, key, params);
  if (text === key) throw new Error(`No catalog entry for ${key}`);
  return text;
}
export const zh = (key: string, params?: Record<string, string | number>) =>
  tr('zh-CN', key, params);
export const en = (key: string, params?: Record<string, string | number>) => tr('en', key, params);

export interface Journey {
  /** The server of this journey (a new one after `restartFrom`). */
  readonly srv: TestServer;
  browser: Browser;
  /** The server's address for API calls from Node (`api(j.url, …)`). */
  readonly url: string;
  /**
   * Where the browsers go: the office server's public origin (https://reception.test:PORT) in
   * office mode, else `url`.
   */
  readonly pageUrl: string;
  /** Every page opened so far, for screenshots of a failure. */
  pages: Page[];
  /**
   * A fresh browser context (own cookies and storage): one person at one machine. With `cookie`
   * (a session from `signInApi`) the person is signed in already when the page loads.
   */
  open: (options?: {
    clock?: boolean;
    language?: Language;
    cookie?: string;
    /**
     * With `cookie`: a new page (tab) in the context this journey already opened for the same
     * session and language, when there is one, instead of a new context. The page loads the app
     * afresh, from the context's cache: a new context costs ~1.3 s more of CPU (download and
     * compile of the whole bundle), and the journeys open a hundred of them.
     */
    reuse?: boolean;
  }) => Promise<Page>;
  /**
   * Saves the database as it is now; `restartFrom` starts a journey on a copy of it. The file
   * lives until `close`.
   */
  saveDatabase: () => string;
  /**
   * Closes every browser context and the server, and starts a new server on a copy of a saved
   * database: the next journey sees nothing the last one did. Sessions in it stay valid.
   */
  restartFrom: (saved: string) => Promise<void>;
  close: () => Promise<void>;
}

/**
 * `clock`: the server's clock (epoch ms) for journeys that move time on (task reminders); run the
 * reminders with `srv.tick()`. Default: the real time.
 *
 * `motion`: the browser does not ask for reduced motion, so dialogs zoom and lists slide as most
 * people see them. By default the journeys ask for reduced motion (as a person may in the
 * system's settings), which the app honours by turning antd's animations off: a step does not
 * wait out, or land in the middle of, an animation. E2E_MOTION=1 turns motion on for every journey.
 *
 * `office`: the browsers use the office server (issue 14) — all addresses, TLS with a self-signed
 * certificate for reception.test, which Chromium resolves to this machine and trusts by its pinned
 * public key (see `officeBrowserArgs`). Pages open `pageUrl`; the session cookie is
 * `__Host-rm_session`. `url` stays a loopback server on the same app, for API calls from Node.
 */
export async function startJourney(
  options: { clock?: () => number; motion?: boolean; office?: boolean } = {},
): Promise<Journey> {
  const reducedMotion =
    options.motion || process.env.E2E_MOTION === '1' ? 'no-preference' : 'reduce';
  // One certificate for the journey: a restart keeps it, so the browser's pin still holds.
  const tlsDir = options.office ? fs.mkdtempSync(path.join(os.tmpdir(), 'rm-e2e-tls-')) : null;
  const removeTls = () => {
    if (tlsDir) fs.rmSync(tlsDir, { recursive: true, force: true });
  };
  const certificate = tlsDir ? await officeCertificate(tlsDir) : null;
  const serverOptions = {
    ...(options.clock ? { clock: options.clock } : {}),
    ...(certificate ? { office: { certificate } } : {}),
  };
  let srv: TestServer;
  try {
    srv = await startTestServer(serverOptions);
  } catch (e) {
    removeTls();
    throw e;
  }
  let browser: Browser;
  try {
    browser = await launchChromium(certificate ? { args: officeBrowserArgs(certificate) } : {});
  } catch (e) {
    await srv.stop();
    removeTls();
    throw e;
  }
  const pageUrl = () => srv.office?.url ?? srv.url;
  // Over TLS the server names its cookie with the __Host- prefix (main/server/http.ts).
  const cookieName = () => (srv.office ? '__Host-rm_session' : 'rm_session');
  const saves = fs.mkdtempSync(path.join(os.tmpdir(), 'rm-e2e-saved-'));
  const contexts: BrowserContext[] = [];
  const pageErrors: string[] = [];
  const pages: Page[] = [];
  const byKey = new Map<string, { context: BrowserContext; cookie: string }>();
  const closeContexts = async () => {
    byKey.clear();
    for (const c of contexts.splice(0)) await c.close().catch(() => undefined);
  };
  const watch = async (page: Page) => {
    pages.push(page);
    page.on('pageerror', (e) => pageErrors.push(`${page.url()}: ${e.message}`));
    // E2E_CPU_THROTTLE=6 runs each page's CPU six times slower: the busy machine of a CI run,
    // on demand, for chasing a journey that fails only under load.
    const rate = Number(process.env.E2E_CPU_THROTTLE ?? 1);
    if (rate > 1) {
      const cdp = await page.context().newCDPSession(page);
      await cdp.send('Emulation.setCPUThrottlingRate', { rate });
    }
  };
  /**
   * A new page in the context kept for `key`, set up as a fresh context's first page would be:
   * the same session cookie still in the jar (not signed out or replaced meanwhile), the language
   * in storage as the init script leaves it on an empty storage. Null when that cannot be had: no
   * such context, or already 3 pages open in it (each holds an event stream, and Chromium allows
   * 6 connections per host in a context: a seventh request would wait).
   */
  const reusable = async (key: string, language: Language | undefined) => {
    const kept = byKey.get(key);
    if (!kept) return null;
    const { context, cookie } = kept;
    const open = context.pages().filter((p) => !p.isClosed());
    const jar = await context.cookies(pageUrl()).catch(() => []);
    const from = open.find((p) => p.url().startsWith(pageUrl()));
    if (open.length >= 3 || !from || !jar.some((c) => c.value === encodeURIComponent(cookie))) {
      byKey.delete(key);
      return null;
    }
    const stored = await from
      .evaluate((lang) => {
        if (lang) localStorage.setItem('rm.language', lang);
        else localStorage.removeItem('rm.language');
        return true;
      }, language ?? null)
      .catch(() => false);
    if (!stored) {
      byKey.delete(key);
      return null;
    }
    const page = await context.newPage();
    await watch(page);
    await page.goto(pageUrl(), { timeout: FIRST_SCREEN_TIMEOUT });
    return page;
  };
  return {
    get srv() {
      return srv;
    },
    browser,
    get url() {
      return srv.url;
    },
    get pageUrl() {
      return pageUrl();
    },
    pages,
    open: async ({ clock = false, language, cookie, reuse = false } = {}) => {
      const key = cookie && reuse && !clock ? `${cookie} ${language ?? ''}` : null;
      const again = key ? await reusable(key, language) : null;
      if (again) return again;
      const context = await browser.newContext({
        viewport: VIEWPORT,
        locale: 'zh-CN',
        reducedMotion,
      });
      contexts.push(context);
      if (key && cookie) byKey.set(key, { context, cookie });
      context.setDefaultTimeout(UI_TIMEOUT);
      if (cookie) {
        await context.addCookies([
          {
            name: cookieName(),
            value: encodeURIComponent(cookie),
            url: pageUrl(),
            httpOnly: true,
            sameSite: 'Strict',
          },
        ]);
      }
      if (language) {
        await context.addInitScript((lang) => {
          if (!localStorage.getItem('rm.language')) localStorage.setItem('rm.language', lang);
        }, language);
      }
      const page = await context.newPage();
      await watch(page);
      if (clock) await page.clock.install();
      // The first load of a fresh context parses the whole bundle: on a busy machine it takes
      // longer than a step in the app (seen at 10 s with the CPU loaded).
      await page.goto(pageUrl(), { timeout: FIRST_SCREEN_TIMEOUT });
      return page;
    },
    saveDatabase: () => {
      const file = path.join(saves, `saved-${fs.readdirSync(saves).length + 1}.db`);
      srv.saveDatabase(file);
      return file;
    },
    restartFrom: async (saved) => {
      await closeContexts();
      pages.length = 0;
      await srv.stop();
      srv = await startTestServer({ ...serverOptions, from: saved });
    },
    close: async () => {
      await closeContexts();
      await browser.close().catch(() => undefined);
      await srv.stop();
      fs.rmSync(saves, { recursive: true, force: true });
      removeTls();
      // An uncaught exception in the page is a failure even when the journey got through.
      expect(pageErrors, 'uncaught errors in the page').toEqual([]);
    },
  };
}

const FAILURE_DIR = path.resolve(__dirname, '../.tmp/failures');

/**
 * Call at describe level: when a test fails, every open page of the journey is saved as a
 * screenshot under e2e/.tmp/failures/ (git-ignored) to see what the browser showed.
 */
export function screenshotFailures(journey: () => Journey | undefined) {
  afterEach(async (ctx) => {
    const j = journey();
    if (ctx.task.result?.state !== 'fail' || !j) return;
    fs.mkdirSync(FAILURE_DIR, { recursive: true });
    const name = ctx.task.name.replace(/[^\w-]+/g, '_').slice(0, 80);
    for (const [i, page] of j.pages.entries()) {
      if (page.isClosed()) continue;
      const file = path.join(FAILURE_DIR, `${name}-${i}.png`);
      await page.screenshot({ path: file }).catch(() => undefined);
      console.error(`screenshot of the failure: ${file}`);
    }
  });
}

// ---------------------------------------------------------------------------------------------
// The API over HTTP from Node, as curl would call it.

export interface ApiResponse<T> {
  status: number;
  body: Result<T>;
  /** The `rm_session` value the server set, if it set one. */
  cookie?: string;
}

export async function api<N extends OperationName>(
  url: string,
  op: N,
  input: OpInput<N>,
  cookie?: string,
): Promise<ApiResponse<OpOutput<N>>> {
  const res = await fetch(`${url}/api/${op}`, {
    method: 'POST',
    headers: {
      'Content-Type': 'application/json',
      ...(cookie ? { Cookie: `rm_session=${encodeURIComponent(cookie)}` } : {}),
    },
    body: JSON.stringify(input),
  });
  const setCookie = res.headers.get('set-cookie');
  const match = setCookie ? /rm_session=([^;]*)/.exec(setCookie) : null;
  const body = (await res.json()) as Result<OpOutput<N>>;
  return {
    status: res.status,
    body,
    ...(match?.[1] ? { cookie: decodeURIComponent(match[1]) } : {}),
  };
}

/** Unwraps a successful result or fails with the server's message. */
export function ok<T>(response: ApiResponse<T>): T {
  if (!response.body.ok) {
    throw new Error(
      `API call failed (${response.status}): ${response.body.error.code} ${response.body.error.message}`,
    );
  }
  return response.body.value;
}

export async function setupAdminApi(
  url: string,
  admin: OpInput<'setup.createAdmin'> = ADMIN,
): Promise<string> {
  const r = await api(url, 'setup.createAdmin', { ...admin });
  ok(r);
  if (!r.cookie) throw new Error('setup.createAdmin set no session cookie');
  return r.cookie;
}

export async function signInApi(url: string, login: string, password: string): Promise<string> {
  const r = await api(url, 'auth.login', { login, password });
  const session: SessionInfo = ok(r);
  if (!r.cookie || !session.user) throw new Error('auth.login set no session cookie');
  return r.cookie;
}

export async function createUserApi(
  url: string,
  adminCookie: string,
  user: {
    login: string;
    displayName: string;
    roles: Role[];
    password: string;
    departmentId?: number | null;
  },
): Promise<UserView> {
  return ok(await api(url, 'users.create', { departmentId: null, ...user }, adminCookie));
}

/** An API call made by the page itself, with its cookie, as the renderer's client makes it. */
export async function pageApi<N extends OperationName>(
  page: Page,
  op: N,
  input: OpInput<N>,
): Promise<{ status: number; body: Result<OpOutput<N>> }> {
  return page.evaluate(
    async ([name, payload]) => {
      const res = await fetch(`/api/${name}`, {
        method: 'POST',
        credentials: 'same-origin',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify(payload),
      });
      return { status: res.status, body: (await res.json()) as Result<OpOutput<N>> };
    },
    [op, input] as const,
  );
}

// ---------------------------------------------------------------------------------------------
// Waiting on the UI. playwright-core has no `expect`; these wait for a condition and fail with a
// readable message when it does not come.

export async function visible(locator: Locator, timeout = UI_TIMEOUT): Promise<Locator> {
  await locator.first().waitFor({ state: 'visible', timeout });
  await dialogSettled(locator);
  return locator;
}

/**
 * Inside a dialog, waits for its opening animation to end. antd drops a click on a confirmation's
 * button while the dialog is still zooming in: the dialog stays open and nothing happens (seen in
 * CI with the machine loaded, where the animation takes long). A person sees the dialog before
 * clicking; the journeys do too.
 */
async function dialogSettled(locator: Locator): Promise<void> {
  await locator
    .first()
    .evaluate(async (el) => {
      const dialog = el.closest('[role="dialog"]');
      if (!dialog) return;
      const running = dialog.getAnimations({ subtree: true }).map((a) => a.finished);
      await Promise.race([
        Promise.allSettled(running),
        new Promise((resolve) => setTimeout(resolve, 3_000)),
      ]);
    })
    .catch(() => undefined); // gone meanwhile: the caller's next step says what it expected
}

/**
 * Waits until nothing on the page moves (antd's zooms and fades, toasts, spinners) before a
 * screenshot or axe judges it. `ignoreEndless`: endless animations (a pulsing badge) do not count.
 * Polled on a timer, not on animation frames, and bounded: on a busy machine a fade was seen still
 * "running" ten seconds on. After 8 s what still runs is finished at once — the state a person
 * sees once it has ended — and the journey goes on.
 */
export async function settled(page: Page, { ignoreEndless = false } = {}): Promise<void> {
  const still = await page
    .waitForFunction(
      (ignore) =>
        document
          .getAnimations()
          .every(
            (a) =>
              a.playState !== 'running' ||
              (ignore && a.effect?.getTiming().iterations === Infinity),
          ),
      ignoreEndless,
      { polling: 100, timeout: 8_000 },
    )
    .then(() => true)
    .catch(() => false);
  if (still) return;
  await page.evaluate(() => {
    for (const a of document.getAnimations()) {
      if (a.playState === 'running' && a.effect?.getTiming().iterations !== Infinity) a.finish();
    }
  });
}

export async function gone(locator: Locator, timeout = UI_TIMEOUT): Promise<void> {
  await locator.first().waitFor({ state: 'hidden', timeout });
}

/** The error message under a form field (antd Form.Item bound to the input with this id). */
export function fieldError(page: Page, inputId: string): Locator {
  return page
    .locator('.ant-form-item', { has: page.locator(`[id="${inputId}"]`) })
    .locator('.ant-form-item-explain-error');
}

/** Waits until the field shows exactly this message. */
export async function expectFieldError(page: Page, inputId: string, message: string) {
  const error = fieldError(page, inputId);
  await visible(error);
  await expect.poll(() => error.innerText(), { timeout: UI_TIMEOUT }).toBe(message);
}

/** The visible texts of the sidebar's entries, in order. */
export async function sidebarItems(page: Page): Promise<string[]> {
  const items = page.getByTestId('sidebar').getByRole('menuitem');
  await visible(items);
  return (await items.allInnerTexts()).map((s) => s.trim());
}

/** The open dropdown's option with exactly this label (antd renders the label as its title). */
export function dropdownOption(page: Page, label: string): Locator {
  return page.locator(
    `.ant-select-dropdown:visible .ant-select-item-option[title=${JSON.stringify(label)}]`,
  );
}

/** Opens the Select of the field with this id and clicks these options in its dropdown. */
async function clickOptions(page: Page, inputId: string, labels: string[]) {
  const input = page.locator(`[id="${inputId}"]`);
  // A click on a field whose list is open would close it (a try after a missed pick).
  if ((await input.getAttribute('aria-expanded')) !== 'true') await input.click();
  for (const label of labels) {
    const option = dropdownOption(page, label);
    await visible(option);
    await option.click();
  }
}

/**
 * Clicks options of a multiple Select opened from the field with this id (a click toggles an
 * option, so this also removes a preselected one), then closes its dropdown.
 *
 * Escape only while the field says its list is open: a Select whose list is closed lets Escape
 * through to the dialog around it, which closes and loses the form. That was the "dialog closed
 * by itself" flake (新建部门, 手工预订): after a single pick the list was already closed but
 * still fading out, so it still counted as visible, and the Escape went to the dialog.
 */
export async function pickOptions(page: Page, inputId: string, labels: string[]) {
  const input = page.locator(`[id="${inputId}"]`);
  await clickOptions(page, inputId, labels);
  if ((await input.getAttribute('aria-expanded')) === 'true') {
    await input.press('Escape');
    await gone(page.locator('.ant-select-dropdown:visible'));
  }
}

/**
 * Picks one option of a single Select and checks the field shows it: on a busy machine a click
 * on an option that is still sliding in can land beside it, and the field stays empty. Then the
 * pick is made once more (what a person would do), rather than the journey going on without it.
 */
export async function pickOption(page: Page, inputId: string, label: string) {
  const field = page.locator('.ant-select', { has: page.locator(`[id="${inputId}"]`) }).first();
  const shows = async () => (await field.innerText()).includes(label);
  const tries = [
    // A single Select closes its list on the pick itself: no Escape (see pickOptions).
    () => clickOptions(page, inputId, [label]),
    () => clickOptions(page, inputId, [label]),
    // Seen once in CI: two clicks on the option and the field still empty. The keyboard's way
    // (↓ to the option, Enter) does not depend on where a click lands.
    () => chooseWithKeyboard(page.locator(`[id="${inputId}"]`), label),
  ];
  for (const [i, pick] of tries.entries()) {
    await pick();
    const last = i === tries.length - 1;
    try {
      await expect.poll(shows, { timeout: last ? UI_TIMEOUT : 3_000 }).toBe(true);
      return;
    } catch (e) {
      if (last) throw e;
    }
  }
}

/**
 * Picks an item of a dropdown menu opened from `trigger` and waits for what the pick opens
 * (`opens`). Seen in CI with the machine loaded: the dialog a menu item opens did not come — the
 * click on an item still sliding in can land beside it and the menu closes. Then the menu is
 * opened and the item picked once more, as a person would, rather than the journey failing on a
 * click that never happened.
 */
export async function chooseMenuItem(
  page: Page,
  trigger: Locator,
  name: string,
  opens: Locator,
): Promise<void> {
  for (let attempt = 0; ; attempt++) {
    await trigger.click();
    const item = page.getByRole('menuitem', { name, exact: true });
    await visible(item);
    await item.click();
    try {
      await visible(opens, attempt === 0 ? 5_000 : UI_TIMEOUT);
      return;
    } catch (e) {
      if (attempt > 0) throw e;
      await gone(page.locator('.ant-dropdown:not(.ant-dropdown-hidden)'));
    }
  }
}

/**
 * Chooses an option of an antd Select with the keyboard: opens it, moves down until the active
 * option (aria-activedescendant) is the one, then Enter. Works for options the virtual list has
 * not rendered yet, which a click cannot reach.
 */
export async function chooseWithKeyboard(combobox: Locator, label: string) {
  await combobox.click();
  const active = () =>
    combobox.evaluate((el) => {
      const id = el.getAttribute('aria-activedescendant');
      return id ? (document.getElementById(id)?.getAttribute('aria-label') ?? null) : null;
    });
  for (let i = 0; i < 100; i++) {
    if ((await active()) === label) {
      await combobox.press('Enter');
      return;
    }
    await combobox.press('ArrowDown');
  }
  throw new Error(`No option "${label}" in the list`);
}

// ---------------------------------------------------------------------------------------------
// Screens.

export async function expectLoginScreen(page: Page, language: Language = 'zh-CN') {
  await visible(page.getByRole('heading', { name: tr(language, 'login.title'), exact: true }));
}

const escapeRe = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * A button by its label. The aria-label of an antd icon counts in the button's accessible name
 * ("plus 新建用户"), and antd leaves the loading icon of a button that was busy in the DOM
 * (aria-label "loading", leave animation) for a while after the request: accept such prefixes.
 */
export function button(scope: Page | Locator, label: string): Locator {
  return scope.getByRole('button', { name: new RegExp(`^([a-z-]+ )*${escapeRe(label)}$`) });
}

/** Signs in through the form and waits for the signed-in shell (or not, when it should fail). */
export async function signIn(
  page: Page,
  login: string,
  password: string,
  { expectHome = true, language = 'zh-CN' as Language } = {},
) {
  await page.getByLabel(tr(language, 'login.login'), { exact: true }).fill(login);
  await page.getByLabel(tr(language, 'login.password'), { exact: true }).fill(password);
  await button(page, tr(language, 'login.submit')).click();
  if (expectHome) await visible(page.getByTestId('sidebar'), FIRST_SCREEN_TIMEOUT);
}

/** A new browser signed in through the form as the first administrator (ADMIN), on the home page. */
export async function openAsAdmin(j: Journey, options: { clock?: boolean } = {}): Promise<Page> {
  const page = await j.open(options);
  await signIn(page, ADMIN.login, ADMIN.password);
  await expectHome(page, ADMIN.displayName);
  return page;
}

/** The home page of a signed-in user: the welcome heading with the user's name. */
export async function expectHome(page: Page, displayName: string, language: Language = 'zh-CN') {
  await visible(
    page.getByRole('heading', { name: tr(language, 'home.welcome', { name: displayName }) }),
  );
}

export async function openUserMenu(page: Page) {
  await page.getByTestId('user-menu').click();
}

export async function signOut(page: Page, language: Language = 'zh-CN') {
  await openUserMenu(page);
  await page.getByRole('menuitem', { name: tr(language, 'nav.logout') }).click();
  await expectLoginScreen(page, language);
}

/** Goes to a page of the signed-in app through the sidebar. */
export async function navigate(page: Page, navKey: string, language: Language = 'zh-CN') {
  await page
    .getByTestId('sidebar')
    .getByRole('menuitem', { name: tr(language, navKey) })
    .click();
}

/** The unread count on the notification bell's badge (0 when no badge shows). */
export async function bellCount(page: Page): Promise<number> {
  const bell = page.getByTestId('bell');
  await visible(bell);
  return bell.evaluate((el) => {
    const badge = el.closest('.ant-badge')?.querySelector('.ant-badge-count');
    if (!badge || badge.classList.contains('ant-zoom-leave')) return 0;
    return Number(badge.getAttribute('title') ?? badge.textContent ?? '0');
  });
}

/** Counts rows of a table in the database the server is using. */
export function count(srv: TestServer, sql: string, ...params: unknown[]): number {
  const row = srv.rows<Record<string, number>>(sql, ...params)[0] ?? {};
  const value = Object.values(row)[0];
  if (typeof value !== 'number') throw new Error(`Not a count: ${sql}`);
  return value;
}

/** Where a journey saves a picture of a screen for a person to look at (git-ignored). */
export function shotPath(language: Language, name: string): string {
  const dir = path.resolve(__dirname, '..', 'screenshots', language);
  fs.mkdirSync(dir, { recursive: true });
  return path.join(dir, `${name}.png`);
}
