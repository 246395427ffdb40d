// Draws the guide's app icons (the header logo: a rounded square with three lines) as PNG files
// in public/icons/, with no outside tools: shapes are rasterised here with 4x4 supersampling and
// written as PNG with node:zlib. Run after changing the logo: node scripts/make-icons.mjs
import { mkdirSync, writeFileSync } from 'node:fs';
import { deflateSync } from 'node:zlib';

const ACCENT = [0x0b, 0x5c, 0xad];
const WHITE = [0xff, 0xff, 0xff];

/** CRC-32 of a buffer, as PNG chunks need. */
function crc32(bytes) {
  let crc = ~0;
  for (const byte of bytes) {
    crc ^= byte;
    for (let k = 0; k < 8; k++) crc = (crc >>> 1) ^ (0xedb88320 & -(crc & 1));
  }
  return ~crc >>> 0;
}

function chunk(type, data) {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([length, body, crc]);
}

/** Encodes RGBA pixels (size x size) as a PNG file. */
function png(size, rgba) {
  const header = Buffer.alloc(13);
  header.writeUInt32BE(size, 0);
  header.writeUInt32BE(size, 4);
  header.set([8, 6, 0, 0, 0], 8); // 8-bit RGBA, no interlace
  const rows = Buffer.alloc(size * (size * 4 + 1));
  for (let y = 0; y < size; y++) rgba.copy(rows, y * (size * 4 + 1) + 1, y * size * 4, (y + 1) * size * 4);
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(rows, { level: 9 })),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

/** Distance-based shape tests in the logo's own 32x32 coordinates. */
const inRoundedRect = (x, y, x0, y0, x1, y1, r) => {
  const dx = Math.max(x0 + r - x, 0, x - (x1 - r));
  const dy = Math.max(y0 + r - y, 0, y - (y1 - r));
  return x >= x0 && x <= x1 && y >= y0 && y <= y1 && dx * dx + dy * dy <= r * r;
};
const onStroke = (x, y, xa, xb, yl, half) => {
  const cx = Math.min(Math.max(x, xa), xb);
  return (x - cx) ** 2 + (y - yl) ** 2 <= half * half;
};
const LINES = [
  [9, 23, 10],
  [9, 23, 16],
  [9, 18, 22],
];

/**
 * Renders the logo. `maskable` fills the whole square with the accent colour and shrinks the
 * lines into the central safe zone that launchers never crop.
 */
function render(size, maskable) {
  const rgba = Buffer.alloc(size * size * 4);
  const samples = 4;
  for (let py = 0; py < size; py++) {
    for (let px = 0; px < size; px++) {
      let cover = 0;
      let line = 0;
      for (let sy = 0; sy < samples; sy++) {
        for (let sx = 0; sx < samples; sx++) {
          let x = ((px + (sx + 0.5) / samples) / size) * 32;
          let y = ((py + (sy + 0.5) / samples) / size) * 32;
          const inside = maskable || inRoundedRect(x, y, 0, 0, 32, 32, 7);
          if (!inside) continue;
          cover++;
          if (maskable) {
            // Scale the drawing to 70% around the centre: inside the 80% safe circle.
            x = 16 + (x - 16) / 0.7;
            y = 16 + (y - 16) / 0.7;
          }
          if (LINES.some(([xa, xb, yl]) => onStroke(x, y, xa, xb, yl, 1.5))) line++;
        }
      }
      const total = samples * samples;
      const t = cover === 0 ? 0 : line / cover;
      const colour = ACCENT.map((c, i) => Math.round(c + (WHITE[i] - c) * t));
      rgba.set([...colour, Math.round((cover / total) * 255)], (py * size + px) * 4);
    }
  }
  return png(size, rgba);
}

mkdirSync('public/icons', { recursive: true });
for (const [name, size, maskable] of [
  ['icon-192.png', 192, false],
  ['icon-512.png', 512, false],
  ['icon-maskable-512.png', 512, true],
  ['apple-touch-icon.png', 180, true],
]) {
  writeFileSync(`public/icons/${name}`, render(size, maskable));
  console.log(`public/icons/${name}`);
}
