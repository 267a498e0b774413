import { describe, expect, it } from 'vitest';
import type { ServerView } from '../../../shared/contract/connect-window';
import {
  INITIAL_STATE,
  canConnect,
  certificateNames,
  connectReducer,
  failureMessage,
  fingerprintGroups,
  type ConnectAction,
  type ConnectState,
  type Phase,
} from './state';
import { CONNECT_STRINGS, fill } from './strings';

const FP = Array.from({ length: 32 }, (_, i) => i.toString(16).toUpperCase().padStart(2, '0')).join(
  ':',
);
const SELF: ServerView = {
  origin: 'https://reception.test:8443',
  host: 'reception.test:8443',
  trust: 'self-signed',
  fingerprint256: FP,
  names: ['DNS:reception.test'],
  issuer: 'CN=reception.test',
  validTo: '2027-01-01T00:00:00.000Z',
};
const TRUSTED: ServerView = { ...SELF, trust: 'system', issuer: 'CN=R11' };

const at = (phase: Phase, address = 'reception.test:8443'): ConnectState => ({
  phase,
  address,
  failure: null,
});
const unreachable = { ok: false, problem: 'unreachable', host: 'x' } as const;

/** What a step should lead to: the phase's fields that matter, and whatever else is given. */
type Expected = Omit<Partial<ConnectState>, 'phase'> & { phase: Partial<Phase> };

describe('the choice window’s state machine', () => {
  it.each<[string, ConnectState, ConnectAction, Expected]>([
    ['local chosen', INITIAL_STATE, { type: 'pick-local' }, { phase: { kind: 'saving-local' } }],
    [
      'local saved',
      at({ kind: 'saving-local' }),
      { type: 'saved-local', answer: { ok: true } },
      { phase: { kind: 'done', mode: 'local' } },
    ],
    [
      'local not saved: back to the choices, saying why',
      at({ kind: 'saving-local' }),
      { type: 'saved-local', answer: { ok: false, problem: 'save-failed' } },
      {
        phase: { kind: 'choose' },
        failure: { from: 'choose', answer: { ok: false, problem: 'save-failed' } },
      },
    ],
    ['the server form', INITIAL_STATE, { type: 'pick-server' }, { phase: { kind: 'address' } }],
    ['checking', at({ kind: 'address' }), { type: 'check' }, { phase: { kind: 'checking' } }],
    [
      'checked: not confirmed yet',
      at({ kind: 'checking' }),
      { type: 'checked', answer: { ok: true, server: SELF } },
      { phase: { kind: 'checked', server: SELF, confirmed: false } },
    ],
    [
      'a failed check: back to the address, saying why',
      at({ kind: 'checking' }),
      { type: 'checked', answer: unreachable },
      { phase: { kind: 'address' }, failure: { from: 'probe', answer: unreachable } },
    ],
    [
      'typing after a check drops the server',
      at({ kind: 'checked', server: SELF, confirmed: true }),
      { type: 'typed', address: 'reception.test:8444' },
      { phase: { kind: 'address' }, address: 'reception.test:8444' },
    ],
    [
      'confirmed',
      at({ kind: 'checked', server: SELF, confirmed: false }),
      { type: 'confirm', confirmed: true },
      { phase: { kind: 'checked', confirmed: true } },
    ],
    [
      'connect, confirmed',
      at({ kind: 'checked', server: SELF, confirmed: true }),
      { type: 'connect' },
      { phase: { kind: 'connecting', server: SELF, confirmed: true } },
    ],
    [
      'connect refused until confirmed (self-signed)',
      at({ kind: 'checked', server: SELF, confirmed: false }),
      { type: 'connect' },
      { phase: { kind: 'checked' } },
    ],
    [
      'connect at once (trusted)',
      at({ kind: 'checked', server: TRUSTED, confirmed: false }),
      { type: 'connect' },
      { phase: { kind: 'connecting' } },
    ],
    [
      'connected',
      at({ kind: 'connecting', server: SELF, confirmed: true }),
      { type: 'connected', answer: { ok: true } },
      { phase: { kind: 'done', mode: 'server' } },
    ],
    [
      'not a Reception Manager server: the server stays, to try again',
      at({ kind: 'connecting', server: SELF, confirmed: true }),
      { type: 'connected', answer: { ok: false, problem: 'not-reception' } },
      { phase: { kind: 'checked', server: SELF, confirmed: true } },
    ],
    [
      'another certificate at connect: check again',
      at({ kind: 'connecting', server: SELF, confirmed: true }),
      { type: 'connected', answer: { ok: false, problem: 'certificate-changed' } },
      { phase: { kind: 'address' } },
    ],
    ['back', at({ kind: 'address' }), { type: 'back' }, { phase: { kind: 'choose' } }],
    // Nothing happens out of turn.
    [
      'no back while checking',
      at({ kind: 'checking' }),
      { type: 'back' },
      { phase: { kind: 'checking' } },
    ],
    [
      'no typing while connecting',
      at({ kind: 'connecting', server: SELF, confirmed: true }),
      { type: 'typed', address: 'x' },
      { phase: { kind: 'connecting' }, address: 'reception.test:8443' },
    ],
    [
      'a late check answer after the address changed is ignored',
      at({ kind: 'address' }, 'other'),
      { type: 'checked', answer: { ok: true, server: SELF } },
      { phase: { kind: 'address' } },
    ],
    [
      'a late connect answer is ignored',
      at({ kind: 'choose' }),
      { type: 'connected', answer: { ok: true } },
      { phase: { kind: 'choose' } },
    ],
    [
      'no local choice from the server form',
      at({ kind: 'address' }),
      { type: 'pick-local' },
      { phase: { kind: 'address' } },
    ],
  ])('%s', (_what, before, action, expected) => {
    expect(connectReducer(before, action)).toMatchObject(expected);
  });

  it('a new step clears the last failure', () => {
    const failed = connectReducer(at({ kind: 'checking' }), {
      type: 'checked',
      answer: unreachable,
    });
    expect(failed.failure).not.toBeNull();
    expect(connectReducer(failed, { type: 'typed', address: 'y' }).failure).toBeNull();
    expect(connectReducer(failed, { type: 'check' }).failure).toBeNull();
  });

  it.each<[Phase, boolean]>([
    [{ kind: 'checked', server: TRUSTED, confirmed: false }, true],
    [{ kind: 'checked', server: SELF, confirmed: false }, false],
    [{ kind: 'checked', server: SELF, confirmed: true }, true],
    [{ kind: 'connecting', server: SELF, confirmed: true }, false],
    [{ kind: 'address' }, false],
  ])('canConnect %j → %s', (phase, expected) => {
    expect(canConnect(at(phase))).toBe(expected);
  });
});

