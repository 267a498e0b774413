import jpeg from 'jpeg-js';
import { PNG } from 'pngjs';
import { describe, expect, it } from 'vitest';
import { jpegSize, pngSize } from './image-header';

const png = (width: number, height: number) =>
  PNG.sync.write(Object.assign(new PNG({ width, height }), {}));
const jpg = (width: number, height: number) =>
  jpeg.encode({ width, height, data: Buffer.alloc(width * height * 4, 128) }, 80).data;

/** A PNG header that claims a size its (absent) data does not have: what a bomb looks like. */
function pngClaiming(width: number, height: number): Uint8Array {
  const b = Buffer.from(png(1, 1));
  b.writeUInt32BE(width, 16);
  b.writeUInt32BE(height, 20);
  return b;
}

describe('image sizes from headers, before any decoding', () => {
  const cases: [string, Uint8Array, ReturnType<typeof pngSize>][] = [
    ['a real 7 × 3 PNG', png(7, 3), { width: 7, height: 3 }],
    [
      'a PNG claiming 100,000 × 100,000',
      pngClaiming(100_000, 100_000),
      { width: 100_000, height: 100_000 },
    ],
    ['a PNG cut short', png(7, 3).subarray(0, 20), null],
    ['a PNG claiming 0 × 5', pngClaiming(0, 5), null],
  ];
  it.each(cases)('%s', (_name, bytes, expected) => {
    expect(pngSize(bytes)).toEqual(expected);
  });

  const jpegCases: [string, Uint8Array, ReturnType<typeof jpegSize>][] = [
    ['a real 33 × 17 JPEG', jpg(33, 17), { width: 33, height: 17 }],
    ['a JPEG cut after its first segment', jpg(33, 17).subarray(0, 22), null],
    ['only the SOI marker', Uint8Array.from([0xff, 0xd8, 0xff]), null],
    ['junk after SOI', Uint8Array.from([0xff, 0xd8, 0x00, 0x11, 0x22, 0x33]), null],
    [
      'a bare SOF0 claiming 65,535 × 65,535',
      Uint8Array.from([0xff, 0xd8, 0xff, 0xc0, 0x00, 0x11, 0x08, 0xff, 0xff, 0xff, 0xff, 0x03]),
      { width: 65_535, height: 65_535 },
    ],
  ];
  it.each(jpegCases)('%s', (_name, bytes, expected) => {
    expect(jpegSize(bytes)).toEqual(expected);
  });
});
