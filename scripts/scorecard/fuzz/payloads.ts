/**
 * The fuzzer's payloads, derived from an operation's zod input schema (through its JSON Schema):
 * inputs that pass or nearly pass validation (ids biased to the seeded rows, dates around the
 * seeded visits) so that the handler runs, and malformed ones made from them: a leaf of the wrong
 * type, a hostile string (NUL, controls, bidi, lone surrogates, look-alikes, 100 kB), a hostile
 * number (negative, fractional, huge, NaN, Infinity, -0), a missing or extra key (`__proto__`,
 * `constructor`), deep nesting, or something that is not an object at all.
 */
import fc from 'fast-check';
import * as z from 'zod';

type Schema = Record<string, unknown>;

export function jsonSchemaOf(schema: z.ZodType): Schema {
  return z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any' }) as Schema;
}

const HOSTILE_STRINGS: readonly string[] = [
  '',
  ' ',
  '\u0000',
  'a\u0000b',
  '\u0001\u0002\u001b[31m',
  '\r\n\t',
  '\u007f\u0085\u009f',
  '\u202eexe.txt',
  '\u2066x\u2069',
  '\ud800',
  'x\udc00y',
  '\ufeff',
  '\u200b\u200d',
  'аdmin', // Cyrillic а
  'ＡＤＭＩＮ',
  '２０２６-１２-０１',
  '2026‐12‐01', // U+2010 hyphens
  '１２:００',
  '0x10',
  '1e3',
  '-1',
  'NaN',
  'null',
  'undefined',
  '__proto__',
  'constructor',
  '../../etc/passwd',
  'C:\\Windows\\System32',
  "'; DROP TABLE users; --",
  '" OR 1=1 --',
  '%00%2e%2e',
  '<script>alert(1)</script>',
  '=HYPERLINK("x")',
  '{{7*7}}',
  '${process.exit(1)}',
  '😀'.repeat(40),
  '\u{10FFFF}',
  '2026-02-30',
  '2026-13-01',
  '0000-00-00',
  '9999-12-31',
  '24:00',
  '23:60',
];

const HOSTILE_NUMBERS: readonly unknown[] = [
  0,
  -0,
  -1,
  0.5,
  -0.5,
  1.0000001,
  2 ** 31,
  2 ** 53,
  2 ** 53 + 2,
  -(2 ** 53),
  1e21,
  1e308,
  -1e308,
  Number.MIN_VALUE,
  NaN,
  Infinity,
  -Infinity,
];

/** Values of every other type, for a leaf that expects one type. */
const WRONG_TYPES: readonly unknown[] = [
  null,
  undefined,
  true,
  false,
  [],
  {},
  [1, 2],
  { a: 1 },
  '1',
  1,
  BigInt(1),
  new Date(0),
];

const PROTO_KEYS = ['__proto__', 'constructor', 'prototype', 'toString', 'hasOwnProperty', 'then'];

function nested(depth: number, kind: 'array' | 'object'): unknown {
  let v: unknown = 1;
  for (let i = 0; i < depth; i++) v = kind === 'array' ? [v] : { a: v };
  return v;
}

/** An object with an own `__proto__` key, as JSON.parse makes it from a request body. */
function withOwnProto(base: Record<string, unknown>, value: unknown): Record<string, unknown> {
  const out = JSON.parse(`{"__proto__": ${JSON.stringify(value) ?? 'null'}}`) as Record<
    string,
    unknown
  >;
  for (const [k, v] of Object.entries(base)) out[k] = v;
  return out;
}

const hostileString = fc.oneof(
  fc.constantFrom(...HOSTILE_STRINGS),
  fc.string({ unit: 'binary', maxLength: 40 }),
  fc.constantFrom(100_000, 100_000, 100_000, 1_000_001).map((n) => 'x'.repeat(n)),
);
const hostileNumber = fc.oneof(
  fc.constantFrom(...HOSTILE_NUMBERS),
  fc.double(),
  fc.integer({ min: -(2 ** 31), max: 0 }),
);
const deep = fc.oneof(
  fc.integer({ min: 50, max: 3000 }).map((d) => nested(d, 'array')),
  fc.integer({ min: 50, max: 3000 }).map((d) => nested(d, 'object')),
);
/** Something that is not the expected leaf at all. */
export const hostileLeaf: fc.Arbitrary<unknown> = fc.oneof(
  { weight: 4, arbitrary: hostileString },
  { weight: 3, arbitrary: hostileNumber },
  { weight: 3, arbitrary: fc.constantFrom(...WRONG_TYPES) },
  { weight: 1, arbitrary: deep },
  { weight: 1, arbitrary: fc.anything({ maxDepth: 3 }) },
);

