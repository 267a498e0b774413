import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import type { ProbeAnswer } from '../../shared/contract/connect-window';
import {
  createRemoteClient,
  parseServerOrigin,
  probe,
  type ProbeResult,
  type ServerCertificateInfo,
} from '../client';
import { freePort, NAME, office, testLookup } from '../client/test-office';
import { makeTempDir } from '../test-support';
import { checkHealth, type HealthPin, type HealthResult } from './connect-health';
import { certificateNames, certificateVerdict, createConnectFlow } from './connect-flow';
import { CONNECTION_FILE, readConnection, writeConnection, type Connection } from './connection';

const NOW = Date.parse('2026-03-01T00:00:00Z');
const FP = Array.from({ length: 32 }, (_, i) => (i + 16).toString(16).toUpperCase()).join(':');
const OTHER_FP = Array.from({ length: 32 }, () => 'EE').join(':');
const PEM = '-----BEGIN CERTIFICATE-----\nMIIB\n-----END CERTIFICATE-----\n';

function cert(over: Partial<ServerCertificateInfo> = {}): ServerCertificateInfo {
  return {
    origin: 'https://reception.test:8443',
    fingerprint256: FP,
    pem: PEM,
    subject: 'CN=reception.test',
    issuer: 'CN=reception.test',
    subjectAltNames: ['DNS:reception.test'],
    validFrom: '2026-01-01T00:00:00.000Z',
    validTo: '2027-01-01T00:00:00.000Z',
    selfSigned: true,
    trusted: false,
    trustError: 'DEPTH_ZERO_SELF_SIGNED_CERT',
    ...over,
  };
}

describe('certificateVerdict', () => {
  it.each<[string, Partial<ServerCertificateInfo>, string, Partial<ProbeAnswer>]>([
    [
      'trusted by the system: nothing to compare',
      { trusted: true, trustError: null, selfSigned: false, issuer: 'CN=R11' },
      'https://reception.test:8443',
      { ok: true },
    ],
    ['self-signed for the name typed', {}, 'https://reception.test:8443', { ok: true }],
    [
      'self-signed, for the IP address typed',
      { subjectAltNames: ['DNS:reception.test', 'IP Address:10.0.0.5'] },
      'https://10.0.0.5:8443',
      { ok: true },
    ],
    [
      'a wildcard certificate',
      { subjectAltNames: ['DNS:*.example.com'], selfSigned: false, trusted: true },
      'https://reception.example.com',
      { ok: true },
    ],
    [
      'expired',
      { validTo: '2026-02-01T00:00:00.000Z' },
      'https://reception.test:8443',
      { ok: false, problem: 'certificate-expired', date: '2026-02-01T00:00:00.000Z' },
    ],
    [
      'expired, from an authority (Node said CERT_HAS_EXPIRED)',
      { validTo: '2026-02-01T00:00:00.000Z', selfSigned: false, trustError: 'CERT_HAS_EXPIRED' },
      'https://reception.test:8443',
      { ok: false, problem: 'certificate-expired', detail: 'CERT_HAS_EXPIRED' },
    ],
    [
      'not valid yet',
      { validFrom: '2026-04-01T00:00:00.000Z' },
      'https://reception.test:8443',
      { ok: false, problem: 'certificate-not-yet-valid', date: '2026-04-01T00:00:00.000Z' },
    ],
    [
      'self-signed for another name',
      {},
      'https://reception.example.com:8443',
      { ok: false, problem: 'wrong-name', names: ['DNS:reception.test'] },
    ],
    [
      'from an authority, for another name',
      { selfSigned: false, issuer: 'CN=R11', trustError: 'ERR_TLS_CERT_ALTNAME_INVALID' },
      'https://10.0.0.5:8443',
      { ok: false, problem: 'wrong-name' },
    ],
    [
      'from an authority this computer does not know (cannot be pinned)',
      { selfSigned: false, issuer: 'CN=Corp CA', trustError: 'UNABLE_TO_GET_ISSUER_CERT_LOCALLY' },
      'https://reception.test:8443',
      { ok: false, problem: 'untrusted-authority' },
    ],
  ])('%s', (_what, over, typed, expected) => {
    const target = parseServerOrigin(typed);
    const answer = certificateVerdict(cert(over), target, NOW);
    expect(answer).toMatchObject(expected);
    if (answer.ok) {
      expect(answer.server).toMatchObject({
        origin: target.origin,
        host: target.host,
        trust: over.trusted ? 'system' : 'self-signed',
        fingerprint256: FP,
      });
    }
  });

  it('reads a certificate without alternative names by its common name', () => {
    expect(
      certificateNames({ subject: 'O=Corp, CN=reception.test', subjectAltNames: [] }, NAME),
    ).toBe(true);
    expect(certificateNames({ subject: 'O=Corp', subjectAltNames: [] }, NAME)).toBe(false);
  });
});

