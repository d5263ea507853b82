// Picks the desk's fallback QR decoder by measurement: jsQR against zxing-wasm (the engine of the
// barcode-detector polyfill) on the same synthetic camera frames — decode rate, and time per 720p frame.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { performance } from 'node:perf_hooks';
import jsQR from 'jsqr';
import QRCode from 'qrcode';
import { prepareZXingModule, readBarcodes } from 'zxing-wasm/reader';

const TEXT = 'https://colloquy.test/t/Vq3X9kP2mZ7tR4wY8bN1cQ';
const W = 1280;
const H = 720;

let seed = 11;
const rand = () => ((seed = (seed * 1103515245 + 12345) >>> 0) >>> 8) / 16777216;

/** A 720p frame: the QR at `scale` px per module, rotated, with contrast loss, noise and a little blur. */
function frame(qr, { scale, angle, contrast, noise, blur }) {
  const grey = new Float32Array(W * H).fill(200);
  const cx = W / 2 + (rand() - 0.5) * 200;
  const cy = H / 2 + (rand() - 0.5) * 100;
  const cos = Math.cos(angle);
  const sin = Math.sin(angle);
  const light = 128 + 110 * contrast;
  const dark = 128 - 110 * contrast;
  for (let y = 0; y < H; y++) {
    for (let x = 0; x < W; x++) {
      const dx = x - cx;
      const dy = y - cy;
      const u = (cos * dx + sin * dy) / scale + qr.width / 2;
      const v = (-sin * dx + cos * dy) / scale + qr.width / 2;
      if (u >= 0 && v >= 0 && u < qr.width && v < qr.width)
        grey[y * W + x] = qr.data[((v | 0) * qr.width + (u | 0)) * 4] < 128 ? dark : light;
    }
  }
  const out = new Uint8ClampedArray(W * H * 4);
  for (let y = 0; y < H; y++) {
    for (let x = 0; x < W; x++) {
      let g = grey[y * W + x];
      if (blur && x > 0 && y > 0 && x < W - 1 && y < H - 1)
        g = (g * 4 + grey[y * W + x - 1] + grey[y * W + x + 1] + grey[(y - 1) * W + x] + grey[(y + 1) * W + x]) / 8;
      g += (rand() - 0.5) * 2 * noise;
      const i = (y * W + x) * 4;
      out[i] = out[i + 1] = out[i + 2] = g;
      out[i + 3] = 255;
    }
  }
  return out;
}

export async function compareDecoders(count = 60) {
  const wasm = readFileSync(createRequire(import.meta.url).resolve('zxing-wasm/reader/zxing_reader.wasm'));
  await prepareZXingModule({
    overrides: { wasmBinary: wasm.buffer.slice(wasm.byteOffset, wasm.byteOffset + wasm.byteLength) },
    fireImmediately: true,
  });
  const qr = { ...QRCode.create(TEXT, { errorCorrectionLevel: 'M' }).modules };
  const modules = {
    width: qr.size,
    data: new Uint8Array(qr.size * qr.size * 4).map((_, i) => (qr.data[i >> 2] ? 0 : 255)),
  };
  const result = { frames: count, jsqr: { read: 0, ms: [] }, zxing: { read: 0, ms: [] } };
  for (let n = 0; n < count; n++) {
    const f = frame(modules, {
      scale: 3 + rand() * 6,
      angle: ((rand() - 0.5) * Math.PI) / 3,
      contrast: 0.35 + rand() * 0.65,
      noise: rand() * 40,
      blur: rand() < 0.5,
    });
    let t = performance.now();
    const a = jsQR(f, W, H, { inversionAttempts: 'dontInvert' });
    result.jsqr.ms.push(performance.now() - t);
    if (a?.data === TEXT) result.jsqr.read++;
    t = performance.now();
    const b = await readBarcodes(
      { data: f, width: W, height: H, colorSpace: 'srgb' },
      { formats: ['QRCode'], maxNumberOfSymbols: 1 },
    );
    result.zxing.ms.push(performance.now() - t);
    if (b[0]?.text === TEXT) result.zxing.read++;
  }
  const summary = (d) => {
    const s = [...d.ms].sort((x, y) => x - y);
    return {
      decodeRate: +(d.read / count).toFixed(3),
      meanMs: +(s.reduce((x, y) => x + y, 0) / s.length).toFixed(1),
      p50Ms: +s[Math.floor(s.length / 2)].toFixed(1),
    };
  };
  return { frames: count, jsqr: summary(result.jsqr), zxingWasm: summary(result.zxing) };
}

if (process.argv[1] && import.meta.url.endsWith(process.argv[1].split('/').pop())) {
  console.log(JSON.stringify(await compareDecoders(Number(process.argv[2] ?? 60)), null, 2));
}
