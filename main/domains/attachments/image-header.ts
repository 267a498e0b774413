/**
 * What an image's header says, read before decoding. Its size: decoding is where a small file
 * declaring a huge image (a decompression bomb) would take the memory. Its EXIF orientation: a
 * phone stores a portrait photo sideways and says so there.
 *
 * An image's size as its header declares it, read before decoding: decoding is where a small
 * file declaring a huge image (a decompression bomb) would take the memory. Null when the header
 * cannot be read (the file is then refused as damaged).
 */
export interface ImageSize {
  width: number;
  height: number;
}

const u16 = (b: Uint8Array, i: number) => ((b[i] ?? 0) << 8) | (b[i + 1] ?? 0);
const u32 = (b: Uint8Array, i: number) => u16(b, i) * 0x10000 + u16(b, i + 2);

/** PNG: the first chunk must be IHDR (offset 12), width and height big-endian after it. */
export function pngSize(b: Uint8Array): ImageSize | null {
  if (b.length < 24) return null;
  const ihdr = String.fromCharCode(b[12] ?? 0, b[13] ?? 0, b[14] ?? 0, b[15] ?? 0);
  if (ihdr !== 'IHDR') return null;
  const width = u32(b, 16);
  const height = u32(b, 20);
  return width > 0 && height > 0 ? { width, height } : null;
}

/** Start-of-frame markers (C0–CF except DHT C4, JPG C8, DAC CC): they carry the frame size. */
const isSof = (m: number) => m >= 0xc0 && m <= 0xcf && m !== 0xc4 && m !== 0xc8 && m !== 0xcc;

/** JPEG: walk the marker segments up to the first start-of-frame. */
export function jpegSize(b: Uint8Array): ImageSize | null {
  let i = 2;
  while (i + 3 < b.length) {
    if (b[i] !== 0xff) return null;
    const marker = b[i + 1] ?? 0;
    // Fill bytes, and markers without a length (TEM, RSTn).
    if (marker === 0xff) {
      i += 1;
      continue;
    }
    if (marker === 0x01 || (marker >= 0xd0 && marker <= 0xd7)) {
      i += 2;
      continue;
    }
    // End of image or start of scan before any frame: no size to read.
    if (marker === 0xd9 || marker === 0xda) return null;
    const length = u16(b, i + 2);
    if (length < 2) return null;
    if (isSof(marker)) {
      if (i + 9 > b.length) return null;
      const height = u16(b, i + 5);
      const width = u16(b, i + 7);
      return width > 0 && height > 0 ? { width, height } : null;
    }
    i += 2 + length;
  }
  return null;
}

/**
 * A JPEG's EXIF orientation (1–8; 1 when absent or unreadable): how the stored pixels must be
 * turned to be seen upright (6: a quarter turn clockwise, the usual portrait phone photo).
 */
export function exifOrientation(b: Uint8Array): number {
  let i = 2;
  while (i + 4 <= b.length && b[i] === 0xff) {
    const marker = b[i + 1] ?? 0;
    if (marker === 0xda || marker === 0xd9) break;
    const length = u16(b, i + 2);
    if (length < 2) break;
    const exif = String.fromCharCode(...b.subarray(i + 4, i + 10));
    if (marker === 0xe1 && exif === 'Exif\0\0') return tiffOrientation(b, i + 10, i + 2 + length);
    i += 2 + length;
  }
  return 1;
}

/** The orientation tag (0x0112) of the TIFF block at [start, end): IFD0 only. */
function tiffOrientation(b: Uint8Array, start: number, end: number): number {
  const little = b[start] === 0x49; // "II" (Intel) or "MM" (Motorola)
  const r16 = (o: number) => (little ? (b[o] ?? 0) | ((b[o + 1] ?? 0) << 8) : u16(b, o));
  const r32 = (o: number) => (little ? r16(o) + r16(o + 2) * 0x10000 : u32(b, o));
  const ifd = start + r32(start + 4);
  if (ifd + 2 > end) return 1;
  const count = r16(ifd);
  for (let k = 0; k < count; k++) {
    const entry = ifd + 2 + k * 12;
    if (entry + 12 > end) break;
    if (r16(entry) === 0x0112) {
      const value = r16(entry + 8);
      return value >= 1 && value <= 8 ? value : 1;
    }
  }
  return 1;
}
