import fs from 'node:fs';
import AxeBuilder from '@axe-core/playwright';
import type { Page } from 'playwright-core';

/** One serious or critical finding, short enough to read in a failure message. */
export interface AxeFinding {
  rule: string;
  impact: string;
  where: string;
  nodes: string[];
}

/** axe's serious and critical findings on the page as it stands now. */
export async function axeFindings(page: Page, where: string): Promise<AxeFinding[]> {
  const results = await new AxeBuilder({ page }).analyze();
  return results.violations
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
