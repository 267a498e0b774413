import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it, onTestFinished } from 'vitest';
import { companyApp, newRequest } from '../test-support';
import { startServer } from './http';

/** A server over a company's database; `post` sends as the host, with an optional key header. */
async function hostServer() {
  const { t, r } = await companyApp();
  const staticDir = path.join(t.dir, 'static');
  fs.mkdirSync(staticDir);
  const server = await startServer(t.app, { port: 0, staticDir });
  onTestFinished(() => server.close());
  const post = async (op: string, input: unknown, key?: string) => {
    const res = await fetch(`${server.url}/api/${op}`, {
      method: 'POST',
      headers: {
        'Content-Type': 'application/json',
        Cookie: `rm_session=${encodeURIComponent(r.host.token)}`,
        ...(key === undefined ? {} : { 'Idempotency-Key': key }),
      },
      body: JSON.stringify(input),
    });
    return { status: res.status, body: (await res.json()) as Record<string, unknown> };
  };
  return { t, post };
}

describe('Idempotency-Key over HTTP', () => {
  it('a retried POST with the same header returns the first answer and writes nothing', async () => {
    const { t, post } = await hostServer();
    const first = await post('requests.submit', newRequest(), 'http-key-1');
    expect(first.status).toBe(200);
    const again = await post('requests.submit', newRequest(), 'http-key-1');
    expect(again).toEqual(first);
    expect(t.count('requests')).toBe(1);
    expect(t.count('audit_log', "operation = 'requests.submit'")).toBe(1);

    expect((await post('requests.submit', newRequest(), 'http-key-2')).status).toBe(200);
    expect(t.count('requests')).toBe(2);
  });

  it('answers a key reused for another input with 422, and a malformed key with 400', async () => {
    const { t, post } = await hostServer();
    await post('requests.submit', newRequest(), 'http-key');
    const reused = await post('requests.submit', newRequest({ purpose: '另一次' }), 'http-key');
    expect(reused.status).toBe(422);
    expect(reused.body).toMatchObject({ ok: false, error: { code: 'IDEMPOTENCY_KEY_REUSED' } });
    expect((await post('requests.submit', newRequest(), 'k'.repeat(200))).status).toBe(400);
    expect(t.count('requests')).toBe(1);
  });
});
