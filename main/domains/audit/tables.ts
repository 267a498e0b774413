import type { Generated } from 'kysely';

/** audit's tables as Kysely sees them (camelCase; CamelCasePlugin maps to snake_case columns). */
export interface AuditTables {
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
    /**
     * Where the call came from (migration 0210): the HTTP peer address, 'local-app', 'unknown';
     * null for entries written before, or without a call (the generator).
     */
    client: string | null;
    /** The hash chain (migration 0200, chain.ts); a trigger refuses an entry without them. */
    prevHash: string;
    hash: string;
  };
  /** The chain's one-row anchor, advanced by a trigger on every entry (migration 0200). */
  auditHead: {
    id: number;
    entries: number;
    lastId: number | null;
    lastHash: string;
  };
  /**
   * The FTS5 index of the entries' text (migration 0080): rowid is the entry's id; the column
   * named like the table is FTS5's hidden one that MATCH compares with.
   */
  auditSearch: {
    rowid: number;
    terms: string;
    auditSearch: string;
  };
}