/** The flow over stand-ins: what it was asked, and what it wrote. */
function harness(
  options: {
    probe?: (origin: string) => ProbeResult;
    health?: HealthResult;
    saveFails?: boolean;
  } = {},
) {
  const saved: Connection[] = [];
  const healthCalls: [string, HealthPin | null][] = [];
  let health: HealthResult = options.health ?? { ok: true, schemaVersion: 210 };
  const flow = createConnectFlow({
    probe: (origin) =>
      Promise.resolve(options.probe?.(origin) ?? { ok: true, certificate: cert({ origin }) }),
    checkHealth: (origin, pin) => {
      healthCalls.push([origin, pin]);
      return Promise.resolve(health);
    },
    save: (c) => {
      if (options.saveFails) throw new Error('EACCES: permission denied');
      saved.push(c);
    },
    now: () => NOW,
  });
  let chosen: Connection | null = null;
  void flow.chosen.then((c) => (chosen = c));
  return {
    flow,
    saved,
    healthCalls,
    chosen: () => chosen,
    setHealth: (h: HealthResult) => (health = h),
  };
}

const SERVER_CHOICE = {
  mode: 'server',
  origin: 'https://reception.test:8443',
  fingerprint256: FP,
  fingerprintConfirmed: true,
} as const;

describe('the choice flow', () => {
  it('only on this computer: writes local and settles', async () => {
    const h = harness();
    expect(await h.flow.choose({ mode: 'local' })).toEqual({ ok: true });
    expect(h.saved).toEqual([{ mode: 'local' }]);
    await Promise.resolve();
    expect(h.chosen()).toEqual({ mode: 'local' });
    // Nothing more is taken once chosen.
    expect(await h.flow.choose({ mode: 'local' })).toEqual({ ok: false, problem: 'busy' });
    expect(await h.flow.probe('reception.test:8443')).toEqual({ ok: false, problem: 'busy' });
  });

  it('a self-signed server: pinned with the certificate main read, after the health check', async () => {
    const h = harness();
    const answer = await h.flow.probe(' reception.test:8443 ');
    expect(answer).toMatchObject({
      ok: true,
      server: { trust: 'self-signed', fingerprint256: FP },
    });

    // Not confirmed: refused, nothing asked of the server.
    expect(await h.flow.choose({ ...SERVER_CHOICE, fingerprintConfirmed: false })).toMatchObject({
      ok: false,
      problem: 'fingerprint-not-confirmed',
    });
    expect(h.healthCalls).toEqual([]);

    expect(await h.flow.choose(SERVER_CHOICE)).toEqual({ ok: true });
    expect(h.healthCalls).toEqual([
      ['https://reception.test:8443', { pem: PEM, fingerprint256: FP }],
    ]);
    expect(h.saved).toEqual([
      {
        mode: 'server',
        origin: 'https://reception.test:8443',
        pinnedCertPem: PEM,
        pinnedFingerprint256: FP,
      },
    ]);
  });

  it('a server the system trusts: no pin, no confirmation needed', async () => {
    const h = harness({
      probe: (origin) => ({
        ok: true,
        certificate: cert({ origin, trusted: true, trustError: null, selfSigned: false }),
      }),
    });
    expect(await h.flow.probe('https://reception.test:8443')).toMatchObject({
      ok: true,
      server: { trust: 'system' },
    });
    expect(await h.flow.choose({ ...SERVER_CHOICE, fingerprintConfirmed: false })).toEqual({
      ok: true,
    });
    expect(h.healthCalls).toEqual([['https://reception.test:8443', null]]);
    expect(h.saved).toEqual([{ mode: 'server', origin: 'https://reception.test:8443' }]);
  });

  it.each<[string, Record<string, unknown>]>([
    ['nothing checked', SERVER_CHOICE],
    ['another origin', { ...SERVER_CHOICE, origin: 'https://evil.test:8443' }],
    ['another fingerprint', { ...SERVER_CHOICE, fingerprint256: OTHER_FP }],
  ])('connects only to the server last checked: %s', async (what, choice) => {
    const h = harness();
    if (what !== 'nothing checked') await h.flow.probe('reception.test:8443');
    expect(await h.flow.choose(choice)).toMatchObject({ ok: false, problem: 'not-checked' });
    expect(h.healthCalls).toEqual([]);
    expect(h.saved).toEqual([]);
  });

  it('a failed check forgets the one before it', async () => {
    let reachable = true;
    const h = harness({
      probe: (origin) =>
        reachable
          ? { ok: true, certificate: cert({ origin }) }
          : {
              ok: false,
              reason: 'unreachable',
              message: 'connect ECONNREFUSED',
              code: 'ECONNREFUSED',
            },
    });
    await h.flow.probe('reception.test:8443');
    reachable = false;
    expect(await h.flow.probe('reception.test:8443')).toEqual({
      ok: false,
      problem: 'unreachable',
      host: 'reception.test:8443',
      detail: 'ECONNREFUSED',
    });
    expect(await h.flow.choose(SERVER_CHOICE)).toMatchObject({ problem: 'not-checked' });
  });

  it.each<[string, HealthResult, string]>([
    [
      'not a Reception Manager server',
      { ok: false, problem: 'not-reception', detail: 'HTTP 404' },
      'not-reception',
    ],
    [
      'the server answers to another name',
      { ok: false, problem: 'wrong-address', detail: 'HTTP 421' },
      'wrong-address',
    ],
    ['gone meanwhile', { ok: false, problem: 'unreachable', detail: 'ECONNRESET' }, 'unreachable'],
    [
      'the server is stopping',
      { ok: false, problem: 'server-error', detail: 'HTTP 503 BUSY' },
      'server-error',
    ],
  ])(
    'health check fails (%s): nothing written, the person may try again',
    async (_w, health, problem) => {
      const h = harness({ health });
      await h.flow.probe('reception.test:8443');
      expect(await h.flow.choose(SERVER_CHOICE)).toEqual({
        ok: false,
        problem,
        host: 'reception.test:8443',
        detail: health.ok ? undefined : health.detail,
      });
      expect(h.saved).toEqual([]);
      h.setHealth({ ok: true, schemaVersion: 210 });
      expect(await h.flow.choose(SERVER_CHOICE)).toEqual({ ok: true });
    },
  );

  it('another certificate at connect: the check no longer stands', async () => {
    const h = harness({ health: { ok: false, problem: 'certificate-changed', detail: 'x' } });
    await h.flow.probe('reception.test:8443');
    expect(await h.flow.choose(SERVER_CHOICE)).toMatchObject({ problem: 'certificate-changed' });
    h.setHealth({ ok: true, schemaVersion: 210 });
    expect(await h.flow.choose(SERVER_CHOICE)).toMatchObject({ problem: 'not-checked' });
  });

  it('a file that cannot be written is said, and the choice stays open', async () => {
    const h = harness({ saveFails: true });
    expect(await h.flow.choose({ mode: 'local' })).toMatchObject({
      ok: false,
      problem: 'save-failed',
      detail: expect.stringContaining('EACCES'),
    });
    expect(h.chosen()).toBeNull();
  });

  it('one step at a time: nothing else while connecting', async () => {
    let release: (h: HealthResult) => void = () => undefined;
    const flow = createConnectFlow({
      probe: (origin) => Promise.resolve({ ok: true, certificate: cert({ origin }) }),
      checkHealth: () => new Promise((resolve) => (release = resolve)),
      save: () => undefined,
      now: () => NOW,
    });
    await flow.probe('reception.test:8443');
    const connecting = flow.choose(SERVER_CHOICE);
    expect(await flow.choose({ mode: 'local' })).toEqual({ ok: false, problem: 'busy' });
    expect(await flow.probe('reception.test:8443')).toEqual({ ok: false, problem: 'busy' });
    release({ ok: true, schemaVersion: 210 });
    expect(await connecting).toEqual({ ok: true });
  });

  it('of two checks at once, only the later one counts', async () => {
    const answers: ((r: ProbeResult) => void)[] = [];
    const flow = createConnectFlow({
      probe: () => new Promise((resolve) => answers.push(resolve)),
      checkHealth: () => Promise.resolve({ ok: true, schemaVersion: 210 }),
      save: () => undefined,
      now: () => NOW,
    });
    const first = flow.probe('reception.test:8443');
    const second = flow.probe('reception.test:8443');
    answers[1]?.({ ok: true, certificate: cert({ fingerprint256: OTHER_FP }) });
    answers[0]?.({ ok: true, certificate: cert() });
    await Promise.all([first, second]);
    expect(await flow.choose(SERVER_CHOICE)).toMatchObject({ problem: 'not-checked' });
    expect(await flow.choose({ ...SERVER_CHOICE, fingerprint256: OTHER_FP })).toEqual({ ok: true });
  });

  it.each<[string, unknown]>([
    ['a number', 42],
    ['an object', { address: 'x' }],
    ['null', null],
    ['a huge string', 'a'.repeat(5000)],
  ])('refuses an address that is %s, asking nothing', async (_w, input) => {
    const probeFn = vi.fn();
    const flow = createConnectFlow({
      probe: probeFn,
      checkHealth: vi.fn(),
      save: vi.fn(),
      now: () => NOW,
    });
    expect(await flow.probe(input)).toEqual({ ok: false, problem: 'refused' });
    expect(probeFn).not.toHaveBeenCalled();
  });

  it('a typed address that cannot be a server is named, and nothing is probed', async () => {
    const probeFn = vi.fn();
    const flow = createConnectFlow({
      probe: probeFn,
      checkHealth: vi.fn(),
      save: vi.fn(),
      now: () => NOW,
    });
    expect(await flow.probe('http://reception.test')).toEqual({
      ok: false,
      problem: 'address',
      addressProblem: 'not-https',
    });
    expect(probeFn).not.toHaveBeenCalled();
  });

  it.each<[string, unknown]>([
    ['no mode', {}],
    ['an unknown mode', { mode: 'cloud' }],
    ['an extra field (a PEM from the window)', { mode: 'local', pinnedCertPem: PEM }],
    ['a server choice with its own pin', { ...SERVER_CHOICE, pinnedCertPem: PEM }],
    ['a bad fingerprint', { ...SERVER_CHOICE, fingerprint256: 'ab:cd' }],
    ['a non-boolean confirmation', { ...SERVER_CHOICE, fingerprintConfirmed: 'yes' }],
    ['a string', 'local'],
  ])('refuses a choice with %s', async (_w, input) => {
    const h = harness();
    await h.flow.probe('reception.test:8443');
    expect(await h.flow.choose(input)).toEqual({ ok: false, problem: 'refused' });
    expect(h.saved).toEqual([]);
  });
});

