/**
 * D4: the permission matrix, generated from the contract. Every caller (each role, and no
 * session at all) × every operation: the expected answer is worked out from the operations'
 * declared access (shared/contract) and the roles' grants as the domains declare them
 * (DOMAIN_NAMES[].grants, the table shared/auth/roles.ts collects and roles.test.ts spells out),
 * then each pair is called through the dispatcher and over HTTP in browser mode with a real
 * session cookie.
 *
 * The input is `42`, which every operation's schema refuses (checked): an allowed caller gets
 * INVALID_INPUT (validation ran, so the permission check let it through) and a refused one gets
 * FORBIDDEN (or UNAUTHENTICATED without a session) although the input was bad, which shows the
 * permission check comes first. Nothing is written by any of these calls.
 */
import fs from 'node:fs';
import path from 'node:path';
import type * as z from 'zod';
import { dispatch } from '../../../main/api/dispatcher';
import { createApp } from '../../../main/app';
import { startServer } from '../../../main/server/http';
import { ROLES, ROLE_PERMISSIONS, type Role } from '../../../shared/auth/roles';
import { DOMAIN_NAMES, OPERATION_NAMES, type OperationName } from '../../../shared/contract/names';
import { OPERATIONS } from '../../../shared/contract/operations';
import type { OperationSpec } from '../../../shared/contract/spec';
import { FUZZ_CLOCK_MS, FUZZ_PASSWORD, seedFuzzCompany } from '../fuzz/company';
import { scratchRoot } from '../fuzz/harness';

export type Caller = Role | 'anonymous';
export const CALLERS: readonly Caller[] = [...ROLES, 'anonymous'];

/** An input every operation's schema refuses. */
export const PROBE = 42;

/** Allowed or not, from the declarations alone (not through hasPermission, which is tested). */
export function expectedAllowed(caller: Caller, op: OperationName): boolean {
  const access = (OPERATIONS[op] as OperationSpec<z.ZodType, unknown>).access;
  if (access === 'public') return true;
  if (caller === 'anonymous') return false;
  if (access === 'session' || access === 'lockedSession') return true;
  return DOMAIN_NAMES.some((d) =>
    ((d.grants as Partial<Record<Role, readonly string[]>>)[caller] ?? []).includes(access),
  );
}

export interface Mismatch {
  via: 'dispatcher' | 'http';
  caller: Caller;
  op: string;
  expected: 'allow' | 'deny';
  answer: string;
}

export interface MatrixResult {
  callers: number;
  operations: number;
  pairs: number;
  dispatcherMatch: number;
  httpMatch: number;
  /** Answers that are neither INVALID_INPUT (allowed) nor FORBIDDEN/UNAUTHENTICATED (refused). */
  unexpected: number;
  /** Operations whose schema accepts the probe (the matrix could not tell for them). */
  probeAccepted: string[];
  mismatches: Mismatch[];
}

export interface MatrixOptions {
  /** Self-test: grant `permission` to `role` in the running table (the dispatcher sees it). */
  brokenGrant?: { role: Role; permission: string };
  /** Self-test: expect the opposite for this pair. */
  wrongExpectation?: { caller: Caller; op: OperationName };
  http?: boolean;
}

const DENIED = new Set(['FORBIDDEN', 'UNAUTHENTICATED']);

export async function runMatrix(o: MatrixOptions = {}): Promise<MatrixResult> {
  const dir = fs.mkdtempSync(path.join(scratchRoot(), 'rm-matrix-'));
  const app = createApp(path.join(dir, 'matrix.db'), { clock: () => FUZZ_CLOCK_MS });
  const granted = o.brokenGrant ? (ROLE_PERMISSIONS[o.brokenGrant.role] as string[]) : null;
  try {
    const company = await seedFuzzCompany(app);
    if (granted && o.brokenGrant) granted.push(o.brokenGrant.permission);
    const tokens = new Map<Caller, string | null>([['anonymous', null]]);
    for (const u of company.users) tokens.set(u.role, u.token);
    const ops = [...OPERATION_NAMES];
    const expect = (caller: Caller, op: OperationName) => {
      const e = expectedAllowed(caller, op);
      const w = o.wrongExpectation;
      return w && w.caller === caller && w.op === op ? !e : e;
    };
    const result: MatrixResult = {
      callers: CALLERS.length,
      operations: ops.length,
      pairs: CALLERS.length * ops.length,
      dispatcherMatch: 0,
      httpMatch: 0,
      unexpected: 0,
      probeAccepted: ops.filter(
        (op) =>
          (OPERATIONS[op] as OperationSpec<z.ZodType, unknown>).input.safeParse(PROBE).success,
      ),
      mismatches: [],
    };
    const judge = (via: Mismatch['via'], caller: Caller, op: OperationName, code: string) => {
      const allowed = !DENIED.has(code);
      if (code !== 'INVALID_INPUT' && !DENIED.has(code)) result.unexpected++;
      if (allowed === expect(caller, op)) {
        if (via === 'dispatcher') result.dispatcherMatch++;
        else result.httpMatch++;
      } else {
        result.mismatches.push({
          via,
          caller,
          op,
          expected: expect(caller, op) ? 'allow' : 'deny',
          answer: code,
        });
      }
    };
    for (const caller of CALLERS) {
      for (const op of ops) {
        const out = await dispatch(app, { op, input: PROBE, token: tokens.get(caller) ?? null });
        judge('dispatcher', caller, op, out.result.ok ? 'ok' : out.result.error.code);
      }
    }
    if (o.http !== false) {
      const staticDir = path.join(dir, 'static');
      fs.mkdirSync(staticDir);
      const server = await startServer(app, { port: 0, staticDir });
      try {
        // Real browser-mode sessions: each role signs in over HTTP and keeps its cookie.
        const cookies = new Map<Caller, string | null>([['anonymous', null]]);
        for (const u of company.users) {
          const res = await post(
            server.url,
            'auth.login',
            { login: u.login, password: FUZZ_PASSWORD },
            null,
          );
          if (!res.cookie) throw new Error(`HTTP sign-in of ${u.login} failed: ${res.code}`);
          cookies.set(u.role, res.cookie);
        }
        for (const caller of CALLERS) {
          for (const op of ops) {
            const res = await post(server.url, op, PROBE, cookies.get(caller) ?? null);
            judge('http', caller, op, res.code);
          }
        }
      } finally {
        await server.close();
      }
    }
    return result;
  } finally {
    if (granted && o.brokenGrant) granted.splice(granted.lastIndexOf(o.brokenGrant.permission), 1);
    await app.close();
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

/** POST /api/<op> as e2e/support/journey.ts `api()` does: JSON body, the rm_session cookie. */
async function post(
  url: string,
  op: string,
  input: unknown,
  cookie: string | null,
): Promise<{ status: number; code: string; cookie?: string }> {
  const res = await fetch(`${url}/api/${op}`, {
    method: 'POST',
    headers: {
      'Content-Type': 'application/json',
      ...(cookie ? { Cookie: `rm_session=${encodeURIComponent(cookie)}` } : {}),
    },
    body: JSON.stringify(input),
  });
  const body = (await res.json()) as { ok: boolean; error?: { code: string } };
  const match = /rm_session=([^;]*)/.exec(res.headers.get('set-cookie') ?? '');
  return {
    status: res.status,
    code: body.ok ? 'ok' : (body.error?.code ?? `HTTP ${res.status}`),
    ...(match?.[1] ? { cookie: decodeURIComponent(match[1]) } : {}),
  };
}
