/**
 * Small real files for the attachments' tests (unit and e2e): images made with the same codecs
 * the app decodes with, a minimal PDF, and a Windows program's header. Tests only.
 */
import jpeg from 'jpeg-js';
import { PNG } from 'pngjs';

/** A w × h PNG with a diagonal gradient (so a thumbnail has something to average). */
export function samplePng(width: number, height: number): Buffer {
  const png = new PNG({ width, height });
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const i = (y * width + x) * 4;
      png.data[i] = Math.round((255 * x) / Math.max(1, width - 1));
      png.data[i + 1] = Math.round((255 * y) / Math.max(1, height - 1));
      png.data[i + 2] = 160;
      png.data[i + 3] = 255;
    }
  }
  return PNG.sync.write(png);
}

/** A w × h JPEG, optionally with an EXIF orientation (1–8) in an APP1 segment. */
export function sampleJpeg(width: number, height: number, orientation?: number): Buffer {
  const data = Buffer.alloc(width * height * 4);
  for (let i = 0; i < width * height; i++) data.writeUInt32BE(0x3366ccff, i * 4);
  const plain = jpeg.encode({ width, height, data }, 85).data;
  if (orientation === undefined) return plain;
  // APP1 "Exif\0\0", a big-endian TIFF header and IFD0 with one entry: 0x0112 (SHORT) = o.
  const tiff = Buffer.from([
    0x4d,
    0x4d,
    0x00,
    0x2a,
    0x00,
    0x00,
    0x00,
    0x08,
    0x00,
    0x01,
    0x01,
    0x12,
    0x00,
    0x03,
    0x00,
    0x00,
    0x00,
    0x01,
    0x00,
    orientation,
    0x00,
    0x00,
    0x00,
    0x00,
    0x00,
    0x00,
  ]);
  const body = Buffer.concat([Buffer.from('Exif\0\0', 'latin1'), tiff]);
  const app1 = Buffer.concat([Buffer.from([0xff, 0xe1, 0, 0]), body]);
  app1.writeUInt16BE(body.length + 2, 2);
  return Buffer.concat([plain.subarray(0, 2), app1, plain.subarray(2)]);
}

/** A one-page PDF (what a scanner or "print to PDF" writes, minus the content). */
export function samplePdf(text = 'Invitation'): Buffer {
  return Buffer.from(
    `%PDF-1.4\n1 0 obj <</Type /Catalog /Pages 2 0 R>> endobj\n` +
      `2 0 obj <</Type /Pages /Kids [3 0 R] /Count 1>> endobj\n` +
      `3 0 obj <</Type /Page /Parent 2 0 R /MediaBox [0 0 200 100]>> endobj\n` +
      `%${text}\ntrailer <</Root 1 0 R>>\n%%EOF\n`,
    'latin1',
  );
}

/** The first bytes of a Windows program: what a renamed .exe starts with. */
export function sampleExe(): Buffer {
  const b = Buffer.alloc(256);
  b.write('MZ', 0, 'latin1');
  b.write('This program cannot be run in DOS mode.', 78, 'latin1');
  return b;
}
