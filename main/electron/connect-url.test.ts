import { describe, expect, it } from 'vitest';
import type { AddressProblem } from '../../shared/contract/connect-window';
import { normalizeServerAddress } from './connect-url';

describe('normalizeServerAddress', () => {
  it.each([
    // typed → the origin written to connection.json
    ['https://reception.example.com:8443', 'https://reception.example.com:8443'],
    ['  https://reception.example.com:8443/  ', 'https://reception.example.com:8443'],
    ['reception.example.com:8443', 'https://reception.example.com:8443'],
    ['Reception.Example.COM:8443', 'https://reception.example.com:8443'],
    ['HTTPS://reception.example.com', 'https://reception.example.com'],
    ['reception.example.com', 'https://reception.example.com'],
    ['https://reception.example.com:443', 'https://reception.example.com'],
    ['localhost:8443', 'https://localhost:8443'],
    ['10.0.0.5:8443', 'https://10.0.0.5:8443'],
    ['[::1]:8443', 'https://[::1]:8443'],
    ['reception.example.com:8443/', 'https://reception.example.com:8443'],
    // A Chinese input method: full-width letters, colon, digits and an ideographic space.
    ['\u3000ｒｅｃｅｐｔｉｏｎ.example.com：８４４３\u3000', 'https://reception.example.com:8443'],
    // The ideographic full stop is a label separator in host names (IDNA).
    ['reception。example。com:8443', 'https://reception.example.com:8443'],
  ])('%j → %s', (typed, origin) => {
    const result = normalizeServerAddress(typed);
    expect(result).toMatchObject({ ok: true, target: { origin } });
  });

  it.each<[string, AddressProblem]>([
    ['', 'empty'],
    ['   ', 'empty'],
    ['http://reception.example.com:8443', 'not-https'],
    ['HTTP://reception.example.com', 'not-https'],
    ['ftp://reception.example.com', 'not-https'],
    ['ws://reception.example.com:8443', 'not-https'],
    ['https://reception.example.com:8443/api', 'not-just-server'],
    ['reception.example.com:8443/login', 'not-just-server'],
    ['https://reception.example.com:8443/?x=1', 'not-just-server'],
    ['https://reception.example.com:8443/#top', 'not-just-server'],
    ['https://reception.example.com:8443?', 'not-just-server'],
    ['https://admin:pw@reception.example.com:8443', 'credentials'],
    ['admin@reception.example.com', 'credentials'],
    ['reception example.com', 'not-an-address'],
    ['reception.example.com:\t8443', 'not-an-address'],
    ['reception.example.com:99999', 'not-an-address'],
    ['reception.example.com:0', 'not-an-address'],
    ['reception.example.com:port', 'not-an-address'],
    ['https://', 'not-an-address'],
    [':8443', 'not-an-address'],
    ['https://[zz]:8443', 'not-an-address'],
    [`https://${'a'.repeat(300)}.example.com`, 'too-long'],
  ])('%j is refused: %s', (typed, problem) => {
    expect(normalizeServerAddress(typed)).toEqual({ ok: false, problem });
  });
});
