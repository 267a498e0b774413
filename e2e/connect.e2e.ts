import http from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { serveStatic } from '../main/server/static';
import { CONNECT_STRINGS, fill } from '../renderer/src/connect/strings';
import type {
  ChooseAnswer,
  ConnectBridge,
  ConnectChoice,
  ConnectLanguage,
  ProbeAnswer,
  ServerView,
} from '../shared/contract/connect-window';
import { expectAccessible } from './support/axe';
import { launchChromium } from './support/chromium';
import { settled, shotPath, UI_TIMEOUT, visible } from './support/journey';
import { RENDERER_DIR } from './support/server';

/**
 * The desktop app's first-run choice window (issue 14) in a real Chromium: the built page
 * (out/renderer/connect.html, as the app loads it) with a typed stand-in for the window's preload
 * (`window.connectApi`) that answers from a script, since Electron cannot run here. What main
 * decides behind those answers — the address, the certificate, the health check, the file — has
 * its own tests (main/electron/connect-*.test.ts); this checks what the person sees and can do.
 */

/** The window's own size (main/electron/connect-options.ts). */
const WINDOW = { width: 760, height: 720 };

const FINGERPRINT = Array.from({ length: 32 }, (_, i) =>
  ((i * 37 + 11) % 256).toString(16).toUpperCase().padStart(2, '0'),
).join(':');

const TRUSTED: ServerView = {
  origin: 'https://reception.example.com:8443',
  host: 'reception.example.com:8443',
  trust: 'system',
  fingerprint256: FINGERPRINT,
  names: ['DNS:reception.example.com'],
  issuer: 'C=US, O=Let’s Encrypt, CN=R11',
  validTo: '2026-09-30T12:00:00.000Z',
};

const SELF_SIGNED: ServerView = {
  origin: 'https://reception.test:8443',
  host: 'reception.test:8443',
  trust: 'self-signed',
  fingerprint256: FINGERPRINT,
  names: ['DNS:reception.test', 'IP Address:10.0.0.5'],
  issuer: 'CN=reception.test',
  validTo: '2027-01-31T08:00:00.000Z',
};

/** What the stand-in answers: probes by the address as typed (trimmed), one answer to `choose`. */
interface FakeScript {
  locale: ConnectLanguage;
  probes: Record<string, ProbeAnswer>;
  choose: ChooseAnswer;
  /** A little wait, so the page shows its loading states as it does with the real main. */
  delayMs: number;
}

interface FakeCalls {
  probe: string[];
  choose: ConnectChoice[];
}

const SCRIPT: Omit<FakeScript, 'locale'> = {
  probes: {
    'reception.example.com:8443': { ok: true, server: TRUSTED },
    'https://reception.test:8443': { ok: true, server: SELF_SIGNED },
    'http://reception.example.com': { ok: false, problem: 'address', addressProblem: 'not-https' },
    'https://reception.example.com:8443/login': {
      ok: false,
      problem: 'address',
      addressProblem: 'not-just-server',
    },
  },
  choose: { ok: true },
  delayMs: 150,
};

/**
 * Runs in the page before its scripts (Playwright's addInitScript, serialised: self-contained).
 * An unknown address is unreachable, as the real main answers for a name that does not resolve.
 */
function installFakeConnectApi(script: FakeScript): void {
  const calls: FakeCalls = { probe: [], choose: [] };
  const wait = () => new Promise((resolve) => setTimeout(resolve, script.delayMs));
  const api: ConnectBridge = {
    locale: script.locale,
    async probe(address) {
      calls.probe.push(address);
      await wait();
      const key = address.trim();
      return (
        script.probes[key] ?? { ok: false, problem: 'unreachable', host: key, detail: 'ENOTFOUND' }
      );
    },
    async choose(choice) {
      calls.choose.push(choice);
      await wait();
      return script.choose;
    },
  };
  Object.assign(window, { connectApi: Object.freeze(api), __connectCalls: calls });
}

let server: http.Server;
let baseUrl: string;
let browser: Browser;
const contexts: BrowserContext[] = [];
const pageErrors: string[] = [];

