import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

const SHA256 = /^[0-9a-f]{64}$/;

/**
 * Files stored by their content: `<dir>/ab/abcdef….bin`, named by their SHA-256, never by a name
 * someone typed (no path tricks, no clash, no overwrite). The same bytes stored twice are one
 * file. A file is written whole or not at all (a temporary file in the same folder, flushed, then
 * renamed), so a row never names a half-written file; and it is written before the row that names
 * it, so a rolled-back transaction leaves at most an orphan file, which is harmless.
 */
export class FileStore {
  constructor(readonly dir: string) {}

  /** Where the file of this hash is (whether or not it exists). */
  pathOf(sha256: string): string {
    // The hash comes from our own rows, but a path built from it must never leave `dir`.
    if (!SHA256.test(sha256)) throw new Error(`not a SHA-256: ${sha256}`);
    return path.join(this.dir, sha256.slice(0, 2), `${sha256}.bin`);
  }

  /** Stores the bytes (once) and returns their SHA-256. */
  put(bytes: Uint8Array): string {
    const sha256 = crypto.createHash('sha256').update(bytes).digest('hex');
    const target = this.pathOf(sha256);
    // Already stored — unless what is there is not these bytes (cut short by a disk fault): then
    // it is written again, or every later upload of them would point at the damaged copy.
    if (sameSize(target, bytes.length)) return sha256;
    const folder = path.dirname(target);
    fs.mkdirSync(folder, { recursive: true });
    const temp = path.join(folder, `.${sha256}.${process.pid}.${crypto.randomUUID()}.tmp`);
    try {
      const fd = fs.openSync(temp, 'wx');
      try {
        fs.writeSync(fd, bytes);
        // The row that names this file is committed with synchronous=FULL: the file must be on
        // disk by then too, or a power cut could leave the row pointing at nothing.
        fs.fsyncSync(fd);
      } finally {
        fs.closeSync(fd);
      }
      fs.renameSync(temp, target);
    } catch (e) {
      fs.rmSync(temp, { force: true });
      throw e;
    }
    syncFolder(folder);
    return sha256;
  }

  /**
   * The stored bytes, or null when they cannot be read: missing, or unreadable (no permission, a
   * disk fault). Either way the caller says the file is lost, rather than failing the whole call.
   */
  read(sha256: string): Buffer | null {
    try {
      return fs.readFileSync(this.pathOf(sha256));
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'ENOENT') {
        console.error(`file store: cannot read ${sha256}:`, e);
      }
      return null;
    }
  }
}

function sameSize(file: string, size: number): boolean {
  try {
    return fs.statSync(file).size === size;
  } catch {
    return false;
  }
}

/** Makes a rename durable (Linux, macOS); Windows cannot open a folder, and needs no such step. */
export function syncFolder(folder: string): void {
  let fd: number | null = null;
  try {
    fd = fs.openSync(folder, 'r');
    fs.fsyncSync(fd);
  } catch {
    // Best effort: not every platform allows it.
  } finally {
    if (fd !== null) fs.closeSync(fd);
  }
}

/**
 * The files folder of a database file: beside it, named after it (`reception.db` →
 * `reception.files`), so that two databases in one folder never share or clean each other's
 * files and a backup of the folder takes both. `:memory:` gets a temporary folder of its own.
 */
export function filesDirFor(dbFile: string): { dir: string; temporary: boolean } {
  if (dbFile === ':memory:') {
    return { dir: fs.mkdtempSync(path.join(os.tmpdir(), 'rm-files-')), temporary: true };
  }
  const resolved = path.resolve(dbFile);
  const stem = path.basename(resolved, path.extname(resolved));
  return { dir: path.join(path.dirname(resolved), `${stem}.files`), temporary: false };
}
