import type { IpcMainEvent, IpcMainInvokeEvent } from 'electron';
import type { ServerConnectionStatus } from '../../shared/auth/contract';
import { isEventName, type EventName } from '../../shared/contract/names';
import type { EventPayload } from '../../shared/contract/operations';
import type { NotificationView } from '../../shared/contract/types';
import type { Result } from '../../shared/result';
import type { ConnectionStatus, RemoteClient } from '../client';
import { EVENT_CHANNEL, INVOKE_CHANNEL, SUBSCRIBE_CHANNEL, UNSUBSCRIBE_CHANNEL } from './channels';
import { errorResult, fromTrustedFrame, invokeKey, perWindow, tooLarge } from './ipc-guards';
import {
  desktopNotice,
  type DesktopNotice,
  type IpcEventLike,
  type IpcMainLike,
  type IpcRegistration,
  type IpcSender,
} from './ipc';
import type { TrustOptions } from './window-options';

/**
 * The desktop app as a client of the office server (issue 14): the same IPC channels as the
 * local mode (ipc.ts), so the renderer and preload do not know which it talks to, but calls and
 * events go to the server through `remote` (main/client). The session cookie stays in `remote`,
 * in this process; the renderer never sees it. The server decides who receives which event, so
 * every event the stream brings is this session's.
 *
 * Writes are never queued: when the server cannot be reached, the call answers the same network
 * error as the browser's after its short retries, and the person sees it.
 *
 * Two events are this process's own (shared/auth/names.ts): `system.connection` — the remote
 * client's status, sent when it changes (`statusChanged`) and to a window as soon as it
 * subscribes, so a window that loads while the server is away shows it at once — and
 * `system.resync`, when the server's stream came back without the events missed. The window's
 * strip shows the first; the query cache refetches everything on the second. The server's stream
 * cannot send either: only this process says how its own connection stands.
 */
export interface RemoteIpcOptions {
  ipcMain: IpcMainLike;
  remote: RemoteClient;
  trust: TrustOptions;
  desktopNotify?: (text: DesktopNotice, sender: IpcSender) => void;
}

interface Window {
  sender: IpcSender;
  events: Set<EventName>;
}

/** Client mode's IPC; `statusChanged` is handed the remote client's `onStatus`. */
export interface RemoteIpcRegistration extends IpcRegistration {
  statusChanged(status: ConnectionStatus): void;
}

/** Made here, never taken from the server's stream. */
const OWN_EVENTS: ReadonlySet<EventName> = new Set(['system.connection', 'system.resync']);

/** The client's status is the contract's (a compile-time check that the two lists agree). */
function shared(status: ConnectionStatus): ServerConnectionStatus {
  return status;
}

export function registerRemoteIpc({
  ipcMain,
  remote,
  trust,
  desktopNotify,
}: RemoteIpcOptions): RemoteIpcRegistration {
  /** The signed-in user's language, from the session answers, for desktop notifications. */
  let language = 'zh-CN';

  const registry = perWindow<IpcSender, Window>((sender) => ({ sender, events: new Set() }));
  const windows = registry.entries;
  const windowFor = (sender: IpcSender): Window => registry.for(sender);

  const onInvoke = async (
    event: IpcMainInvokeEvent,
    op: unknown,
    input: unknown,
    options?: unknown,
  ): Promise<Result<unknown>> => {
    const e = event as unknown as IpcEventLike;
    if (!fromTrustedFrame(e, trust)) return errorResult('FORBIDDEN');
    if (tooLarge(op, input)) return errorResult('PAYLOAD_TOO_LARGE');
    const key = invokeKey(options);
    if (!key.ok) return errorResult('INVALID_INPUT');
    if (typeof op !== 'string') return errorResult('UNKNOWN_OPERATION');
    windowFor(e.sender);
    const result = await remote.invoke(op, input, key.key ? { idempotencyKey: key.key } : {});
    language = sessionLanguage(result) ?? language;
    return result;
  };

  /** Sends one of this process's own events to the windows that subscribed to it. */
  const sendOwn = <E extends EventName>(name: E, payload: EventPayload<E>, only?: Window) => {
    for (const w of only ? [only] : windows.values()) {
      if (!w.events.has(name) || w.sender.isDestroyed()) continue;
      w.sender.send(EVENT_CHANNEL, name, payload);
    }
  };

  const onSubscribe = (event: IpcMainEvent, name: unknown) => {
    const e = event as unknown as IpcEventLike;
    if (!fromTrustedFrame(e, trust) || !isEventName(name)) return;
    const w = windowFor(e.sender);
    w.events.add(name);
    // Where things stand now: the status may have changed before this window loaded.
    if (name === 'system.connection') {
      sendOwn('system.connection', { status: shared(remote.status) }, w);
    }
  };

  const onUnsubscribe = (event: IpcMainEvent, name: unknown) => {
    const e = event as unknown as IpcEventLike;
    if (!fromTrustedFrame(e, trust) || !isEventName(name)) return;
    windows.get(e.sender.id)?.events.delete(name);
  };

  const stopStream = remote.subscribe({
    onEvent: (name, payload) => {
      // A newer server's event this client does not know, or one only this process may make.
      if (!isEventName(name) || OWN_EVENTS.has(name)) return;
      for (const w of windows.values()) {
        if (!w.events.has(name) || w.sender.isDestroyed()) continue;
        w.sender.send(EVENT_CHANNEL, name, payload);
        if (desktopNotify && name === 'notifications.created') {
          const { notification } = payload as { notification: NotificationView };
          desktopNotify(desktopNotice(notification, language), w.sender);
        }
      }
    },
    onResync: () => sendOwn('system.resync', {}),
  });

  ipcMain.handle(INVOKE_CHANNEL, onInvoke);
  ipcMain.on(SUBSCRIBE_CHANNEL, onSubscribe);
  ipcMain.on(UNSUBSCRIBE_CHANNEL, onUnsubscribe);

  return {
    dispose() {
      stopStream();
      ipcMain.removeHandler(INVOKE_CHANNEL);
      ipcMain.removeListener(SUBSCRIBE_CHANNEL, onSubscribe);
      ipcMain.removeListener(UNSUBSCRIBE_CHANNEL, onUnsubscribe);
      windows.clear();
    },
    idle: () => Promise.resolve(),
    statusChanged(status) {
      sendOwn('system.connection', { status: shared(status) });
    },
  };
}

/** The language of a session answer (sign-in, the session check), if the result is one. */
function sessionLanguage(result: Result<unknown>): string | null {
  if (!result.ok || typeof result.value !== 'object' || result.value === null) return null;
  const user = (result.value as { user?: { language?: unknown } }).user;
  return typeof user?.language === 'string' ? user.language : null;
}
