import { describe, expect, it } from 'vitest';
import type { DelegationView } from '../../../../../shared/delegations/views';
import { delegationState } from '../../delegations/delegation';
import { dateRange, isFiltered, listInput, listQueryParams, parseListQuery } from './listQuery';

describe('list query in the URL', () => {
  it('round-trips every filter, leaving defaults out', () => {
    const q = parseListQuery(
      new URLSearchParams(
        'status=approving,returned&tier=A,B&dept=3&from=2026-05-01&to=2026-05-31&q=华为&sort=budget_desc',
      ),
    );
    expect(q).toEqual({
      statuses: ['approving', 'returned'],
      tiers: ['A', 'B'],
      departmentId: 3,
      fromDate: '2026-05-01',
      toDate: '2026-05-31',
      search: '华为',
      sort: 'budget_desc',
    });
    expect(parseListQuery(listQueryParams(q))).toEqual(q);
    expect(listQueryParams(parseListQuery(new URLSearchParams(''))).toString()).toBe('');
  });

  it('ignores what a hand-edited URL gets wrong', () => {
    const q = parseListQuery(
      new URLSearchParams('status=bogus,draft&tier=Z&dept=-1&from=may&sort=nope&page=0'),
    );
    expect(q.statuses).toEqual(['draft']);
    expect(q.tiers).toEqual([]);
    expect(q.departmentId).toBeNull();
    expect(q.fromDate).toBe('');
    expect(q.sort).toBe('updated_desc');
    expect(isFiltered(q)).toBe(true);
  });

  it('opens an address from the paged list (page=) at the top, and drops the page', () => {
    const q = parseListQuery(new URLSearchParams('status=draft&sort=arrival_asc&page=3'));
    expect(q).toEqual(parseListQuery(new URLSearchParams('status=draft&sort=arrival_asc')));
    expect(listQueryParams(q).toString()).toBe('status=draft&sort=arrival_asc');
  });

  it('leaves empty filters out of the call and the cursor to the list', () => {
    const q = parseListQuery(new URLSearchParams(''));
    expect(isFiltered(q)).toBe(false);
    expect(listInput('all', q)).toEqual({
      scope: 'all',
      statuses: undefined,
      tiers: undefined,
      departmentId: undefined,
      fromDate: undefined,
      toDate: undefined,
      search: undefined,
      sort: 'updated_desc',
      limit: 100,
    });
  });

  it('shows a visit period compactly', () => {
    expect(dateRange('2026-05-20', '2026-05-22')).toBe('2026-05-20 – 05-22');
    expect(dateRange('2026-12-31', '2027-01-02')).toBe('2026-12-31 – 2027-01-02');
    expect(dateRange('2026-05-20', '2026-05-20')).toBe('2026-05-20');
  });
});

describe('delegation state on the company day', () => {
  const d: DelegationView = {
    id: 1,
    userId: 1,
    userName: '李娜',
    delegateUserId: 2,
    delegateName: '张伟',
    fromDate: '2026-05-10',
    toDate: '2026-05-12',
    revoked: false,
  };
  it.each([
    ['2026-05-09', 'upcoming'],
    ['2026-05-10', 'active'],
    ['2026-05-12', 'active'],
    ['2026-05-13', 'expired'],
  ] as const)('on %s it is %s', (today, state) => {
    expect(delegationState(d, today)).toBe(state);
  });
  it('revoked wins', () => {
    expect(delegationState({ ...d, revoked: true }, '2026-05-11')).toBe('revoked');
  });
});
