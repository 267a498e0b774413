import tls from 'node:tls';
import * as z from 'zod';
import type { ChooseAnswer, ProbeAnswer, ServerView } from '../../shared/contract/connect-window';
import type { ProbeResult, ServerCertificateInfo, ServerOrigin } from '../client';
import type { HealthPin, HealthResult } from './connect-health';
import { MAX_ADDRESS_LENGTH, normalizeServerAddress } from './connect-url';
import type { Connection } from './connection';

/**
 * What main does for the first-run choice window (issue 14), without Electron: the window's
 * messages validated, the server's certificate judged, the choice checked and saved. The window
 * only shows; every decision that matters is taken here:
 *
 * - 检查 (`probe`): the address is normalised (connect-url.ts) and the server's certificate read
 *   by a TLS handshake alone (main/client probe.ts). An expired certificate, one for another name,
 *   or one from an authority this computer does not trust (and not self-signed, so it cannot be
 *   pinned either) is refused with its reason. The last good check is remembered — the
 *   certificate itself, from the handshake, not from the window.
 * - 连接 (`choose`): only the server last checked, with the fingerprint the window showed, and —
 *   for a self-signed certificate — "我已核对指纹" ticked. Main pins its own copy of the
 *   certificate, asks `/api/health` with that trust (connect-health.ts), and only then writes
 *   connection.json (atomically, connection.ts).
 *
 * Nothing is sent to the server before 连接 but the handshake: a person who typed the wrong
 * address gives nothing away by pressing 检查.
 */

/** The address as typed; NFKC may shorten it, so some room above the origin's own limit. */
const addressInput = z.string().max(MAX_ADDRESS_LENGTH * 4);

const FINGERPRINT = /^([0-9A-F]{2}:){31}[0-9A-F]{2}$/;

const choiceInput = z.discriminatedUnion('mode', [
  z.strictObject({ mode: z.literal('local') }),
  z.strictObject({
    mode: z.literal('server'),
    origin: z.string().max(MAX_ADDRESS_LENGTH),
    fingerprint256: z.string().regex(FINGERPRINT),
    fingerprintConfirmed: z.boolean(),
  }),
]);

/** `CN=a, O=b` → the CN, for a certificate without subject alternative names. */
function commonName(subject: string): string | undefined {
  return /(?:^|,\s*)CN=([^,]+)/.exec(subject)?.[1];
}

/** Whether the certificate names the host typed, by Node's own rules (wildcards, IP addresses). */
export function certificateNames(
  cert: Pick<ServerCertificateInfo, 'subject' | 'subjectAltNames'>,
  hostname: string,
): boolean {
  const cn = commonName(cert.subject);
  const peer = {
    subject: cn === undefined ? {} : { CN: cn },
    subjectaltname: cert.subjectAltNames.join(', '),
  } as unknown as tls.PeerCertificate;
  return tls.checkServerIdentity(hostname, peer) === undefined;
}

/**
 * The window's answer for a certificate read from `target`. A certificate the system trusts
 * needs nothing more (Node checked its chain, dates and name). Otherwise, in this order: its
 * dates, its name — the server answers only to its own name, so a certificate for another one
 * means the wrong address was typed — then whether it is self-signed (the person compares the
 * fingerprint, and it is pinned) or from an authority this computer does not know (which a pin
 * cannot stand in for: ask IT).
 */
export function certificateVerdict(
  cert: ServerCertificateInfo,
  target: ServerOrigin,
  nowMs: number,
): ProbeAnswer {
  const server: ServerView = {
    origin: target.origin,
    host: target.host,
    trust: 'system',
    fingerprint256: cert.fingerprint256,
    names: cert.subjectAltNames,
    issuer: cert.issuer,
    validTo: cert.validTo,
  };
  if (cert.trusted) return { ok: true, server };
  const refuse = (problem: Exclude<ProbeAnswer, { ok: true }>['problem'], extra = {}) => ({
    ok: false as const,
    problem,
    host: target.host,
    ...(cert.trustError ? { detail: cert.trustError } : {}),
    ...extra,
  });
  if (nowMs > Date.parse(cert.validTo)) {
    return refuse('certificate-expired', { date: cert.validTo });
  }
  if (nowMs < Date.parse(cert.validFrom)) {
    return refuse('certificate-not-yet-valid', { date: cert.validFrom });
  }
  if (!certificateNames(cert, target.hostname)) {
    return refuse('wrong-name', { names: cert.subjectAltNames });
  }
  if (cert.selfSigned) return { ok: true, server: { ...server, trust: 'self-signed' } };
  return refuse('untrusted-authority');
}

