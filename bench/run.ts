import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { dispatch } from '../main/api/dispatcher';
import { createApp } from '../main/app';
import { appendAudit } from '../main/domains/audit';

/**
 * `npm run bench`: figures for the foundation's hot paths, printed side by side in one run.
 * Not a test: nothing fails on a number; compare runs on the same machine.
 */
async function time(label: string, runs: number, fn: () => Promise<unknown>) {
  await fn(); // warm-up
  const t0 = performance.now();
  for (let i = 0; i < runs; i++) await fn();
  const ms = (performance.now() - t0) / runs;
  console.log(`${label.padEnd(52)} ${ms.toFixed(2).padStart(9)} ms/op  (${runs} runs)`);
}

async function main() {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'rm-bench-'));
  const app = createApp(path.join(dir, 'bench.db'));
  try {
    const setup = await dispatch(app, {
      op: 'setup.createAdmin',
      input: {
        companyName: '基准测试',
        login: 'admin',
        displayName: '管理员',
        password: 'bench-password-1',
      },
      token: null,
    });
    const token = setup.session ?? null;
    const now = Date.now();
    await app.db.transaction().execute(async (trx) => {
      for (let i = 0; i < 20_000; i++) {
        await appendAudit(trx, {
          atMs: now - i * 60_000,
          actorUserId: 1,
          actorName: '管理员',
          operation: i % 3 ? 'users.update' : 'departments.create',
          entityType: 'user',
          entityId: String(i),
          summary: { note: `第 ${i} 条`, value: i },
        });
      }
    });
    console.log(`database: ${path.join(dir, 'bench.db')} with 20 000 audit entries`);
    await time('system.health (dispatch, no session)', 2000, () =>
      dispatch(app, { op: 'system.health', input: {}, token: null }),
    );
    await time('users.list (session + permission + query)', 1000, () =>
      dispatch(app, { op: 'users.list', input: {}, token }),
    );
    await time('audit.list first page of 20 000', 200, () =>
      dispatch(app, { op: 'audit.list', input: { limit: 50 }, token }),
    );
    await time('audit.list free-text search over 20 000', 50, () =>
      dispatch(app, { op: 'audit.list', input: { search: '第 1999' }, token }),
    );
    await time('departments.create (write + audit, one transaction)', 200, () =>
      dispatch(app, {
        op: 'departments.create',
        input: { name: `部门${Math.random()}`, headUserId: null },
        token,
      }),
    );
    await time('auth.login wrong password (argon2id verify)', 4, () =>
      dispatch(app, { op: 'auth.login', input: { login: 'nobody', password: 'x' }, token: null }),
    );
  } finally {
    await app.close();
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

void main();
