import type { Generated } from 'kysely';
import type { Policy } from '../../../shared/policy';
import type { Json } from '../../core/json';

/** policy's tables as Kysely sees them (camelCase; CamelCasePlugin maps to snake_case columns). */
export interface PolicyTables {
  policyVersions: {
    version: number;
    policy: Json<Policy>;
    createdAtMs: number;
    createdBy: number | null;
    note: Generated<string>;
  };
}
