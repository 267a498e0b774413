// @vitest-environment jsdom
import '../../../test/jsdom';
import { QueryClientProvider, type QueryClient } from '@tanstack/react-query';
import { fireEvent, screen, waitFor } from '@testing-library/react';
import { MemoryRouter } from 'react-router';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import type {
  DepartmentView,
  ListCursor,
  ListTotal,
  SessionInfo,
} from '../../../../../shared/contract/types';
import type { RequestListScope } from '../../../../../shared/requests/rights';
import type { RequestListItem } from '../../../../../shared/requests/views';
import { call } from '../../../api/client';
import type * as ClientModule from '../../../api/client';
import { createQueryClient } from '../../../api/queries';
import { fakeBackend, ok, type FakeBackend } from '../../../test/fakeBackend';
import { sessionOf } from '../../../test/fixtures';
import { renderSignedIn } from '../../../test/render';
import { RequestList } from './RequestList';

vi.mock('../../../api/client', async (importOriginal) => ({
  ...(await importOriginal<typeof ClientModule>()),
  call: vi.fn(),
}));

function summary(id: number, retroactive = false): RequestListItem {
  return {
    id,
    code: `JD-20261201-${String(id).padStart(3, '0')}`,
    status: 'approving',
    hostUserId: 3,
    hostName: '李娜',
    departmentId: 1,
    departmentName: '销售部',
    orgName: `单位 ${id}`,
    tier: 'C',
    arrivalDate: '2026-12-07',
    departureDate: '2026-12-08',
    visitorCount: 2,
    budgetTotalFen: 30_000,
    retroactive,
    revision: 1,
    version: 1,
    updatedAtMs: Date.UTC(2026, 11, 1) - id * 60_000,
    // Every other one waits on a named head, the rest on the executives' pool.
    waitingOn:
      id % 2 === 0
        ? { kind: 'dept_head', assigneeName: '张伟', sinceMs: Date.UTC(2026, 10, 29) }
        : { kind: 'executive', assigneeName: null, sinceMs: null },
  };
}

/** Two pages (short ones, to render quickly): ids 300…271, then 270…251 (the last). */
const FIRST = Array.from({ length: 30 }, (_, i) => summary(300 - i, i === 1));
const SECOND = Array.from({ length: 20 }, (_, i) => summary(270 - i));
const CURSOR: ListCursor = { key: FIRST.at(-1)!.updatedAtMs, id: FIRST.at(-1)!.id };

const DEPARTMENTS: DepartmentView[] = [
  { id: 1, name: '销售部', headUserId: 2, headName: '张伟', memberCount: 5 },
  { id: 2, name: '市场部', headUserId: 2, headName: '张伟', memberCount: 3 },
  { id: 3, name: '研发部', headUserId: 9, headName: '孙丽', memberCount: 8 },
];

/** Whose list: 全部接待 for the admin office unless told otherwise. */
interface Whose {
  scope: RequestListScope;
  session: SessionInfo;
}

function render(
  total: ListTotal,
  first: RequestListItem[] = FIRST,
  whose: Whose = { scope: 'all', session: sessionOf(['admin_office']) },
): { fake: FakeBackend; client: QueryClient } {
  const fake = fakeBackend({
    'requests.list': (input) =>
      first.length === 0
        ? ok({ items: [], next: null, total })
        : input.after === undefined
          ? ok({ items: FIRST, next: CURSOR, total })
          : ok({ items: SECOND, next: null, total: null }),
    'departments.list': () => ok(DEPARTMENTS),
  });
  vi.mocked(call).mockImplementation(fake.call);
  const client = createQueryClient();
  renderSignedIn(
    fake,
    whose.session,
    <QueryClientProvider client={client}>
      <MemoryRouter>
        <RequestList scope={whose.scope} />
      </MemoryRouter>
    </QueryClientProvider>,
  );
  return { fake, client };
}

/** The table, by its role and name (a role query would read the names of a hundred rows). */
function table(): HTMLElement {
  const found = document.querySelector<HTMLElement>('[role="table"][aria-label="全部接待"]');
  if (!found) throw new Error('no table named 全部接待');
  return found;
}

/**
 * jsdom lays nothing out: give the list's scrolling element the sizes a browser would, scrolled
 * to within ten rows of the end (4 700 − 500 − 3 800 = 400 px left below), and fire the scroll.
 * The virtual list's own writes of `scrollTop` (it keeps it in the range it computed from row
 * heights jsdom does not have) are ignored.
 */
function scrollToEnd(holder: HTMLElement) {
  const size = { scrollHeight: 4_700, clientHeight: 500 };
  for (const [name, value] of Object.entries(size)) {
    Object.defineProperty(holder, name, { configurable: true, value });
  }
  Object.defineProperty(holder, 'scrollTop', {
    configurable: true,
    get: () => 3_800,
    set: () => undefined,
  });
  fireEvent.scroll(holder);
}

