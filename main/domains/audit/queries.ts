import { sql, type Expression, type SqlBool } from 'kysely';

/**
 * SQLite-only SQL of the audit domain (json_tree). The office server's PostgreSQL twin will use
 * jsonb_path / a text column instead; nothing outside this file writes raw SQL for audit.
 */
export function auditTextMatches(search: string): Expression<SqlBool> {
  const like = `%${search.replace(/[\\%_]/g, (c) => '\\' + c)}%`;
  // Search the summary's values, not its JSON text: escaped quotes and backslashes would not
  // match, and every key name would.
  return sql<SqlBool>`(actor_name LIKE ${like} ESCAPE '\\' OR operation LIKE ${like} ESCAPE '\\'
        OR EXISTS (SELECT 1 FROM json_tree(audit_log.summary) j
                   WHERE j.atom IS NOT NULL AND j.value LIKE ${like} ESCAPE '\\'))`;
}
