/**
 * A JSON column: text in the database, a known shape in code. The brand keeps a stored JSON string
 * from being mixed up with any other string, and `parseJson` is the one place that trusts it.
 */
declare const jsonShape: unique symbol;
export type Json<T> = string & { readonly [jsonShape]: T };

/** Serialises a value for a JSON column of its type. */
export function toJson<T>(value: T): Json<T> {
  return JSON.stringify(value) as Json<T>;
}

/** Reads a JSON column back as the type it was written with. */
export function parseJson<T>(text: Json<T>): T {
  return JSON.parse(text) as T;
}
