// @vitest-environment jsdom
import '../../../test/jsdom';
import { act, fireEvent, screen, waitFor } from '@testing-library/react';
import { useEffect } from 'react';
import { FormProvider } from 'react-hook-form';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { VisitorSuggestion } from '../../../../../shared/frontdesk';
import { requestBodySchema } from '../../../../../shared/requests/schema';
import type * as ClientModule from '../../../api/client';
import { call } from '../../../api/client';
import { useZodForm } from '../../../components/form';
import { fakeBackend, ok, type FakeBackend } from '../../../test/fakeBackend';
import { requestBody } from '../../../test/fixtures';
import { renderUi } from '../../../test/render';
import type { FormValues, RequestFormApi } from './common';
import { blankVisitor } from './paste';
import { VisitorsSection } from './VisitorsSection';

// The transport is the boundary: the grid, the form and antd's AutoComplete run for real.
vi.mock('../../../api/client', async (importOriginal) => ({
  ...(await importOriginal<typeof ClientModule>()),
  call: vi.fn(),
}));

const ZS: VisitorSuggestion = {
  id: 7,
  name: '张三',
  orgName: '华东精密仪器有限公司',
  title: '工程师',
  phone: '13912345678',
  lastDay: '2026-10-12',
  visits: 3,
};
const LS: VisitorSuggestion = {
  ...ZS,
  id: 8,
  name: '李四',
  orgName: '上海电气',
  phone: '13800138000',
};

let fake: FakeBackend;
let form: RequestFormApi;

function Harness({ initial }: { initial: FormValues }) {
  const f = useZodForm(requestBodySchema, initial);
  useEffect(() => {
    form = f;
  }, [f]);
  return (
    <FormProvider {...f}>
      <VisitorsSection />
    </FormProvider>
  );
}

const nameCell = (row: number) =>
  document.getElementById(`visitors.${row}.name`) as HTMLTextAreaElement;

async function type(row: number, text: string) {
  const cell = nameCell(row);
  const before = fake.inputsOf('frontdesk.suggestVisitors').length;
  act(() => cell.focus());
  fireEvent.change(cell, { target: { value: text } });
  // The directory is asked once typing pauses.
  await waitFor(() =>
    expect(fake.inputsOf('frontdesk.suggestVisitors').length).toBeGreaterThan(before),
  );
}

beforeEach(() => {
  fake = fakeBackend({
    'frontdesk.suggestVisitors': ({ query }) => ok(query === 'zs' ? [ZS, LS] : []),
  });
  vi.mocked(call).mockImplementation(fake.call);
});

/** The suggestions of the list open now (a closed list stays in the page, hidden). */
const shown = () =>
  screen
    .queryAllByTestId('visitor-suggestion')
    .filter((el) => !el.closest('.ant-select-dropdown-hidden'));

const key = (row: number, k: 'ArrowDown' | 'Enter') =>
  fireEvent.keyDown(nameCell(row), { key: k, code: k, keyCode: k === 'Enter' ? 13 : 40 });

describe('the visitor name cell', () => {
  // One render for the whole journey: antd's AutoComplete is slow to mount again in jsdom.
  it('suggests known visitors as a name is typed; Enter alone keeps the grid’s keys, ↓ Enter picks', async () => {
    renderUi(<Harness initial={{ ...requestBody({ orgName: '' }), visitors: [blankVisitor()] }} />);
    await type(0, 'zs');
    expect(fake.inputsOf('frontdesk.suggestVisitors')).toEqual([{ query: 'zs' }]);
    const options = await screen.findAllByTestId('visitor-suggestion');
    // Most recent first as main sends them; the phone masked in the list.
    expect(options.map((o) => o.textContent)).toEqual([
      '张三 华东精密仪器有限公司 · 工程师 · 139****5678 · 2026-10-12',
      '李四 上海电气 · 工程师 · 138****8000 · 2026-10-12',
    ]);

    // Enter without going into the list: the name as typed, on to the next row (a new one).
    key(0, 'Enter');
    await waitFor(() => expect(form.getValues('visitors')).toHaveLength(2));
    expect(form.getValues('visitors.0.name')).toBe('zs');
    expect(form.getValues('visitors.0.phone')).toBe('');
    await waitFor(() => expect(document.activeElement).toBe(nameCell(1)));

    // ↓ Enter picks 张三: his title and phone, and the organisation, empty until now.
    await type(1, 'zs');
    await waitFor(() => expect(shown()).toHaveLength(2));
    key(1, 'ArrowDown');
    key(1, 'Enter');
    await waitFor(() => expect(form.getValues('visitors.1.name')).toBe('张三'));
    expect(form.getValues('visitors.1.title')).toBe('工程师');
    expect(form.getValues('visitors.1.phone')).toBe('13912345678');
    expect(form.getValues('orgName')).toBe('华东精密仪器有限公司');
    // Picking stays on the row: no row was added, and the list is closed (not asked again).
    expect(form.getValues('visitors')).toHaveLength(2);
    const asked = fake.inputsOf('frontdesk.suggestVisitors').length;
    await act(() => new Promise((r) => setTimeout(r, 400)));
    expect(shown()).toEqual([]);
    expect(fake.inputsOf('frontdesk.suggestVisitors')).toHaveLength(asked);

    // Row 0 takes 李四 (↓ ↓ Enter): the organisation typed already is kept.
    // (It holds "zs" already: typed again with a space, which the query does not keep.)
    await type(0, 'zs ');
    await waitFor(() => expect(shown()).toHaveLength(2));
    key(0, 'ArrowDown');
    key(0, 'ArrowDown');
    key(0, 'Enter');
    await waitFor(() => expect(form.getValues('visitors.0.name')).toBe('李四'));
    expect(form.getValues('visitors.0.phone')).toBe('13800138000');
    expect(form.getValues('orgName')).toBe('华东精密仪器有限公司');
    expect(fake.unhandled).toEqual([]);
  }, 60_000);
});
