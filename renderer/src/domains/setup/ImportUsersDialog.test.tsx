// @vitest-environment jsdom
import '../../test/jsdom';
import { fireEvent, screen, within } from '@testing-library/react';
import { QueryClientProvider } from '@tanstack/react-query';
import { describe, expect, it, vi } from 'vitest';
import { checkImport, type ImportRowInput } from '../../../../shared/setup';
import { call } from '../../api/client';
import type * as ClientModule from '../../api/client';
import { createQueryClient } from '../../api/queries';
import { fakeBackend, fail, ok, type FakeBackend } from '../../test/fakeBackend';
import { sessionOf } from '../../test/fixtures';
import { renderSignedIn } from '../../test/render';
import { ImportUsersDialog } from './ImportUsersDialog';

vi.mock('../../api/client', async (importOriginal) => ({
  ...(await importOriginal<typeof ClientModule>()),
  call: vi.fn(),
}));

const row = (line: number, patch: Partial<ImportRowInput> = {}): ImportRowInput => ({
  line,
  login: `user${line}`,
  displayName: `用户${line}`,
  department: '销售部',
  roles: '',
  head: '',
  password: '',
  ...patch,
});

/** The preview main would answer for these rows (the real check, on an empty company). */
const previewOf = (rows: ImportRowInput[]) =>
  ok({ rows, check: checkImport(rows, { takenLogins: new Set(), departments: new Map() }) });

function open(fake: FakeBackend) {
  vi.mocked(call).mockImplementation(fake.call);
  const onClose = vi.fn();
  renderSignedIn(
    fake,
    sessionOf(['sysadmin']),
    <QueryClientProvider client={createQueryClient()}>
      <ImportUsersDialog onClose={onClose} />
    </QueryClientProvider>,
  );
  return onClose;
}

async function pick(content = 'x', name = 'users.csv') {
  const input = await screen.findByTestId('import-file');
  fireEvent.change(input, { target: { files: [new File([content], name)] } });
}

describe('ImportUsersDialog', () => {
  it('shows each row’s errors and offers no import while any is left', async () => {
    const fake = fakeBackend({
      'setup.importPreview': () =>
        previewOf([row(2), row(3, { login: 'bad login' }), row(4, { roles: '老板' })]),
    });
    open(fake);
    await pick();
    const counts = await screen.findByTestId('import-counts');
    expect(counts.textContent).toContain(
      '新建用户 3 人，新建部门 1 个，设置负责人 0 人，有错误 2 行',
    );
    const errors = screen.getAllByTestId('row-errors').map((e) => e.textContent);
    expect(errors).toEqual([
      // The message names its column already: not "登录名：登录名只能…".
      '登录名只能包含字母、数字、点、下划线和短横线。',
      '角色：没有“老板”这个角色',
    ]);
    const confirm = screen.getByRole('button', { name: '确认导入 3 人' });
    expect(confirm.hasAttribute('disabled')).toBe(true);
    expect(fake.inputsOf('setup.importPreview')[0]).toEqual({
      fileName: 'users.csv',
      data: btoa('x'),
    });
  });

  it('refuses a file over the limit before sending it', async () => {
    const fake = fakeBackend();
    open(fake);
    await pick('x'.repeat(150 * 1024 + 1));
    expect((await screen.findByTestId('import-error')).textContent).toContain(
      '文件过大（最多 150 KB）',
    );
    expect(fake.inputsOf('setup.importPreview')).toEqual([]);
  });

  it('imports the rows with made-up passwords for the blank ones, and shows those once', async () => {
    const rows = [row(2, { password: 'given password 1' }), row(3)];
    const fake = fakeBackend({
      'setup.importPreview': () => previewOf(rows),
      'setup.import': () => ok({ users: 2, newDepartments: 1, heads: 0, errorRows: 0 }),
    });
    const onClose = open(fake);
    await pick();
    fireEvent.click(await screen.findByRole('button', { name: '确认导入 2 人' }));
    expect((await screen.findByTestId('import-done')).textContent).toContain(
      '已导入 2 人，新建部门 1 个。',
    );
    const sent = fake.inputsOf('setup.import')[0]!;
    expect(sent.rows[0]!.password).toBe('given password 1');
    const made = sent.rows[1]!.password;
    expect(made).toMatch(/^[A-Za-z0-9]{12}$/);
    // Only the made-up one is shown, with its login.
    const shown = screen.getByTestId('import-passwords');
    expect(within(shown).getByText(made)).toBeTruthy();
    expect(within(shown).queryByText('given password 1')).toBeNull();
    // The footer's 关闭 (the dialog's × is named 关闭 too): not downloaded yet, so it asks.
    fireEvent.click(screen.getAllByRole('button', { name: '关闭' }).at(-1)!);
    expect((await screen.findAllByText('还没有下载初始密码')).length).toBeGreaterThan(0);
    expect(onClose).not.toHaveBeenCalled();
    fireEvent.click(screen.getByRole('button', { name: '取消' }));
    // Downloaded: it closes at once.
    URL.createObjectURL = vi.fn(() => 'blob:x');
    URL.revokeObjectURL = vi.fn();
    fireEvent.click(screen.getByRole('button', { name: /下载密码表|下载/ }));
    await vi.waitFor(() => expect(fake.inputsOf('setup.passwordSheet')).toHaveLength(1));
    await vi.waitFor(() => {
      fireEvent.click(screen.getAllByRole('button', { name: '关闭' }).at(-1)!);
      expect(onClose).toHaveBeenCalledWith(true);
    });
  });

  it('sends a retried import as the same call: the same passwords and idempotency key', async () => {
    const rows = [row(2)];
    let answers = 0;
    const fake = fakeBackend({
      'setup.importPreview': () => previewOf(rows),
      // The first answer is lost on the way (the network), the second comes.
      'setup.import': () =>
        ++answers === 1
          ? fail('INTERNAL', 'errors.NETWORK')
          : ok({ users: 1, newDepartments: 1, heads: 0, errorRows: 0 }),
    });
    open(fake);
    await pick();
    const confirm = await screen.findByRole('button', { name: '确认导入 1 人' });
    fireEvent.click(confirm);
    await screen.findByTestId('import-error');
    fireEvent.click(confirm);
    await screen.findByTestId('import-done');
    expect(fake.inputsOf('setup.import')).toHaveLength(2);
    // The mock's record spans the file's tests: this test's two calls are the last two.
    const calls = vi
      .mocked(call)
      .mock.calls.filter(([op]) => op === 'setup.import')
      .slice(-2);
    expect(calls[1]![1]).toEqual(calls[0]![1]);
    expect(calls[1]![2]).toEqual(calls[0]![2]);
    expect(calls[0]![2]?.idempotencyKey).toMatch(/.{16,}/);
  });

  it('shows main’s refusal when the rows changed since the preview, and imports nothing', async () => {
    const fake = fakeBackend({
      'setup.importPreview': () => previewOf([row(2)]),
      'setup.import': () => fail('CONFLICT', 'setup.errors.importHasErrors', { count: 1 }),
    });
    open(fake);
    await pick();
    fireEvent.click(await screen.findByRole('button', { name: '确认导入 1 人' }));
    expect((await screen.findByTestId('import-error')).textContent).toContain(
      '有 1 行存在错误（可能数据已被他人修改），未导入任何数据。请重新预览。',
    );
    expect(screen.queryByTestId('import-done')).toBeNull();
  });
});
