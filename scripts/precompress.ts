import fs from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import zlib from 'node:zlib';
import type { Plugin } from 'vite';

const brotli = promisify(zlib.brotliCompress);
const gzip = promisify(zlib.gzip);

/** Text the browser-mode server sends: worth compressing. Images and fonts are compressed already. */
const COMPRESSIBLE = /\.(?:js|mjs|css|html|svg|json|txt)$/i;
/** Below this a compressed copy saves less than its own headers cost. */
const MIN_BYTES = 1024;

export interface Compressed {
  file: string;
  raw: number;
  gzip: number | null;
  br: number | null;
}

/**
 * Writes `file.br` (quality 11) and `file.gz` (level 9) beside `file`, each only when it is
 * smaller than the file by a tenth at least; removes an old copy that is no longer worth keeping.
 * Done once at build time, so the server never compresses on a request.
 */
export async function precompressFile(file: string): Promise<Compressed> {
  const data = await fs.promises.readFile(file);
  const out: Compressed = { file, raw: data.length, gzip: null, br: null };
  if (data.length < MIN_BYTES || !COMPRESSIBLE.test(file)) return out;
  const [br, gz] = await Promise.all([
    brotli(data, {
      params: {
        [zlib.constants.BROTLI_PARAM_MODE]: zlib.constants.BROTLI_MODE_TEXT,
        [zlib.constants.BROTLI_PARAM_QUALITY]: zlib.constants.BROTLI_MAX_QUALITY,
        [zlib.constants.BROTLI_PARAM_SIZE_HINT]: data.length,
      },
    }),
    gzip(data, { level: zlib.constants.Z_BEST_COMPRESSION }),
  ]);
  const keep = async (bytes: Buffer, ext: string) => {
    if (bytes.length <= data.length * 0.9) {
      await fs.promises.writeFile(file + ext, bytes);
      return bytes.length;
    }
    await fs.promises.rm(file + ext, { force: true });
    return null;
  };
  out.br = await keep(br, '.br');
  out.gzip = await keep(gz, '.gz');
  return out;
}

/**
 * Vite plugin: after the renderer is written, a `.br` and a `.gz` beside each text file for the
 * browser-mode server (main/server/http.ts) to send as they are. The Electron shell reads the
 * plain files from disk and never looks at these.
 */
export function precompress(): Plugin {
  return {
    name: 'reception-manager:precompress',
    apply: 'build',
    async writeBundle(options, bundle) {
      const dir = options.dir;
      if (!dir) return;
      await Promise.all(Object.keys(bundle).map((name) => precompressFile(path.join(dir, name))));
    },
  };
}
