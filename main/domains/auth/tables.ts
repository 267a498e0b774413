import type { Generated } from 'kysely';
import type { Json } from '../../core/json';
import type { Result } from '../../../shared/result';

/** auth's tables as Kysely sees them (camelCase; CamelCasePlugin maps to snake_case columns). */
export interface AuthTables {
  sessions: {
    tokenHash: string;
    /** 16 random hex digits: the session's name in the sysadmin's list (migration 0210). */
    id: string;
    userId: number;
    /** Where it was opened from; null for sessions from before migration 0210. */
    client: string | null;
    createdAtMs: number;
    lastActiveAtMs: number;
    locked: Generated<number>;
    endedAtMs: number | null;
    /** The administrator who ended it from the sessions list (migration 0210). */
    revokedBy: number | null;
  };
  /** The first answer to a keyed write, replayed to a retry with the same key (migration 0050). */
  idempotencyKeys: {
    userId: number;
    key: string;
    operation: string;
    /** SHA-256 of the input's canonical JSON: the same key with another input is refused. */
    inputHash: string;
    result: Json<Result<unknown>>;
    createdAtMs: number;
  };
  /** Failed sign-ins per client address and minute (migration 0060). */
  loginFailures: {
    client: string;
    minuteMs: number;
    failures: Generated<number>;
    unknownFailures: Generated<number>;
  };
  /** Failed sign-ins per login name that belongs to no account (migration 0070). */
  unknownLoginFailures: {
    login: string;
    failedAttempts: Generated<number>;
    lockedUntilMs: number | null;
    expiresMs: number;
  };
}
