import type { OperationName } from '../../../shared/contract/names';
import type { OpInput, OpOutput } from '../../../shared/contract/operations';
import type { ErrorCode, Message, MessageParams, Result } from '../../../shared/result';

/**
 * A typed fake of the contract for component tests. It stands in for `call` of `api/client` (the
 * transport boundary; everything above it runs for real): each handler takes the operation's
 * input type and answers with its output type, so a fake answer that drifts from the contract
 * fails to compile.
 */
export type Handler<N extends OperationName> = (
  input: OpInput<N>,
) => Result<OpOutput<N>> | Promise<Result<OpOutput<N>>>;
export type Handlers = { [N in OperationName]?: Handler<N> };

export interface FakeBackend {
  /** Drop-in for `call` of api/client: `vi.mocked(call).mockImplementation(fake.call)`. */
  call: <N extends OperationName>(op: N, input: OpInput<N>) => Promise<Result<OpOutput<N>>>;
  /** Every call, in order. */
  readonly calls: { op: OperationName; input: unknown }[];
  /** Calls to operations without a handler (answered with an INTERNAL error). */
  readonly unhandled: OperationName[];
  /** The inputs one operation was called with, in order. */
  inputsOf: <N extends OperationName>(op: N) => OpInput<N>[];
  /** Adds or replaces the handler of one operation. */
  on: <N extends OperationName>(op: N, handler: Handler<N>) => void;
}

export const ok = <T>(value: T): Result<T> => ({ ok: true, value });

/** An error result as main sends it (`message` is the key: tests read the translated key). */
export function fail(
  code: ErrorCode,
  key: string,
  params?: MessageParams,
  fieldErrors?: Record<string, Message>,
): Result<never> {
  return {
    ok: false,
    error: {
      code,
      key,
      message: key,
      ...(params ? { params } : {}),
      ...(fieldErrors ? { fieldErrors } : {}),
    },
  };
}

export function fakeBackend(initial: Handlers = {}): FakeBackend {
  const handlers: Handlers = { ...initial };
  const calls: { op: OperationName; input: unknown }[] = [];
  const unhandled: OperationName[] = [];
  return {
    calls,
    unhandled,
    async call<N extends OperationName>(op: N, input: OpInput<N>) {
      calls.push({ op, input });
      const handler = handlers[op] as Handler<N> | undefined;
      if (!handler) {
        unhandled.push(op);
        return fail('INTERNAL', 'errors.INTERNAL') as Result<OpOutput<N>>;
      }
      // A copy, as the transport would make: the component cannot see the handler's objects.
      return structuredClone(await handler(structuredClone(input)));
    },
    inputsOf<N extends OperationName>(op: N) {
      return calls.filter((c) => c.op === op).map((c) => c.input as OpInput<N>);
    },
    on<N extends OperationName>(op: N, handler: Handler<N>) {
      (handlers as Record<N, Handler<N>>)[op] = handler;
    },
  };
}