describe('RequestList scrolling through every request', () => {
  beforeEach(() => {
    vi.mocked(call).mockReset();
  });

  it('asks for the next page with the previous page’s next when scrolled to the end', async () => {
    const { fake, client } = render({ count: 50, atLeast: false });
    await screen.findByText(FIRST[0]!.code, {}, { timeout: 5_000 });
    expect(fake.inputsOf('requests.list')).toHaveLength(1);
    expect(fake.inputsOf('requests.list')[0]).not.toHaveProperty('after');
    expect(screen.getByTestId('list-total').textContent).toBe('共 50 条');

    const holder = document.querySelector<HTMLElement>('.ant-table-tbody-virtual-holder');
    if (!holder) throw new Error('no virtual list');
    scrollToEnd(holder);

    await waitFor(() => expect(fake.inputsOf('requests.list')).toHaveLength(2));
    const next = fake.inputsOf('requests.list')[1]!;
    expect(next.after).toEqual(CURSOR);
    // The same list otherwise: filters, sort and page size.
    expect({ ...next, after: undefined }).toEqual({
      ...fake.inputsOf('requests.list')[0],
      after: undefined,
    });
    // The last page: nothing more is asked for, however far one scrolls.
    await waitFor(() => expect(client.isFetching()).toBe(0));
    fireEvent.scroll(holder);
    await waitFor(() => expect(client.isFetching()).toBe(0));
    expect(fake.inputsOf('requests.list')).toHaveLength(2);
    expect(fake.unhandled).toEqual([]);
  });

  it('says "10,000+" when the server stopped counting', async () => {
    render({ count: 10_000, atLeast: true });
    await screen.findByText(FIRST[0]!.code, {}, { timeout: 5_000 });
    expect(screen.getByTestId('list-total').textContent).toBe('10,000+ 条');
    expect(table().getAttribute('aria-rowcount')).toBe('-1');
  });

  it('rows keep their place for assistive technology and their links stay focusable', async () => {
    render({ count: 50, atLeast: false });
    const link = (await screen.findByText(FIRST[0]!.code, {}, { timeout: 5_000 })).closest('a');
    if (!link) throw new Error('the code is not a link');
    expect(link.closest('[role="row"]')?.getAttribute('aria-rowindex')).toBe('2');
    expect(table().getAttribute('aria-rowcount')).toBe('51');
    link.focus();
    expect(document.activeElement).toBe(link);
  });

  it('keeps the retroactive tag on its row only', async () => {
    render({ count: 50, atLeast: false });
    const tagged = await screen.findByText('事后补办', {}, { timeout: 5_000 });
    expect(tagged.closest('[role="row"]')?.textContent).toContain(FIRST[1]!.code);
    expect(screen.getAllByText('事后补办')).toHaveLength(1);
  });

  it('says under each status whom the request waits on: a named approver with the wait, or a pool', async () => {
    render({ count: 50, atLeast: false });
    const named = await screen.findByText(FIRST[0]!.code, {}, { timeout: 5_000 });
    // 300 is even: 张伟, since 29 November (the wait counted from today, whatever today is).
    expect(named.closest('[role="row"]')?.textContent).toMatch(/待 张伟 · \d+ (天|小时|分钟)/);
    const pooled = screen.getByText(FIRST[1]!.code).closest('[role="row"]');
    expect(pooled?.textContent).toContain('待 公司领导');
  });

  it('shows the empty state, and no count, when nothing matches', async () => {
    render({ count: 0, atLeast: false }, []);
    await screen.findByText('没有符合条件的接待', {}, { timeout: 5_000 });
    expect(screen.queryByTestId('list-total')).toBeNull();
  });
});

describe('RequestList of a department head (本部门接待)', () => {
  beforeEach(() => {
    vi.mocked(call).mockReset();
  });

  const head = (headOf: number[]): Whose => ({
    scope: 'department',
    session: sessionOf(['dept_head'], { headOf }),
  });
  const departmentFilter = () => screen.queryByRole('combobox', { name: '部门' });

  it('asks for his departments’ list, names each host, and filters by the departments he heads', async () => {
    const { fake } = render({ count: 50, atLeast: false }, FIRST, head([1, 2]));
    await screen.findByText(FIRST[0]!.code, {}, { timeout: 5_000 });
    expect(fake.inputsOf('requests.list')[0]).toMatchObject({ scope: 'department' });
    expect(document.querySelector('[role="table"][aria-label="本部门接待"]')).not.toBeNull();
    expect(screen.getByRole('columnheader', { name: '接待负责人' })).toBeTruthy();

    const filter = departmentFilter();
    if (!filter) throw new Error('no department filter');
    fireEvent.mouseDown(filter);
    await screen.findByTitle('市场部');
    const offered = [...document.querySelectorAll('.ant-select-item-option')].map((o) =>
      o.getAttribute('title'),
    );
    // His two, not the third department (the server would answer it with nothing anyway).
    expect(offered).toEqual(['销售部', '市场部']);
    fireEvent.click(screen.getByTitle('市场部'));
    await waitFor(() =>
      expect(fake.inputsOf('requests.list').at(-1)).toMatchObject({
        scope: 'department',
        departmentId: 2,
      }),
    );
  });

  it('a head of one department gets no department filter', async () => {
    const { fake } = render({ count: 50, atLeast: false }, FIRST, head([1]));
    await screen.findByText(FIRST[0]!.code, {}, { timeout: 5_000 });
    expect(departmentFilter()).toBeNull();
    expect(fake.inputsOf('departments.list')).toHaveLength(0);
  });
});