describe('the choice flow against a real office server', () => {
  it('checks, connects and writes a connection.json the client then uses', async () => {
    const o = await office();
    const served = await o.serve();
    const userData = makeTempDir();
    const flow = createConnectFlow({
      probe: (origin) => probe(origin, { lookup: testLookup }),
      checkHealth: (origin, pin) => checkHealth(origin, pin, { lookup: testLookup }),
      save: (c) => writeConnection(userData, c),
      now: Date.now,
    });
    const checked = await flow.probe(`${NAME}:${served.port}`);
    if (!checked.ok) throw new Error(JSON.stringify(checked));
    expect(checked.server).toMatchObject({
      trust: 'self-signed',
      fingerprint256: o.cert.fingerprint256,
      host: `${NAME}:${served.port}`,
    });
    // 检查 sent nothing but a handshake.
    expect(served.requests).toEqual([]);

    expect(
      await flow.choose({
        mode: 'server',
        origin: checked.server.origin,
        fingerprint256: checked.server.fingerprint256,
        fingerprintConfirmed: true,
      }),
    ).toEqual({ ok: true });
    // 连接 asked the health check, and only that.
    expect(served.requests.map((r) => `${r.method} ${r.url}`)).toEqual(['GET /api/health']);

    const read = readConnection(userData);
    expect(read).toEqual({
      kind: 'chosen',
      connection: {
        mode: 'server',
        origin: `https://${NAME}:${served.port}`,
        pinnedCertPem: expect.stringContaining('BEGIN CERTIFICATE'),
        pinnedFingerprint256: o.cert.fingerprint256,
      },
    });
    // Written whole, no temporary file left beside it.
    expect(fs.readdirSync(userData)).toEqual([CONNECTION_FILE]);
    expect(fs.statSync(path.join(userData, CONNECTION_FILE)).mode & 0o777).toBe(0o600);

    // And the client mode works from it.
    if (read.kind !== 'chosen' || read.connection.mode !== 'server')
      throw new Error('not a server');
    const client = createRemoteClient({
      origin: read.connection.origin,
      pinnedCertPem: read.connection.pinnedCertPem,
      pinnedFingerprint256: read.connection.pinnedFingerprint256,
      lookup: testLookup,
    });
    try {
      expect(await client.invoke('setup.status', {})).toEqual({
        ok: true,
        value: { needsSetup: true },
      });
    } finally {
      client.close();
    }
  });

  it('a port where nothing listens is unreachable', async () => {
    const port = await freePort();
    const flow = createConnectFlow({
      probe: (origin) => probe(origin, { lookup: testLookup }),
      checkHealth: (origin, pin) => checkHealth(origin, pin, { lookup: testLookup }),
      save: () => undefined,
      now: Date.now,
    });
    expect(await flow.probe(`https://${NAME}:${port}`)).toMatchObject({
      ok: false,
      problem: 'unreachable',
      detail: 'ECONNREFUSED',
    });
  });
});
