import type { IpcMainEvent, IpcMainInvokeEvent } from 'electron';
import { isEventName, type EventName } from '../../shared/contract/names';
import type { NotificationView } from '../../shared/contract/types';
import type { Result } from '../../shared/result';
import type { RemoteClient } from '../client';
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

export function registerRemoteIpc({
  ipcMain,
  remote,
  trust,
  desktopNotify,
}: RemoteIpcOptions): IpcRegistration {
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

  const onSubscribe = (event: IpcMainEvent, name: unknown) => {
    const e = event as unknown as IpcEventLike;
    if (!fromTrustedFrame(e, trust) || !isEventName(name)) return;
    windowFor(e.sender).events.add(name);
  };

  const onUnsubscribe = (event: IpcMainEvent, name: unknown) => {
    const e = event as unknown as IpcEventLike;
    if (!fromTrustedFrame(e, trust) || !isEventName(name)) return;
    windows.get(e.sender.id)?.events.delete(name);
  };

  const stopStream = remote.subscribe({
    onEvent: (name, payload) => {
      if (!isEventName(name)) return; // a newer server's event this client does not know
      for (const w of windows.values()) {
        if (!w.events.has(name) || w.sender.isDestroyed()) continue;
        w.sender.send(EVENT_CHANNEL, name, payload);
        if (desktopNotify && name === 'notifications.created') {
          const { notification } = payload as { notification: NotificationView };
          desktopNotify(desktopNotice(notification, language), w.sender);
        }
      }
    },
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
  };
}

/** The language of a session answer (sign-in, the session check), if the result is one. */
function sessionLanguage(result: Result<unknown>): string | null {
  if (!result.ok || typeof result.value !== 'object' || result.value === null) return null;
  const user = (result.value as { user?: { language?: unknown } }).user;
  return typeof user?.language === 'string' ? user.language : null;
}
