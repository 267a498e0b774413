import { ESLint } from 'eslint';
import tseslint from 'typescript-eslint';
import { describe, expect, it } from 'vitest';

/**
 * The process boundaries are lint rules: renderer/ may not import Node, Electron or the database
 * driver, and shared/ may not import those or touch the DOM. Linting sample text as if it stood in
 * a real file of each folder proves the rules bite.
 */
// Without type information: with it, typescript-eslint may parse the file on disk instead of the
// text given (seen under load in CI), so the probes use paths that do not exist.
const eslint = new ESLint({
  cwd: process.cwd(),
  overrideConfig: [tseslint.configs.disableTypeChecked],
});

async function ruleIds(code: string, filePath: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath });
  return (result?.messages ?? []).map((m) => m.ruleId ?? m.message);
}

describe('process boundaries are enforced by ESLint', () => {
  it.each([
    ["import fs from 'node:fs';\nexport const x = fs;\n", 'renderer/src/lint-probe.ts'],
    [
      "import { ipcRenderer } from 'electron';\nexport const x = ipcRenderer;\n",
      'renderer/src/lint-probe.ts',
    ],
    [
      "import Database from 'better-sqlite3';\nexport const x = Database;\n",
      'renderer/src/lint-probe.ts',
    ],
    [
      "import { createApp } from '../../main/app';\nexport const x = createApp;\n",
      'renderer/src/lint-probe.ts',
    ],
    ["import path from 'path';\nexport const x = path;\n", 'shared/lint-probe.ts'],
    ["import { Kysely } from 'kysely';\nexport const x = Kysely;\n", 'shared/lint-probe.ts'],
  ])(
    'rejects %j in %s',
    async (code, file) => {
      expect(await ruleIds(code, file)).toContain('no-restricted-imports');
    },
    60_000,
  );

  it('rejects DOM globals in shared/', async () => {
    expect(await ruleIds('export const x = document.title;\n', 'shared/lint-probe.ts')).toContain(
      'no-restricted-globals',
    );
  }, 60_000);

  it('accepts the same imports in main/', async () => {
    const ids = await ruleIds(
      "import fs from 'node:fs';\nexport const x = fs;\n",
      'main/lint-probe.ts',
    );
    expect(ids).not.toContain('no-restricted-imports');
  }, 60_000);
});
