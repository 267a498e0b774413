import path from 'node:path';
import { launchChromium } from '../../e2e/support/chromium';
import { useCheapPasswords } from './cheap-passwords';
import { runChecklist } from './shell/checklist';
import { PAYLOADS } from './shell/payloads';
import { FIELDS, isOwnEvalProbe, runXss, selfTest } from './shell/xss';
import { scoreLine, type ScoreItem } from './types';

const OUT = path.resolve(__dirname, '../../out');

/**
 * D6: Electron's security checklist as named checks on the real shell code and the built app
 * (items that do not apply or are not followed are noted with the reason); every disallowed URL
 * refused by the navigation, window-open and open-external guards; and the XSS sweep in Chromium.
 * The self-test: payloads rendered with innerHTML (what dangerouslySetInnerHTML does) are caught.
 */
export const item: ScoreItem = {
  id: 'D6',
  run: async ({ full, log }) => {
    useCheapPasswords();
    // The guards log every refusal; thousands of such lines would drown the figures.
    const warn = console.warn;
    console.warn = () => undefined;
    let checklist;
    try {
      checklist = await runChecklist({ outDir: OUT });
    } finally {
      console.warn = warn;
    }
    if (checklist.missingBuild) {
      return scoreLine('D6', 'shell', checklist.missingBuild, false);
    }
    const checks = checklist.items.flatMap((i) => i.checks.map((c) => ({ item: i.title, ...c })));
    const failed = checks.filter((c) => !c.ok);
    const noted = checklist.items.filter((i) => i.status === 'noted');
    for (const i of checklist.items) {
      log(`D6 ${i.status === 'noted' ? 'noted  ' : 'checked'} ${i.title}`);
      for (const c of i.checks)
        log(`    ${c.ok ? 'ok  ' : 'FAIL'} ${c.name}${c.detail ? ` (${c.detail})` : ''}`);
      if (i.note) log(`    note: ${i.note}`);
    }
    for (const u of checklist.urls.notRefused) log(`  not refused: ${u}`);

    const count = full ? PAYLOADS.length : 50;
    const browser = await launchChromium();
    let x;
    let self;
    try {
      self = await selfTest(browser);
      x = await runXss({ browser, rendererDir: path.join(OUT, 'renderer'), count, log });
    } finally {
      await browser.close().catch(() => undefined);
    }
    const injected = x.views.flatMap((v) => v.injected.map((i) => `${v.view}: ${i}`));
    const payloadCsp = x.cspViolations.filter((v) => !isOwnEvalProbe(v));
    const probes = x.cspViolations.length - payloadCsp.length;
    const missingFields = Object.keys(FIELDS).filter((f) => !x.fieldsShown.includes(f));
    log(
      `D6 XSS: ${x.stored} texts stored, ${x.shown} seen on ${x.views.length} views; executions ` +
        `${x.executions.length}, dialogs ${x.dialogs.length}, injected markup ${injected.length}, ` +
        `CSP-blocked ${payloadCsp.length} (+${probes} of the app's own eval probe), console CSP ` +
        `reports ${x.consoleCsp}, page errors ${x.pageErrors.length}`,
    );
    for (const s of [
      ...x.executions,
      ...x.dialogs,
      ...injected,
      ...payloadCsp,
      ...x.pageErrors,
    ].slice(0, 20)) {
      log(`  ${s}`);
    }
    if (missingFields.length) log(`  field types never shown: ${missingFields.join(' ')}`);
    log(
      `D6 self-test: ${self.total} payloads set with innerHTML: ${self.executed} executed without ` +
        `CSP; under the app's CSP ${self.cspBlocked} blocked, ${self.injected} injected elements found`,
    );

    const caught = self.executed > 0 && self.cspBlocked > 0 && self.injected > 0;
    const pass =
      failed.length === 0 &&
      checklist.urls.total >= 30 &&
      checklist.urls.refused === checklist.urls.total &&
      x.executions.length === 0 &&
      x.dialogs.length === 0 &&
      injected.length === 0 &&
      x.pageErrors.length === 0 &&
      missingFields.length === 0 &&
      caught;
    return scoreLine(
      'D6',
      'shell',
      `${checklist.items.length} checklist items, ${checks.length - failed.length}/${checks.length} ` +
        `checks ok (${noted.length} noted: not applicable or not followed); ` +
        `${checklist.urls.refused}/${checklist.urls.total} disallowed URLs refused; XSS ` +
        `${x.payloads} payloads × ${x.fields} fields (${x.shown} texts seen) on ${x.views.length} views: ` +
        `${x.executions.length + x.dialogs.length} executions, ${injected.length} injected, ` +
        `${payloadCsp.length} CSP-blocked; innerHTML self-test ${caught ? 'caught' : 'NOT caught'}`,
      pass,
    );
  },
};
