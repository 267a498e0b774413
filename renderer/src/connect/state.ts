import type {
  ChooseAnswer,
  ConnectLanguage,
  ProbeAnswer,
  ServerView,
} from '../../../shared/contract/connect-window';
import { CONNECT_STRINGS, fill } from './strings';

/**
 * The choice window's state machine, as a reducer (pure: table-tested in state.test.ts). Main
 * decides what is allowed (main/electron/connect-flow.ts); this only keeps the page honest about
 * what it shows: a checked server is dropped as soon as the address changes, 连接 is enabled only
 * for the server on screen — and for a self-signed certificate only once "我已核对指纹" is ticked —
 * and an answer that arrives for a step the page has left is ignored.
 */
export type Failure =
  | { from: 'probe'; answer: Exclude<ProbeAnswer, { ok: true }> }
  | { from: 'choose'; answer: Exclude<ChooseAnswer, { ok: true }> };

export type Phase =
  /** The two choices. */
  | { kind: 'choose' }
  | { kind: 'saving-local' }
  /** The server's address, being typed. */
  | { kind: 'address' }
  | { kind: 'checking' }
  | { kind: 'checked'; server: ServerView; confirmed: boolean }
  | { kind: 'connecting'; server: ServerView; confirmed: boolean }
  /** Saved: main opens the app and closes this window. */
  | { kind: 'done'; mode: 'local' | 'server' };

export interface ConnectState {
  phase: Phase;
  address: string;
  failure: Failure | null;
}

export type ConnectAction =
  | { type: 'pick-local' }
  | { type: 'saved-local'; answer: ChooseAnswer }
  | { type: 'pick-server' }
  | { type: 'back' }
  | { type: 'typed'; address: string }
  | { type: 'check' }
  | { type: 'checked'; answer: ProbeAnswer }
  | { type: 'confirm'; confirmed: boolean }
  | { type: 'connect' }
  | { type: 'connected'; answer: ChooseAnswer };

export const INITIAL_STATE: ConnectState = {
  phase: { kind: 'choose' },
  address: '',
  failure: null,
};

export function connectReducer(state: ConnectState, action: ConnectAction): ConnectState {
  const { phase } = state;
  switch (action.type) {
    case 'pick-local':
      return phase.kind === 'choose'
        ? { ...state, phase: { kind: 'saving-local' }, failure: null }
        : state;
    case 'saved-local':
      if (phase.kind !== 'saving-local') return state;
      return action.answer.ok
        ? { ...state, phase: { kind: 'done', mode: 'local' } }
        : {
            ...state,
            phase: { kind: 'choose' },
            failure: { from: 'choose', answer: action.answer },
          };
    case 'pick-server':
      return phase.kind === 'choose'
        ? { ...state, phase: { kind: 'address' }, failure: null }
        : state;
    case 'back':
      return phase.kind === 'address' || phase.kind === 'checked'
        ? { ...state, phase: { kind: 'choose' }, failure: null }
        : state;
    case 'typed':
      // What was checked was another address: it is no longer what the page would connect to.
      return phase.kind === 'address' || phase.kind === 'checked'
        ? { phase: { kind: 'address' }, address: action.address, failure: null }
        : state;
    case 'check':
      return phase.kind === 'address' || phase.kind === 'checked'
        ? { ...state, phase: { kind: 'checking' }, failure: null }
        : state;
    case 'checked':
      if (phase.kind !== 'checking') return state;
      return action.answer.ok
        ? {
            ...state,
            phase: { kind: 'checked', server: action.answer.server, confirmed: false },
          }
        : {
            ...state,
            phase: { kind: 'address' },
            failure: { from: 'probe', answer: action.answer },
          };
    case 'confirm':
      return phase.kind === 'checked'
        ? { ...state, phase: { ...phase, confirmed: action.confirmed } }
        : state;
    case 'connect':
      return phase.kind === 'checked' && canConnect(state)
        ? { ...state, phase: { ...phase, kind: 'connecting' }, failure: null }
        : state;
    case 'connected': {
      if (phase.kind !== 'connecting') return state;
      const { answer } = action;
      if (answer.ok) return { ...state, phase: { kind: 'done', mode: 'server' } };
      const failure: Failure = { from: 'choose', answer };
      // The check no longer stands (another certificate, or main checked something else): the
      // person checks again; otherwise the server stays on screen to try once more.
      const recheck = answer.problem === 'certificate-changed' || answer.problem === 'not-checked';
      return recheck
        ? { ...state, phase: { kind: 'address' }, failure }
        : { ...state, phase: { ...phase, kind: 'checked' }, failure };
    }
  }
}

/** 连接 for the server on screen: at once for a trusted certificate, else once confirmed. */
export function canConnect(state: ConnectState): boolean {
  const { phase } = state;
  if (phase.kind !== 'checked') return false;
  return phase.server.trust === 'system' || phase.confirmed;
}

/** `AA:BB:…` (32 pairs) → 8 groups of 4 pairs, to compare group by group. */
export function fingerprintGroups(fingerprint: string): string[] {
  const pairs = fingerprint.split(':');
  const groups: string[] = [];
  for (let i = 0; i < pairs.length; i += 4) groups.push(pairs.slice(i, i + 4).join(':'));
  return groups;
}

/** A date as people read it in the window's language (the certificate's ISO date). */
export function formatDate(iso: string, language: ConnectLanguage): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  return new Intl.DateTimeFormat(language, { dateStyle: 'long' }).format(date);
}

/** The certificate's names without their kind (`DNS:a`, `IP Address:b` → `a`, `b`). */
export function certificateNames(names: readonly string[]): string[] {
  return names.map((n) => n.replace(/^(DNS|IP Address):/, ''));
}

/**
 * What went wrong, in the window's language: the message, and where it belongs — beside the
 * address field (a typed address that cannot be one) or above the rest.
 */
export function failureMessage(
  failure: Failure,
  language: ConnectLanguage,
): { text: string; field: boolean; detail: string | null } {
  const s = CONNECT_STRINGS[language];
  const { answer } = failure;
  const detail = answer.detail ? fill(s.detail, { detail: answer.detail }) : null;
  if (failure.from === 'probe') {
    const a = failure.answer;
    if (a.problem === 'address') {
      return { text: s.address[a.addressProblem ?? 'not-an-address'], field: true, detail: null };
    }
    const text = fill(s.probe[a.problem], {
      host: a.host,
      date: a.date ? formatDate(a.date, language) : undefined,
      names: a.names ? certificateNames(a.names).join(language === 'en' ? ', ' : '、') : undefined,
    });
    return { text, field: false, detail };
  }
  return {
    text: fill(s.choose[failure.answer.problem], { host: answer.host }),
    field: false,
    detail,
  };
}
