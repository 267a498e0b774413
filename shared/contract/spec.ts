import * as z from 'zod';
import type { Permission } from '../auth/roles';

/**
 * Who may call an operation:
 * - `public`: no session needed (health, first-run setup, login);
 * - `session`: any signed-in, unlocked user;
 * - `lockedSession`: a signed-in user even while the idle lock is on (unlock, logout, session);
 * - a permission: a signed-in, unlocked user whose roles grant it.
 */
export type Access = 'public' | 'session' | 'lockedSession' | Permission;

export interface OperationSpec<I extends z.ZodType, O> {
  input: I;
  access: Access;
  /** Writes run in one transaction with their audit entry. */
  write: boolean;
  /** Passive calls (polling, reading the session) do not reset the idle-lock timer. */
  passive?: boolean;
  /**
   * The largest request body (bytes of JSON) HTTP and IPC take for this operation. Absent: the
   * small default of every call. Only a file upload raises it, for itself alone.
   */
  bodyLimitBytes?: number;
  /** Phantom: carries the output type; never read at run time. */
  output?: O;
}

/** Declares one operation with its output type: `op<UserView>()({ input, access, write })`. */
export const op =
  <O>() =>
  <I extends z.ZodType>(spec: Omit<OperationSpec<I, O>, 'output'>) =>
    spec as OperationSpec<I, O>;

export const empty = z.strictObject({});

/** A domain's operations: keyed by its own operation names only. */
export type DomainOperations<N extends string> = Record<N, OperationSpec<z.ZodType, unknown>>;
