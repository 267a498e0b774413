import fs from 'node:fs';
import { once } from 'node:events';
import zlib from 'node:zlib';

/**
 * A ZIP written front to back, one entry at a time, each deflated as it comes: what an XLSX needs
 * to be written a page at a time in constant memory. Sizes and CRC follow each entry (a data
 * descriptor, general-purpose flag bit 3), names are UTF-8 (bit 11). No ZIP64: an export is far
 * below 4 GB (a check refuses anything that would not fit).
 */
export interface ZipEntry {
  /** Adds text (UTF-8); waits when the compressor is behind. */
  write(text: string): Promise<void>;
  /** Ends the entry (its data descriptor follows). */
  end(): Promise<void>;
}

interface Written {
  name: Buffer;
  crc: number;
  compressed: number;
  size: number;
  offset: number;
}

const LIMIT = 0xffffffff;
/** Flags: sizes in a data descriptor (bit 3), UTF-8 names (bit 11). */
const FLAGS = 0x0808;
/** DOS time and date of 1980-01-01 00:00 (a fixed stamp: the file's own time says when). */
const DOS_TIME = 0;
const DOS_DATE = (0 << 9) | (1 << 5) | 1;

export class ZipWriter {
  private readonly out: fs.WriteStream;
  private offset = 0;
  private readonly entries: Written[] = [];
  private failed: Error | null = null;
  private open = false;
  /** The open entry's compressor, destroyed if the file is abandoned. */
  private deflating: zlib.DeflateRaw | null = null;

  constructor(
    file: string,
    /** zlib level: 1 is several times faster than the default on XML, a little larger. */
    private readonly level = 1,
  ) {
    this.out = fs.createWriteStream(file, { mode: 0o600 });
    this.out.on('error', (e) => {
      this.failed = e;
    });
  }

  /** Queues bytes for the file (in order); `flush` waits for the disk when it is behind. */
  private push(buf: Buffer): void {
    this.offset += buf.length;
    this.out.write(buf);
  }

  private async flush(): Promise<void> {
    if (this.failed) throw this.failed;
    if (this.out.writableNeedDrain) await once(this.out, 'drain');
  }

  private async put(buf: Buffer): Promise<void> {
    this.push(buf);
    await this.flush();
  }

  /** Starts an entry; the previous one must have ended. */
  async entry(name: string): Promise<ZipEntry> {
    if (this.open) throw new Error('zip: an entry is still open');
    this.open = true;
    const nameBuf = Buffer.from(name, 'utf8');
    const header = Buffer.alloc(30);
    header.writeUInt32LE(0x04034b50, 0);
    header.writeUInt16LE(20, 4); // version needed: 2.0 (deflate)
    header.writeUInt16LE(FLAGS, 6);
    header.writeUInt16LE(8, 8); // deflate
    header.writeUInt16LE(DOS_TIME, 10);
    header.writeUInt16LE(DOS_DATE, 12);
    // CRC and sizes (14..25) are zero here: the data descriptor carries them.
    header.writeUInt16LE(nameBuf.length, 26);
    const written: Written = { name: nameBuf, crc: 0, compressed: 0, size: 0, offset: this.offset };
    await this.put(Buffer.concat([header, nameBuf]));

    const deflate = zlib.createDeflateRaw({ level: this.level });
    this.deflating = deflate;
    // The compressed bytes go to the file as they come (they are a tenth of the text).
    deflate.on('data', (chunk: Buffer) => {
      written.compressed += chunk.length;
      this.push(chunk);
    });
    const ended = once(deflate, 'end');
    // Awaited only at the entry's end: a compressor failing before that must not be an
    // unhandled rejection (the failure still reaches whoever awaits `ended`).
    ended.catch(() => undefined);
    return {
      write: async (text) => {
        const buf = Buffer.from(text, 'utf8');
        written.crc = zlib.crc32(buf, written.crc);
        written.size += buf.length;
        if (!deflate.write(buf)) await once(deflate, 'drain');
        await this.flush();
      },
      end: async () => {
        deflate.end();
        await ended;
        if (written.size > LIMIT || written.compressed > LIMIT || this.offset > LIMIT) {
          throw new Error('zip: an entry beyond 4 GB');
        }
        const descriptor = Buffer.alloc(16);
        descriptor.writeUInt32LE(0x08074b50, 0);
        descriptor.writeUInt32LE(written.crc >>> 0, 4);
        descriptor.writeUInt32LE(written.compressed, 8);
        descriptor.writeUInt32LE(written.size, 12);
        await this.put(descriptor);
        this.entries.push(written);
        this.open = false;
        this.deflating = null;
      },
    };
  }

  /** A whole entry at once (the small parts of a file). */
  async file(name: string, text: string): Promise<void> {
    const e = await this.entry(name);
    await e.write(text);
    await e.end();
  }

  /** Writes the central directory and closes the file. */
  async close(): Promise<void> {
    if (this.open) throw new Error('zip: an entry is still open');
    const start = this.offset;
    for (const e of this.entries) {
      const h = Buffer.alloc(46);
      h.writeUInt32LE(0x02014b50, 0);
      h.writeUInt16LE(20, 4); // made by: 2.0 (MS-DOS attributes)
      h.writeUInt16LE(20, 6);
      h.writeUInt16LE(FLAGS, 8);
      h.writeUInt16LE(8, 10);
      h.writeUInt16LE(DOS_TIME, 12);
      h.writeUInt16LE(DOS_DATE, 14);
      h.writeUInt32LE(e.crc >>> 0, 16);
      h.writeUInt32LE(e.compressed, 20);
      h.writeUInt32LE(e.size, 24);
      h.writeUInt16LE(e.name.length, 28);
      // extra, comment, disk, internal and external attributes: 0
      h.writeUInt32LE(e.offset, 42);
      await this.put(Buffer.concat([h, e.name]));
    }
    const size = this.offset - start;
    const end = Buffer.alloc(22);
    end.writeUInt32LE(0x06054b50, 0);
    end.writeUInt16LE(this.entries.length, 8);
    end.writeUInt16LE(this.entries.length, 10);
    end.writeUInt32LE(size, 12);
    end.writeUInt32LE(start, 16);
    await this.put(end);
    this.out.end();
    await once(this.out, 'finish');
    if (this.failed) throw this.failed;
  }

  /** Stops writing (the caller deletes the file). */
  abort(): void {
    // The open entry's compressor too: its native memory is otherwise held until collected.
    this.deflating?.destroy();
    this.deflating = null;
    this.out.destroy();
  }
}
