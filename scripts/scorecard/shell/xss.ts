/**
 * D6, the XSS sweep: payloads stored through the API (the real dispatcher and a temp database)
 * in every kind of free-text field, then shown by the built renderer in Chromium (browser mode:
 * the real HTTP server) on lists, the dossiers, the print views and the bookings' plan, day and
 * sheets, each signed in as who would open it. A page-level hook counts what runs: payloads call
 * `__xss(id)` (a binding) or open a dialog; CSP violations are counted apart (blocked, so not an
 * execution); and each view's DOM is searched for markup a payload could have brought in
 * (script/iframe/object… elements, on* attributes, javascript: links), which the CSP would hide
 * from the hook.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { createApp, type RunningApp } from '../../../main/app';
import { startServer, type RunningServer } from '../../../main/server/http';
import { CSP } from '../../../main/core/csp';
import { visitor } from '../../../main/test-fixtures';
import { lineInput } from '../../crashtest/random';
import { newRequest, ok } from '../../crashtest/company';
import type { OpInput } from '../../../shared/contract/operations';
import {
  companyClock,
  createUser,
  decideNext,
  file,
  makeCompany,
  setCompanyName,
  type Company,
} from './company';
import { PAYLOADS, payload } from './payloads';

/** The free-text field types, by the letter that starts their payloads' ids. */
export const FIELDS = {
  o: 'request organisation',
  p: 'request purpose',
  n: 'visitor name',
  t: 'visitor title',
  v: 'visitor notes',
  c: 'companion name',
  a: 'itinerary activity',
  l: 'itinerary place',
  w: 'itinerary owner',
  u: 'user display name',
  d: 'department name',
  e: 'expense vendor',
  r: 'approval comment',
  b: 'booking text',
  h: 'catalogue name',
  k: 'company name',
} as const;
type Field = keyof typeof FIELDS;

const P = (f: Field, i: number) => payload(i, `${f}${i}`);

/** Payloads of one field packed into texts of at most `max` characters: one text, many ids. */
interface Packed {
  text: string;
  /** Each payload in `text`, by its id. */
  parts: [string, string][];
}
function pack(f: Field, ids: readonly number[], max: number, separator: string): Packed[] {
  const out: Packed[] = [];
  let cur: Packed | null = null;
  for (const i of ids) {
    const s = P(f, i);
    const joined: string = cur ? `${cur.text}${separator}${s}` : s;
    if (cur && [...joined].length <= max) {
      cur.text = joined;
      cur.parts.push([`${f}${i}`, s]);
    } else {
      cur = { text: s, parts: [[`${f}${i}`, s]] };
      out.push(cur);
    }
  }
  return out;
}

/** The day of the visits' bookings (the fixtures' visit day). */
export const BOOKING_DAY = '2026-12-01';

export interface Stored {
  app: RunningApp;
  company: Company;
  big: number;
  /** A request returned by its first approver, with payloads as the reason. */
  returned: number;
  /**
   * Company names, each a few payloads (100 characters): the sweep sets the next before each view
   * (the layout's header and the print heads show it), so that many are shown. Their texts are in
   * `texts` once they are set.
   */
  companyNames: Packed[];
  /** Every stored text, by its id. */
  texts: Map<string, string>;
  dir: string;
}

