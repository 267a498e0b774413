import type { Generated } from 'kysely';

/** users's tables as Kysely sees them (camelCase; CamelCasePlugin maps to snake_case columns). */
export interface UsersTables {
  users: {
    id: Generated<number>;
    login: string;
    displayName: string;
    departmentId: number | null;
    /** Work phone (normalised), shown to the front desk beside the visits he hosts. */
    phone: Generated<string>;
    passwordHash: string;
    language: Generated<string>;
    disabled: Generated<number>;
    failedAttempts: Generated<number>;
    lockedUntilMs: number | null;
    mustChangePassword: Generated<number>;
    createdAtMs: number;
    updatedAtMs: number;
  };
  userRoles: { userId: number; role: string };
}
