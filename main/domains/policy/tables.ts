import type { Generated } from 'kysely';

/** policy's tables as Kysely sees them (camelCase; CamelCasePlugin maps to snake_case columns). */
export interface PolicyTables {
  policyVersions: {
    version: number;
    policy: string;
    createdAtMs: number;
    createdBy: number | null;
    note: Generated<string>;
  };
}
