import type { IpcMainInvokeEvent } from 'electron';
import type { ChooseAnswer, ProbeAnswer } from '../../shared/contract/connect-window';
import { CONNECT_CHOOSE_CHANNEL, CONNECT_PROBE_CHANNEL } from './connect-channels';
import type { ConnectFlow } from './connect-flow';
import type { IpcMainLike } from './ipc';
import { fromTrustedFrame, tooLarge, type GuardedEvent } from './ipc-guards';
import type { TrustOptions } from './window-options';

/**
 * The choice window's two IPC handlers, behind the guards every IPC call passes (ipc-guards.ts):
 * only the choice page itself may call (its own `trust`: connect.html, not the app's page), and
 * nothing larger than a request body may. What passes goes to the flow, which validates it
 * (connect-flow.ts).
 */
export interface ConnectIpcOptions {
  ipcMain: IpcMainLike;
  /** The choice page: `rendererFile` is connect.html. */
  trust: TrustOptions;
  flow: ConnectFlow;
}

export interface ConnectIpcRegistration {
  dispose(): void;
}

export function registerConnectIpc({
  ipcMain,
  trust,
  flow,
}: ConnectIpcOptions): ConnectIpcRegistration {
  const onProbe = (event: IpcMainInvokeEvent, address: unknown): Promise<ProbeAnswer> => {
    const e = event as unknown as GuardedEvent;
    if (!fromTrustedFrame(e, trust) || tooLarge('connect.probe', address)) {
      return Promise.resolve({ ok: false, problem: 'refused' });
    }
    return flow.probe(address);
  };
  const onChoose = (event: IpcMainInvokeEvent, choice: unknown): Promise<ChooseAnswer> => {
    const e = event as unknown as GuardedEvent;
    if (!fromTrustedFrame(e, trust) || tooLarge('connect.choose', choice)) {
      return Promise.resolve({ ok: false, problem: 'refused' });
    }
    return flow.choose(choice);
  };
  ipcMain.handle(CONNECT_PROBE_CHANNEL, onProbe);
  ipcMain.handle(CONNECT_CHOOSE_CHANNEL, onChoose);
  return {
    dispose() {
      ipcMain.removeHandler(CONNECT_PROBE_CHANNEL);
      ipcMain.removeHandler(CONNECT_CHOOSE_CHANNEL);
    },
  };
}
