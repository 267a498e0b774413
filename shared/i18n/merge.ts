/** The intersection of a list of catalog parts: nested sections merge their keys. */
export type Merged<T extends readonly unknown[]> = T extends readonly [infer Head, ...infer Rest]
  ? Head & Merged<Rest>
  : unknown;

type Node = { [key: string]: unknown };
const isNode = (v: unknown): v is Node => typeof v === 'object' && v !== null;

function mergeInto(target: Node, source: Node, path: string): Node {
  for (const [key, value] of Object.entries(source)) {
    const at = path + key;
    const prior = target[key];
    if (prior === undefined) {
      target[key] = isNode(value) ? mergeInto({}, value, `${at}.`) : value;
    } else if (isNode(prior) && isNode(value)) {
      mergeInto(prior, value, `${at}.`);
    } else {
      throw new Error(`Two catalog parts both define the message ${at}.`);
    }
  }
  return target;
}

/**
 * One language's catalog from its parts (the kernel's and one per domain). Several parts may add
 * to the same section (`errors`, `ops`); two parts defining the same message is an error. The
 * parts are copied, never changed.
 */
export function mergeCatalogs<T extends readonly object[]>(...parts: T): Merged<T> {
  const out: Node = {};
  for (const part of parts) mergeInto(out, part as Node, '');
  return out as Merged<T>;
}
