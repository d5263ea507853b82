// A Y4M video of one QR code for Chromium's fake camera, so browser tests scan a real picture through getUserMedia.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { PNG } from 'pngjs';
import QRCode from 'qrcode';
import { launch } from './browser';

export type QrCamera = { browser: Browser; close(): Promise<void> };

/** Chromium whose camera shows `text` as a QR code; close() also removes the video file. */
export async function launchWithQrCamera(text: string): Promise<QrCamera> {
  const dir = mkdtempSync(join(tmpdir(), 'colloquy-camera-'));
  try {
    const browser = await launch(await qrCameraVideo(text, join(dir, 'qr.y4m')));
    return {
      browser,
      async close() {
        await browser.close();
        rmSync(dir, { recursive: true, force: true });
      },
    };
  } catch (e) {
    rmSync(dir, { recursive: true, force: true });
    throw e;
  }
}

/**
 * Writes `frames` identical frames of `text` as a QR code centred on white, and returns the Chromium flags that
 * make it the camera. Chromium loops the file, so a few dozen frames are as good as an endless stream.
 */
export async function qrCameraVideo(text: string, file: string, { width = 640, height = 480, frames = 30 } = {}) {
  const png = PNG.sync.read(await QRCode.toBuffer(text, { type: 'png', margin: 4, scale: 8 }));
  if (png.width > width || png.height > height)
    throw new Error(`the QR (${png.width}x${png.height}) does not fit ${width}x${height}`);

  // BT.601 full range, as C420jpeg means; chroma is averaged over each 2x2 block.
  const y = new Uint8Array(width * height).fill(255);
  const u = new Uint8Array((width / 2) * (height / 2)).fill(128);
  const v = new Uint8Array((width / 2) * (height / 2)).fill(128);
  const rgb = (x: number, yy: number): [number, number, number] => {
    const px = x - Math.floor((width - png.width) / 2);
    const py = yy - Math.floor((height - png.height) / 2);
    if (px < 0 || py < 0 || px >= png.width || py >= png.height) return [255, 255, 255];
    const i = (py * png.width + px) * 4;
    const a = png.data[i + 3]! / 255; // composite over the white frame
    return [0, 1, 2].map((k) => Math.round(png.data[i + k]! * a + 255 * (1 - a))) as [number, number, number];
  };
  const clamp = (n: number) => Math.max(0, Math.min(255, Math.round(n)));
  for (let yy = 0; yy < height; yy++) {
    for (let x = 0; x < width; x++) {
      const [r, g, b] = rgb(x, yy);
      y[yy * width + x] = clamp(0.299 * r + 0.587 * g + 0.114 * b);
    }
  }
  for (let cy = 0; cy < height / 2; cy++) {
    for (let cx = 0; cx < width / 2; cx++) {
      let su = 0;
      let sv = 0;
      for (const [dx, dy] of [
        [0, 0],
        [1, 0],
        [0, 1],
        [1, 1],
      ] as const) {
        const [r, g, b] = rgb(cx * 2 + dx, cy * 2 + dy);
        su += -0.168736 * r - 0.331264 * g + 0.5 * b + 128;
        sv += 0.5 * r - 0.418688 * g - 0.081312 * b + 128;
      }
      u[cy * (width / 2) + cx] = clamp(su / 4);
      v[cy * (width / 2) + cx] = clamp(sv / 4);
    }
  }

  const header = Buffer.from(`YUV4MPEG2 W${width} H${height} F10:1 Ip A1:1 C420jpeg\n`);
  const frame = Buffer.concat([Buffer.from('FRAME\n'), y, u, v]);
  writeFileSync(file, Buffer.concat([header, ...Array.from({ length: frames }, () => frame)]));
  return [
    '--use-fake-device-for-media-stream',
    '--use-fake-ui-for-media-stream',
    `--use-file-for-fake-video-capture=${file}`,
  ];
}
