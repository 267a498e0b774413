/**
 * The Electron transport for the dispatcher. Like the HTTP server, it only adapts: every request
 * goes through `dispatch`, which does session → permission → validation → service.
 *
 * What this layer adds is the desktop's own trust boundary:
 * - a call is served only if it comes from the app's own page (the sender frame's URL);
 * - the session token stays here, one per window, and never crosses into the renderer — the
 *   IPC equivalent of an HttpOnly cookie;
 * - events are forwarded only to windows that asked for them and are signed in as a recipient.
 *
 * `ipcMain` is passed in (not imported) so tests can drive this with a fake and a real database.
 */
import type { IpcMain, IpcMainEvent, IpcMainInvokeEvent } from 'electron';
import { isEventName, type EventName } from '../../shared/contract/names';
import { translate, type Language } from '../../shared/i18n/translate';
import type { NotificationView } from '../../shared/contract/types';
import type { Result } from '../../shared/result';
import type { AppEvent } from '../api/events';
import type { EventPayload } from '../../shared/contract/operations';
import { dispatch, type App } from '../api/dispatcher';
import { eventIsFor } from '../api/delivery';
import { hashToken, resolveSession } from '../domains/auth';
import { getSettings } from '../domains/settings';
import { EVENT_CHANNEL, INVOKE_CHANNEL, SUBSCRIBE_CHANNEL, UNSUBSCRIBE_CHANNEL } from './channels';
import { errorResult, fromTrustedFrame, invokeKey, perWindow, tooLarge } from './ipc-guards';
import type { TrustOptions } from './window-options';

/** The client every window of the desktop app is, for the per-client sign-in throttle. */
export const LOCAL_CLIENT = 'local-app';

/** The parts of a webContents this module uses. */
export interface IpcSender {
  readonly id: number;
  send(channel: string, ...args: unknown[]): void;
  isDestroyed(): boolean;
  once(event: 'destroyed', listener: () => void): unknown;
}

/** The parts of an IPC event this module reads. */
export interface IpcEventLike {
  readonly sender: IpcSender;
  readonly senderFrame: { readonly url: string } | null;
}

export type IpcMainLike = Pick<IpcMain, 'handle' | 'removeHandler' | 'on' | 'removeListener'>;

export interface IpcOptions {
  ipcMain: IpcMainLike;
  app: App;
  trust: TrustOptions;
  /**
   * Shows a desktop notification (Electron's `Notification`) for a notification created for the
   * user signed in to a window, in his language. Not for a window behind the idle lock: the
   * shared front-desk machine shows nothing of the last user's work.
   */
  desktopNotify?: (text: DesktopNotice, sender: IpcSender) => void;
}

/** What a desktop notification says. */
export interface DesktopNotice {
  title: string;
  body: string;
}

/** The desktop notification of an app notification, in the reader's language. */
export function desktopNotice(notification: NotificationView, language: string): DesktopNotice {
  const lang: Language = language === 'en' ? 'en' : 'zh-CN';
  return {
    title: translate(lang, 'app.name'),
    body: translate(lang, notification.titleKey, notification.params),
  };
}

export interface IpcRegistration {
  /** Removes the handlers and drops every window's session and subscriptions. */
  dispose(): void;
  /** Resolves once every event delivery already started has finished (for tests). */
  idle(): Promise<void>;
}

interface Client {
  sender: IpcSender;
  /** The session token for this window; never sent to the renderer. */
  token: string | null;
  events: Set<EventName>;
}

