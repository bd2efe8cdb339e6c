/**
 * Teams app icons, drawn with plain math and written as PNG with node:zlib (no image library).
 *
 *   node --import tsx scripts/teams-icons.ts   # rewrites manifests/teams/color.png and outline.png
 *
 * color.png   192×192, opaque: the accent colour with a white loop-arrow in the middle.
 * outline.png 32×32, the same loop-arrow in white on a transparent background (Teams requires
 *             white and transparent only).
 *
 * The drawing is deterministic (4×4 supersampling, no randomness), so the pixels are the same on
 * every run; the compressed bytes may differ between zlib builds.
 */
import { writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { crc32, deflateSync, inflateSync } from 'node:zlib';

/** Accent colour of the app (also `accentColor` in the manifest). */
export const ACCENT = { r: 0x2f, g: 0x6f, b: 0x73 };

export interface RgbaImage {
  width: number;
  height: number;
  /** width × height × 4 bytes, rows top to bottom. */
  data: Uint8Array;
}

// ---------------------------------------------------------------------------
// PNG
// ---------------------------------------------------------------------------

const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

function chunk(type: string, data: Buffer): Buffer {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const typeAndData = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(typeAndData) >>> 0);
  return Buffer.concat([length, typeAndData, crc]);
}

/** Encodes an RGBA image as an 8-bit truecolour-with-alpha PNG (filter 0 on every row). */
export function encodePng(image: RgbaImage): Buffer {
  const { width, height, data } = image;
  if (data.length !== width * height * 4) throw new Error('RGBA data does not match the size');
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr[8] = 8; // bit depth
  ihdr[9] = 6; // colour type: RGBA
  ihdr[10] = 0; // compression
  ihdr[11] = 0; // filter method
  ihdr[12] = 0; // no interlace
  const raw = Buffer.alloc((width * 4 + 1) * height);
  for (let y = 0; y < height; y++) {
    raw[y * (width * 4 + 1)] = 0;
    Buffer.from(data.buffer, data.byteOffset + y * width * 4, width * 4).copy(raw, y * (width * 4 + 1) + 1);
  }
  return Buffer.concat([
    PNG_SIGNATURE,
    chunk('IHDR', ihdr),
    chunk('IDAT', deflateSync(raw, { level: 9 })),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

export interface DecodedPng extends RgbaImage {
  bitDepth: number;
  /** 2 = RGB, 6 = RGBA (the only ones decoded). */
  colorType: number;
  /** Chunk types in file order. */
  chunks: string[];
}

/** Reads a PNG's IHDR only: size, bit depth and colour type. */
export function readPngHeader(png: Buffer): {
  width: number;
  height: number;
  bitDepth: number;
  colorType: number;
} {
  if (png.length < 33 || !png.subarray(0, 8).equals(PNG_SIGNATURE)) throw new Error('not a PNG file');
  if (png.toString('ascii', 12, 16) !== 'IHDR') throw new Error('PNG does not start with IHDR');
  return {
    width: png.readUInt32BE(16),
    height: png.readUInt32BE(20),
    bitDepth: png[24] as number,
    colorType: png[25] as number,
  };
}

function paeth(a: number, b: number, c: number): number {
  const p = a + b - c;
  const pa = Math.abs(p - a);
  const pb = Math.abs(p - b);
  const pc = Math.abs(p - c);
  if (pa <= pb && pa <= pc) return a;
  return pb <= pc ? b : c;
}

/** Decodes an 8-bit, non-interlaced RGB or RGBA PNG (all five row filters), checking every CRC. */
export function decodePng(png: Buffer): DecodedPng {
  const header = readPngHeader(png);
  const chunks: string[] = [];
  const idat: Buffer[] = [];
  let offset = 8;
  let interlace = 0;
  while (offset < png.length) {
    const length = png.readUInt32BE(offset);
    const type = png.toString('ascii', offset + 4, offset + 8);
    const body = png.subarray(offset + 8, offset + 8 + length);
    const crc = png.readUInt32BE(offset + 8 + length);
    if (crc32(png.subarray(offset + 4, offset + 8 + length)) >>> 0 !== crc)
      throw new Error(`bad CRC in ${type} chunk`);
    chunks.push(type);
    if (type === 'IHDR') interlace = body[12] as number;
    if (type === 'IDAT') idat.push(body);
    offset += 12 + length;
    if (type === 'IEND') break;
  }
  if (header.bitDepth !== 8 || (header.colorType !== 6 && header.colorType !== 2) || interlace !== 0) {
    throw new Error(
      `unsupported PNG: bit depth ${header.bitDepth}, colour type ${header.colorType}, interlace ${interlace}`,
    );
  }
  const channels = header.colorType === 6 ? 4 : 3;
  const stride = header.width * channels;
  const raw = inflateSync(Buffer.concat(idat));
  if (raw.length !== (stride + 1) * header.height) throw new Error('PNG image data has the wrong size');
  const pixels = Buffer.alloc(stride * header.height);
  for (let y = 0; y < header.height; y++) {
    const filter = raw[y * (stride + 1)] as number;
    for (let x = 0; x < stride; x++) {
      const value = raw[y * (stride + 1) + 1 + x] as number;
      const a = x >= channels ? (pixels[y * stride + x - channels] as number) : 0;
      const b = y > 0 ? (pixels[(y - 1) * stride + x] as number) : 0;
      const c = x >= channels && y > 0 ? (pixels[(y - 1) * stride + x - channels] as number) : 0;
      const predictor = [0, a, b, (a + b) >> 1, paeth(a, b, c)][filter];
      if (predictor === undefined) throw new Error(`unknown PNG filter ${filter}`);
      pixels[y * stride + x] = (value + predictor) & 0xff;
    }
  }
  const data = new Uint8Array(header.width * header.height * 4);
  for (let i = 0; i < header.width * header.height; i++) {
    data[i * 4] = pixels[i * channels] as number;
    data[i * 4 + 1] = pixels[i * channels + 1] as number;
    data[i * 4 + 2] = pixels[i * channels + 2] as number;
    data[i * 4 + 3] = channels === 4 ? (pixels[i * channels + 3] as number) : 255;
  }
  return { ...header, data, chunks };
}

// ---------------------------------------------------------------------------
// Drawing
// ---------------------------------------------------------------------------

/**
 * Coverage (0..1) of the loop-arrow glyph at (x, y) in a unit square (0..1 both ways): an open
 * ring with a gap at the top right, and an arrowhead on the end of the ring at the gap.
 */
function glyph(x: number, y: number, thickness: number): boolean {
  const cx = 0.5;
  const cy = 0.5;
  const radius = 0.3;
  const dx = x - cx;
  const dy = y - cy;
  const distance = Math.hypot(dx, dy);
  // Angle clockwise from 12 o'clock, 0..360.
  const angle = (Math.atan2(dx, -dy) * 180) / Math.PI + (dx < 0 ? 360 : 0);
  const gapStart = 20;
  const gapEnd = 75;
  const onRing = Math.abs(distance - radius) <= thickness / 2 && (angle < gapStart || angle > gapEnd);
  if (onRing) return true;
  // Arrowhead at the ring's end at `gapStart` degrees, pointing along the ring (clockwise).
  const theta = (gapStart * Math.PI) / 180;
  const tipX = cx + radius * Math.sin(theta);
  const tipY = cy - radius * Math.cos(theta);
  const tangent = { x: Math.cos(theta), y: Math.sin(theta) };
  const normal = { x: Math.sin(theta), y: -Math.cos(theta) };
  const length = thickness * 2.4;
  const halfWidth = thickness * 1.5;
  // Local coordinates: u along the tangent from the base (0) to the tip (length), v across.
  const px = x - (tipX - tangent.x * thickness * 0.2);
  const py = y - (tipY - tangent.y * thickness * 0.2);
  const u = px * tangent.x + py * tangent.y;
  const v = px * normal.x + py * normal.y;
  return u >= 0 && u <= length && Math.abs(v) <= halfWidth * (1 - u / length);
}

function coverage(size: number, px: number, py: number, thickness: number, samples = 4): number {
  let hits = 0;
  for (let sy = 0; sy < samples; sy++) {
    for (let sx = 0; sx < samples; sx++) {
      const x = (px + (sx + 0.5) / samples) / size;
      const y = (py + (sy + 0.5) / samples) / size;
      if (glyph(x, y, thickness)) hits++;
    }
  }
  return hits / (samples * samples);
}

/** 192×192 colour icon: accent background, white glyph. */
export function renderColorIcon(size = 192): RgbaImage {
  const data = new Uint8Array(size * size * 4);
  for (let y = 0; y < size; y++) {
    for (let x = 0; x < size; x++) {
      const a = coverage(size, x, y, 0.085);
      const i = (y * size + x) * 4;
      data[i] = Math.round(ACCENT.r + (255 - ACCENT.r) * a);
      data[i + 1] = Math.round(ACCENT.g + (255 - ACCENT.g) * a);
      data[i + 2] = Math.round(ACCENT.b + (255 - ACCENT.b) * a);
      data[i + 3] = 255;
    }
  }
  return { width: size, height: size, data };
}

/** 32×32 outline icon: white glyph, transparent background. */
export function renderOutlineIcon(size = 32): RgbaImage {
  const data = new Uint8Array(size * size * 4);
  for (let y = 0; y < size; y++) {
    for (let x = 0; x < size; x++) {
      const a = coverage(size, x, y, 0.11);
      const i = (y * size + x) * 4;
      // Fully transparent pixels are stored as 0,0,0,0; the others are white.
      const alpha = Math.round(a * 255);
      data[i] = alpha > 0 ? 255 : 0;
      data[i + 1] = alpha > 0 ? 255 : 0;
      data[i + 2] = alpha > 0 ? 255 : 0;
      data[i + 3] = alpha;
    }
  }
  return { width: size, height: size, data };
}

export const TEAMS_MANIFEST_DIR = join(dirname(fileURLToPath(import.meta.url)), '..', 'manifests', 'teams');

/** Writes color.png and outline.png into `dir` (default manifests/teams). Returns their paths. */
export function writeTeamsIcons(dir = TEAMS_MANIFEST_DIR): { color: string; outline: string } {
  const color = join(dir, 'color.png');
  const outline = join(dir, 'outline.png');
  writeFileSync(color, encodePng(renderColorIcon()));
  writeFileSync(outline, encodePng(renderOutlineIcon()));
  return { color, outline };
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const written = writeTeamsIcons();
  console.log(`Wrote ${written.color}\nWrote ${written.outline}`);
}
