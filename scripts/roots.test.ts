import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

/**
 * Adding a domain must touch its own folders plus one line per root. Each root below may only
 * import domains and list them; the scaffold around the list (everything but imports, comments
 * and entries) is pinned to a few lines, so logic that creeps into a root fails here.
 */
const ROOT_DIR = path.resolve(import.meta.dirname, '..');
const read = (f: string) => fs.readFileSync(path.join(ROOT_DIR, f), 'utf8');
const dirs = (d: string) =>
  fs
    .readdirSync(path.join(ROOT_DIR, d), { withFileTypes: true })
    .filter((e) => e.isDirectory())
    .map((e) => e.name)
    .sort();

interface Root {
  file: string;
  /** An entry line; group 1 is the domain it collects. */
  entry: RegExp;
  /** Domains this root must list. */
  domains: () => string[];
  /** Lines of scaffold allowed besides imports, comments and entries. */
  scaffold: number;
}

/** shared/ folders every domain uses; they are not domains. */
const KERNEL = new Set(['contract', 'i18n', 'validation']);
const withFile = (base: string, file: string) => () =>
  dirs(base).filter((d) => !KERNEL.has(d) && fs.existsSync(path.join(ROOT_DIR, base, d, file)));

const ROOTS: Root[] = [
  {
    file: 'shared/contract/names.ts',
    entry: /^ {2}(\w+)Names,$/,
    domains: withFile('shared', 'names.ts'),
    scaffold: 22,
  },
  {
    file: 'shared/contract/operations.ts',
    entry: /^ {2}\.\.\.(\w+)Operations,$/,
    domains: withFile('shared', 'contract.ts'),
    // The events' interface: once its list is long, prettier puts one domain per line (7 so far).
    scaffold: 19,
  },
  {
    file: 'main/api/handlers.ts',
    entry: /^ {2}\.\.\.(\w+)Handlers,$/,
    domains: withFile('main/domains', 'handlers.ts'),
    scaffold: 2,
  },
  {
    file: 'main/db/schema.ts',
    entry: /^ {2,4}(?:extends )?(\w+)Tables(?:,| \{\})$/,
    domains: withFile('main/domains', 'tables.ts'),
    scaffold: 2,
  },
  ...(['zh-CN', 'en'] as const).map((lang) => ({
    file: `shared/i18n/${lang}.ts`,
    entry: lang === 'en' ? /^ {2}(\w+)En,$/ : /^ {2}(\w+)ZhCN,$/,
    // The kernel's part (common, nav, validation…) and every domain's.
    domains: () => ['core', ...withFile('shared', `i18n.${lang}.ts`)()].sort(),
    scaffold: 2,
  })),
  {
    file: 'renderer/src/domains/index.ts',
    entry: /^ {2}(\w+)Routes,$/,
    domains: withFile('renderer/src/domains', 'routes.tsx'),
    scaffold: 2,
  },
];

function parse(text: string, entry: RegExp) {
  const entries: string[] = [];
  const scaffold: string[] = [];
  let inImport = false;
  let inComment = false;
  for (const raw of text.split('\n')) {
    const line = raw.trimEnd();
    if (inComment) {
      if (line.includes('*/')) inComment = false;
      continue;
    }
    if (line.trim().startsWith('/*')) {
      if (!line.includes('*/')) inComment = true;
      continue;
    }
    if (line.trim() === '' || line.trim().startsWith('//')) continue;
    if (inImport || line.startsWith('import ')) {
      inImport = !line.endsWith(';');
      continue;
    }
    const m = entry.exec(line);
    if (m?.[1]) entries.push(m[1].toLowerCase());
    else scaffold.push(line);
  }
  return { entries, scaffold };
}

describe('composition roots only collect domains', () => {
  it.each(ROOTS)('$file lists every domain once and holds no logic', (root) => {
    const { entries, scaffold } = parse(read(root.file), root.entry);
    expect([...entries].sort()).toEqual(root.domains().map((d) => d.toLowerCase()));
    expect(new Set(entries).size).toBe(entries.length);
    expect(scaffold.length, scaffold.join('\n')).toBeLessThanOrEqual(root.scaffold);
  });

  it('imports in a root come from domains only', () => {
    for (const root of ROOTS) {
      for (const m of read(root.file).matchAll(/from '([^']+)'/g)) {
        const spec = m[1] ?? '';
        const target = path.normalize(path.join(path.dirname(root.file), spec));
        const inDomain =
          /^(shared|main[/\\]domains|renderer[/\\]src[/\\]domains)[/\\][a-z]+/.test(target) ||
          /^(shared[/\\]contract|main[/\\]core|renderer[/\\]src)[/\\]/.test(target) ||
          !spec.startsWith('.');
        expect(inDomain, `${root.file} imports ${spec}`).toBe(true);
      }
    }
  });

  it('a root that gains logic fails the check (the check bites)', () => {
    const root = ROOTS[2];
    if (!root) throw new Error('no roots');
    const text = read(root.file).replace(
      '  ...usersHandlers,',
      "  ...usersHandlers,\n  'users.list': async () => [],",
    );
    const { scaffold } = parse(text, root.entry);
    expect(scaffold.length).toBeGreaterThan(root.scaffold);
  });
});