/** Stores `count` payloads in every field type, through the dispatcher. */
export async function storePayloads(count: number): Promise<Stored> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'rm-score-d6-'));
  const app = createApp(path.join(dir, 'reception.db'), { clock: companyClock() });
  const texts = new Map<string, string>();
  const ids = Array.from({ length: count }, (_, i) => i);
  const keep = (f: Field, i: number) => {
    const s = P(f, i);
    texts.set(`${f}${i}`, s);
    return s;
  };
  const keepAll = (p: Packed) => {
    for (const [id, s] of p.parts) texts.set(id, s);
    return p.text;
  };
  const companyNames = pack('k', ids, 100, ' ');
  const firstName = companyNames[0];
  const company = await makeCompany(app, firstName ? { company: keepAll(firstName) } : {});
  for (const i of ids) {
    await createUser(app, company.admin, `xss${i}`, keep('u', i), ['host'], null);
    await ok(app, 'departments.create', { name: keep('d', i), headUserId: null }, company.admin);
  }
  // One visit holds every payload in its lists; its purpose as many as fit in 2,000 characters.
  let purpose = '';
  for (const i of ids) {
    const next = `${purpose}${purpose ? '\n' : ''}${P('p', i)}`;
    if ([...next].length > 2_000) break;
    purpose = next;
    keep('p', i);
  }
  const big = await ok(
    app,
    'requests.submit',
    newRequest({
      orgName: keep('o', 0),
      purpose,
      visitors: ids.map((i) => visitor(keep('n', i), { title: keep('t', i), notes: keep('v', i) })),
      companions: ids.map((i) => ({ userId: null, name: keep('c', i) })),
      itinerary: ids.map((i) => ({
        date: '2026-12-01',
        time: '10:00',
        activity: keep('a', i),
        place: keep('l', i),
        owner: keep('w', i),
      })),
    }),
    company.host,
  );
  // Approval comments, packed into as few decisions as hold them (1,000 characters each): the
  // first is the reason a request is returned for (the dossier's head shows it), the others are
  // the approvers' notes on the big visit (its print view, the approver's 已处理 list).
  const comments = pack('r', ids, 1_000, '\n');
  const given = await file(
    app,
    company,
    big.id,
    comments.slice(1).map((p) => p.text),
  );
  for (const p of comments.slice(1, 1 + given)) keepAll(p);
  for (const i of ids.slice(1)) {
    await ok(app, 'requests.submit', newRequest({ orgName: keep('o', i) }), company.host);
  }
  const returned = await ok(app, 'requests.submit', newRequest(), company.host);
  const first = comments[0];
  if (first && !(await decideNext(app, company, returned.id, 'return', keepAll(first)))) {
    throw new Error(`request ${returned.id} has no step to return`);
  }
  await storeBookings(app, company, big.id, ids, keep);
  for (const i of ids) {
    // The line's note is shown only in its edit form (LineDrawer), which no URL opens: neither the
    // visit's money page, the printed 核销单 nor finance's lists show it. Vendor only.
    const line = { ...lineInput(i, '', () => 0.5), vendor: keep('e', i) };
    await ok(
      app,
      'expenses.saveLine',
      { requestId: big.id, id: null, version: null, line },
      company.host,
    );
  }
  return { app, company, big: big.id, returned: returned.id, companyNames, texts, dir };
}

/**
 * The bookings of the big visit, made by the admin office: catalogue entries named with payloads
 * (`h`: a vehicle's model, a hotel's, restaurant's, meeting room's or supply's name), each booked
 * for the visit so that the plan, 今日安排 and the day sheets show it, and the bookings' own free
 * text (`b`: a car's route, a ticket's travellers). Left out: a driver's name, a room type, a private
 * room and a setup item's responsible person hold 30 characters, too few for most payloads.
 */
