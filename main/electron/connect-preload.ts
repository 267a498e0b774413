/**
 * The preload of the first-run choice window (issue 14), and nothing else's. Sandboxed and bundled
 * into one CJS file like the app's preload (preload.ts); it exposes exactly `window.connectApi`
 * with `probe`, `choose` and `locale`. The app's window keeps its own preload, whose bridge holds
 * only the contract's `invoke` and `subscribe` — this one never loads there.
 *
 * Only plain data crosses: a string, or a choice copied field by field into a fresh object (no
 * getters, no extra fields). Main validates everything again (connect-flow.ts).
 */
import { contextBridge, ipcRenderer } from 'electron';
import {
  CONNECT_BRIDGE_KEY,
  type ChooseAnswer,
  type ConnectBridge,
  type ConnectChoice,
  type ProbeAnswer,
} from '../../shared/contract/connect-window';
import {
  CONNECT_CHOOSE_CHANNEL,
  CONNECT_PROBE_CHANNEL,
  languageFromArgv,
} from './connect-channels';

const refusedProbe: ProbeAnswer = { ok: false, problem: 'refused' };
const refusedChoice: ChooseAnswer = { ok: false, problem: 'refused' };

/** A copy of what main needs of a choice, or null for anything that is not one. */
function copyChoice(choice: unknown): ConnectChoice | null {
  if (typeof choice !== 'object' || choice === null) return null;
  const c = choice as Record<string, unknown>;
  if (c.mode === 'local') return { mode: 'local' };
  if (
    c.mode === 'server' &&
    typeof c.origin === 'string' &&
    typeof c.fingerprint256 === 'string' &&
    typeof c.fingerprintConfirmed === 'boolean'
  ) {
    return {
      mode: 'server',
      origin: c.origin,
      fingerprint256: c.fingerprint256,
      fingerprintConfirmed: c.fingerprintConfirmed,
    };
  }
  return null;
}

const bridge: ConnectBridge = {
  locale: languageFromArgv(process.argv),

  async probe(address: string): Promise<ProbeAnswer> {
    if (typeof address !== 'string') return refusedProbe;
    try {
      return (await ipcRenderer.invoke(CONNECT_PROBE_CHANNEL, address)) as ProbeAnswer;
    } catch (e) {
      // Only if main is not listening (the choice is already made, or the app is closing).
      console.error('probe failed', e);
      return refusedProbe;
    }
  },

  async choose(choice: ConnectChoice): Promise<ChooseAnswer> {
    const copy = copyChoice(choice);
    if (!copy) return refusedChoice;
    try {
      return (await ipcRenderer.invoke(CONNECT_CHOOSE_CHANNEL, copy)) as ChooseAnswer;
    } catch (e) {
      console.error('choose failed', e);
      return refusedChoice;
    }
  },
};

contextBridge.exposeInMainWorld(CONNECT_BRIDGE_KEY, Object.freeze(bridge));
