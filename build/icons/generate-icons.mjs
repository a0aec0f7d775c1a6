// Draws the MeetAI icon (a camera with a spark, on a blue rounded square) at
// every size electron-builder wants, as PNGs named NxN.png beside this script.
// Shapes are signed distance functions evaluated per pixel, so each size is
// drawn crisply rather than scaled; the only dependency is node:zlib.
//   node build/icons/generate-icons.mjs
import { Buffer } from 'node:buffer';
import console from 'node:console';
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import process from 'node:process';
import { fileURLToPath } from 'node:url';
import { deflateSync } from 'node:zlib';

const SIZES = [16, 32, 48, 64, 128, 256, 512];
const here = path.dirname(fileURLToPath(import.meta.url));

// --- PNG encoding ----------------------------------------------------------

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

function crc32(bytes) {
  let c = 0xffffffff;
  for (const byte of bytes) c = CRC_TABLE[(c ^ byte) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

function chunk(type, data) {
  const head = Buffer.alloc(8);
  head.writeUInt32BE(data.length, 0);
  head.write(type, 4, 'ascii');
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(Buffer.concat([head.subarray(4), data])), 0);
  return Buffer.concat([head, data, crc]);
}

/** RGBA pixels to PNG; the Sub filter on every row suits the mostly flat rows. */
function encodePng(size, rgba) {
  const stride = size * 4;
  const raw = Buffer.alloc((stride + 1) * size);
  for (let y = 0; y < size; y++) {
    raw[y * (stride + 1)] = 1;
    for (let x = 0; x < stride; x++) {
      const value = rgba[y * stride + x];
      const left = x >= 4 ? rgba[y * stride + x - 4] : 0;
      raw[y * (stride + 1) + 1 + x] = (value - left) & 0xff;
    }
  }
  const header = Buffer.alloc(13);
  header.writeUInt32BE(size, 0);
  header.writeUInt32BE(size, 4);
  header.set([8, 6, 0, 0, 0], 8); // 8-bit RGBA, no interlace
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(raw, { level: 9 })),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

// --- Shapes, in a unit square (0..1), distances in the same unit ------------

function roundedBox(px, py, cx, cy, halfW, halfH, radius) {
  const qx = Math.abs(px - cx) - halfW + radius;
  const qy = Math.abs(py - cy) - halfH + radius;
  return Math.hypot(Math.max(qx, 0), Math.max(qy, 0)) + Math.min(Math.max(qx, qy), 0) - radius;
}

/** Convex polygon (counter-clockwise in screen space) as the max of its edges' half-planes. */
function convex(px, py, points) {
  let d = -Infinity;
  for (let i = 0; i < points.length; i++) {
    const [ax, ay] = points[i];
    const [bx, by] = points[(i + 1) % points.length];
    const ex = bx - ax;
    const ey = by - ay;
    const length = Math.hypot(ex, ey);
    d = Math.max(d, ((px - ax) * ey - (py - ay) * ex) / length);
  }
  return d;
}

/** A four-point spark: a diamond pinched along its diagonals. */
function spark(px, py, cx, cy, r) {
  const dx = Math.abs(px - cx);
  const dy = Math.abs(py - cy);
  return Math.sqrt(dx) + Math.sqrt(dy) - Math.sqrt(r);
}

const LENS = [
  [0.62, 0.47],
  [0.8, 0.36],
  [0.8, 0.66],
  [0.62, 0.55],
];

function glyph(x, y) {
  const body = roundedBox(x, y, 0.42, 0.51, 0.22, 0.16, 0.05);
  const lens = convex(x, y, LENS) - 0.012;
  return Math.min(body, lens);
}

// --- Painting ----------------------------------------------------------------

const TOP = [79, 70, 229]; // indigo
const BOTTOM = [14, 165, 233]; // sky

function coverage(distance, pixel) {
  return Math.min(1, Math.max(0, 0.5 - distance / pixel));
}

function render(size) {
  const rgba = new Uint8ClampedArray(size * size * 4);
  const pixel = 1 / size;
  for (let j = 0; j < size; j++) {
    for (let i = 0; i < size; i++) {
      const x = (i + 0.5) / size;
      const y = (j + 0.5) / size;
      // A small margin keeps the square clear of the edge where launchers clip.
      const tile = coverage(roundedBox(x, y, 0.5, 0.5, 0.45, 0.45, 0.11), pixel);
      if (tile === 0) continue;
      const t = Math.min(1, Math.max(0, (y - 0.05) / 0.9));
      const background = TOP.map((top, k) => top + (BOTTOM[k] - top) * t);
      const white = Math.max(coverage(glyph(x, y), pixel), coverage(spark(x, y, 0.74, 0.24, 0.1), pixel));
      const color = background.map((channel) => channel + (255 - channel) * white);
      const at = (j * size + i) * 4;
      rgba.set([color[0], color[1], color[2], 255 * tile], at);
    }
  }
  return rgba;
}

for (const size of SIZES) {
  const file = path.join(here, `${size}x${size}.png`);
  writeFileSync(file, encodePng(size, render(size)));
}
console.log(`icons: ${SIZES.map((s) => `${s}x${s}`).join(', ')} written to ${path.relative(process.cwd(), here) || '.'}`);
