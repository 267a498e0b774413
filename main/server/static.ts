import fs from 'node:fs';
import type http from 'node:http';
import path from 'node:path';
import { CSP_HEADER } from '../core/csp';

const MIME: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.json': 'application/json',
};

/** decodeURIComponent that answers null for a malformed escape instead of throwing. */
export function safeDecode(text: string): string | null {
  try {
    return decodeURIComponent(text);
  } catch {
    return null;
  }
}

/** Precompressed variants written beside each file at build time, best first (scripts/precompress.ts). */
const ENCODINGS = [
  { name: 'br', ext: '.br' },
  { name: 'gzip', ext: '.gz' },
] as const;

/**
 * The codings a client accepts (`Accept-Encoding`), without those it refuses with `q=0`. A bare
 * `*` accepts every coding not listed.
 */
export function acceptedEncodings(header: string | undefined): (name: string) => boolean {
  const weights = new Map<string, number>();
  for (const part of (header ?? '').split(',')) {
    const [name, ...params] = part.toLowerCase().split(';');
    const token = name?.trim();
    if (!token) continue;
    const q = params.map((p) => /^\s*q\s*=\s*([\d.]+)\s*$/.exec(p)?.[1]).find(Boolean);
    weights.set(token, q === undefined ? 1 : Number(q));
  }
  return (name) => (weights.get(name) ?? weights.get('*') ?? 0) > 0;
}

/**
 * Vite's output names (`assets/index-B2xk9_aZ.js`): the content hash is in the name, so the file
 * at that URL never changes and may be cached for good. Everything else (index.html above all)
 * must be revalidated, or a browser keeps an old page that asks for chunks that are gone.
 */
export function isHashedAsset(relativePath: string): boolean {
  return /^assets\/[^/]+-[\w-]{8}\.[a-z0-9]+$/i.test(relativePath);
}

/** Whether `If-None-Match` names this ETag (weak comparison, as RFC 9110 asks for GET). */
function matchesEtag(header: string | undefined, etag: string): boolean {
  if (!header) return false;
  if (header.trim() === '*') return true;
  const bare = (tag: string) => tag.trim().replace(/^W\//, '');
  return header.split(',').some((tag) => bare(tag) === bare(etag));
}

async function statFile(file: string): Promise<fs.Stats | null> {
  try {
    const stat = await fs.promises.stat(file);
    return stat.isFile() ? stat : null;
  } catch {
    return null;
  }
}

/**
 * The built renderer: the precompressed `.br`/`.gz` beside a file when the client takes it,
 * immutable caching for hashed assets, revalidation (ETag, 304) for the rest. A path without a
 * file is the app's page (index.html); a missing file that has an extension is a 404, so an old
 * chunk asked for after an update fails as a load error instead of arriving as HTML.
 */
export async function serveStatic(
  root: string,
  pathname: string,
  req: http.IncomingMessage,
  res: http.ServerResponse,
) {
  const base = path.resolve(root);
  const decoded = safeDecode(pathname);
  let file = path.resolve(base, '.' + (decoded ?? '/'));
  if (decoded === null || (!file.startsWith(base + path.sep) && file !== base)) {
    res.writeHead(404).end();
    return;
  }
  let stat = await statFile(file);
  if (!stat) {
    if (path.extname(file) !== '') {
      res.writeHead(404, { 'Content-Type': 'text/plain; charset=utf-8' }).end('Not found');
      return;
    }
    file = path.join(base, 'index.html');
    stat = await statFile(file);
  }
  if (!stat) {
    res
      .writeHead(503, { 'Content-Type': 'text/plain; charset=utf-8' })
      .end('The renderer is not built. Run: npm run build');
    return;
  }

  const accepts = acceptedEncodings(req.headers['accept-encoding']);
  let body = file;
  let encoding: string | null = null;
  for (const e of ENCODINGS) {
    if (!accepts(e.name)) continue;
    const variant = await statFile(file + e.ext);
    if (variant) {
      body = file + e.ext;
      stat = variant;
      encoding = e.name;
      break;
    }
  }
  const relative = path.relative(base, file).split(path.sep).join('/');
  // Size and time of the bytes sent: each encoding of a file is its own representation.
  const etag = `W/"${stat.size.toString(16)}-${Math.floor(stat.mtimeMs).toString(16)}"`;
  const headers: Record<string, string> = {
    'Content-Security-Policy': CSP_HEADER,
    'X-Content-Type-Options': 'nosniff',
    'X-Frame-Options': 'DENY',
    'Referrer-Policy': 'no-referrer',
    'Cache-Control': isHashedAsset(relative) ? 'public, max-age=31536000, immutable' : 'no-cache',
    Vary: 'Accept-Encoding',
    ETag: etag,
  };
  if (matchesEtag(req.headers['if-none-match'], etag)) {
    res.writeHead(304, headers).end();
    return;
  }
  headers['Content-Type'] = MIME[path.extname(file)] ?? 'application/octet-stream';
  headers['Content-Length'] = String(stat.size);
  if (encoding) headers['Content-Encoding'] = encoding;
  res.writeHead(200, headers);
  if (req.method === 'HEAD') {
    res.end();
    return;
  }
  // A file replaced by a new build between stat and read: end the response, not the process.
  fs.createReadStream(body)
    .on('error', () => res.destroy())
    .pipe(res);
}
