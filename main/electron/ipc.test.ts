import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Result } from '../../shared/result';
import { createApp, type RunningApp } from '../app';
import { UPLOAD_BODY_LIMIT_BYTES } from '../../shared/attachments';
import { EVENT_CHANNEL, INVOKE_CHANNEL, SUBSCRIBE_CHANNEL, UNSUBSCRIBE_CHANNEL } from './channels';
import { FakeContents, FakeIpcMain } from './fake-ipc';
import { registerIpc, type IpcMainLike, type IpcRegistration } from './ipc';

const rendererFile = path.resolve('/app/out/renderer/index.html');
const OWN_URL = `${pathToFileURL(rendererFile).href}#/`;

let app: RunningApp;
let ipc: FakeIpcMain;
let registration: IpcRegistration;

beforeEach(() => {
  app = createApp(':memory:');
  ipc = new FakeIpcMain();
  registration = registerIpc({
    ipcMain: ipc as unknown as IpcMainLike,
    app,
    trust: { rendererFile },
  });
});

afterEach(async () => {
  registration.dispose();
  await app.close();
});

function invoke(
  sender: FakeContents,
  op: string,
  input: unknown = {},
  url: string | null = OWN_URL,
) {
  const handler = ipc.handlers.get(INVOKE_CHANNEL);
  if (!handler) throw new Error('no invoke handler');
  const event = { sender, senderFrame: url === null ? null : { url } };
  return handler(event, op, input) as Promise<Result<unknown>>;
}

function send(sender: FakeContents, channel: string, name: unknown, url = OWN_URL) {
  for (const fn of ipc.listeners.get(channel) ?? []) fn({ sender, senderFrame: { url } }, name);
}

const admin = {
  companyName: '测试公司',
  login: 'admin',
  displayName: '管理员',
  password: 'correct horse battery',
};

async function signedInWindow() {
  const win = new FakeContents();
  const created = await invoke(win, 'setup.createAdmin', admin);
  expect(created.ok).toBe(true);
  const session = await invoke(win, 'auth.session');
  if (!session.ok || !session.value) throw new Error('not signed in');
  const userId = (session.value as { user: { id: number } }).user.id;
  return { win, userId, created };
}

describe('rm:invoke', () => {
  it('serves the app’s own page', async () => {
    const result = await invoke(new FakeContents(), 'setup.status');
    expect(result).toEqual({ ok: true, value: { needsSetup: true } });
  });

  it('refuses other frames before reaching the dispatcher', async () => {
    const win = new FakeContents();
    for (const url of [
      'https://evil.example/',
      'data:text/html,x',
      pathToFileURL('/tmp/other.html').href,
      null,
    ]) {
      const result = await invoke(win, 'setup.createAdmin', admin, url);
      expect(result.ok).toBe(false);
      if (!result.ok) expect(result.error.code).toBe('FORBIDDEN');
    }
    // Nothing was created: the refused calls never ran.
    expect(await invoke(win, 'setup.status')).toEqual({ ok: true, value: { needsSetup: true } });
  });

  it('keeps the session token in main, per window', async () => {
    const { win, created } = await signedInWindow();
    // The renderer gets the session's description, never the token itself.
    expect(JSON.stringify(created)).not.toMatch(/token/i);

    const other = new FakeContents();
    expect(await invoke(other, 'auth.session')).toEqual({ ok: true, value: null });
    const denied = await invoke(other, 'users.list');
    expect(denied.ok ? null : denied.error.code).toBe('UNAUTHENTICATED');

    expect((await invoke(win, 'users.list')).ok).toBe(true);
  });

  it('forgets the token on sign-out and when the window closes', async () => {
    const { win } = await signedInWindow();
    expect((await invoke(win, 'auth.logout')).ok).toBe(true);
    expect(await invoke(win, 'auth.session')).toEqual({ ok: true, value: null });

    const login = await invoke(win, 'auth.login', { login: 'admin', password: admin.password });
    expect(login.ok).toBe(true);
    win.destroy();
    // Electron never reuses an id, but even the same object starts from no session again.
    expect(await invoke(win, 'auth.session')).toEqual({ ok: true, value: null });
  });

  it('passes unknown operations and bad input to the dispatcher’s error values', async () => {
    const win = new FakeContents();
    const unknown = await invoke(win, 'system.format', {});
    expect(unknown.ok ? null : unknown.error.code).toBe('UNKNOWN_OPERATION');
    const bad = await invoke(win, 'setup.createAdmin', { login: 'x' });
    expect(bad.ok ? null : bad.error.code).toBe('INVALID_INPUT');
  });

  it('refuses inputs larger than the HTTP body limit', async () => {
    const result = await invoke(new FakeContents(), 'setup.status', { x: 'x'.repeat(300_000) });
    expect(result.ok ? null : result.error.code).toBe('PAYLOAD_TOO_LARGE');
  });

  it('gives the upload its own larger limit, and only the upload', async () => {
    const input = {
      ownerType: 'request',
      ownerId: 1,
      fileName: 'a.pdf',
      dataBase64: 'A'.repeat(1_000_000),
    };
    // Read and passed on (no session here): not refused for its size.
    const upload = await invoke(new FakeContents(), 'attachments.upload', input);
    expect(upload.ok ? null : upload.error.code).toBe('UNAUTHENTICATED');
    const other = await invoke(new FakeContents(), 'attachments.remove', input);
    expect(other.ok ? null : other.error.code).toBe('PAYLOAD_TOO_LARGE');
    const huge = { ...input, dataBase64: 'A'.repeat(UPLOAD_BODY_LIMIT_BYTES) };
    const tooBig = await invoke(new FakeContents(), 'attachments.upload', huge);
    expect(tooBig.ok ? null : tooBig.error.code).toBe('PAYLOAD_TOO_LARGE');
  });
});

