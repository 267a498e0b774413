import { describe, expect, it } from 'vitest';
import { downscale, orient } from './thumbnail';

/** A 3 × 2 image whose pixels are named a–f by their red value, row by row. */
const stored = {
  width: 3,
  height: 2,
  data: Uint8Array.from([...'abcdef'].flatMap((c) => [c.charCodeAt(0), 0, 0, 255])),
};
const rows = (img: { width: number; height: number; data: Uint8Array }) =>
  Array.from({ length: img.height }, (_, y) =>
    Array.from({ length: img.width }, (_, x) =>
      String.fromCharCode(img.data[(y * img.width + x) * 4] ?? 0),
    ).join(''),
  );

/** EXIF orientations: how the stored pixels are seen upright (the EXIF spec's eight cases). */
describe('orient', () => {
  const cases: [number, string[]][] = [
    [1, ['abc', 'def']],
    [2, ['cba', 'fed']],
    [3, ['fed', 'cba']],
    [4, ['def', 'abc']],
    [5, ['ad', 'be', 'cf']],
    [6, ['da', 'eb', 'fc']],
    [7, ['fc', 'eb', 'da']],
    [8, ['cf', 'be', 'ad']],
    [9, ['abc', 'def']],
  ];
  it.each(cases)('orientation %i', (o, expected) => {
    expect(rows(orient(stored, o))).toEqual(expected);
  });
});

describe('downscale', () => {
  it('averages blocks and shows transparency on white', () => {
    // 4 × 2: left half black, right half fully transparent.
    const data = new Uint8Array(4 * 2 * 4);
    for (let i = 0; i < 8; i++) data[i * 4 + 3] = i % 4 < 2 ? 255 : 0;
    const out = downscale({ width: 4, height: 2, data }, 2);
    expect({ width: out.width, height: out.height }).toEqual({ width: 2, height: 1 });
    expect([...out.data]).toEqual([0, 0, 0, 255, 255, 255, 255, 255]);
  });

  it('never enlarges, and keeps at least one pixel', () => {
    const tall = { width: 1, height: 1000, data: new Uint8Array(4000).fill(255) };
    expect(downscale(tall, 240)).toMatchObject({ width: 1, height: 240 });
    const tiny = { width: 3, height: 2, data: new Uint8Array(24) };
    expect(downscale(tiny, 240)).toMatchObject({ width: 3, height: 2 });
  });
});
