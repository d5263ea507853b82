// Reading a PDF back in tests: its text through pdf.js (the legacy build, on its main-thread worker inside workerd), and whether each embedded glyph has an outline.
import fontkit from '@pdf-lib/fontkit';
import { decodePDFRawStream, PDFDict, PDFDocument, PDFName, type PDFRawStream, type PDFRef } from 'pdf-lib';

let pdfjs: typeof import('pdfjs-dist/legacy/build/pdf.mjs') | null = null;

async function loadPdfjs() {
  if (!pdfjs) {
    // workerd has no Web Workers: pdf.js runs its worker code on the main thread when it finds it here. It has no
    // DOMMatrix either, which pdf.js only needs for drawing, not for text: a bare one lets the module load.
    const g = globalThis as { DOMMatrix?: unknown };
    g.DOMMatrix ??= class DOMMatrix {
      a = 1;
      b = 0;
      c = 0;
      d = 1;
      e = 0;
      f = 0;
    };
    // The minified builds: a third of the source for vitest to transform, the slow part of loading pdf.js here.
    (globalThis as { pdfjsWorker?: unknown }).pdfjsWorker = await import('pdfjs-dist/legacy/build/pdf.worker.min.mjs');
    pdfjs = (await import('pdfjs-dist/legacy/build/pdf.min.mjs')) as typeof import('pdfjs-dist/legacy/build/pdf.mjs');
  }
  return pdfjs;
}

/** The first page's text (one line per text item), the page count and the page size in points. */
export async function pdfPageText(bytes: Uint8Array) {
  const lib = await loadPdfjs();
  const doc = await lib.getDocument({ data: bytes.slice(), useSystemFonts: false, isEvalSupported: false }).promise;
  const page = await doc.getPage(1);
  const [x0, y0, x1, y1] = page.view as [number, number, number, number];
  const content = await page.getTextContent();
  const text = content.items.map((i) => ('str' in i ? i.str : '')).join('\n');
  const pages = doc.numPages;
  await doc.destroy();
  return { text, pages, size: { width: x1 - x0, height: y1 - y0 } };
}

const decode = (s: PDFRawStream) => decodePDFRawStream(s).decode();

/**
 * Each glyph of the embedded TrueType subset with the character it stands for (from the ToUnicode map) and
 * whether it has an outline. A corrupt subset still extracts as text, so only this shows blank glyphs.
 */
export async function pdfFontGlyphs(bytes: Uint8Array): Promise<{ char: string; drawn: boolean }[]> {
  const doc = await PDFDocument.load(bytes);
  const ctx = doc.context;
  const out: { char: string; drawn: boolean }[] = [];
  for (const [, obj] of ctx.enumerateIndirectObjects()) {
    if (!(obj instanceof PDFDict) || obj.get(PDFName.of('Subtype'))?.toString() !== '/Type0') continue;
    const toUnicode = ctx.lookup(obj.get(PDFName.of('ToUnicode'))) as PDFRawStream;
    const cmap = new TextDecoder().decode(decode(toUnicode));
    const descendants = ctx.lookup(obj.get(PDFName.of('DescendantFonts'))) as unknown as { get(i: number): PDFRef };
    const cid = ctx.lookup(descendants.get(0), PDFDict);
    const descriptor = ctx.lookup(cid.get(PDFName.of('FontDescriptor')) as PDFRef, PDFDict);
    const file = ctx.lookup(descriptor.get(PDFName.of('FontFile2'))) as PDFRawStream;
    const font = fontkit.create(decode(file));
    for (const [, gid, hex] of cmap.matchAll(/<([0-9a-f]{4})> <([0-9a-f]+)>/gi)) {
      const units = hex!.match(/.{4}/g)!.map((h) => Number.parseInt(h, 16));
      let drawn = false;
      try {
        const glyph = font.getGlyph(Number.parseInt(gid!, 16));
        drawn = glyph.path.toSVG().length > 0 && glyph.bbox.width > 0;
      } catch {
        drawn = false;
      }
      out.push({ char: String.fromCharCode(...units), drawn });
    }
  }
  return out;
}
