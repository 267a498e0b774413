import fs from 'node:fs';
import { chromium, type Browser } from 'playwright-core';

/**
 * Chromium's headless shell (Debian: `chromium-headless-shell`), when installed: the same Blink
 * and V8 without the full browser around them. Playwright itself drives it for headless runs. On
 * the journeys' heaviest file it took 35 % less CPU than the full browser (92 s against 141 s) and
 * 20 % less time; the journeys are two thirds of a CI run.
 */
const SHELLS = ['/usr/bin/chromium-headless-shell'];

const BROWSERS = [
  '/usr/bin/chromium',
  '/usr/bin/chromium-browser',
  '/usr/bin/google-chrome',
  '/usr/bin/google-chrome-stable',
  '/Applications/Google Chrome.app/Contents/MacOS/Google Chrome',
  'C:\\Program Files\\Google\\Chrome\\Application\\chrome.exe',
];

/**
 * Finds a Chromium to drive: CHROMIUM_PATH, else the headless shell, else a full browser.
 * `fullBrowser`: a full browser first, the shell only when there is none (the bench's page-load
 * figures are meant as those of a browser a person uses). Never skips silently: no browser is a
 * failure with a way out.
 */
export function findChromium({ fullBrowser = false }: { fullBrowser?: boolean } = {}): string {
  const fromEnv = process.env.CHROMIUM_PATH;
  if (fromEnv) {
    if (fs.existsSync(fromEnv)) return fromEnv;
    throw new Error(`CHROMIUM_PATH=${fromEnv} does not exist.`);
  }
  const order = fullBrowser ? [...BROWSERS, ...SHELLS] : [...SHELLS, ...BROWSERS];
  const found = order.find((p) => fs.existsSync(p));
  if (found) return found;
  throw new Error(
    'No Chromium found for the browser tests. Install one (Debian/Ubuntu: ' +
      '`sudo apt-get install -y chromium-headless-shell fonts-noto-cjk`) or set CHROMIUM_PATH to a Chrome/Chromium binary.',
  );
}

export function launchChromium(
  options: {
    fullBrowser?: boolean;
    /** More command-line switches, after the usual ones (e.g. `officeBrowserArgs`). */
    args?: readonly string[];
  } = {},
): Promise<Browser> {
  return chromium.launch({
    executablePath: findChromium(options),
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      ...(options.args ?? []),
    ],
  });
}