async function storeBookings(
  app: RunningApp,
  c: Company,
  requestId: number,
  ids: readonly number[],
  keep: (f: Field, i: number) => string,
): Promise<void> {
  type Resource = OpInput<'bookings.saveResource'>['resource'];
  type Detail = OpInput<'bookings.save'>['detail'];
  const day = BOOKING_DAY;
  const save = async (resource: Resource) =>
    (await ok(app, 'bookings.saveResource', { id: null, version: null, resource }, c.office)).id;
  // Cars share one driver: tentative, so the office's clash check lets them overlap.
  const book = (detail: Detail, status: 'tentative' | 'confirmed' = 'confirmed') =>
    ok(
      app,
      'bookings.save',
      { id: null, version: null, requestId, needKey: null, status, detail },
      c.office,
    );
  const driverId = await save({
    kind: 'driver',
    name: '赵师傅',
    phone: '13900001111',
    licenceClass: 'C1',
  });
  const vehicles: number[] = [];
  for (const i of ids) {
    const name = keep('h', i);
    switch (i % 5) {
      case 0:
        vehicles.push(
          await save({ kind: 'vehicle', plate: `京A${10000 + i}`, model: name, seats: 7 }),
        );
        break;
      case 1: {
        const hotelId = await save({
          kind: 'hotel',
          name,
          star: null,
          address: '',
          phone: '',
          roomTypes: [{ name: '标准间', priceFen: 45_000 }],
        });
        await book({
          kind: 'hotel',
          hotelId,
          roomType: '标准间',
          rooms: 1,
          checkInDate: day,
          nights: 1,
          payer: 'visitor',
        });
        break;
      }
      case 2: {
        const restaurantId = await save({
          kind: 'restaurant',
          name,
          address: '',
          phone: '',
          perHeadFen: 9_000,
          privateRooms: [],
        });
        await book({
          kind: 'restaurant',
          restaurantId,
          privateRoom: '',
          meal: 'lunch',
          date: day,
          time: '12:00',
          covers: 2,
          perHeadFen: 9_000,
        });
        break;
      }
      case 3: {
        const roomId = await save({ kind: 'room', name, place: '', capacity: 20, equipment: [] });
        await book({
          kind: 'room',
          roomId,
          attendees: 2,
          setup: [],
          startDate: day,
          startTime: '10:00',
          endDate: day,
          endTime: '11:00',
        });
        break;
      }
      default: {
        const supplyId = await save({ kind: 'supply', name, unit: '盒', stock: 10 });
        await book({ kind: 'supply', date: day, items: [{ supplyId, quantity: 1 }] });
      }
    }
  }
  if (vehicles.length === 0) {
    vehicles.push(await save({ kind: 'vehicle', plate: '京B10000', model: '别克GL8', seats: 7 }));
  }
  for (const i of ids) {
    const text = keep('b', i);
    if (i % 2 === 0) {
      const hour = String(8 + ((i / 2) % 12)).padStart(2, '0');
      await book(
        {
          kind: 'car',
          carKind: 'transfer',
          vehicleId: vehicles[(i / 2) % vehicles.length] ?? 0,
          driverId,
          from: text,
          to: '首都机场T3',
          passengers: 2,
          transportNo: '',
          startDate: day,
          startTime: `${hour}:00`,
          endDate: day,
          endTime: `${hour}:30`,
        },
        'tentative',
      );
    } else {
      await book({
        kind: 'ticket',
        mode: 'rail',
        travellers: text,
        from: '北京南',
        to: '上海虹桥',
        departDate: day,
        departTime: '18:00',
        number: '',
        priceFen: 0,
        ticketStatus: 'to_book',
      });
    }
  }
}

export interface ViewResult {
  view: string;
  /** Stored texts this view showed (as text). */
  shown: string[];
  /** Markup a payload brought into the DOM (see `injectedMarkup`). */
  injected: string[];
}

export interface XssResult {
  payloads: number;
  fields: number;
  stored: number;
  views: ViewResult[];
  /** Distinct stored texts seen on some view. */
  shown: number;
  /** Field types seen on some view. */
  fieldsShown: string[];
  executions: string[];
  dialogs: string[];
  cspViolations: string[];
  consoleCsp: number;
  pageErrors: string[];
}

/**
 * A CSP violation of the app's own code, not of a payload: zod probes whether `new Function` is
 * allowed (to pick its fast path) and the CSP says no. Payloads would break script-src-elem or
 * script-src-attr (inline), img/frame/object sources or the like.
 */
export const isOwnEvalProbe = (v: string) =>
  /^script-src eval .*\/assets\/[\w.-]+\.js:\d+$/.test(v);

/** Runs in the page: elements and attributes no stored text may become. */
function injectedMarkup(): string[] {
  const out: string[] = [];
  const banned = new Set([
    'SCRIPT',
    'IFRAME',
    'OBJECT',
    'EMBED',
    'BASE',
    'META',
    'LINK',
    'TEMPLATE',
    'NOSCRIPT',
    'MARQUEE',
    'DETAILS',
    'VIDEO',
    'AUDIO',
    'MATH',
    'FORM',
  ]);
  for (const el of Array.from(document.body.querySelectorAll('*'))) {
    if (banned.has(el.tagName.toUpperCase())) out.push(`<${el.tagName.toLowerCase()}>`);
    if (el.tagName.toLowerCase() === 'x' || el.tagName.toLowerCase() === 'animate') {
      out.push(`<${el.tagName.toLowerCase()}>`);
    }
    for (const a of Array.from(el.attributes)) {
      const name = a.name.toLowerCase();
      const value = a.value
        .trim()
        .toLowerCase()
        // eslint-disable-next-line no-control-regex -- a browser ignores these inside a URL
        .replace(/[\s\u0000-\u001f]/g, '');
      if (name.startsWith('on')) out.push(`${el.tagName.toLowerCase()}[${name}]`);
      if (
        /^(href|src|action|formaction|xlink:href|data|srcdoc|srcset)$/.test(name) &&
        (value.startsWith('javascript:') || value.startsWith('data:text/html') || name === 'srcdoc')
      ) {
        out.push(`${el.tagName.toLowerCase()}[${name}=${value.slice(0, 30)}]`);
      }
    }
  }
  return out;
}

