import jpeg from 'jpeg-js';
import { PNG } from 'pngjs';
import { MAX_IMAGE_PIXELS, THUMB_MAX_PX } from '../../../shared/attachments/limits';
import { exifOrientation, jpegSize, pngSize, type ImageSize } from './image-header';

/** Why an image was refused: unreadable, or larger than we decode. */
export type ImageProblem =
  { problem: 'unreadable' } | { problem: 'tooBig'; width: number; height: number };

export interface Thumbnail {
  /** The image's size as seen (upright). */
  width: number;
  height: number;
  /** A JPEG that fits THUMB_MAX_PX square. */
  jpeg: Buffer;
}

interface Rgba {
  width: number;
  height: number;
  data: Uint8Array;
}

/**
 * A small upright JPEG of a JPEG or PNG, made here with pure-JS codecs (nothing native to build
 * for Electron). The header's size is checked before decoding (decompression bombs); a file that
 * does not decode is refused, never stored as an "image" nobody can see. Transparent pixels are
 * shown on white (a JPEG has no alpha; a scanned signature on white looks right).
 */
export function makeThumbnail(
  bytes: Buffer,
  mime: 'image/jpeg' | 'image/png',
): Thumbnail | ImageProblem {
  const size = mime === 'image/png' ? pngSize(bytes) : jpegSize(bytes);
  if (!size) return { problem: 'unreadable' };
  if (size.width * size.height > MAX_IMAGE_PIXELS) return { problem: 'tooBig', ...size };
  let image: Rgba;
  try {
    image = decode(bytes, mime, size);
  } catch {
    return { problem: 'unreadable' };
  }
  const orientation = mime === 'image/jpeg' ? exifOrientation(bytes) : 1;
  const small = orient(downscale(image, THUMB_MAX_PX), orientation);
  const upright = orientation >= 5 ? { width: image.height, height: image.width } : image;
  return {
    width: upright.width,
    height: upright.height,
    jpeg: jpeg.encode(small, 80).data,
  };
}

function decode(bytes: Buffer, mime: 'image/jpeg' | 'image/png', size: ImageSize): Rgba {
  if (mime === 'image/png') {
    // Checks every chunk's CRC and the compressed data: a damaged PNG throws.
    const png = PNG.sync.read(bytes);
    return { width: png.width, height: png.height, data: png.data };
  }
  const out = jpeg.decode(bytes, {
    useTArray: true,
    formatAsRGBA: true,
    // The same bound again, inside the decoder: the header walk and the decoder might disagree.
    maxResolutionInMP: MAX_IMAGE_PIXELS / 1_000_000,
    maxMemoryUsageInMB: 1024,
  });
  if (out.width !== size.width || out.height !== size.height) throw new Error('size mismatch');
  return out;
}

/** Averages blocks of pixels (a box filter), composited on white, down to fit `max`. */
export function downscale(src: Rgba, max: number): Rgba {
  const scale = Math.min(1, max / Math.max(src.width, src.height));
  const width = Math.max(1, Math.round(src.width * scale));
  const height = Math.max(1, Math.round(src.height * scale));
  const sums = new Float64Array(width * height * 3);
  const counts = new Uint32Array(width * height);
  // Which target column each source column falls in, worked out once (a 12 MP photo: 4,000
  // columns, not 12 million divisions).
  const column = new Int32Array(src.width);
  for (let x = 0; x < src.width; x++) {
    column[x] = Math.min(width - 1, Math.floor((x * width) / src.width));
  }
  const d = src.data;
  for (let y = 0; y < src.height; y++) {
    const row = Math.min(height - 1, Math.floor((y * height) / src.height)) * width;
    for (let x = 0, s = y * src.width * 4; x < src.width; x++, s += 4) {
      const t = row + column[x]!;
      const a = d[s + 3]! / 255;
      const white = 255 * (1 - a);
      sums[t * 3]! += d[s]! * a + white;
      sums[t * 3 + 1]! += d[s + 1]! * a + white;
      sums[t * 3 + 2]! += d[s + 2]! * a + white;
      counts[t]!++;
    }
  }
  const data = new Uint8Array(width * height * 4);
  for (let t = 0; t < width * height; t++) {
    const n = counts[t] || 1;
    for (let c = 0; c < 3; c++) data[t * 4 + c] = Math.round(sums[t * 3 + c]! / n);
    data[t * 4 + 3] = 255;
  }
  return { width, height, data };
}

/** Turns pixels stored with EXIF orientation `o` upright (see exifOrientation). */
export function orient(src: Rgba, o: number): Rgba {
  if (o <= 1 || o > 8) return src;
  const { width: w, height: h } = src;
  const swap = o >= 5;
  const width = swap ? h : w;
  const height = swap ? w : h;
  // Where each upright pixel (x, y) is in the stored image.
  const from: Record<number, (x: number, y: number) => [number, number]> = {
    2: (x, y) => [w - 1 - x, y],
    3: (x, y) => [w - 1 - x, h - 1 - y],
    4: (x, y) => [x, h - 1 - y],
    5: (x, y) => [y, x],
    6: (x, y) => [y, h - 1 - x],
    7: (x, y) => [w - 1 - y, h - 1 - x],
    8: (x, y) => [w - 1 - y, x],
  };
  const map = from[o]!;
  const data = new Uint8Array(width * height * 4);
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const [sx, sy] = map(x, y);
      data.set(src.data.subarray((sy * w + sx) * 4, (sy * w + sx) * 4 + 4), (y * width + x) * 4);
    }
  }
  return { width, height, data };
}