function probeFailure(result: Exclude<ProbeResult, { ok: true }>, host: string): ProbeAnswer {
  const detail = result.code ?? result.message;
  switch (result.reason) {
    case 'invalid-origin':
      return { ok: false, problem: 'address', addressProblem: 'not-an-address', host };
    case 'unreachable':
      return { ok: false, problem: 'unreachable', host, detail };
    case 'no-certificate':
      return { ok: false, problem: 'not-tls', host, detail };
  }
}

export interface ConnectFlowDeps {
  /** main/client `probe`. */
  probe: (origin: string) => Promise<ProbeResult>;
  /** connect-health.ts `checkHealth`. */
  checkHealth: (origin: string, pin: HealthPin | null) => Promise<HealthResult>;
  /** connection.ts `writeConnection` into the user-data folder; throws when it cannot. */
  save: (connection: Connection) => void;
  now: () => number;
}

export interface ConnectFlow {
  /** 检查. Never rejects. */
  probe(input: unknown): Promise<ProbeAnswer>;
  /** 只在本机使用 / 连接. Never rejects. */
  choose(input: unknown): Promise<ChooseAnswer>;
  /** Settles with the choice once it is saved. */
  readonly chosen: Promise<Connection>;
}

/** The last check that found a server one may connect to. */
interface Checked {
  server: ServerView;
  /** For a self-signed certificate: the certificate from the handshake, to pin. */
  pin: HealthPin | null;
}

export function createConnectFlow(deps: ConnectFlowDeps): ConnectFlow {
  /** `connecting`: asking /api/health; `done`: saved, nothing more is taken. */
  let phase: 'open' | 'connecting' | 'done' = 'open';
  let checked: Checked | null = null;
  /** Only the latest of overlapping checks may become `checked`. */
  let probes = 0;
  let settle: (connection: Connection) => void = () => undefined;
  const chosen = new Promise<Connection>((resolve) => {
    settle = resolve;
  });

  const save = (connection: Connection): ChooseAnswer => {
    try {
      deps.save(connection);
    } catch (e) {
      return {
        ok: false,
        problem: 'save-failed',
        detail: e instanceof Error ? e.message : String(e),
      };
    }
    phase = 'done';
    settle(connection);
    return { ok: true };
  };

  return {
    chosen,

    async probe(input) {
      const parsed = addressInput.safeParse(input);
      if (!parsed.success) return { ok: false, problem: 'refused' };
      if (phase !== 'open') return { ok: false, problem: 'busy' };
      const address = normalizeServerAddress(parsed.data);
      if (!address.ok) return { ok: false, problem: 'address', addressProblem: address.problem };
      const { target } = address;
      const mine = ++probes;
      // A new check replaces the last: 连接 is for what the window shows now.
      checked = null;
      let result: ProbeResult;
      try {
        result = await deps.probe(target.origin);
      } catch (e) {
        // probe() does not reject; should it, the window still gets an answer.
        result = { ok: false, reason: 'unreachable', message: String(e), code: null };
      }
      const answer = result.ok
        ? certificateVerdict(result.certificate, target, deps.now())
        : probeFailure(result, target.host);
      if (answer.ok && result.ok && mine === probes && phase === 'open') {
        const c = result.certificate;
        checked = {
          server: answer.server,
          pin:
            answer.server.trust === 'self-signed'
              ? { pem: c.pem, fingerprint256: c.fingerprint256 }
              : null,
        };
      }
      return answer;
    },

    async choose(input) {
      const parsed = choiceInput.safeParse(input);
      if (!parsed.success) return { ok: false, problem: 'refused' };
      if (phase !== 'open') return { ok: false, problem: 'busy' };
      const choice = parsed.data;
      if (choice.mode === 'local') return save({ mode: 'local' });

      const last = checked;
      if (
        !last ||
        last.server.origin !== choice.origin ||
        last.server.fingerprint256 !== choice.fingerprint256
      ) {
        return { ok: false, problem: 'not-checked' };
      }
      const { server, pin } = last;
      if (server.trust === 'self-signed' && !choice.fingerprintConfirmed) {
        return { ok: false, problem: 'fingerprint-not-confirmed', host: server.host };
      }
      phase = 'connecting';
      let health: HealthResult;
      try {
        health = await deps.checkHealth(server.origin, pin);
      } catch (e) {
        health = { ok: false, problem: 'unreachable', detail: String(e) };
      }
      phase = 'open';
      if (!health.ok) {
        // Another certificate than the one checked: the check no longer stands.
        if (health.problem === 'certificate-changed') checked = null;
        return { ok: false, problem: health.problem, host: server.host, detail: health.detail };
      }
      return save({
        mode: 'server',
        origin: server.origin,
        ...(pin ? { pinnedCertPem: pin.pem, pinnedFingerprint256: pin.fingerprint256 } : {}),
      });
    },
  };
}
