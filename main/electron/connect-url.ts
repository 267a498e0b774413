import type { AddressProblem } from '../../shared/contract/connect-window';
import { parseServerOrigin, type ServerOrigin } from '../client';

/**
 * The company server's address as a person types it into the choice window, made into the https
 * origin the client uses (main/client/origin.ts) — or told precisely what is wrong with it.
 *
 * Forgiving where the intent is plain: spaces around it, full-width characters from a Chinese
 * input method (`ｒｅｃｅｐｔｉｏｎ．example．com：８４４３`), and a bare `name:port` without a
 * scheme (https:// is added: it is the only scheme the server speaks). Strict where it is not: any
 * other scheme, a path, a user name — refused and named rather than dropped, so the person sees
 * that what they typed is not what would be used.
 */
export type NormalizedAddress =
  { ok: true; target: ServerOrigin } | { ok: false; problem: AddressProblem };

/** Longer than any origin a person types (connection.json allows 300). */
export const MAX_ADDRESS_LENGTH = 300;

/** `scheme://` at the start; without `//`, `localhost:8443` would read as the scheme `localhost:`. */
const SCHEME = /^([a-z][a-z0-9+.-]*):\/\//i;

export function normalizeServerAddress(typed: string): NormalizedAddress {
  // NFKC turns full-width letters, digits and punctuation into ASCII; trim() takes U+3000 too.
  const text = typed.normalize('NFKC').trim();
  if (text === '') return { ok: false, problem: 'empty' };
  if (text.length > MAX_ADDRESS_LENGTH) return { ok: false, problem: 'too-long' };
  // Whitespace or controls inside: the URL parser would drop some silently (tabs, newlines).
  if (/[\s\p{Cc}]/u.test(text)) return { ok: false, problem: 'not-an-address' };
  const scheme = SCHEME.exec(text)?.[1]?.toLowerCase();
  if (scheme !== undefined && scheme !== 'https') return { ok: false, problem: 'not-https' };
  const withScheme = scheme === undefined ? `https://${text}` : text;
  let url: URL;
  try {
    url = new URL(withScheme);
  } catch {
    return { ok: false, problem: 'not-an-address' };
  }
  if (url.username !== '' || url.password !== '') return { ok: false, problem: 'credentials' };
  // A trailing slash is still the server itself; `/api`, `?x`, `#y` are not.
  if (url.pathname !== '/' || url.search !== '' || url.hash !== '' || /[?#]/.test(text)) {
    return { ok: false, problem: 'not-just-server' };
  }
  if (url.hostname === '' || url.port === '0') return { ok: false, problem: 'not-an-address' };
  try {
    // The client's own reading, so the origin written is exactly the one it will accept.
    return { ok: true, target: parseServerOrigin(url.origin) };
  } catch {
    return { ok: false, problem: 'not-an-address' };
  }
}
