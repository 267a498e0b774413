/**
 * The company server's address as a person types it in the first-run dialog ("连接公司服务器"):
 * an https origin only. A path, query or user name would be ignored by the client (every call goes
 * to `/api/…` of the origin), so it is refused rather than silently dropped — the person should
 * see that what they typed is not what will be used.
 */
export interface ServerOrigin {
  /** Normalised the way browsers send `Origin` (default port left out): what the server accepts. */
  origin: string;
  /** The name or address to connect to (an IPv6 literal without its brackets). */
  hostname: string;
  port: number;
  /** The `Host` header: name and port as in the origin. */
  host: string;
}

export class OriginError extends Error {
  override name = 'OriginError';
}

export function parseServerOrigin(text: string): ServerOrigin {
  let url: URL;
  try {
    url = new URL(text.trim());
  } catch {
    throw new OriginError(`not an address: ${text}`);
  }
  if (url.protocol !== 'https:') {
    throw new OriginError(`the server's address must start with https:// (got ${text})`);
  }
  if (url.username !== '' || url.password !== '') {
    throw new OriginError('the address must not contain a user name or password');
  }
  if (url.pathname !== '/' || url.search !== '' || url.hash !== '') {
    throw new OriginError(
      `the address is the server only (https://name:port), not a page: ${text}`,
    );
  }
  if (url.hostname === '') throw new OriginError(`the address names no server: ${text}`);
  const hostname = url.hostname.startsWith('[') ? url.hostname.slice(1, -1) : url.hostname;
  return {
    origin: url.origin,
    hostname,
    port: url.port === '' ? 443 : Number(url.port),
    host: url.host,
  };
}
