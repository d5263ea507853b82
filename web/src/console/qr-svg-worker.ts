// Draws the pairing QR as SVG in a worker. A worker is bundled on its own, so the encoder and the CommonJS helpers it
// needs share no chunk with the pages (sharing them with the desk's scanner would add to every page's preload map).
import QRCode from 'qrcode';

export type QrSvgReply = { svg: string } | { error: string };

self.onmessage = async (e: MessageEvent<string>) => {
  let reply: QrSvgReply;
  try {
    reply = { svg: await QRCode.toString(e.data, { type: 'svg', margin: 4, errorCorrectionLevel: 'M' }) };
  } catch (err) {
    reply = { error: String(err) };
  }
  self.postMessage(reply);
};
