// Draws the Teams app's two icons as PNGs, with no image library: node tools/teams-app/draw-icons.mjs
// color.png: 192x192, a white checklist on the accent colour (the manifest's accentColor), full bleed.
// outline.png: 32x32, the same checklist in white on a transparent background, as Teams requires.
// The PNGs are committed in teams-app/; run this again only to change the drawing.
import { writeFileSync } from 'node:fs';
import { deflateSync } from 'node:zlib';
import { fileURLToPath } from 'node:url';
import path from 'node:path';

const folder = path.join(path.dirname(fileURLToPath(import.meta.url)), '..', '..', 'teams-app');
const accent = [0x00, 0x58, 0xa1];

// The checklist in a unit square: three rows, each a tick box and a line of text.
function shapeCoverage(x, y) {
  for (let row = 0; row < 3; row++) {
    const top = 0.2 + row * 0.22;
    const box = x >= 0.18 && x <= 0.34 && y >= top && y <= top + 0.16;
    const inner = x >= 0.22 && x <= 0.30 && y >= top + 0.04 && y <= top + 0.12;
    const line = x >= 0.42 && x <= 0.82 && y >= top + 0.05 && y <= top + 0.11;
    if ((box && !inner) || line) return true;
    // The first two rows are done: their boxes are filled.
    if (inner && row < 2) return true;
  }
  return false;
}

// 4x4 supersampling for smooth edges.
function coverage(px, py, size) {
  let hits = 0;
  for (let sy = 0; sy < 4; sy++) {
    for (let sx = 0; sx < 4; sx++) {
      if (shapeCoverage((px + (sx + 0.5) / 4) / size, (py + (sy + 0.5) / 4) / size)) hits++;
    }
  }
  return hits / 16;
}

function draw(size, background) {
  const rgba = Buffer.alloc(size * size * 4);
  for (let y = 0; y < size; y++) {
    for (let x = 0; x < size; x++) {
      const c = coverage(x, y, size);
      const i = (y * size + x) * 4;
      if (background) {
        for (let k = 0; k < 3; k++) rgba[i + k] = Math.round(background[k] * (1 - c) + 255 * c);
        rgba[i + 3] = 255;
      } else {
        rgba[i] = rgba[i + 1] = rgba[i + 2] = 255;
        rgba[i + 3] = Math.round(255 * c);
      }
    }
  }
  return png(size, rgba);
}

const crcTable = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

function crc32(bytes) {
  let c = 0xffffffff;
  for (const b of bytes) c = crcTable[(c ^ b) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

function chunk(type, data) {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([length, body, crc]);
}

function png(size, rgba) {
  const header = Buffer.alloc(13);
  header.writeUInt32BE(size, 0);
  header.writeUInt32BE(size, 4);
  header[8] = 8; // bit depth
  header[9] = 6; // RGBA
  const raw = Buffer.alloc(size * (size * 4 + 1));
  for (let y = 0; y < size; y++) {
    raw[y * (size * 4 + 1)] = 0; // filter: none
    rgba.copy(raw, y * (size * 4 + 1) + 1, y * size * 4, (y + 1) * size * 4);
  }
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(raw, { level: 9 })),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

writeFileSync(path.join(folder, 'color.png'), draw(192, accent));
writeFileSync(path.join(folder, 'outline.png'), draw(32, null));
console.log(`Wrote ${path.join(folder, 'color.png')} and outline.png.`);
