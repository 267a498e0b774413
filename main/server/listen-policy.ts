/**
 * Who may talk to the server, decided once from how it listens (issue 14). Two shapes:
 *
 * - **Loopback** (127.0.0.1, ::1, localhost — browser mode and a server for this desk only): plain
 *   HTTP is allowed, because nothing leaves the machine. Host must name the loopback address and
 *   port (a DNS-rebinding page on another name is refused), and a write's Origin, when a browser
 *   sends one, must be this server's.
 * - **Office** (any other address): TLS is required — sessions and personal data cross the
 *   company's network — and the configured public origin is the only Origin accepted for writes
 *   (an Origin is required: every browser sends one on POST, and the desktop client sets it). Host
 *   must be the public origin's.
 *
 * Pure functions of the options, so each rule has a table test (listen-policy.test.ts).
 */

export interface ListenOptions {
  host: string;
  port: number;
  tls: boolean;
  /** The origin people type (https://reception.example.com:8443); required for a wildcard host. */
  publicOrigin?: string | undefined;
}

export interface ListenPolicy {
  loopback: boolean;
  /** The origin links and cookies are for: the public origin, else this server's own. */
  origin: string;
  /** Host header values accepted. */
  hosts: ReadonlySet<string>;
  /** Origin header values accepted on writes. */
  origins: ReadonlySet<string>;
  /** Whether a write without an Origin header is accepted (loopback only: curl, tests). */
  originOptional: boolean;
  /** Cookies carry `Secure` (and the `__Host-` prefix) when the server speaks TLS. */
  secureCookies: boolean;
}

/** A configuration the server refuses to start with; `message` says what to change. */
export class ListenConfigError extends Error {
  override name = 'ListenConfigError';
}

const LOOPBACK = new Set(['127.0.0.1', '::1', 'localhost']);
const WILDCARD = new Set(['0.0.0.0', '::', '']);

export function isLoopbackHost(host: string): boolean {
  return LOOPBACK.has(host.toLowerCase()) || /^127\.\d+\.\d+\.\d+$/.test(host);
}

/** `host` as it appears in a URL: IPv6 literals in brackets. */
function urlHost(host: string): string {
  return host.includes(':') ? `[${host}]` : host;
}

/** An origin as browsers send it: scheme://host[:port], the default port left out. */
export function normalOrigin(text: string): string {
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    throw new ListenConfigError(`--public-origin is not a URL: ${text}`);
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') {
    throw new ListenConfigError(`--public-origin must start with https:// (got ${text})`);
  }
  if (url.pathname !== '/' || url.search !== '' || url.hash !== '' || url.username !== '') {
    throw new ListenConfigError(
      `--public-origin is an origin only (scheme, host, port), not a page: ${text}`,
    );
  }
  return url.origin;
}

export function listenPolicy(o: ListenOptions): ListenPolicy {
  const scheme = o.tls ? 'https' : 'http';
  if (isLoopbackHost(o.host)) {
    const own = [`127.0.0.1:${o.port}`, `localhost:${o.port}`, `[::1]:${o.port}`];
    const origins = new Set(own.map((h) => `${scheme}://${h}`));
    const hosts = new Set(own);
    let origin = `${scheme}://${urlHost(o.host === 'localhost' ? '127.0.0.1' : o.host)}:${o.port}`;
    if (o.publicOrigin !== undefined) {
      origin = normalOrigin(o.publicOrigin);
      origins.add(origin);
      hosts.add(new URL(origin).host);
    }
    return { loopback: true, origin, hosts, origins, originOptional: true, secureCookies: o.tls };
  }
  if (!o.tls) {
    throw new ListenConfigError(
      `Listening on ${o.host} (not this machine only) requires TLS: give --tls-cert and --tls-key, ` +
        'or --self-signed to have a certificate made.',
    );
  }
  if (o.publicOrigin === undefined && WILDCARD.has(o.host)) {
    throw new ListenConfigError(
      `Listening on all addresses (${o.host || 'all'}) needs --public-origin: the address people ` +
        'type, e.g. https://reception.example.com:8443.',
    );
  }
  const origin = normalOrigin(o.publicOrigin ?? `https://${urlHost(o.host)}:${o.port}`);
  if (!origin.startsWith('https://')) {
    throw new ListenConfigError(`--public-origin must be https:// when TLS is on (got ${origin})`);
  }
  return {
    loopback: false,
    origin,
    hosts: new Set([new URL(origin).host]),
    origins: new Set([origin]),
    originOptional: false,
    secureCookies: true,
  };
}

export function hostAllowed(policy: ListenPolicy, host: string | undefined): boolean {
  return host !== undefined && policy.hosts.has(host.toLowerCase());
}

export function originAllowed(policy: ListenPolicy, origin: string | undefined): boolean {
  if (origin === undefined) return policy.originOptional;
  return policy.origins.has(origin);
}
