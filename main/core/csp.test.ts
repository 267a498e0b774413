import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { CSP, CSP_HEADER } from './csp';

describe('one Content-Security-Policy', () => {
  it("the renderer's <meta> tag carries exactly the shared policy", () => {
    const html = fs.readFileSync(
      path.resolve(import.meta.dirname, '../../renderer/index.html'),
      'utf8',
    );
    const meta = /http-equiv="Content-Security-Policy"\s+content="([^"]*)"/.exec(html);
    expect(meta?.[1]).toBe(CSP);
  });

  it('the header adds only frame-ancestors, which a meta tag cannot carry', () => {
    expect(CSP_HEADER).toBe(`${CSP}; frame-ancestors 'none'`);
    expect(CSP).not.toMatch(/unsafe-eval|frame-ancestors/);
  });
});
