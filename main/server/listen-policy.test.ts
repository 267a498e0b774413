import { describe, expect, it } from 'vitest';
import {
  hostAllowed,
  isLoopbackHost,
  listenPolicy,
  ListenConfigError,
  originAllowed,
  type ListenOptions,
} from './listen-policy';

const loop: ListenOptions = { host: '127.0.0.1', port: 5180, tls: false };
const office: ListenOptions = {
  host: '0.0.0.0',
  port: 8443,
  tls: true,
  publicOrigin: 'https://Reception.Example.com:8443/',
};

describe('listenPolicy: which configurations start', () => {
  it.each<[string, ListenOptions, RegExp | null]>([
    ['loopback, plain HTTP', loop, null],
    ['loopback over TLS', { ...loop, tls: true }, null],
    ['::1', { ...loop, host: '::1' }, null],
    ['localhost', { ...loop, host: 'localhost' }, null],
    ['all addresses without TLS', { ...office, tls: false }, /requires TLS/],
    ['a LAN address without TLS', { host: '192.168.1.20', port: 80, tls: false }, /requires TLS/],
    [
      'all addresses, TLS, no public origin',
      { ...office, publicOrigin: undefined },
      /--public-origin/,
    ],
    ['a LAN address, TLS, no public origin', { host: '192.168.1.20', port: 8443, tls: true }, null],
    ['an http:// public origin with TLS', { ...office, publicOrigin: 'http://r.example' }, /https/],
    ['a page, not an origin', { ...office, publicOrigin: 'https://r.example/app' }, /origin only/],
    ['not a URL', { ...office, publicOrigin: 'reception' }, /not a URL/],
    ['ftp', { ...office, publicOrigin: 'ftp://r.example' }, /https/],
  ])('%s', (_name, options, error) => {
    if (error) {
      expect(() => listenPolicy(options)).toThrow(ListenConfigError);
      expect(() => listenPolicy(options)).toThrow(error);
    } else expect(() => listenPolicy(options)).not.toThrow();
  });
});

describe('listenPolicy: who may talk to the server', () => {
  const l = listenPolicy(loop);
  const o = listenPolicy(office);
  it.each<[string, ReturnType<typeof listenPolicy>, string | undefined, boolean]>([
    ['loopback: 127.0.0.1:port', l, '127.0.0.1:5180', true],
    ['loopback: localhost:port', l, 'localhost:5180', true],
    ['loopback: LOCALHOST:port', l, 'LOCALHOST:5180', true],
    ['loopback: another port', l, '127.0.0.1:5181', false],
    ['loopback: a rebinding name', l, 'evil.example:5180', false],
    ['loopback: no Host', l, undefined, false],
    ['office: the public host', o, 'reception.example.com:8443', true],
    ['office: the public host, other case', o, 'Reception.example.com:8443', true],
    ['office: without the port', o, 'reception.example.com', false],
    ['office: the loopback address', o, '127.0.0.1:8443', false],
  ])('Host %s', (_name, policy, host, allowed) => {
    expect(hostAllowed(policy, host)).toBe(allowed);
  });

  it.each<[string, ReturnType<typeof listenPolicy>, string | undefined, boolean]>([
    ['loopback: none (curl, tests)', l, undefined, true],
    ['loopback: its own', l, 'http://127.0.0.1:5180', true],
    ['loopback: localhost', l, 'http://localhost:5180', true],
    ['loopback: another site', l, 'https://evil.example', false],
    ['loopback: "null" (a sandboxed frame)', l, 'null', false],
    ['office: none', o, undefined, false],
    ['office: the public origin', o, 'https://reception.example.com:8443', true],
    ['office: over http', o, 'http://reception.example.com:8443', false],
    ['office: another port', o, 'https://reception.example.com', false],
    ['office: loopback', o, 'http://127.0.0.1:8443', false],
  ])('Origin %s', (_name, policy, origin, allowed) => {
    expect(originAllowed(policy, origin)).toBe(allowed);
  });

  it('secures cookies exactly when the server speaks TLS', () => {
    expect(l.secureCookies).toBe(false);
    expect(listenPolicy({ ...loop, tls: true }).secureCookies).toBe(true);
    expect(o.secureCookies).toBe(true);
    expect(o.origin).toBe('https://reception.example.com:8443');
  });

  it.each([
    ['127.0.0.1', true],
    ['127.8.9.1', true],
    ['::1', true],
    ['localhost', true],
    ['0.0.0.0', false],
    ['::', false],
    ['192.168.1.2', false],
    ['reception.example.com', false],
  ])('isLoopbackHost(%s) = %s', (host, expected) => {
    expect(isLoopbackHost(host)).toBe(expected);
  });
});
