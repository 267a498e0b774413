// Local ESLint rules for the domain layout (DESIGN.md §4):
// - a domain uses another domain only through that domain's index.ts;
// - raw `sql` templates from Kysely live only in files named queries.ts (the office server runs
//   the same domains on PostgreSQL, so SQLite-only SQL must stay where its twin will be).
import path from 'node:path';

const ROOT = path.resolve(import.meta.dirname, '..');
/** Folders of shared/ that are the kernel every domain may use, not domains. */
const SHARED_KERNEL = new Set(['contract', 'i18n', 'validation']);

/** The domain a repo-relative path belongs to, or null for kernel and root files. */
export function domainOf(rel) {
  const p = rel.split(path.sep).join('/');
  let m = /^shared\/([a-z]+)\//.exec(p);
  if (m) return SHARED_KERNEL.has(m[1]) ? null : m[1];
  m = /^main\/domains\/([a-z]+)\//.exec(p) ?? /^renderer\/src\/domains\/([a-z]+)\//.exec(p);
  return m ? m[1] : null;
}

/** True when `rel` is a domain's public entry (its folder or its index file). */
function isDomainIndex(rel, domain) {
  const p = rel
    .split(path.sep)
    .join('/')
    .replace(/\.(ts|tsx)$/, '');
  return [`shared/${domain}`, `main/domains/${domain}`, `renderer/src/domains/${domain}`].some(
    (base) => p === base || p === `${base}/index`,
  );
}

const noDeepCrossDomain = {
  meta: {
    type: 'problem',
    messages: {
      deep: "Domain '{{from}}' may use domain '{{to}}' only through its index.ts, not '{{source}}'.",
    },
    schema: [],
  },
  create(context) {
    const file = path.relative(ROOT, context.filename);
    const from = domainOf(file);
    if (!from) return {};
    const check = (node) => {
      const source = node.source?.value;
      if (typeof source !== 'string' || !source.startsWith('.')) return;
      const target = path.relative(ROOT, path.resolve(path.dirname(context.filename), source));
      const to = domainOf(target + '/') ?? domainOf(target);
      if (!to || to === from || isDomainIndex(target, to)) return;
      context.report({ node: node.source, messageId: 'deep', data: { from, to, source } });
    };
    return {
      ImportDeclaration: check,
      ExportNamedDeclaration: check,
      ExportAllDeclaration: check,
      ImportExpression: check,
    };
  },
};

const sqlOnlyInQueries = {
  meta: {
    type: 'problem',
    messages: {
      sql: "Raw `sql` belongs in a queries.ts file (with its PostgreSQL twin when office mode arrives); use Kysely's builder here.",
    },
    schema: [],
  },
  create(context) {
    if (path.basename(context.filename) === 'queries.ts') return {};
    return {
      ImportDeclaration(node) {
        if (node.source.value !== 'kysely') return;
        for (const s of node.specifiers) {
          if (
            s.type === 'ImportSpecifier' &&
            s.imported.name === 'sql' &&
            s.importKind !== 'type'
          ) {
            context.report({ node: s, messageId: 'sql' });
          }
        }
      },
    };
  },
};

export const domainsPlugin = {
  rules: { 'no-deep-cross-domain': noDeepCrossDomain, 'sql-only-in-queries': sqlOnlyInQueries },
};
