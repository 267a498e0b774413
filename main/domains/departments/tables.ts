import type { Generated } from 'kysely';

/** departments's tables as Kysely sees them (camelCase; CamelCasePlugin maps to snake_case columns). */
export interface DepartmentsTables {
  departments: {
    id: Generated<number>;
    name: string;
    headUserId: number | null;
    createdAtMs: number;
    updatedAtMs: number;
  };
}
