import type { Generated } from 'kysely';

/** auth's tables as Kysely sees them (camelCase; CamelCasePlugin maps to snake_case columns). */
export interface AuthTables {
  sessions: {
    tokenHash: string;
    userId: number;
    createdAtMs: number;
    lastActiveAtMs: number;
    locked: Generated<number>;
    endedAtMs: number | null;
  };
}