beforeAll(async () => {
  // The built renderer as the office server serves it (same headers, CSP included).
  server = http.createServer((req, res) => {
    const pathname = new URL(req.url ?? '/', 'http://x').pathname;
    void serveStatic(RENDERER_DIR, pathname, req, res);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  browser = await launchChromium();
});

afterEach(async () => {
  for (const c of contexts.splice(0)) await c.close().catch(() => undefined);
  expect(pageErrors.splice(0), 'uncaught errors in the page').toEqual([]);
});

afterAll(async () => {
  await browser?.close();
  await new Promise((resolve) => server?.close(resolve));
});

async function openChoice(
  locale: ConnectLanguage,
  overrides: Partial<Omit<FakeScript, 'locale'>> = {},
): Promise<Page> {
  const context = await browser.newContext({ viewport: WINDOW, locale, reducedMotion: 'reduce' });
  contexts.push(context);
  context.setDefaultTimeout(UI_TIMEOUT);
  const script: FakeScript = { ...SCRIPT, ...overrides, locale };
  await context.addInitScript(installFakeConnectApi, script);
  const page = await context.newPage();
  page.on('pageerror', (e) => pageErrors.push(e.message));
  await page.goto(`${baseUrl}/connect.html`);
  await visible(page.getByRole('heading', { level: 1 }));
  return page;
}

const calls = (page: Page) =>
  page.evaluate(() => (window as unknown as { __connectCalls: FakeCalls }).__connectCalls);

/** Nothing scrolls sideways, no `{{parameter}}` is left, and axe finds nothing serious; a picture. */
async function check(page: Page, language: ConnectLanguage, name: string) {
  await settled(page);
  const { overflow, text } = await page.evaluate(() => ({
    overflow: document.documentElement.scrollWidth - document.documentElement.clientWidth,
    text: document.body.innerText,
  }));
  expect(overflow, `${name} scrolls sideways`).toBeLessThanOrEqual(0);
  expect(text, name).not.toMatch(/\{\{|undefined/);
  await expectAccessible(page, `${name} (${language})`);
  await page.screenshot({ path: shotPath(language, name), fullPage: true });
}

async function toServerForm(page: Page, language: ConnectLanguage) {
  const s = CONNECT_STRINGS[language];
  await page.getByTestId('choose-server').click();
  await visible(page.getByLabel(s.addressLabel));
}

async function checkAddress(page: Page, language: ConnectLanguage, address: string) {
  const s = CONNECT_STRINGS[language];
  await page.getByLabel(s.addressLabel).fill(address);
  await page.getByRole('button', { name: s.check, exact: true }).click();
}

const connectButton = (page: Page) => page.getByTestId('connect');

describe.each<ConnectLanguage>(['zh-CN', 'en'])('the first-run choice window (%s)', (language) => {
  const s = CONNECT_STRINGS[language];

  it('"only on this computer" saves the local choice and says the app is opening', async () => {
    const page = await openChoice(language);
    expect(await page.evaluate(() => document.documentElement.lang)).toBe(language);
    await visible(page.getByText(s.title, { exact: true }));
    await visible(page.getByText(s.localTitle, { exact: true }));
    await visible(page.getByText(s.serverTitle, { exact: true }));
    await check(page, language, 'connect-choice');

    await page.getByTestId('choose-local').click();
    await visible(page.getByText(s.openingLocal));
    expect(await calls(page)).toEqual({ probe: [], choose: [{ mode: 'local' }] });
  });

  it('a server with a certificate the system trusts: connect at once, no fingerprint', async () => {
    const page = await openChoice(language);
    await toServerForm(page, language);
    await visible(page.getByText(s.serverFormTitle, { exact: true }));
    // Nothing checked yet: nothing to connect to.
    expect(await connectButton(page).isDisabled()).toBe(true);
    await check(page, language, 'connect-address');

    await checkAddress(page, language, '  reception.example.com:8443 ');
    await visible(page.getByTestId('server-host').getByText(TRUSTED.host));
    await visible(page.getByTestId('server-trust').getByText(s.trustSystem));
    expect(await page.getByTestId('fingerprint').count()).toBe(0);
    expect(await connectButton(page).isEnabled()).toBe(true);
    await check(page, language, 'connect-trusted');

    await connectButton(page).click();
    await visible(page.getByText(s.openingServer));
    expect((await calls(page)).choose).toEqual([
      {
        mode: 'server',
        origin: TRUSTED.origin,
        fingerprint256: FINGERPRINT,
        fingerprintConfirmed: false,
      },
    ]);
  });

  it('a self-signed certificate: the fingerprint in groups, connect only once it is confirmed', async () => {
    const page = await openChoice(language);
    await toServerForm(page, language);
    await checkAddress(page, language, 'https://reception.test:8443');
    await visible(page.getByTestId('server-trust').getByText(s.trustSelfSigned));
    await visible(page.getByText(s.compareTitle));
    const groups = await page.getByTestId('fingerprint').locator('code').allInnerTexts();
    expect(groups).toHaveLength(8);
    expect(groups.join(':')).toBe(FINGERPRINT);
    expect(await connectButton(page).isDisabled()).toBe(true);
    await visible(page.getByText(s.confirmFirst));
    await check(page, language, 'connect-self-signed');

    const box = page.getByRole('checkbox', { name: s.confirm });
    await box.check();
    expect(await connectButton(page).isEnabled()).toBe(true);
    expect(await page.getByText(s.confirmFirst).count()).toBe(0);
    // Unticked again: connect is off again.
    await box.uncheck();
    expect(await connectButton(page).isDisabled()).toBe(true);
    await box.check();
    await check(page, language, 'connect-self-signed-confirmed');

    // Another address typed: what was checked is gone, and connect with it.
    await page.getByLabel(s.addressLabel).fill('https://reception.test:8444');
    expect(await page.getByTestId('fingerprint').count()).toBe(0);
    expect(await connectButton(page).isDisabled()).toBe(true);
    await checkAddress(page, language, 'https://reception.test:8443');
    await page.getByRole('checkbox', { name: s.confirm }).check();
    await connectButton(page).click();
    await visible(page.getByText(s.openingServer));
    expect((await calls(page)).choose).toEqual([
      {
        mode: 'server',
        origin: SELF_SIGNED.origin,
        fingerprint256: FINGERPRINT,
        fingerprintConfirmed: true,
      },
    ]);
  });

  it('a server that cannot be reached: said plainly, with the technical cause for IT', async () => {
    const page = await openChoice(language);
    await toServerForm(page, language);
    await checkAddress(page, language, 'nowhere.example.com:8443');
    const error = page.getByTestId('connect-error');
    await visible(error.getByText(fill(s.probe.unreachable, { host: 'nowhere.example.com:8443' })));
    await visible(error.getByText(fill(s.detail, { detail: 'ENOTFOUND' })));
    expect(await connectButton(page).isDisabled()).toBe(true);
    await check(page, language, 'connect-unreachable');
  });

  it('a bad address: the reason under the field, nothing to connect to', async () => {
    const page = await openChoice(language);
    await toServerForm(page, language);
    await checkAddress(page, language, 'http://reception.example.com');
    await visible(page.getByText(s.address['not-https']));
    expect(await page.getByLabel(s.addressLabel).getAttribute('aria-invalid')).toBe('true');
    expect(await connectButton(page).isDisabled()).toBe(true);
    await check(page, language, 'connect-bad-address');

    await checkAddress(page, language, 'https://reception.example.com:8443/login');
    await visible(page.getByText(s.address['not-just-server']));
    // Typing again clears the message.
    await page.getByLabel(s.addressLabel).fill('reception.example.com:8443');
    expect(await page.getByText(s.address['not-just-server']).count()).toBe(0);
  });

  it('a server that is not a Reception Manager server: told at connect, the server stays shown', async () => {
    const page = await openChoice(language, {
      choose: { ok: false, problem: 'not-reception', host: TRUSTED.host, detail: 'HTTP 404' },
    });
    await toServerForm(page, language);
    await checkAddress(page, language, 'reception.example.com:8443');
    await connectButton(page).click();
    const error = page.getByTestId('connect-error');
    await visible(error.getByText(fill(s.choose['not-reception'], { host: TRUSTED.host })));
    await visible(page.getByTestId('server-host'));
    expect(await connectButton(page).isEnabled()).toBe(true);
    await check(page, language, 'connect-not-reception');

    // Back to the two choices.
    await page.getByRole('button', { name: s.back, exact: true }).click();
    await visible(page.getByTestId('choose-local'));
  });
});

describe('the choice page outside the desktop app', () => {
  it('says it belongs to the app when there is no connectApi', async () => {
    const context = await browser.newContext({ viewport: WINDOW, locale: 'zh-CN' });
    contexts.push(context);
    const page = await context.newPage();
    page.on('pageerror', (e) => pageErrors.push(e.message));
    await page.goto(`${baseUrl}/connect.html`);
    await visible(page.getByText(CONNECT_STRINGS['zh-CN'].noBridgeTitle));
    await expectAccessible(page, 'connect without bridge');
  });
});
