// QR timings in Node: the Worker's own qrPng() (worker/tickets/qr.ts, loaded with Node's type stripping) and jsQR on 720p frames.
import { performance } from 'node:perf_hooks';
import jsQR from 'jsqr';
import { PNG } from 'pngjs';
import QRCode from 'qrcode';

const TICKET_URL = 'https://colloquy.test/t/Vq3X9kP2mZ7tR4wY8bN1cQ'; // 46 characters, like a real ticket URL
const stats = (ms) => {
  const s = [...ms].sort((a, b) => a - b);
  const at = (p) => s[Math.min(s.length - 1, Math.floor(p * s.length))];
  return {
    runs: s.length,
    meanMs: +(s.reduce((a, b) => a + b, 0) / s.length).toFixed(3),
    p50Ms: +at(0.5).toFixed(3),
    p99Ms: +at(0.99).toFixed(3),
  };
};

export async function qrEncodeTiming(runs) {
  const { qrPng } = await import('../worker/tickets/qr.ts');
  for (let i = 0; i < Math.min(50, runs); i++) await qrPng(TICKET_URL);
  const times = [];
  let bytes = 0;
  for (let i = 0; i < runs; i++) {
    const t = performance.now();
    const png = await qrPng(TICKET_URL);
    times.push(performance.now() - t);
    bytes = png.length;
  }
  // The PNG must be one a reader accepts: decode it back.
  const decoded = PNG.sync.read(Buffer.from(await qrPng(TICKET_URL)));
  const rgba = new Uint8ClampedArray(decoded.data.buffer, decoded.data.byteOffset, decoded.data.length);
  const text = jsQR(rgba, decoded.width, decoded.height)?.data;
  if (text !== TICKET_URL) throw new Error(`qrPng output does not decode back to the ticket URL (got ${text})`);
  return { text: TICKET_URL, pngBytes: bytes, ...stats(times) };
}

/** A width×height RGBA frame: a light grey background with faint noise with the ticket QR (as phones show it) in the middle. */
function frameWithQr(width, height, qr) {
  const data = new Uint8ClampedArray(width * height * 4);
  let seed = 7;
  for (let i = 0; i < data.length; i += 4) {
    seed = (seed * 1103515245 + 12345) >>> 0;
    const v = 216 + ((seed >>> 16) % 16); // sensor-like noise, below jsQR's 24-level dynamic-range floor
    data[i] = data[i + 1] = data[i + 2] = v;
    data[i + 3] = 255;
  }
  const ox = Math.floor((width - qr.width) / 2);
  const oy = Math.floor((height - qr.height) / 2);
  for (let y = 0; y < qr.height; y++) {
    for (let x = 0; x < qr.width; x++) {
      const s = (y * qr.width + x) * 4;
      const d = ((oy + y) * width + ox + x) * 4;
      data[d] = qr.data[s];
      data[d + 1] = qr.data[s + 1];
      data[d + 2] = qr.data[s + 2];
      data[d + 3] = 255;
    }
  }
  return data;
}

function downscale(data, w, h, nw, nh) {
  const out = new Uint8ClampedArray(nw * nh * 4);
  for (let y = 0; y < nh; y++) {
    for (let x = 0; x < nw; x++) {
      const s = (Math.floor((y * h) / nh) * w + Math.floor((x * w) / nw)) * 4;
      out.set(data.subarray(s, s + 4), (y * nw + x) * 4);
    }
  }
  return out;
}

function timeDecode(data, w, h, runs, options) {
  const times = [];
  for (let i = 0; i < runs + 2; i++) {
    const t = performance.now();
    const found = jsQR(data, w, h, options);
    const dt = performance.now() - t;
    if (found?.data !== TICKET_URL) throw new Error(`jsQR did not read the ${w}x${h} frame (got ${found?.data})`);
    if (i >= 2) times.push(dt); // the first two runs warm up the JIT
  }
  return stats(times);
}

/** jsQR per frame: a full 1280x720 frame, and the 640x360 frame the desk actually decodes (it downscales to 640 px wide). */
export async function qrDecodeTiming(runs) {
  const qr = PNG.sync.read(
    await QRCode.toBuffer(TICKET_URL, { type: 'png', errorCorrectionLevel: 'M', margin: 4, scale: 6 }),
  );
  const full = frameWithQr(1280, 720, qr);
  const small = downscale(full, 1280, 720, 640, 360);
  const opts = { inversionAttempts: 'dontInvert' }; // what web/src/desk/scanner.ts passes
  return {
    qrPixels: qr.width,
    frame720p: timeDecode(full, 1280, 720, runs, opts),
    frame720pBothInversions: timeDecode(full, 1280, 720, Math.max(3, Math.floor(runs / 2)), {}),
    frame640x360: timeDecode(small, 640, 360, runs, opts),
  };
}
