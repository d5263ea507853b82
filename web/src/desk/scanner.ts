// Reads QR codes from the camera: the native BarcodeDetector where the browser has one, else zxing-wasm (in a worker, loaded only then) on a downscaled frame.
import type { QrReply, QrRequest } from './qr-worker';

export type CameraError = 'denied' | 'missing' | 'failed';
export type Scanner = { stop(): void; decoder: 'native' | 'zxing' };

/** A decoder's time grows with the pixel count; 640 px wide still reads a phone-screen QR at arm's length. */
const MAX_WIDTH = 640;
/** Between two decodes, to spare a phone's battery; a person cannot present codes faster anyway. */
const JSQR_INTERVAL_MS = 100;

type Decoder = { kind: Scanner['decoder']; decode(video: HTMLVideoElement): Promise<string | null>; dispose(): void };

interface NativeDetector {
  detect(source: CanvasImageSource): Promise<{ rawValue: string }[]>;
}
interface NativeDetectorClass {
  new (options: { formats: string[] }): NativeDetector;
  getSupportedFormats(): Promise<string[]>;
}

async function nativeDecoder(): Promise<Decoder | null> {
  const Detector = (globalThis as { BarcodeDetector?: NativeDetectorClass }).BarcodeDetector;
  if (!Detector) return null;
  try {
    if (!(await Detector.getSupportedFormats()).includes('qr_code')) return null;
    const detector = new Detector({ formats: ['qr_code'] });
    return {
      kind: 'native',
      decode: async (video) => (await detector.detect(video))[0]?.rawValue ?? null,
      dispose() {},
    };
  } catch {
    return null;
  }
}

type Read = (image: ImageData) => Promise<string | null>;

/** The reader on the main thread: only when a worker cannot start (very old browsers, a strict policy). */
async function mainThreadReader(): Promise<Read> {
  const { readQr } = await import('./zxing');
  return (image) => readQr(image).catch(() => null);
}

function workerReader(): { read: Read; dispose(): void } {
  const worker = new Worker(new URL('./qr-worker.ts', import.meta.url), { type: 'module' });
  let fallback: Promise<Read> | undefined;
  const pending = new Map<number, (text: string | null) => void>();
  let nextId = 0;
  worker.onmessage = (e: MessageEvent<QrReply>) => {
    pending.get(e.data.id)?.(e.data.text);
    pending.delete(e.data.id);
  };
  worker.onerror = () => {
    fallback ??= mainThreadReader();
    for (const resolve of pending.values()) resolve(null);
    pending.clear();
  };
  return {
    read: async (image) => {
      if (fallback) return (await fallback)(image);
      const id = nextId++;
      return new Promise((resolve) => {
        pending.set(id, resolve);
        const message: QrRequest = {
          id,
          buffer: image.data.buffer as ArrayBuffer,
          width: image.width,
          height: image.height,
        };
        worker.postMessage(message, [message.buffer]);
      });
    },
    dispose: () => worker.terminate(),
  };
}

function wasmDecoder(): Decoder {
  const canvas = document.createElement('canvas');
  const ctx = canvas.getContext('2d', { willReadFrequently: true })!;
  let reader: { read: Read; dispose(): void };
  try {
    reader = workerReader();
  } catch {
    const main = mainThreadReader();
    reader = { read: async (image) => (await main)(image), dispose() {} };
  }
  return {
    kind: 'zxing',
    decode: async (video) => {
      const scale = Math.min(1, MAX_WIDTH / video.videoWidth);
      const w = Math.round(video.videoWidth * scale);
      const h = Math.round(video.videoHeight * scale);
      if (!w || !h) return null;
      if (canvas.width !== w || canvas.height !== h) {
        canvas.width = w;
        canvas.height = h;
      }
      ctx.drawImage(video, 0, 0, w, h);
      return reader.read(ctx.getImageData(0, 0, w, h));
    },
    dispose: () => reader.dispose(),
  };
}

export function cameraErrorOf(e: unknown): CameraError {
  const name = (e as { name?: string })?.name;
  if (name === 'NotAllowedError' || name === 'SecurityError') return 'denied';
  if (name === 'NotFoundError' || name === 'OverconstrainedError' || name === 'DevicesNotFoundError') return 'missing';
  return 'failed';
}

/**
 * Shows the back camera in `video` and calls onCode with every QR text it reads (the caller drops repeats).
 * Rejects with a MediaStream error when the camera cannot start; see cameraErrorOf.
 */
export async function startScanner(video: HTMLVideoElement, onCode: (text: string) => void): Promise<Scanner> {
  if (!navigator.mediaDevices?.getUserMedia) throw Object.assign(new Error('no camera API'), { name: 'NotFoundError' });
  // Choosing (and for zxing, fetching) the decoder while the camera warms up takes it off the time to the first read.
  const decoderReady = nativeDecoder().then((native) => native ?? wasmDecoder());
  let decoder: Decoder | undefined;
  let stream: MediaStream | undefined;
  let stopped = false;
  const stop = () => {
    stopped = true;
    for (const track of stream?.getTracks() ?? []) track.stop();
    video.srcObject = null;
    decoder?.dispose();
    void decoderReady.then(
      (d) => d.dispose(),
      () => {},
    );
  };
  try {
    stream = await navigator.mediaDevices.getUserMedia({
      audio: false,
      video: { facingMode: { ideal: 'environment' }, width: { ideal: 1280 }, height: { ideal: 720 } },
    });
    video.srcObject = stream;
    video.muted = true;
    video.playsInline = true;
    await video.play();
    decoder = await decoderReady;
  } catch (e) {
    stop();
    throw e;
  }

  const interval = decoder.kind === 'native' ? 0 : JSQR_INTERVAL_MS;
  let last = 0;
  const next = () => {
    if (stopped) return;
    if ('requestVideoFrameCallback' in video) video.requestVideoFrameCallback(tick);
    else requestAnimationFrame(tick);
  };
  const tick = async () => {
    if (stopped) return;
    const now = performance.now();
    if (now - last >= interval && video.readyState >= HTMLMediaElement.HAVE_CURRENT_DATA) {
      last = now;
      try {
        const text = await decoder!.decode(video);
        if (text && !stopped) onCode(text);
      } catch {
        /* a frame that fails to decode is just skipped */
      }
    }
    next();
  };
  void tick(); // play() resolved with a frame on screen: read it now rather than wait for the next one
  return { stop, decoder: decoder.kind };
}
