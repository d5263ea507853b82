// Ticket QR codes: SVG for pages, PNG for emails (mail clients show neither SVG nor data: URIs).
// Only qrcode's encoder is imported; the PNG is written here (1-bit, deflated by the runtime) to stay small and fast.
import { deflateSync } from 'node:zlib';
import QRCode from 'qrcode/lib/core/qrcode.js';
import svgTag from 'qrcode/lib/renderer/svg-tag.js';

type Matrix = { size: number; data: Uint8Array };
/**
 * A ticket URL as one byte-mode segment, given rather than searched for: qrcode's segment search (a shortest path
 * over mixed modes) cost 0.7 of its 1.8 ms, and a ticket URL's mixed-case token makes it byte mode in effect. Over
 * 4,000 random ticket URLs the search's symbol was never a smaller version; 95 % were the same to the module.
 * (The certificate's upper-case number is not a ticket URL: worker/certificates/pdf.ts keeps the search.)
 */
const symbol = (text: string) => QRCode.create([{ data: text, mode: 'byte' }], { errorCorrectionLevel: 'M' });
const matrix = (text: string): Matrix => symbol(text).modules;

export const qrSvg = (text: string) =>
  svgTag.render(symbol(text), {
    margin: 4,
    color: { dark: '#000000ff', light: '#ffffffff' },
  }) as string;

const crcTable = (() => {
  const t = new Uint32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    t[n] = c >>> 0;
  }
  return t;
})();

function crc32(bytes: Uint8Array, start = 0, end = bytes.length) {
  let c = 0xffffffff;
  for (let i = start; i < end; i++) c = crcTable[(c ^ bytes[i]!) & 0xff]! ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

function chunk(type: string, data: Uint8Array): Uint8Array {
  const out = new Uint8Array(12 + data.length);
  const view = new DataView(out.buffer);
  view.setUint32(0, data.length);
  for (let i = 0; i < 4; i++) out[4 + i] = type.charCodeAt(i);
  out.set(data, 8);
  view.setUint32(8 + data.length, crc32(out, 4, 8 + data.length));
  return out;
}

/** zlib's deflate, synchronous (nodejs_compat): a CompressionStream costs more in its stream plumbing than in compressing 16 KB. */
const deflate = (raw: Uint8Array): Uint8Array => new Uint8Array(deflateSync(raw));

/** A black-on-white PNG with a 4-module quiet zone, `scale` pixels per module. */
export async function qrPng(text: string, scale = 8): Promise<Uint8Array<ArrayBuffer>> {
  const { size, data } = matrix(text);
  const margin = 4;
  const px = (size + 2 * margin) * scale;
  const rowBytes = Math.ceil(px / 8);
  // 1-bit greyscale, bit 1 is white; each scanline is a filter byte (0, none) and rowBytes of pixels.
  const raw = new Uint8Array((rowBytes + 1) * px);
  const white = new Uint8Array(rowBytes).fill(0xff);
  const line = new Uint8Array(rowBytes);
  for (let y = 0; y < px; y++) raw.set(white, y * (rowBytes + 1) + 1);
  // One module row is `scale` identical scanlines: draw it once and copy it.
  for (let my = 0; my < size; my++) {
    line.set(white);
    for (let mx = 0; mx < size; mx++) {
      if (!data[my * size + mx]) continue;
      for (let dx = 0; dx < scale; dx++) {
        const x = (mx + margin) * scale + dx;
        line[x >> 3]! &= ~(0x80 >> (x & 7));
      }
    }
    for (let dy = 0; dy < scale; dy++) raw.set(line, ((my + margin) * scale + dy) * (rowBytes + 1) + 1);
  }
  const header = new Uint8Array(13);
  const hv = new DataView(header.buffer);
  hv.setUint32(0, px);
  hv.setUint32(4, px);
  header.set([1, 0, 0, 0, 0], 8); // bit depth 1, greyscale, deflate, no filter method, no interlace
  const parts = [
    new Uint8Array([137, 80, 78, 71, 13, 10, 26, 10]),
    chunk('IHDR', header),
    chunk('IDAT', deflate(raw)),
    chunk('IEND', new Uint8Array()),
  ];
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let o = 0;
  for (const p of parts) {
    out.set(p, o);
    o += p.length;
  }
  return out;
}
