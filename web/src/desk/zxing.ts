// The desk's fallback QR reader: zxing-wasm, self-hosted (the wasm ships in dist/assets, nothing is fetched
// from a CDN). `npm run bench` picked it over jsQR: 95 % vs 85 % of hard camera frames read, 15 ms vs ~1 s.
import { prepareZXingModule, readBarcodes } from 'zxing-wasm/reader';
import wasmUrl from 'zxing-wasm/reader/zxing_reader.wasm?url';

prepareZXingModule({
  overrides: {
    locateFile: (path: string, prefix: string) =>
      path.endsWith('.wasm') ? new URL(wasmUrl, self.location.href).href : prefix + path,
  },
});

export async function readQr(image: ImageData): Promise<string | null> {
  const [hit] = await readBarcodes(image, { formats: ['QRCode'], maxNumberOfSymbols: 1 });
  return hit?.text || null;
}