const day = fc
  .integer({ min: -40, max: 60 })
  .map((d) => new Date(Date.UTC(2026, 10, 27 + d)).toISOString().slice(0, 10));
const clock = fc
  .tuple(fc.integer({ min: 0, max: 23 }), fc.constantFrom(0, 15, 30, 45))
  .map(([h, m]) => `${String(h).padStart(2, '0')}:${String(m).padStart(2, '0')}`);

function stringArb(node: Schema): fc.Arbitrary<string> {
  const minLength = typeof node.minLength === 'number' ? node.minLength : 0;
  const maxLength = typeof node.maxLength === 'number' ? node.maxLength : 60;
  const pattern = typeof node.pattern === 'string' ? node.pattern : null;
  if (pattern?.includes('\\d{4}-\\d{2}-\\d{2}')) {
    return pattern.includes(')?$') ? fc.oneof(day, fc.constant('')) : day;
  }
  if (pattern?.includes('[0-5]\\d'))
    return pattern.includes(')?$') ? fc.oneof(clock, fc.constant('')) : clock;
  if (pattern) {
    let re: RegExp | null = null;
    try {
      re = new RegExp(pattern);
    } catch {
      re = null;
    }
    if (re) {
      return fc.stringMatching(re).filter((s) => s.length >= minLength && s.length <= maxLength);
    }
  }
  const cap = Math.min(maxLength, minLength + 24);
  return fc.oneof(
    fc.string({ minLength, maxLength: cap }),
    fc.string({ unit: 'grapheme', minLength, maxLength: cap }),
    fc.constantFrom('王接待', '销售部', 'host', 'admin', '华东精密仪器', '13800138000', '陈立'),
  );
}

function numberArb(node: Schema, integer: boolean): fc.Arbitrary<number> {
  const exclusiveMin = typeof node.exclusiveMinimum === 'number' ? node.exclusiveMinimum : null;
  let min = typeof node.minimum === 'number' ? node.minimum : -1e9;
  if (exclusiveMin !== null) min = integer ? exclusiveMin + 1 : exclusiveMin;
  const exclusiveMax = typeof node.exclusiveMaximum === 'number' ? node.exclusiveMaximum : null;
  let max = typeof node.maximum === 'number' ? node.maximum : 1e9;
  if (exclusiveMax !== null) max = integer ? exclusiveMax - 1 : exclusiveMax;
  max = Math.min(max, Number.MAX_SAFE_INTEGER);
  min = Math.max(min, Number.MIN_SAFE_INTEGER);
  if (!integer) return fc.double({ min, max, noNaN: true });
  // Ids, versions and counts: mostly the small values the seeded rows have.
  const small = fc.integer({
    min: Math.max(min, Math.min(0, max)),
    max: Math.min(max, Math.max(min, 12)),
  });
  return fc.oneof(
    { weight: 3, arbitrary: small },
    { weight: 1, arbitrary: fc.integer({ min, max }) },
  );
}

/** Inputs shaped by the schema: most pass validation, some fail a refinement. */
export function validish(node: unknown, depth = 0): fc.Arbitrary<unknown> {
  if (typeof node !== 'object' || node === null || depth > 12) return fc.constant(null);
  const n = node as Schema;
  if ('const' in n) return fc.constant(n.const);
  if (Array.isArray(n.enum)) return fc.constantFrom(...(n.enum as unknown[]));
  for (const k of ['anyOf', 'oneOf'] as const) {
    const members = n[k];
    if (Array.isArray(members) && members.length > 0) {
      return fc.oneof(...members.map((m) => validish(m, depth + 1)));
    }
  }
  if (Array.isArray(n.allOf) && n.allOf.length > 0) return validish(n.allOf[0], depth + 1);
  const type = n.type;
  if (Array.isArray(type)) {
    return fc.oneof(...type.map((t) => validish({ ...n, type: t }, depth + 1)));
  }
  switch (type) {
    case 'object': {
      const props = (n.properties ?? {}) as Record<string, unknown>;
      const required = new Set((n.required ?? []) as string[]);
      const model: Record<string, fc.Arbitrary<unknown>> = {};
      for (const [k, v] of Object.entries(props)) model[k] = validish(v, depth + 1);
      return fc.record(model, { requiredKeys: [...required].filter((k) => k in props) });
    }
    case 'array': {
      const minItems = typeof n.minItems === 'number' ? n.minItems : 0;
      const maxItems = typeof n.maxItems === 'number' ? n.maxItems : minItems + 3;
      return fc.array(validish(n.items, depth + 1), {
        minLength: minItems,
        maxLength: Math.min(maxItems, minItems + 3),
      });
    }
    case 'string':
      return stringArb(n);
    case 'integer':
      return numberArb(n, true);
    case 'number':
      return numberArb(n, false);
    case 'boolean':
      return fc.boolean();
    case 'null':
      return fc.constant(null);
    default:
      return fc.jsonValue({ maxDepth: 2 });
  }
}