describe('what the window shows', () => {
  it('the fingerprint in 8 groups of 4 bytes', () => {
    const groups = fingerprintGroups(FP);
    expect(groups).toHaveLength(8);
    expect(groups[0]).toBe('00:01:02:03');
    expect(groups.join(':')).toBe(FP);
  });

  it('certificate names without their kind', () => {
    expect(certificateNames(['DNS:a.test', 'IP Address:10.0.0.5'])).toEqual(['a.test', '10.0.0.5']);
  });

  it('an address problem goes under the field; the rest above, with the cause', () => {
    expect(
      failureMessage(
        { from: 'probe', answer: { ok: false, problem: 'address', addressProblem: 'not-https' } },
        'zh-CN',
      ),
    ).toEqual({ text: CONNECT_STRINGS['zh-CN'].address['not-https'], field: true, detail: null });
    expect(
      failureMessage(
        {
          from: 'probe',
          answer: { ok: false, problem: 'wrong-name', host: 'a:1', names: ['DNS:b', 'DNS:c'] },
        },
        'en',
      ),
    ).toEqual({
      text: fill(CONNECT_STRINGS.en.probe['wrong-name'], { host: 'a:1', names: 'b, c' }),
      field: false,
      detail: null,
    });
    const expired = failureMessage(
      {
        from: 'probe',
        answer: {
          ok: false,
          problem: 'certificate-expired',
          host: 'a',
          date: '2026-02-01T00:00:00.000Z',
          detail: 'CERT_HAS_EXPIRED',
        },
      },
      'zh-CN',
    );
    expect(expired.text).toContain('2026年2月1日');
    expect(expired.detail).toBe('技术信息：CERT_HAS_EXPIRED');
  });

  it('every problem has words in both languages, with no parameter left unfilled', () => {
    for (const language of ['zh-CN', 'en'] as const) {
      const s = CONNECT_STRINGS[language];
      for (const problem of Object.keys(s.probe) as (keyof typeof s.probe)[]) {
        const m = failureMessage(
          {
            from: 'probe',
            answer: { ok: false, problem, host: 'h', names: ['DNS:n'], date: '2026-01-01' },
          },
          language,
        );
        expect(m.text, `${language} ${problem}`).not.toMatch(/\{\{|\}\}/);
      }
      for (const problem of Object.keys(s.choose) as (keyof typeof s.choose)[]) {
        const m = failureMessage(
          { from: 'choose', answer: { ok: false, problem, host: 'h' } },
          language,
        );
        expect(m.text, `${language} ${problem}`).not.toMatch(/\{\{|\}\}/);
      }
    }
    expect(Object.keys(CONNECT_STRINGS.en).sort()).toEqual(
      Object.keys(CONNECT_STRINGS['zh-CN']).sort(),
    );
  });
});
