import { ESLint } from 'eslint';
import tseslint from 'typescript-eslint';
import { describe, expect, it } from 'vitest';

/**
 * The domain layout is a lint rule: a domain uses another only through its index.ts, and raw
 * `sql` lives only in queries.ts files. Probes at paths that do not exist, without type
 * information (see lint-boundaries.test.ts for why).
 */
const eslint = new ESLint({
  cwd: process.cwd(),
  overrideConfig: [tseslint.configs.disableTypeChecked],
});

async function ruleIds(code: string, filePath: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath });
  return (result?.messages ?? []).map((m) => m.ruleId ?? m.message);
}

const DEEP = 'domains/no-deep-cross-domain';
const SQL = 'domains/sql-only-in-queries';

describe('domain boundaries are enforced by ESLint', () => {
  it.each([
    [
      "import { x } from '../requests/requests';\nexport const y = x;\n",
      'main/domains/approvals/probe.ts',
    ],
    [
      "import { x } from '../../../../shared/policy/evaluate';\nexport const y = x;\n",
      'renderer/src/domains/requests/probe.ts',
    ],
    ["import { x } from '../requests/schema';\nexport const y = x;\n", 'shared/policy/probe.ts'],
    [
      "import { X } from '../requests/views/Tags';\nexport const y = X;\n",
      'renderer/src/domains/approvals/probe.tsx',
    ],
  ])(
    'rejects the deep import %j in %s',
    async (code, file) => {
      expect(await ruleIds(code, file)).toContain(DEEP);
    },
    60_000,
  );

  it.each([
    // Another domain's index.
    ["import { x } from '../requests';\nexport const y = x;\n", 'main/domains/approvals/probe.ts'],
    [
      "import { x } from '../../../shared/policy';\nexport const y = x;\n",
      'main/domains/requests/probe.ts',
    ],
    // The same domain in another layer.
    [
      "import { x } from '../../../shared/requests/schema';\nexport const y = x;\n",
      'main/domains/requests/probe.ts',
    ],
    // The kernel.
    ["import { x } from '../validation/fields';\nexport const y = x;\n", 'shared/policy/probe.ts'],
    // A root collecting domains.
    ["import { x } from '../domains/users/handlers';\nexport const y = x;\n", 'main/api/probe.ts'],
  ])(
    'accepts %j in %s',
    async (code, file) => {
      expect(await ruleIds(code, file)).not.toContain(DEEP);
    },
    60_000,
  );

  it('rejects raw sql outside queries.ts and accepts it inside', async () => {
    const code = "import { sql } from 'kysely';\nexport const q = sql`select 1`;\n";
    expect(await ruleIds(code, 'main/domains/audit/probe.ts')).toContain(SQL);
    expect(await ruleIds(code, 'main/domains/audit/queries.ts')).not.toContain(SQL);
    const typeOnly = "import { type Kysely } from 'kysely';\nexport type K = Kysely<object>;\n";
    expect(await ruleIds(typeOnly, 'main/domains/audit/probe.ts')).not.toContain(SQL);
  }, 60_000);
});