interface Hooks {
  executions: string[];
  dialogs: string[];
  cspViolations: string[];
  consoleCsp: number;
  pageErrors: string[];
}

/** The page-level hook: `__xss(id)` and `__cspv(what)` bindings, dialogs, console CSP reports. */
async function hook(context: BrowserContext): Promise<Hooks> {
  const h: Hooks = {
    executions: [],
    dialogs: [],
    cspViolations: [],
    consoleCsp: 0,
    pageErrors: [],
  };
  await context.exposeBinding('__xss', (_source, id: unknown) => {
    h.executions.push(String(id));
  });
  await context.exposeBinding('__cspv', (_source, what: unknown) => {
    h.cspViolations.push(String(what));
  });
  await context.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (e) => {
      const report = (window as unknown as { __cspv?: (s: string) => void }).__cspv;
      report?.(`${e.violatedDirective} ${e.blockedURI} at ${e.sourceFile}:${e.lineNumber}`);
    });
  });
  return h;
}

function watch(page: Page, h: Hooks) {
  page.on('dialog', (d) => {
    h.dialogs.push(`${d.type()}: ${d.message()}`);
    void d.dismiss().catch(() => undefined);
  });
  page.on('console', (m) => {
    if (/Content Security Policy/i.test(m.text())) h.consoleCsp++;
  });
  page.on('pageerror', (e) => h.pageErrors.push(e.message));
}

/** Shows one route and reads what it shows. */
async function view(
  page: Page,
  url: string,
  route: string,
  texts: Map<string, string>,
  companyName: string,
): Promise<ViewResult> {
  // A full load per view (the query makes it a new document): no state carried between views.
  await page.goto(`${url}/?view=${encodeURIComponent(route)}#${route}`, {
    waitUntil: 'domcontentloaded',
  });
  // Every field's second payload is an <img onerror>: wait until such a text shows (more of them
  // than the company name, which the layout shows before the page's data is in), then a little
  // longer for anything a payload might have started (an image error, a focus, a load).
  const own = companyName.split('onerror=').length - 1;
  await page
    .waitForFunction((n) => document.body.innerText.split('onerror=').length - 1 > n, own, {
      timeout: 15_000,
    })
    .catch(() => undefined);
  await page.waitForTimeout(400);
  const text = await page.evaluate(() => document.body.innerText);
  const shown = [...texts.entries()].filter(([, s]) => text.includes(s)).map(([id]) => id);
  const injected = await page.evaluate(injectedMarkup);
  return { view: route, shown, injected };
}

async function signIn(context: BrowserContext, url: string, token: string) {
  await context.clearCookies();
  await context.addCookies([
    {
      name: 'rm_session',
      value: encodeURIComponent(token),
      url,
      httpOnly: true,
      sameSite: 'Strict',
    },
  ]);
}

