import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { describeAuditEntry } from '../../../shared/audit/describe';
import { OPERATION_NAMES } from '../../../shared/contract/names';
import { OPERATIONS } from '../../../shared/contract/operations';
import { CATALOGS, LANGUAGES, lookup, translate } from '../../../shared/i18n/translate';
import type { Scenarios } from '../../test-scenarios';
import { sqliteOnly } from '../../test-postgres';
import { makeTestApp, MINUTE } from '../../test-support';

/** Each domain's `audit.scenarios.ts`: one successful call of each write operation. */
const DOMAINS_DIR = path.join(import.meta.dirname, '..');
const SCENARIOS: Scenarios = Object.assign(
  {},
  ...(
    (await Promise.all(
      fs
        .readdirSync(DOMAINS_DIR)
        .filter((d) => fs.existsSync(path.join(DOMAINS_DIR, d, 'audit.scenarios.ts')))
        .map((d) => import(`../${d}/audit.scenarios.ts`)),
    )) as { auditScenarios: Scenarios }[]
  ).map((m) => m.auditScenarios),
);
// On PostgreSQL the backups.* operations refuse (backups.errors.postgres: pg_dump is the backup
// there; backups.test.ts checks the refusal): they write no audit entry to read.
const WRITE_OPS = OPERATION_NAMES.filter(
  (n) => OPERATIONS[n].write && !(sqliteOnly && n.startsWith('backups.')),
);

interface Row {
  operation: string;
  entity_type: string;
  entity_id: string | null;
  actor_user_id: number | null;
  actor_name: string | null;
  summary: string;
}

/** What must never reach a reader: codes of the program, JSON, booleans, ids of sessions. */
const INTERNAL =
  /\b(dept_head|admin_office|executive|pool|local-app|approving|true|false)\b|[{}[\]"]/;

describe('every entry a write leaves reads in words, in both languages', () => {
  it.each(WRITE_OPS)('%s', async (name) => {
    const t = makeTestApp();
    const scenario = SCENARIOS[name];
    if (!scenario) throw new Error(`no scenario for ${name}`);
    const run = await scenario(t);
    t.advance(MINUTE);
    const before = t.rows('SELECT id FROM audit_log').length;
    expect((await run()).outcome.result).toMatchObject({ ok: true });
    const rows = t.rows<Row>('SELECT * FROM audit_log ORDER BY id').slice(before);
    expect(rows.length).toBeGreaterThan(0);
    for (const row of rows) {
      const summary = JSON.parse(row.summary) as Record<string, unknown>;
      const keys = [
        // `changes` holds one `{ from, to }` per field: its fields are what is shown.
        ...Object.keys(summary).filter((k) => k !== 'changes'),
        ...Object.keys((summary.changes ?? {}) as Record<string, unknown>),
      ];
      for (const language of LANGUAGES) {
        for (const key of keys) {
          const labelled = ['field', 'flag'].some(
            (part) => lookup(CATALOGS[language], `audit.${part}.${key}`) !== undefined,
          );
          expect(labelled, `${language} label of "${key}" (${name})`).toBe(true);
        }
        const text = describeAuditEntry(
          {
            operation: row.operation,
            entityType: row.entity_type,
            entityId: row.entity_id,
            actorUserId: row.actor_user_id,
            actorName: row.actor_name,
            summary,
          },
          (key, params) => translate(language, key, params),
        );
        const all = [text.entity, ...text.lines].join('\n');
        expect(all, `${name} in ${language}`).not.toMatch(INTERNAL);
        if (row.entity_type === 'request') expect(text.entity).toMatch(/JD\d{8}-\d{3}$/);
        if (row.entity_type === 'session') expect(text.entity).not.toContain('#');
      }
    }
  });
});
