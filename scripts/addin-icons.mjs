// Draws the add-in's PNG icons (assets/*.png) without any image library: a rounded tile in the
// view's colour with three white bars (a ranking chart). Run: node scripts/addin-icons.mjs
import { writeFileSync, mkdirSync } from 'node:fs';
import { deflateSync } from 'node:zlib';
import { fileURLToPath } from 'node:url';
import { dirname, join } from 'node:path';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const out = join(root, 'assets');
mkdirSync(out, { recursive: true });

const crcTable = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});
function crc32(buf) {
  let c = 0xffffffff;
  for (const b of buf) c = crcTable[(c ^ b) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}
function chunk(type, data) {
  const len = Buffer.alloc(4);
  len.writeUInt32BE(data.length);
  const td = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(td));
  return Buffer.concat([len, td, crc]);
}
function png(size, pixel) {
  const raw = Buffer.alloc(size * (size * 4 + 1));
  for (let y = 0; y < size; y++) {
    raw[y * (size * 4 + 1)] = 0;
    for (let x = 0; x < size; x++) {
      const [r, g, b, a] = pixel(x + 0.5, y + 0.5, size);
      const o = y * (size * 4 + 1) + 1 + x * 4;
      raw[o] = r; raw[o + 1] = g; raw[o + 2] = b; raw[o + 3] = a;
    }
  }
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(size, 0);
  ihdr.writeUInt32BE(size, 4);
  ihdr[8] = 8; ihdr[9] = 6; ihdr[10] = 0; ihdr[11] = 0; ihdr[12] = 0;
  return Buffer.concat([Buffer.from([137, 80, 78, 71, 13, 10, 26, 10]), chunk('IHDR', ihdr), chunk('IDAT', deflateSync(raw)), chunk('IEND', Buffer.alloc(0))]);
}
const hex = (h) => [parseInt(h.slice(0, 2), 16), parseInt(h.slice(2, 4), 16), parseInt(h.slice(4, 6), 16)];

/** Rounded tile + three bars of heights given as fractions. */
function painter(colour, bars) {
  const [r, g, b] = hex(colour);
  return (x, y, s) => {
    const u = x / s, v = y / s;
    const rad = 0.18, m = 0.04;
    const dx = Math.max(m + rad - u, 0, u - (1 - m - rad));
    const dy = Math.max(m + rad - v, 0, v - (1 - m - rad));
    if (u < m || u > 1 - m || v < m || v > 1 - m || dx * dx + dy * dy > rad * rad) return [0, 0, 0, 0];
    const bw = 0.16, gap = 0.07, left = 0.5 - (3 * bw + 2 * gap) / 2, base = 0.8;
    for (let i = 0; i < 3; i++) {
      const x0 = left + i * (bw + gap);
      if (u >= x0 && u <= x0 + bw && v <= base && v >= base - bars[i] * 0.6) return [255, 255, 255, 255];
    }
    return [r, g, b, 255];
  };
}

const views = {
  app: ['1F6E43', [0.45, 0.75, 1]],
  setup: ['3B5BA5', [1, 0.6, 0.3]],
  templates: ['2E7D9A', [0.7, 0.7, 0.7]],
  collect: ['6B4FA0', [0.3, 0.6, 1]],
  appraise: ['A05A2C', [0.8, 0.5, 0.8]],
  compute: ['1F6E43', [0.45, 0.75, 1]],
  analyse: ['B03A48', [1, 0.75, 0.45]],
  sipas: ['C77C0E', [0.6, 1, 0.8]],
  plan: ['4A6B2F', [0.35, 0.55, 0.9]],
};
for (const [name, [colour, bars]] of Object.entries(views)) {
  // 192 and 512: the installed standalone page (manifest.webmanifest; browsers want ≥ 144 px)
  const sizes = name === 'app' ? [16, 32, 64, 80, 128, 192, 512] : [16, 32, 80];
  for (const s of sizes) writeFileSync(join(out, `${name === 'app' ? 'icon' : 'icon-' + name}-${s}.png`), png(s, painter(colour, bars)));
}
console.log(`icons written to ${out}`);
