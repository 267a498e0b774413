import http from 'node:http';
import BetterSqlite3 from 'better-sqlite3';
import { describe, expect, it, onTestFinished, vi } from 'vitest';
import { startServer } from '../server/http';
import { ADMIN, makeTestApp, type TestApp } from '../test-support';
import { isBusyError } from '../core/errors';
import { sqliteOnly } from '../test-postgres';

/**
 * Another writer (a second process on the file, here a second connection) holds the write lock
 * past the busy timeout: the call answers BUSY, "try again", never INTERNAL / HTTP 500.
 */
/** The dispatcher's log lines, silenced and restored after the test (workers share console). */
function quietConsole() {
  const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
  const error = vi.spyOn(console, 'error').mockImplementation(() => undefined);
  onTestFinished(() => {
    warn.mockRestore();
    error.mockRestore();
  });
  return { warn, error };
}

function holdWriteLock(t: TestApp): () => void {
  // The test app's wait, shortened from 5 s: SQLite retries for this long, then gives up.
  t.app.sqlite.pragma('busy_timeout = 100');
  const other = new BetterSqlite3(t.file);
  other.exec('BEGIN IMMEDIATE');
  const release = () => {
    if (!other.open) return;
    other.exec('ROLLBACK');
    other.close();
  };
  onTestFinished(release);
  return release;
}

describe('a busy database', () => {
  // SQLITE_BUSY: a second connection on the file holds SQLite's write lock; PostgreSQL's writes
  // queue on the advisory lock instead (core/queries.ts), with no busy timeout.
  it.skipIf(sqliteOnly)(
    'answers BUSY, translated, when the write lock stays taken past the busy timeout',
    async () => {
      const t = makeTestApp();
      const { warn, error } = quietConsole();
      const release = holdWriteLock(t);

      const busy = await t.fail('setup.createAdmin', { ...ADMIN });
      expect(busy).toEqual({
        code: 'BUSY',
        key: 'errors.BUSY',
        message: '数据库正忙，操作未执行。请稍后重试。',
      });
      expect(error).not.toHaveBeenCalled(); // not logged as a failure
      expect(warn).toHaveBeenCalledTimes(1);
      expect(t.count('users')).toBe(0);

      // The same call once the other writer is done: it was a "try again", not a failure.
      release();
      t.app.sqlite.pragma('busy_timeout = 5000');
      expect(await t.ok('setup.createAdmin', { ...ADMIN })).toBeTruthy();
      expect(t.count('users')).toBe(1);
    },
  );

  // SQLITE_BUSY as above (a second connection on SQLite's file).
  it.skipIf(sqliteOnly)('is HTTP 503 with Retry-After in browser mode, not 500', async () => {
    const t = makeTestApp();
    quietConsole();
    const server = await startServer(t.app, { port: 0, staticDir: t.dir });
    onTestFinished(() => server.close());
    holdWriteLock(t);

    const body = JSON.stringify(ADMIN);
    const res = await new Promise<{ status: number; retryAfter: unknown; json: unknown }>(
      (resolve, reject) => {
        const req = http.request(
          {
            host: '127.0.0.1',
            port: server.port,
            method: 'POST',
            path: '/api/setup.createAdmin',
            headers: {
              Host: `127.0.0.1:${String(server.port)}`,
              'Content-Type': 'application/json',
            },
          },
          (r) => {
            let text = '';
            r.on('data', (c: Buffer) => (text += c.toString()));
            r.on('end', () =>
              resolve({
                status: r.statusCode ?? 0,
                retryAfter: r.headers['retry-after'],
                json: JSON.parse(text) as unknown,
              }),
            );
          },
        );
        req.on('error', reject);
        req.end(body);
      },
    );
    expect(res.status).toBe(503);
    expect(res.retryAfter).toBe('1');
    expect(res.json).toMatchObject({ ok: false, error: { code: 'BUSY', key: 'errors.BUSY' } });
  });

  it('recognises SQLite busy and locked errors by code, extended codes included', () => {
    const sqliteError = (code: string) => Object.assign(new Error('database is locked'), { code });
    expect(isBusyError(sqliteError('SQLITE_BUSY'))).toBe(true);
    expect(isBusyError(sqliteError('SQLITE_BUSY_SNAPSHOT'))).toBe(true);
    expect(isBusyError(sqliteError('SQLITE_LOCKED'))).toBe(true);
    expect(isBusyError(sqliteError('SQLITE_LOCKED_SHAREDCACHE'))).toBe(true);
    expect(isBusyError(sqliteError('SQLITE_CONSTRAINT_CHECK'))).toBe(false);
    expect(isBusyError(sqliteError('SQLITE_BUSYNESS'))).toBe(false);
    expect(isBusyError({ code: 'SQLITE_BUSY' })).toBe(false);
  });
});
