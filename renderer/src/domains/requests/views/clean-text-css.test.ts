/**
 * Issue 7 (11): user text is displayed isolated from its neighbours, and the print view wraps
 * long unbroken text instead of clipping it. The rules live in the style sheets; this reads them.
 */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const here = import.meta.dirname;
const css = (file: string) => fs.readFileSync(path.join(here, file), 'utf8');

/** The declarations of the rule whose selector list contains `selector`. */
function declarationsFor(sheet: string, selector: string): string {
  const rules = [...sheet.matchAll(/([^{}]+)\{([^{}]*)\}/g)];
  const found = rules.filter(([, selectors]) =>
    selectors!
      .replace(/\/\*[\s\S]*?\*\//g, '')
      .split(',')
      .map((s) => s.trim())
      .includes(selector),
  );
  return found.map(([, , body]) => body).join(';');
}

describe('user text on screen and on paper', () => {
  it.each([
    ['../../../styles.css', '.ant-table-cell'],
    ['../../../styles.css', '.ant-tag'],
    ['../../../styles.css', '.ant-descriptions-item-content'],
    ['views.css', '.rv-org'],
    ['views.css', '.rv-inbox-org'],
    ['views.css', '.rv-quote'],
    ['print.css', '.rp-sheet td'],
  ])('%s isolates %s', (file, selector) => {
    expect(declarationsFor(css(file), selector)).toMatch(/unicode-bidi:\s*isolate/);
  });

  it('the print sheet wraps long unbroken text', () => {
    expect(declarationsFor(css('print.css'), '.rp-sheet')).toMatch(/overflow-wrap:\s*anywhere/);
  });
});
