import { afterEach, describe, expect, it } from 'vitest';
import { HANDLERS } from '../../main/api/handlers';
import { Failure, AppError } from '../../main/core/errors';
import type { ServiceContext } from '../../main/core/context';
import type { HandlerEnv } from '../../main/core/handler';
import type { OperationName } from '../../shared/contract/names';
import { useCheapPasswords } from './cheap-passwords';
import { runFuzz } from './fuzz/run';

type Handler = (typeof HANDLERS)[OperationName];
const handlers = HANDLERS as Record<OperationName, Handler>;
const saved = new Map<OperationName, Handler>();
function patch(op: OperationName, handler: Handler) {
  saved.set(op, handlers[op]);
  handlers[op] = handler;
}
afterEach(() => {
  for (const [op, h] of saved) handlers[op] = h;
  saved.clear();
});

/** The fuzzer's self-test: handlers broken on purpose, in this process (no workers). */
describe('D3 fuzz', () => {
  it('passes on the real handlers of a few operations', async () => {
    useCheapPasswords();
    const t = await runFuzz({
      runs: 60,
      seed: 3,
      ops: ['departments.create', 'requests.get', 'auth.login'],
      workers: 0,
      log: () => undefined,
    });
    expect(t.calls).toBe(180);
    expect(t.unhandled).toBe(0);
    expect(t.changed).toBe(0);
  });

  it('catches a handler that throws a plain Error on some input', async () => {
    useCheapPasswords();
    const real = handlers['departments.create'];
    const broken = (async (ctx: ServiceContext, input: unknown, env: HandlerEnv) => {
      if ((input as { name: string }).name.length % 2 === 1) throw new Error('broken on purpose');
      return real(ctx, input as never, env);
    }) as Handler;
    const t = await runFuzz({
      runs: 60,
      seed: 3,
      ops: ['departments.create'],
      workers: 0,
      afterSeed: () => patch('departments.create', broken),
      log: () => undefined,
    });
    expect(t.unhandled).toBeGreaterThan(0);
    expect(t.ops[0]!.findings[0]!.what).toMatch(/INTERNAL/);
  });

  it('catches a handler that writes before refusing', async () => {
    useCheapPasswords();
    const broken = (async (ctx: ServiceContext) => {
      await ctx.db
        .insertInto('departments')
        .values({ name: `x${Math.random()}`, headUserId: null, createdAtMs: 0, updatedAtMs: 0 })
        .execute();
      return new Failure(new AppError('CONFLICT', 'errors.CONFLICT'));
    }) as Handler;
    const t = await runFuzz({
      runs: 40,
      seed: 3,
      ops: ['departments.create'],
      workers: 0,
      afterSeed: () => patch('departments.create', broken),
      log: () => undefined,
    });
    expect(t.changed).toBeGreaterThan(0);
    expect(t.ops[0]!.findings[0]!.what).toMatch(/rejected call changed .*departments/);
  });
});
