import type { Generated } from 'kysely';

/** Kysely's view of the tables (camelCase; CamelCasePlugin maps to snake_case columns). */
export interface DB {
  departments: {
    id: Generated<number>;
    name: string;
    headUserId: number | null;
    createdAtMs: number;
    updatedAtMs: number;
  };
  users: {
    id: Generated<number>;
    login: string;
    displayName: string;
    departmentId: number | null;
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
  sessions: {
    tokenHash: string;
    userId: number;
    createdAtMs: number;
    lastActiveAtMs: number;
    locked: Generated<number>;
    endedAtMs: number | null;
  };
  settings: { key: string; value: string };
  notifications: {
    id: Generated<number>;
    userId: number;
    kind: string;
    titleKey: string;
    params: Generated<string>;
    createdAtMs: number;
    readAtMs: number | null;
  };
  auditLog: {
    id: Generated<number>;
    atMs: number;
    actorUserId: number | null;
    actorName: string | null;
    onBehalfOfUserId: number | null;
    onBehalfOfName: string | null;
    operation: string;
    entityType: string;
    entityId: string | null;
    summary: Generated<string>;
  };
}
