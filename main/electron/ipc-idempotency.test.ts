import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import type { Result } from '../../shared/result';
import { createApp, type RunningApp } from '../app';
import { INVOKE_CHANNEL } from './channels';
import { registerIpc, type IpcMainLike, type IpcSender } from './ipc';

const rendererFile = path.resolve('/app/out/renderer/index.html');
const OWN_URL = `${pathToFileURL(rendererFile).href}#/`;

type Handler = (event: unknown, ...args: unknown[]) => unknown;

let app: RunningApp | undefined;
afterEach(async () => {
  await app?.close();
  app = undefined;
});

/** One signed-in window over IPC; `invoke` passes its extra arguments as Electron would. */
async function adminWindow() {
  app = createApp(':memory:');
  const handlers = new Map<string, Handler>();
  const ipcMain = {
    handle: (channel: string, fn: Handler) => handlers.set(channel, fn),
    removeHandler: () => undefined,
    on: () => ipcMain,
    removeListener: () => ipcMain,
  };
  registerIpc({ ipcMain: ipcMain as unknown as IpcMainLike, app, trust: { rendererFile } });
  const sender: IpcSender = {
    id: 1,
    send: () => undefined,
    isDestroyed: () => false,
    once: () => 0,
  };
  const invoke = (op: string, input: unknown, ...extra: unknown[]) =>
    handlers.get(INVOKE_CHANNEL)?.(
      { sender, senderFrame: { url: OWN_URL } },
      op,
      input,
      ...extra,
    ) as Promise<Result<unknown>> | undefined;
  const created = await invoke('setup.createAdmin', {
    companyName: '测试公司',
    login: 'admin',
    displayName: '管理员',
    password: 'correct horse battery',
  });
  expect(created?.ok).toBe(true);
  const count = (table: string) =>
    (app?.sqlite.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n;
  return { invoke, count };
}

describe('IPC: the idempotency key as the third argument', () => {
  it('a retry with the same key gets the first answer and writes nothing', async () => {
    const { invoke, count } = await adminWindow();
    const input = { name: '销售部', headUserId: null };
    const first = await invoke('departments.create', input, { idempotencyKey: 'ipc-1' });
    expect(first?.ok).toBe(true);
    expect(await invoke('departments.create', input, { idempotencyKey: 'ipc-1' })).toEqual(first);
    expect(count('departments')).toBe(1);
    const other = await invoke(
      'departments.create',
      { ...input, name: '市场部' },
      {
        idempotencyKey: 'ipc-2',
      },
    );
    expect(other?.ok).toBe(true);
    expect(count('departments')).toBe(2);
  });

  it('refuses options that are not a bounded key', async () => {
    const { invoke, count } = await adminWindow();
    const input = { name: '销售部', headUserId: null };
    for (const options of ['ipc-1', { idempotencyKey: 42 }, { idempotencyKey: 'x'.repeat(500) }]) {
      const result = await invoke('departments.create', input, options);
      expect(result, JSON.stringify(options)).toMatchObject({
        ok: false,
        error: { code: 'INVALID_INPUT' },
      });
    }
    expect(count('departments')).toBe(0);
  });
});