export function registerIpc({ ipcMain, app, trust, desktopNotify }: IpcOptions): IpcRegistration {
  const pending = new Set<Promise<void>>();

  const trusted = (event: IpcEventLike): boolean => fromTrustedFrame(event, trust);

  // Closing the window forgets its session (the row stays until it expires or is ended).
  const registry = perWindow<IpcSender, Client>((sender) => ({
    sender,
    token: null,
    events: new Set(),
  }));
  const clients = registry.entries;
  const clientFor = (sender: IpcSender): Client => registry.for(sender);

  const onInvoke = async (
    event: IpcMainInvokeEvent,
    op: unknown,
    input: unknown,
    options?: unknown,
  ): Promise<Result<unknown>> => {
    const e = event as unknown as IpcEventLike;
    if (!trusted(e)) {
      console.warn(`refused ${String(op)} from untrusted frame ${e.senderFrame?.url ?? '(gone)'}`);
      return errorResult('FORBIDDEN');
    }
    if (tooLarge(op, input)) return errorResult('PAYLOAD_TOO_LARGE');
    // The optional third argument carries the idempotency key beside the input.
    const key = invokeKey(options);
    if (!key.ok) return errorResult('INVALID_INPUT');
    const idempotencyKey = key.key;
    const client = clientFor(e.sender);
    try {
      const outcome = await dispatch(app, {
        op,
        input,
        token: client.token,
        idempotencyKey,
        client: LOCAL_CLIENT,
      });
      if (outcome.session !== undefined) client.token = outcome.session;
      return outcome.result;
    } catch (err) {
      // dispatch turns failures into values already; this is a last guard so invoke never rejects.
      console.error(`operation ${String(op)} failed`, err);
      return errorResult('INTERNAL');
    }
  };

  const onSubscribe = (event: IpcMainEvent, name: unknown) => {
    const e = event as unknown as IpcEventLike;
    if (!trusted(e) || !isEventName(name)) return;
    clientFor(e.sender).events.add(name);
  };

  const onUnsubscribe = (event: IpcMainEvent, name: unknown) => {
    const e = event as unknown as IpcEventLike;
    if (!trusted(e) || !isEventName(name)) return;
    clients.get(e.sender.id)?.events.delete(name);
  };

  const deliver = async (event: AppEvent, targets: Client[]) => {
    try {
      const settings = await getSettings(app.db);
      for (const client of targets) {
        // The rule every transport follows (main/api/delivery.ts): the window's session, resolved
        // now — not at subscribe time, so sign-out and user switches on a shared front-desk
        // machine take effect immediately — is a live one of the event's recipients, or one of
        // the sessions the event is addressed to (a revocation's).
        const state = await resolveSession(
          app.db,
          client.token,
          app.clock(),
          settings.idleLockMinutes,
        );
        const tokenHash = client.token === null ? null : hashToken(client.token);
        if (!eventIsFor(event, tokenHash, state)) continue;
        if (client.sender.isDestroyed()) continue;
        client.sender.send(EVENT_CHANNEL, event.name, event.payload);
        if (desktopNotify && state.status === 'active' && event.name === 'notifications.created') {
          const { notification } = event.payload as EventPayload<'notifications.created'>;
          desktopNotify(desktopNotice(notification, state.user.language), client.sender);
        }
      }
    } catch (err) {
      console.error(`delivering ${event.name} failed`, err);
    }
  };

  const unsubscribeBus = app.events.subscribe((event) => {
    const targets = [...clients.values()].filter((c) => c.token && c.events.has(event.name));
    if (targets.length === 0) return;
    const job = deliver(event, targets);
    pending.add(job);
    void job.finally(() => pending.delete(job));
  });

  ipcMain.handle(INVOKE_CHANNEL, onInvoke);
  ipcMain.on(SUBSCRIBE_CHANNEL, onSubscribe);
  ipcMain.on(UNSUBSCRIBE_CHANNEL, onUnsubscribe);

  return {
    dispose() {
      unsubscribeBus();
      ipcMain.removeHandler(INVOKE_CHANNEL);
      ipcMain.removeListener(SUBSCRIBE_CHANNEL, onSubscribe);
      ipcMain.removeListener(UNSUBSCRIBE_CHANNEL, onUnsubscribe);
      clients.clear();
    },
    async idle() {
      while (pending.size > 0) await Promise.all([...pending]);
    },
  };
}
