import type { Role } from '../auth/roles';

/**
 * What a domain declares of itself without any schema: its operation and event names, the
 * permissions it defines and which role grants which of them. A leaf module (types only), so the
 * Electron preload can bundle every domain's names and stay small.
 */
export interface DomainNames<
  O extends readonly string[],
  E extends readonly string[],
  P extends readonly string[],
> {
  operations: O;
  events: E;
  permissions: P;
  /** Role → permissions it grants (of this or another domain). */
  grants: Partial<Record<Role, readonly string[]>>;
}

export const defineNames = <
  const O extends readonly string[],
  const E extends readonly string[],
  const P extends readonly string[],
>(
  names: DomainNames<O, E, P>,
) => names;
