import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { makeTempDir } from '../test-support';
import {
  CONNECTION_FILE,
  readConnection,
  setAsideConnection,
  writeConnection,
  type Connection,
} from './connection';

const PEM = '-----BEGIN CERTIFICATE-----\nMIIB\n-----END CERTIFICATE-----\n';
const FP = Array.from({ length: 32 }, () => 'AB').join(':');

function withFile(text: string | null) {
  const dir = makeTempDir();
  if (text !== null) fs.writeFileSync(path.join(dir, CONNECTION_FILE), text);
  return dir;
}

describe('connection.json', () => {
  it.each<[string, string | null, string]>([
    ['no file: the first-run choice', null, 'none'],
    ['local', '{"mode":"local"}', 'chosen'],
    ['a server', '{"mode":"server","origin":"https://reception.example.com:8443"}', 'chosen'],
    [
      'a server with a pin',
      JSON.stringify({
        mode: 'server',
        origin: 'https://r.example',
        pinnedCertPem: PEM,
        pinnedFingerprint256: FP,
      }),
      'chosen',
    ],
    ['not JSON', '{mode: local', 'unreadable'],
    ['an unknown mode', '{"mode":"cloud"}', 'unreadable'],
    ['plain http', '{"mode":"server","origin":"http://r.example"}', 'unreadable'],
    ['no origin', '{"mode":"server"}', 'unreadable'],
    ['an extra key', '{"mode":"local","db":"x"}', 'unreadable'],
    [
      'a pin without its certificate',
      JSON.stringify({ mode: 'server', origin: 'https://r.example', pinnedFingerprint256: FP }),
      'unreadable',
    ],
    [
      'a fingerprint of the wrong shape',
      JSON.stringify({
        mode: 'server',
        origin: 'https://r.example',
        pinnedCertPem: PEM,
        pinnedFingerprint256: 'AB:CD',
      }),
      'unreadable',
    ],
    ['empty', '', 'unreadable'],
  ])('%s', (_name, text, kind) => {
    expect(readConnection(withFile(text)).kind).toBe(kind);
  });

  it('writes a choice that reads back the same, readable by its owner only', () => {
    const dir = makeTempDir();
    const c: Connection = {
      mode: 'server',
      origin: 'https://reception.example.com:8443',
      pinnedCertPem: PEM,
      pinnedFingerprint256: FP,
    };
    writeConnection(dir, c);
    expect(readConnection(dir)).toEqual({ kind: 'chosen', connection: c });
    if (process.platform !== 'win32') {
      expect(fs.statSync(path.join(dir, CONNECTION_FILE)).mode & 0o777).toBe(0o600);
    }
    expect(fs.readdirSync(dir)).toEqual([CONNECTION_FILE]);
  });

  it('refuses to write a choice that would not read back', () => {
    const dir = makeTempDir();
    expect(() =>
      writeConnection(dir, { mode: 'server', origin: 'http://r.example' } as Connection),
    ).toThrow();
    expect(fs.existsSync(path.join(dir, CONNECTION_FILE))).toBe(false);
  });

  it('sets an unreadable file aside, keeping it', () => {
    const dir = withFile('garbage');
    const aside = setAsideConnection(dir, 1234);
    expect(aside).toBe(path.join(dir, 'connection.unreadable-1234.json'));
    expect(fs.readFileSync(aside ?? '', 'utf8')).toBe('garbage');
    expect(readConnection(dir).kind).toBe('none');
    expect(setAsideConnection(dir, 1235)).toBeNull();
  });
});
