import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseServerArgs } from './args';

const ok = (argv: string[]) => {
  const r = parseServerArgs(argv);
  if (!r.ok) throw new Error(r.message);
  return r.config;
};
const refused = (argv: string[]) => {
  const r = parseServerArgs(argv);
  return r.ok ? null : r.message;
};

describe('parseServerArgs', () => {
  it('defaults to this machine, a free port, no TLS, console logs', () => {
    expect(ok([])).toMatchObject({
      db: './data/reception.db',
      host: '127.0.0.1',
      port: 0,
      tls: null,
      logDir: null,
    });
  });

  it.each<[string[], { host: string; port: number }]>([
    [['--port', '5180'], { host: '127.0.0.1', port: 5180 }],
    [['--listen', '0.0.0.0:8443'], { host: '0.0.0.0', port: 8443 }],
    [['--listen', ':8443'], { host: '0.0.0.0', port: 8443 }],
    [['--listen', '[::]:8443'], { host: '::', port: 8443 }],
    [['--listen', '192.168.1.20:443'], { host: '192.168.1.20', port: 443 }],
  ])('%j', (argv, expected) => {
    expect(ok(argv)).toMatchObject(expected);
  });

  it.each<[string[], RegExp]>([
    [['--port', '70000'], /0 to 65535/],
    [['--port', 'abc'], /0 to 65535/],
    [['--listen', '8443'], /HOST:PORT/],
    [['--listen', 'host:99999'], /HOST:PORT/],
    [['--listen', '0.0.0.0:8443', '--port', '1'], /not both/],
    [['--tls-cert', 'c.pem'], /go together/],
    [['--tls-cert', 'c.pem', '--tls-key', 'k.pem', '--self-signed'], /not both/],
    [['--postgres', 'mysql://x/db'], /postgres:\/\/user@host/],
    [['--postgres', 'not a url'], /postgres:\/\/user@host/],
    [['--files', '/srv/files'], /goes with --postgres/],
    [['--frobnicate'], /Unknown option/],
  ])('refuses %j', (argv, message) => {
    expect(refused(argv)).toMatch(message);
  });

  it('takes PostgreSQL with a files folder; the certificate and logs go beside that folder', () => {
    const parsed = parseServerArgs([
      '--postgres',
      'postgres://reception:secret@db.example:5432/reception',
      '--files',
      '/srv/reception/files',
      '--listen',
      '0.0.0.0:8443',
      '--public-origin',
      'https://reception.example.com:8443',
      '--self-signed',
    ]);
    expect(parsed.ok).toBe(true);
    if (!parsed.ok) return;
    expect(parsed.config.postgres).toBe('postgres://reception:secret@db.example:5432/reception');
    expect(parsed.config.filesDir).toBe('/srv/reception/files');
    expect(parsed.config.tls).toEqual({ kind: 'self-signed', dir: '/srv/reception/tls' });
    expect(parsed.config.logDir).toBe('/srv/reception/logs');
  });

  it('keeps a self-signed certificate and the logs beside the database when off this machine', () => {
    const c = ok(['--db', '/srv/rm/reception.db', '--listen', '0.0.0.0:8443', '--self-signed']);
    expect(c.tls).toEqual({ kind: 'self-signed', dir: path.resolve('/srv/rm/tls') });
    expect(c.logDir).toBe(path.resolve('/srv/rm/logs'));
    expect(ok(['--db', '/srv/rm/reception.db', '--log-dir', '/var/log/rm']).logDir).toBe(
      '/var/log/rm',
    );
  });
});
