#!/usr/bin/env node
// Draws the app icon and writes build/icon.png (512×512, electron-builder turns it into .ico /
// .icns) and assets/icon.png (256×256, the window icon in development).
//
// Only node:zlib: the design is a few geometric shapes rendered with signed distance functions
// and 4×4 supersampling for smooth edges, encoded as a plain RGBA PNG by hand. Re-run after
// changing the design: node scripts/make-icon.mjs
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import zlib from 'node:zlib';

const ROOT = path.resolve(fileURLToPath(new URL('..', import.meta.url)));

// ---------------------------------------------------------------- PNG encoding

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k += 1) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

export function crc32(bytes) {
  let c = 0xffffffff;
  for (const b of bytes) c = CRC_TABLE[(c ^ b) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

function chunk(type, data) {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'latin1'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([length, body, crc]);
}

/** RGBA pixels (row-major, 4 bytes each) → PNG file bytes. */
export function encodePng(width, height, rgba) {
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr[8] = 8; // bit depth
  ihdr[9] = 6; // colour type: RGBA
  ihdr[10] = 0; // deflate
  ihdr[11] = 0; // adaptive filtering
  ihdr[12] = 0; // no interlace
  const stride = width * 4;
  const raw = Buffer.alloc((stride + 1) * height);
  for (let y = 0; y < height; y += 1) {
    raw[y * (stride + 1)] = 0; // filter: none (the image is small; zlib does well enough)
    rgba.copy(raw, y * (stride + 1) + 1, y * stride, (y + 1) * stride);
  }
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', ihdr),
    chunk('IDAT', zlib.deflateSync(raw, { level: 9 })),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

// ---------------------------------------------------------------- design (unit square, y down)

const roundedBox = (x, y, cx, cy, hw, hh, r) => {
  const qx = Math.abs(x - cx) - hw + r;
  const qy = Math.abs(y - cy) - hh + r;
  return Math.hypot(Math.max(qx, 0), Math.max(qy, 0)) + Math.min(Math.max(qx, qy), 0) - r;
};
const circle = (x, y, cx, cy, r) => Math.hypot(x - cx, y - cy) - r;
const union = (a, b) => Math.min(a, b);
const intersect = (a, b) => Math.max(a, b);

// Doorway: an arch (a rectangle topped by a half circle), drawn as an outline.
const ARCH = { left: 0.29, right: 0.71, springY: 0.43, floorY: 0.79 };
function arch(x, y) {
  const cx = (ARCH.left + ARCH.right) / 2;
  const r = (ARCH.right - ARCH.left) / 2;
  const hh = (ARCH.floorY - ARCH.springY) / 2;
  const body = roundedBox(x, y, cx, ARCH.springY + hh, r, hh, 0);
  return union(body, circle(x, y, cx, ARCH.springY, r));
}

/** Coverage of each layer at one point: background, doorway outline, person, floor. */
function layers(x, y) {
  const bg = roundedBox(x, y, 0.5, 0.5, 0.44, 0.44, 0.2);
  const outline = Math.abs(arch(x, y)) - 0.018;
  const floor = roundedBox(x, y, 0.5, ARCH.floorY, 0.29, 0.018, 0.018);
  // The visitor: a head and rounded shoulders, standing in the doorway.
  const head = circle(x, y, 0.5, 0.445, 0.068);
  // Shoulders: a box whose lower rounded corners fall below the floor, cut flat at the floor.
  const shoulders = intersect(roundedBox(x, y, 0.5, 0.74, 0.135, 0.18, 0.13), y - ARCH.floorY);
  const person = union(head, shoulders);
  // A teal gap around the person so the outline and the figure do not merge.
  const gap = union(
    circle(x, y, 0.5, 0.445, 0.098),
    roundedBox(x, y, 0.5, 0.74, 0.165, 0.21, 0.16),
  );
  return { bg, outline: intersect(outline, -gap), floor, person };
}

function mix(a, b, t) {
  return a.map((v, i) => v + (b[i] - v) * t);
}

function render(size) {
  const rgba = Buffer.alloc(size * size * 4);
  const S = 4; // supersamples per axis
  const top = [20, 184, 166]; // teal-500
  const bottom = [15, 118, 110]; // teal-700
  const white = [255, 255, 255];
  for (let py = 0; py < size; py += 1) {
    for (let px = 0; px < size; px += 1) {
      let r = 0;
      let g = 0;
      let b = 0;
      let a = 0;
      for (let sy = 0; sy < S; sy += 1) {
        for (let sx = 0; sx < S; sx += 1) {
          const x = (px + (sx + 0.5) / S) / size;
          const y = (py + (sy + 0.5) / S) / size;
          const l = layers(x, y);
          if (l.bg > 0) continue;
          let colour = mix(top, bottom, Math.min(1, Math.max(0, (y - 0.06) / 0.88)));
          if (l.outline <= 0 || l.floor <= 0) colour = mix(colour, white, 0.6);
          if (l.person <= 0) colour = white;
          r += colour[0];
          g += colour[1];
          b += colour[2];
          a += 1;
        }
      }
      const i = (py * size + px) * 4;
      // Straight (non-premultiplied) alpha: average colour of the covered samples.
      rgba[i] = a ? Math.round(r / a) : 0;
      rgba[i + 1] = a ? Math.round(g / a) : 0;
      rgba[i + 2] = a ? Math.round(b / a) : 0;
      rgba[i + 3] = Math.round((a / (S * S)) * 255);
    }
  }
  return encodePng(size, size, rgba);
}

function write(relative, size) {
  const file = path.join(ROOT, relative);
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, render(size));
  console.log(`wrote ${relative} (${size}×${size})`);
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  write('build/icon.png', 512);
  write('assets/icon.png', 256);
}
