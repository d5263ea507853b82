// Runs jsQR off the main thread: a decode takes tens of milliseconds per frame, which would make the desk page stutter.
import jsQR from 'jsqr';

export type QrRequest = { id: number; buffer: ArrayBuffer; width: number; height: number };
export type QrReply = { id: number; text: string | null };

self.onmessage = (e: MessageEvent<QrRequest>) => {
  const { id, buffer, width, height } = e.data;
  // Tickets are dark on light; skipping the inverted pass halves the work per frame.
  const code = jsQR(new Uint8ClampedArray(buffer), width, height, { inversionAttempts: 'dontInvert' });
  const reply: QrReply = { id, text: code?.data || null };
  self.postMessage(reply);
};
