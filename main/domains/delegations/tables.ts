import type { Generated } from 'kysely';

/** delegations's tables as Kysely sees them (camelCase; CamelCasePlugin maps to snake_case columns). */
export interface DelegationsTables {
  delegations: {
    id: Generated<number>;
    userId: number;
    delegateUserId: number;
    fromDate: string;
    toDate: string;
    createdAtMs: number;
    revokedAtMs: number | null;
  };
}
