import type { Generated } from 'kysely';

/** notifications's tables as Kysely sees them (camelCase; CamelCasePlugin maps to snake_case columns). */
export interface NotificationsTables {
  notifications: {
    id: Generated<number>;
    userId: number;
    kind: string;
    titleKey: string;
    params: Generated<string>;
    createdAtMs: number;
    readAtMs: number | null;
  };
}