export async function runXss(options: {
  rendererDir: string;
  count: number;
  log: (s: string) => void;
  browser: Browser;
}): Promise<XssResult> {
  const stored = await storePayloads(options.count);
  let server: RunningServer | null = null;
  const browser = options.browser;
  try {
    server = await startServer(stored.app, { port: 0, staticDir: options.rendererDir });
    const url = server.url;
    const context = await browser.newContext({
      viewport: { width: 1280, height: 800 },
      locale: 'zh-CN',
    });
    context.setDefaultTimeout(20_000);
    const h = await hook(context);
    const page = await context.newPage();
    watch(page, h);
    const c = stored.company;
    const big = stored.big;
    const day = BOOKING_DAY;
    const plan: [string, string[]][] = [
      [
        c.host,
        [
          '/requests/mine',
          `/requests/${big}`,
          `/requests/${big}/print`,
          `/requests/${stored.returned}`,
          `/expenses/${big}`,
          `/expenses/${big}/print`,
        ],
      ],
      [c.head, ['/approvals/decided']],
      [
        c.office,
        [
          `/bookings/plan/${big}`,
          `/bookings/today?date=${day}`,
          `/bookings/print/trips/${day}`,
          `/bookings/print/rooms/${day}`,
          '/bookings/catalogue?kind=hotel',
        ],
      ],
      [c.admin, ['/users', '/departments']],
    ];
    const views: ViewResult[] = [];
    let companyName = stored.companyNames[0]?.text ?? '';
    for (const [token, routes] of plan) {
      await signIn(context, url, token);
      for (const route of routes) {
        // The next company name (the first was set at setup), while there are more: each view
        // shows other payloads in its header.
        const next = views.length > 0 ? stored.companyNames[views.length] : undefined;
        if (next) {
          await setCompanyName(stored.app, c, next.text);
          for (const [id, s] of next.parts) stored.texts.set(id, s);
          companyName = next.text;
        }
        const v = await view(page, url, route, stored.texts, companyName);
        options.log(`  ${route}: ${v.shown.length} texts shown, ${v.injected.length} injected`);
        views.push(v);
      }
    }
    await context.close();
    const shownIds = new Set(views.flatMap((v) => v.shown));
    const fieldsShown = Object.keys(FIELDS).filter((f) =>
      [...shownIds].some((id) => id.startsWith(f)),
    );
    return {
      payloads: Math.min(options.count, PAYLOADS.length),
      fields: Object.keys(FIELDS).length,
      stored: stored.texts.size,
      views,
      shown: shownIds.size,
      fieldsShown,
      ...h,
    };
  } finally {
    await server?.close();
    await stored.app.close();
    fs.rmSync(stored.dir, { recursive: true, force: true });
  }
}

export interface SelfTest {
  /** Payloads set with innerHTML (what dangerouslySetInnerHTML does) on a page without CSP. */
  executed: number;
  /** The same under the app's CSP: blocked, reported, and found in the DOM. */
  cspBlocked: number;
  injected: number;
  total: number;
}

/** The hook and the DOM search catch payloads that a careless page renders as markup. */
export async function selfTest(browser: Browser): Promise<SelfTest> {
  {
    const context = await browser.newContext();
    const h = await hook(context);
    // Without the meta refresh, which would take the test page away before it is read.
    const all = PAYLOADS.map((_, i) => payload(i, `s${i}`)).filter(
      (p) => !p.includes('http-equiv'),
    );
    const pageWith = (csp: string | null) =>
      `<!doctype html><html><head>${csp ? `<meta http-equiv="Content-Security-Policy" content="${csp}">` : ''}` +
      `</head><body><div id="t"></div><script src="/render.js"></script></body></html>`;
    const script = `for (const p of ${JSON.stringify(all)}) { const d = document.createElement('div'); d.innerHTML = p; document.getElementById('t').appendChild(d); }`;
    await context.route('http://selftest.invalid/**', (route) => {
      const u = new URL(route.request().url());
      if (u.pathname === '/render.js') {
        return route.fulfill({ contentType: 'text/javascript', body: script });
      }
      if (u.pathname !== '/csp' && u.pathname !== '/plain') return route.fulfill({ status: 404 });
      return route.fulfill({
        contentType: 'text/html',
        body: pageWith(u.pathname === '/csp' ? CSP : null),
      });
    });
    const page = await context.newPage();
    watch(page, h);
    await page.goto('http://selftest.invalid/plain', { waitUntil: 'domcontentloaded' });
    await page.waitForTimeout(500);
    const executed = new Set(h.executions).size + h.dialogs.length;
    h.executions.length = 0;
    h.dialogs.length = 0;
    // A fresh page: the first one's payloads (a meta refresh) may still be navigating it.
    await page.close();
    const second = await context.newPage();
    watch(second, h);
    await second.goto('http://selftest.invalid/csp', { waitUntil: 'domcontentloaded' });
    await second.waitForTimeout(500);
    const injected = (await second.evaluate(injectedMarkup)).length;
    const r = {
      executed,
      cspBlocked: h.cspViolations.length,
      injected: injected + new Set(h.executions).size,
      total: all.length,
    };
    await context.close();
    return r;
  }
}
