import type { Generated } from 'kysely';
import type { MessageParams } from '../../../shared/result';
import type { Json } from '../../core/json';
import type { NotificationTarget } from '../../../shared/notifications/target';

/** notifications's tables as Kysely sees them (camelCase; CamelCasePlugin maps to snake_case columns). */
export interface NotificationsTables {
  notifications: {
    id: Generated<number>;
    userId: number;
    kind: string;
    titleKey: string;
    /** Interpolation values of the title, so it shows in the reader's language. */
    params: Generated<Json<MessageParams>>;
    createdAtMs: number;
    readAtMs: number | null;
    /** Where it leads (migration 0090); null for one that leads nowhere. */
    target: Json<NotificationTarget> | null;
  };
}
