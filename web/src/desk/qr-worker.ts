// Runs the QR reader off the main thread: a decode takes milliseconds to tens of milliseconds per frame,
// which would make the desk page stutter.
import { readQr } from './zxing';

export type QrRequest = { id: number; buffer: ArrayBuffer; width: number; height: number };
export type QrReply = { id: number; text: string | null };

self.onmessage = async (e: MessageEvent<QrRequest>) => {
  const { id, buffer, width, height } = e.data;
  let text: string | null = null;
  try {
    text = await readQr(new ImageData(new Uint8ClampedArray(buffer), width, height));
  } catch {
    // An unreadable frame is simply no code; the next frame comes in a moment.
  }
  const reply: QrReply = { id, text };
  self.postMessage(reply);
};
