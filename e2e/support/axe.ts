import fs from 'node:fs';
import axe from 'axe-core';
import type { Page } from 'playwright-core';

/** One serious or critical finding, short enough to read in a failure message. */
export interface AxeFinding {
  rule: string;
  impact: string;
  where: string;
  nodes: string[];
}

/**
 * axe's serious and critical findings on the page as it stands now: axe-core's own `run` over the
 * document, every rule as configured by default. Not @axe-core/playwright's `analyze()`: that
 * injects the 550 KB engine into every frame and opens a blank page to merge the frames' results
 * on every call, ~1.4 s of fixed cost per check here against ~0.13 s for the run itself (the app
 * has no frames). The engine is injected once per loaded document.
 */
export async function axeFindings(page: Page, where: string): Promise<AxeFinding[]> {
  const loaded = await page.evaluate(() => 'axe' in window);
  if (!loaded) await page.evaluate(axe.source);
  const everyLanguage = process.env.AXE_CONTRAST === 'all';
  const violations = await page.evaluate(async (everyLanguage) => {
    const engine = (window as unknown as { axe: typeof axe }).axe;
    // Colour contrast is 60 % of axe's time here (it computes the colours behind every text),
    // and the colours do not change with the language: it is checked on the Chinese screens,
    // which every sweep shows, and on the English ones only with AXE_CONTRAST=all.
    const english = document.documentElement.lang === 'en';
    const results = await engine.run(document, {
      resultTypes: ['violations'],
      ...(english && !everyLanguage ? { rules: { 'color-contrast': { enabled: false } } } : {}),
    });
    return results.violations.map((v) => ({
      id: v.id,
      impact: v.impact ?? null,
      nodes: v.nodes.map((n) => ({
        target: n.target.map((t) => (typeof t === 'string' ? t : JSON.stringify(t))),
        failureSummary: n.failureSummary,
      })),
    }));
  }, everyLanguage);
  return violations
    .filter(
      (v) =>
        v.impact === 'serious' ||
        v.impact === 'critical' ||
        (process.env.AXE_ALL !== undefined && v.impact !== null),
    )
    .map((v) => ({
      rule: v.id,
      impact: v.impact ?? '',
      where,
      nodes: v.nodes.map(
        (n) => `${n.target.join(' ')} ${n.failureSummary?.split('\n').slice(1).join(' ') ?? ''}`,
      ),
    }));
}

/**
 * Fails on any serious or critical finding (issue 9 item 10: none on any page, in either
 * language). With AXE_REPORT=FILE it writes the findings there instead of failing, to survey.
 */
export async function expectAccessible(page: Page, where: string): Promise<void> {
  const found = await axeFindings(page, where);
  const report = process.env.AXE_REPORT;
  if (report) {
    if (found.length) fs.appendFileSync(report, `${JSON.stringify(found)}\n`);
    return;
  }
  if (found.length) {
    throw new Error(
      `axe: ${found.length} serious/critical finding(s) on ${where}\n` +
        found
          .map((f) => `  ${f.impact} ${f.rule}:\n${f.nodes.map((n) => `    ${n}`).join('\n')}`)
          .join('\n'),
    );
  }
}
