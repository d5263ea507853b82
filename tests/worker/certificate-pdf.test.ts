// The certificate PDF in workerd: A4 landscape, the holder's Chinese name, the number and the project level readable by pdf.js, and every glyph drawn.
import { env } from 'cloudflare:workers';
import { decodePDFRawStream, PDFArray, PDFDocument, PDFRawStream } from 'pdf-lib';
import { beforeAll, describe, expect, it } from 'vitest';
import { newCertificateNumber } from '../../worker/certificates/number';
import { type CertificatePdfInput, loadCertificateFont, renderCertificate } from '../../worker/certificates/pdf';
import { pdfFontGlyphs, pdfPageText } from './pdf-text';

const at = (hm: string, day = '2026-12-12') => Date.parse(`${day}T${hm}:00+08:00`);
const number = newCertificateNumber();
const credit: CertificatePdfInput = {
  kind: 'credit',
  number,
  verifyUrl: `http://localhost:8787/verify/${number}`,
  holderName: '张晓林',
  holderAffiliation: '解放军总医院第一医学中心 风湿免疫科',
  eventTitleZh: '细胞治疗治疗自身免疫性疾病学术交流会',
  eventTitleEn: 'Cell therapy for autoimmune diseases',
  dates: { startsAt: at('14:00'), endsAt: at('17:20'), timezone: 'Asia/Shanghai' },
  projectNumber: '2026-04-07-112（国）',
  projectLevel: 'national',
  creditClass: 'I',
  credits: 1,
  organiserName: '北京陆道培医院风湿免疫科',
  issuedAt: at('18:00', '2026-12-13'),
};
const teaching: CertificatePdfInput = {
  ...credit,
  kind: 'teaching',
  number: newCertificateNumber(),
  holderName: '金京玉',
  holderAffiliation: '北京陆道培医院风湿免疫科',
  projectLevel: 'provincial',
  credits: 2.5,
  taught: [
    {
      titleZh: '细胞治疗在自身免疫性疾病中的突破：从研究到临床',
      titleEn: 'Cell therapy breakthroughs in autoimmune disease: from research to the clinic',
      startsAt: at('14:15'),
      endsAt: at('15:00'),
    },
    {
      titleZh: '专家讨论：细胞治疗新未来',
      titleEn: 'Panel discussion: the future of cell therapy',
      startsAt: at('16:25'),
      endsAt: at('17:10'),
    },
  ],
};

let font: ArrayBuffer;
beforeAll(async () => {
  font = await loadCertificateFont(env);
  // pdf.js is large: load it before the first test's clock starts.
  await pdfPageText(await renderCertificate(credit, { font }));
}, 180_000);

describe('the certificate font', () => {
  it('comes from the static assets the build wrote, once per isolate', async () => {
    expect(font.byteLength).toBeGreaterThan(10_000_000);
    expect(await loadCertificateFont(env)).toBe(font);
  });
});

describe('a credit certificate', () => {
  let bytes: Uint8Array;
  beforeAll(async () => {
    bytes = await renderCertificate(credit, { font });
  });

  it('is a PDF of one A4 landscape page, small enough to forward in WeChat', async () => {
    expect(new TextDecoder().decode(bytes.slice(0, 5))).toBe('%PDF-');
    const text = await pdfPageText(bytes);
    expect(text.pages).toBe(1);
    expect(text.size).toEqual({ width: 842, height: 595 });
    // The font is subset: the 10.6 MB font would otherwise be inside.
    expect(bytes.length).toBeLessThan(150_000);
  });

  it('reads back with the Chinese name, the title, the number, 国家级 and Ⅰ类学分', async () => {
    const { text } = await pdfPageText(bytes);
    expect(text).toContain('张晓林');
    expect(text).toContain('Certificate of CME Credit');
    expect(text).toContain(number);
    expect(text).toContain('国家级');
    expect(text).toContain('Ⅰ类学分 1 分');
    expect(text).toContain('2026年12月12日 14:00–17:20（北京时间）');
    expect(text).toContain('北京陆道培医院风湿免疫科');
  });

  it('embeds an outline for every glyph it draws (the subset is not corrupt)', async () => {
    const glyphs = await pdfFontGlyphs(bytes);
    expect(glyphs.length).toBeGreaterThan(50);
    const blank = glyphs.filter((g) => g.char.trim() && !g.drawn).map((g) => g.char);
    expect(blank).toEqual([]);
  });
});

describe('the seal', () => {
  // A 1 × 1 red PNG: what matters is that it is drawn, and only when given.
  const png = Uint8Array.from(
    atob('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8DwHwAFBQIAX8jx0gAAAABJRU5ErkJggg=='),
    (c) => c.charCodeAt(0),
  );
  // Names of the images the page paints (`/Name Do` in its content stream): embedded but unpainted would not count.
  const painted = async (bytes: Uint8Array) => {
    const doc = await PDFDocument.load(bytes);
    const contents = doc.getPage(0).node.Contents();
    const streams = contents instanceof PDFArray ? contents.asArray().map((r) => doc.context.lookup(r)) : [contents];
    const ops = streams
      .filter((s): s is PDFRawStream => s instanceof PDFRawStream)
      .map((s) => new TextDecoder().decode(decodePDFRawStream(s).decode()))
      .join('\n');
    return [...ops.matchAll(/\/(\S+) Do\b/g)].map((m) => m[1]);
  };

  it('is drawn when the organiser uploaded one, and the certificate has no image without it', async () => {
    const sealed = await renderCertificate(credit, { font, seal: { bytes: png, type: 'image/png' } });
    expect(await painted(sealed)).toHaveLength(1);
    expect(await painted(await renderCertificate(credit, { font }))).toEqual([]);
  });
});

describe('a teaching certificate', () => {
  it('names the items taught, the lecturer credits and 省级', async () => {
    const bytes = await renderCertificate(teaching, { font });
    const { text } = await pdfPageText(bytes);
    expect(text).toContain('金京玉');
    expect(text).toContain('Teaching Certificate');
    expect(text).toContain('细胞治疗在自身免疫性疾病中的突破：从研究到临床');
    expect(text).toContain('专家讨论：细胞治疗新未来');
    expect(text).toContain('Ⅰ类学分 2.5 分');
    expect(text).toContain('省级');
    expect(text).not.toContain('国家级');
  });
});