/** The paths to every value inside `v` (objects' keys, arrays' indexes), `[]` being v itself. */
function paths(v: unknown, prefix: (string | number)[] = [], out: (string | number)[][] = []) {
  out.push(prefix);
  // Below that depth is either deep nesting the fuzzer made itself or nothing a schema has.
  if (prefix.length >= 16) return out;
  if (Array.isArray(v)) v.forEach((x, i) => paths(x, [...prefix, i], out));
  else if (typeof v === 'object' && v !== null) {
    for (const [k, x] of Object.entries(v)) paths(x, [...prefix, k], out);
  }
  return out;
}

type Mutation = (root: unknown, path: (string | number)[], leaf: unknown, pick: number) => unknown;

function setAt(
  root: unknown,
  path: (string | number)[],
  f: (parent: unknown, key: string | number) => void,
) {
  if (path.length === 0) return root;
  const copy = structuredClone(root);
  let node = copy as Record<string | number, unknown>;
  for (const key of path.slice(0, -1)) node = node[key] as Record<string | number, unknown>;
  f(node, path[path.length - 1]!);
  return copy;
}

const MUTATIONS: Mutation[] = [
  // A leaf (or a whole subtree) replaced by something hostile.
  (root, path, leaf) =>
    path.length === 0
      ? leaf
      : setAt(root, path, (p, k) => ((p as Record<string, unknown>)[k] = leaf)),
  // A key removed.
  (root, path) =>
    path.length === 0
      ? {}
      : setAt(root, path, (p, k) => {
          if (Array.isArray(p)) p.splice(Number(k), 1);
          else delete (p as Record<string, unknown>)[k];
        }),
  // An extra key, often one that pollutes prototypes if merged naively.
  (root, path, leaf, pick) => {
    const key = PROTO_KEYS[pick % PROTO_KEYS.length]!;
    const add = (o: unknown): unknown => {
      if (typeof o !== 'object' || o === null || Array.isArray(o)) return o;
      const base = o as Record<string, unknown>;
      if (key === '__proto__') return withOwnProto(base, { polluted: 'yes', isAdmin: true });
      return { ...base, [pick % 3 === 0 ? `x${pick}` : key]: leaf };
    };
    if (path.length <= 1) return add(root);
    const parentPath = path.slice(0, -1);
    return setAt(root, parentPath, (p, k) => {
      (p as Record<string, unknown>)[k] = add((p as Record<string, unknown>)[k]);
    });
  },
  // The whole input as something else.
  (root, _path, leaf, pick) =>
    [null, undefined, 42, 'input', [root], [], true, leaf, nested(2000, 'array')][pick % 9],
];

/** One call's input: validish, a mutation of one, or anything at all. */
export function payloadArb(schema: z.ZodType): fc.Arbitrary<{ kind: string; input: unknown }> {
  const base = validish(jsonSchemaOf(schema));
  const mutated = fc
    .tuple(base, hostileLeaf, fc.nat(), fc.nat(), fc.integer({ min: 1, max: 3 }))
    .map(([valid, leaf, where, pick, times]) => {
      let input = valid;
      for (let i = 0; i < times; i++) {
        const all = paths(input);
        const path = all[(where + i * 7919) % all.length]!;
        try {
          input = MUTATIONS[(pick + i) % MUTATIONS.length]!(input, path, leaf, pick + i);
        } catch {
          // A value structuredClone refuses or nests too deep to copy: keep what we have.
          break;
        }
      }
      return { kind: 'malformed', input };
    });
  return fc.oneof(
    { weight: 4, arbitrary: base.map((input) => ({ kind: 'schema', input })) },
    { weight: 5, arbitrary: mutated },
    {
      weight: 1,
      arbitrary: fc
        .anything({ maxDepth: 4, withBigInt: true, withNullPrototype: true })
        .map((input) => ({
          kind: 'random',
          input,
        })),
    },
  );
}
