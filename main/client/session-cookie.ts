/**
 * The session cookie, as the server sets it (main/server/http.ts): `__Host-rm_session` over TLS,
 * `rm_session` otherwise; cleared with an empty value and `Max-Age=0` on sign-out. The client is
 * the cookie jar for one origin and one cookie, so this reads just that cookie, not RFC 6265 whole.
 */
export const SESSION_COOKIE_NAMES = ['__Host-rm_session', 'rm_session'] as const;

export interface SessionCookie {
  name: string;
  /** As sent by the server (still percent-encoded): sent back byte for byte. */
  value: string;
}

export type CookieChange = { kind: 'set'; cookie: SessionCookie } | { kind: 'cleared' } | null;

/** What the `Set-Cookie` headers of one answer do to the session; null: nothing. */
export function sessionCookieChange(headers: string[] | undefined): CookieChange {
  let change: CookieChange = null;
  for (const header of headers ?? []) {
    const [pair = '', ...attributes] = header.split(';');
    const eq = pair.indexOf('=');
    if (eq < 0) continue;
    const name = pair.slice(0, eq).trim();
    if (!(SESSION_COOKIE_NAMES as readonly string[]).includes(name)) continue;
    const value = pair.slice(eq + 1).trim();
    const expired = attributes.some((a) => {
      const [k = '', v = ''] = a.split('=').map((x) => x.trim());
      if (k.toLowerCase() === 'max-age') return Number(v) <= 0;
      if (k.toLowerCase() === 'expires') return Date.parse(v) <= Date.now();
      return false;
    });
    // The last one wins, as in a browser.
    change =
      value === '' || expired ? { kind: 'cleared' } : { kind: 'set', cookie: { name, value } };
  }
  return change;
}
