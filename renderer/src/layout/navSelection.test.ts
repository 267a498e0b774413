// @vitest-environment jsdom
import '../test/jsdom';
import { describe, expect, it } from 'vitest';
import { NAV } from './AppLayout';
import { selectedNavPath } from './navSelection';

describe('selectedNavPath', () => {
  const nav = [
    { path: '/' },
    { path: '/approvals' },
    { path: '/approvals/decided' },
    { path: '/finance' },
    { path: '/finance/report', alsoFor: ['/finance/lines'] },
  ];

  it.each([
    ['/', '/'],
    ['/account', undefined],
    ['/approvals', '/approvals'],
    ['/approvals/decided', '/approvals/decided'],
    ['/finance', '/finance'],
    ['/finance/report', '/finance/report'],
    ['/finance/lines', '/finance/report'],
    ['/finance/linesX', '/finance'],
    ['/financeX', undefined],
  ])('%s highlights %s', (pathname, expected) => {
    expect(selectedNavPath(nav, pathname)).toBe(expected);
  });

  it("the app's own menu: the lines behind the report's figures are 费用统计", () => {
    expect(selectedNavPath(NAV, '/finance/lines')).toBe('/finance/report');
    expect(selectedNavPath(NAV, '/finance')).toBe('/finance');
    expect(selectedNavPath(NAV, '/finance/advances')).toBe('/finance/advances');
  });
});