describe('events', () => {
  const notification = { notification: { id: 1 } } as never;

  it('reach a subscribed window signed in as a recipient, and no one else', async () => {
    const { win, userId } = await signedInWindow();
    const anonymous = new FakeContents();
    const notSubscribed = new FakeContents();
    await invoke(notSubscribed, 'auth.login', { login: 'admin', password: admin.password });
    send(win, SUBSCRIBE_CHANNEL, 'notifications.created');
    send(anonymous, SUBSCRIBE_CHANNEL, 'notifications.created');

    app.events.publish({ name: 'notifications.created', payload: notification, userIds: [userId] });
    app.events.publish({
      name: 'notifications.created',
      payload: notification,
      userIds: [userId + 1],
    });
    await registration.idle();

    expect(win.sent).toEqual([[EVENT_CHANNEL, 'notifications.created', notification]]);
    expect(anonymous.sent).toEqual([]);
    expect(notSubscribed.sent).toEqual([]);
  });

  it('a revocation reaches the window whose session it ended, and only that one', async () => {
    const { win } = await signedInWindow();
    const other = new FakeContents();
    await invoke(other, 'auth.login', { login: 'admin', password: admin.password });
    for (const w of [win, other]) send(w, SUBSCRIBE_CHANNEL, 'sessions.ended');
    const listed = await invoke(win, 'sessions.list');
    const items = listed.ok
      ? (listed.value as { items: { id: string; current: boolean }[] }).items
      : [];
    const target = items.find((s) => !s.current);
    expect(target).toBeDefined();
    const revoked = await invoke(win, 'sessions.revoke', { id: target?.id });
    expect(revoked.ok).toBe(true);
    await registration.idle();

    // The ended session is no longer live, yet its window is told; the revoking one is not.
    expect(other.sent).toEqual([[EVENT_CHANNEL, 'sessions.ended', { reason: 'revoked' }]]);
    expect(win.sent).toEqual([]);
    const touch = await invoke(other, 'auth.touch');
    expect(touch.ok ? null : touch.error.key).toBe('errors.sessionRevoked');
    expect(await invoke(other, 'auth.session')).toEqual({ ok: true, value: null });
  });

  it('ignores subscriptions from untrusted frames and to names outside the contract', async () => {
    const { win, userId } = await signedInWindow();
    send(win, SUBSCRIBE_CHANNEL, 'notifications.created', 'https://evil.example/');
    send(win, SUBSCRIBE_CHANNEL, 'users.passwordHashes');
    app.events.publish({ name: 'notifications.created', payload: notification, userIds: [userId] });
    await registration.idle();
    expect(win.sent).toEqual([]);
  });

  it('stops after unsubscribe, sign-out or window close', async () => {
    const { win, userId } = await signedInWindow();
    const publish = async () => {
      app.events.publish({
        name: 'notifications.created',
        payload: notification,
        userIds: [userId],
      });
      await registration.idle();
    };
    send(win, SUBSCRIBE_CHANNEL, 'notifications.created');
    send(win, UNSUBSCRIBE_CHANNEL, 'notifications.created');
    await publish();
    expect(win.sent).toEqual([]);

    send(win, SUBSCRIBE_CHANNEL, 'notifications.created');
    await invoke(win, 'auth.logout');
    await publish();
    expect(win.sent).toEqual([]);

    await invoke(win, 'auth.login', { login: 'admin', password: admin.password });
    await publish();
    expect(win.sent).toHaveLength(1);

    win.destroy();
    await publish();
    expect(win.sent).toHaveLength(1);
  });
});

describe('dispose', () => {
  it('removes every handler and listener', () => {
    registration.dispose();
    expect(ipc.handlers.size).toBe(0);
    expect([...ipc.listeners.values()].every((s) => s.size === 0)).toBe(true);
    // A second registration (e.g. after a reload of main in dev) is possible again.
    const again = registerIpc({
      ipcMain: ipc as unknown as IpcMainLike,
      app,
      trust: { rendererFile },
    });
    expect(ipc.handlers.has(INVOKE_CHANNEL)).toBe(true);
    again.dispose();
  });
});

describe('desktop notifications', () => {
  it('show a notification created for the signed-in user of a window, in his language', async () => {
    registration.dispose();
    const shown: [string, string, number][] = [];
    registration = registerIpc({
      ipcMain: ipc as unknown as IpcMainLike,
      app,
      trust: { rendererFile },
      desktopNotify: (text, sender) => shown.push([text.title, text.body, sender.id]),
    });
    const { win, userId } = await signedInWindow();
    send(win, SUBSCRIBE_CHANNEL, 'notifications.created');
    send(win, SUBSCRIBE_CHANNEL, 'tasks.changed');
    const notification = {
      id: 1,
      kind: 'task.due',
      titleKey: 'tasks.due.confirm_arrival',
      params: { code: 'JD20261201-001', org: '华东精密' },
      createdAtMs: 0,
      readAtMs: null,
      target: { type: 'request', id: 1 },
    } as const;
    app.events.publish({
      name: 'notifications.created',
      payload: { notification },
      userIds: [userId],
    });
    app.events.publish({ name: 'tasks.changed', payload: { requestId: 1 }, userIds: [userId] });
    app.events.publish({
      name: 'notifications.created',
      payload: { notification },
      userIds: [userId + 1],
    });
    await registration.idle();
    expect(shown).toEqual([['接待管理', '待办到期：电话确认来访 JD20261201-001 华东精密', win.id]]);
  });
});
