/**
 * The RGBA pixels of an 8-bit PNG (grey, RGB or RGBA, not interlaced): enough to read back the QR images the
 * email carries, with node's own zlib and no image library.
 */
import { inflateSync } from 'node:zlib';

const CHANNELS: Record<number, number> = { 0: 1, 2: 3, 6: 4 };

/** The byte `a`, `b` (up), `c` (up-left) predict best, as PNG's Paeth filter picks it. */
function paeth(a: number, b: number, c: number): number {
  const p = a + b - c;
  const [pa, pb, pc] = [Math.abs(p - a), Math.abs(p - b), Math.abs(p - c)];
  return pa <= pb && pa <= pc ? a : pb <= pc ? b : c;
}

/** The image's width, height and RGBA pixels, row by row. */
export function pngPixels(png: Buffer): { width: number; height: number; data: Uint8ClampedArray } {
  let offset = 8;
  let header: Buffer | undefined;
  const idat: Buffer[] = [];
  while (offset < png.length) {
    const length = png.readUInt32BE(offset);
    const type = png.toString('latin1', offset + 4, offset + 8);
    const data = png.subarray(offset + 8, offset + 8 + length);
    if (type === 'IHDR') header = data;
    if (type === 'IDAT') idat.push(data);
    offset += 12 + length;
  }
  if (!header) throw new Error('not a PNG: no IHDR chunk');
  const [width, height, depth, colour, interlace] = [
    header.readUInt32BE(0),
    header.readUInt32BE(4),
    header[8],
    header[9],
    header[12],
  ];
  const bpp = CHANNELS[colour];
  if (depth !== 8 || !bpp || interlace) throw new Error(`unsupported PNG: depth ${depth}, colour type ${colour}`);
  const raw = inflateSync(Buffer.concat(idat));
  const stride = width * bpp;
  const rows = new Uint8Array(height * stride);
  for (let y = 0; y < height; y++) {
    const filter = raw[y * (stride + 1)];
    for (let x = 0; x < stride; x++) {
      const byte = raw[y * (stride + 1) + 1 + x];
      const a = x >= bpp ? rows[y * stride + x - bpp] : 0;
      const b = y > 0 ? rows[(y - 1) * stride + x] : 0;
      const c = x >= bpp && y > 0 ? rows[(y - 1) * stride + x - bpp] : 0;
      const predicted = [0, a, b, (a + b) >> 1, paeth(a, b, c)][filter];
      rows[y * stride + x] = (byte + predicted) & 0xff;
    }
  }
  const data = new Uint8ClampedArray(width * height * 4);
  for (let i = 0; i < width * height; i++) {
    const px = rows.subarray(i * bpp, i * bpp + bpp);
    const [r, g, b] = bpp === 1 ? [px[0], px[0], px[0]] : [px[0], px[1], px[2]];
    data.set([r, g, b, bpp === 4 ? px[3] : 255], i * 4);
  }
  return { width, height, data };
}
