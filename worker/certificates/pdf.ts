// The certificate PDF: A4 landscape, Chinese with English beneath, a QR to the verify page, the organiser's seal; a pure function of its input and the font.
import fontkit from '@pdf-lib/fontkit';
import {
  type Color,
  type PDFFont,
  type PDFImage,
  type PDFPage,
  PDFDocument,
  fill,
  popGraphicsState,
  pushGraphicsState,
  rectangle,
  rgb,
  setCharacterSpacing,
  setFillingColor,
  setLineWidth,
  setStrokingColor,
  setTextRenderingMode,
  TextRenderingMode,
} from 'pdf-lib';
import QRCode from 'qrcode/lib/core/qrcode.js';
import { offsetMinutes, zonedParts } from '../lib/time';

export type CertificateKind = 'credit' | 'attendance' | 'teaching'; // 学分证书 / 参会证明 / 授课证明
export type CertificatePdfInput = {
  kind: CertificateKind;
  /** The canonical certificate number. */
  number: string;
  /** Absolute URL of /verify/:number, drawn as a QR and as text. */
  verifyUrl: string;
  holderName: string;
  holderAffiliation: string;
  eventTitleZh: string;
  eventTitleEn: string;
  /** ms epoch; shown in the event's zone. */
  dates: { startsAt: number; endsAt: number; timezone: string };
  projectNumber: string | null;
  projectLevel: 'national' | 'provincial' | 'municipal' | 'hospital' | null;
  creditClass: 'I' | 'II' | null;
  /** Attendee credits, or lecturer credits for 'teaching'. */
  credits: number;
  /** Teaching only: the items the holder taught. */
  taught?: { titleZh: string; titleEn: string; startsAt: number; endsAt: number }[];
  /** e.g. the hospital department. */
  organiserName: string;
  issuedAt: number;
  revoked?: false;
};
export type CertificateAssets = {
  font: ArrayBuffer;
  seal?: { bytes: Uint8Array; type: 'image/png' | 'image/jpeg' };
};

/** Where `npm run build` puts Noto Sans SC (vite.config.ts copies it): too big for the Worker bundle. */
export const CERTIFICATE_FONT_URL = 'http://assets/fonts/certificate/NotoSansSC-Regular.ttf';

let fontOnce: Promise<ArrayBuffer> | null = null;

/** The certificate font from the static assets, fetched once per isolate (10.6 MB; a failed fetch is retried next time). */
export function loadCertificateFont(env: { ASSETS: Fetcher }): Promise<ArrayBuffer> {
  fontOnce ??= env.ASSETS.fetch(CERTIFICATE_FONT_URL).then(async (res) => {
    // A missing asset answers 200 with index.html (not_found_handling is single-page-application): check the bytes.
    const font = res.ok ? await res.arrayBuffer() : null;
    const tag = font && font.byteLength > 4 ? new DataView(font).getUint32(0) : 0;
    if (!font || (tag !== 0x00010000 && tag !== 0x74727565)) {
      throw new Error(`The certificate font is missing from the static assets (${res.status}): run the build.`);
    }
    return font;
  });
  fontOnce.catch(() => {
    fontOnce = null;
  });
  return fontOnce;
}

/**
 * Two fixes around @pdf-lib/fontkit (1.1.1, the fork pdf-lib uses, unmaintained since 2020):
 * - Its TrueType subsetter writes `loca` in the short format, which halves every offset, without padding glyph
 *   records to even length: after the first odd-length glyph the rest point one byte off and render blank (seen
 *   with Noto Sans SC: 张 and 林 of 张晓林 missing, text still extractable). Upstream fontkit fixed it in 1.8
 *   (foliojs/fontkit#191) by keeping the long format; the subset here always uses it (4 bytes a glyph).
 * - pdf-lib parses the font's bytes for every document; parsing 10.6 MB of TrueType is most of a certificate's
 *   CPU. Each document still gets its own subset, so one parsed font per buffer serves every certificate of a run.
 */
type Fontkit = Parameters<PDFDocument['registerFontkit']>[0];
type FontkitFont = ReturnType<Fontkit['create']>;
const parsed = new WeakMap<ArrayBufferLike, FontkitFont>();

function patched(font: FontkitFont): FontkitFont {
  const createSubset = font.createSubset.bind(font);
  font.createSubset = () => {
    const subset = createSubset();
    let loca: { offsets: number[]; version?: number } | undefined;
    Object.defineProperty(subset, 'loca', {
      get: () => loca,
      set: (value: { offsets: number[] }) => {
        loca = { ...value, version: 1 };
      },
    });
    return subset;
  };
  // Laying text out (GSUB/GPOS lookups) is what costs: pdf-lib does it for every width it measures and every line
  // it draws, and the fitting measures the same strings at many sizes. The runs are only read, so one per text serves.
  const layout = font.layout.bind(font);
  const runs = new Map<string, ReturnType<typeof layout>>();
  font.layout = (text, features) => {
    if (features) return layout(text, features);
    let run = runs.get(text);
    if (!run) {
      if (runs.size > 20_000) runs.clear();
      runs.set(text, (run = layout(text)));
    }
    return run;
  };
  return font;
}

const cachingFontkit: Fontkit = {
  create(bytes, postscriptName) {
    if (postscriptName) return patched(fontkit.create(bytes, postscriptName));
    let font = parsed.get(bytes.buffer);
    if (!font) parsed.set(bytes.buffer, (font = patched(fontkit.create(bytes))));
    return font;
  },
};

const TITLES: Record<CertificateKind, { zh: string; en: string }> = {
  credit: { zh: '学分证书', en: 'Certificate of CME Credit' },
  attendance: { zh: '参会证明', en: 'Certificate of Attendance' },
  teaching: { zh: '授课证明', en: 'Teaching Certificate' },
};

const STATEMENTS: Record<CertificateKind, { zh: string; en: string }> = {
  credit: {
    zh: '参加了以下继续医学教育项目，授予学分如下。',
    en: 'attended the continuing medical education project below and is awarded the credits stated.',
  },
  attendance: {
    zh: '参加了以下学术活动，特此证明。',
    en: 'attended the academic event below.',
  },
  teaching: {
    zh: '在以下继续医学教育项目中授课，特此证明。',
    en: 'taught at the continuing medical education project below.',
  },
};

const LEVELS = {
  national: { zh: '国家级', en: 'National' },
  provincial: { zh: '省级', en: 'Provincial' },
  municipal: { zh: '市级', en: 'Municipal' },
  hospital: { zh: '院级', en: 'Hospital' },
} as const;

const CLASSES = { I: { zh: 'Ⅰ类学分', en: 'Class I' }, II: { zh: 'Ⅱ类学分', en: 'Class II' } } as const;

const MONTHS = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];

const pad = (n: number) => String(n).padStart(2, '0');
const clock = (p: { hour: number; minute: number }) => `${pad(p.hour)}:${pad(p.minute)}`;
const dayZh = (p: { year: number; month: number; day: number }, withYear = true) =>
  `${withYear ? `${p.year}年` : ''}${p.month}月${p.day}日`;
const dayEn = (p: { year: number; month: number; day: number }, withYear = true) =>
  `${p.day} ${MONTHS[p.month - 1]}${withYear ? ` ${p.year}` : ''}`;
const sameDay = (a: { year: number; month: number; day: number }, b: typeof a) =>
  a.year === b.year && a.month === b.month && a.day === b.day;

/** The zone as people read it: 北京时间 for China's zone, otherwise its UTC offset at the start. */
function zoneLabel(ms: number, timeZone: string): { zh: string; en: string } {
  if (timeZone === 'Asia/Shanghai') return { zh: '北京时间', en: 'Beijing time' };
  const off = offsetMinutes(ms, timeZone);
  const utc = `UTC${off < 0 ? '−' : '+'}${Math.floor(Math.abs(off) / 60)}${Math.abs(off) % 60 ? `:${pad(Math.abs(off) % 60)}` : ''}`;
  return { zh: utc, en: utc };
}

/** "2026年12月12日 09:00–17:30（北京时间）" and "12 December 2026, 09:00–17:30 (Beijing time)", or a span of days. */
export function certificateDates(d: CertificatePdfInput['dates']): { zh: string; en: string } {
  const a = zonedParts(d.startsAt, d.timezone);
  const b = zonedParts(d.endsAt, d.timezone);
  const zone = zoneLabel(d.startsAt, d.timezone);
  if (sameDay(a, b)) {
    return {
      zh: `${dayZh(a)} ${clock(a)}–${clock(b)}（${zone.zh}）`,
      en: `${dayEn(a)}, ${clock(a)}–${clock(b)} (${zone.en})`,
    };
  }
  const sameYear = a.year === b.year;
  return {
    zh: `${dayZh(a)} 至 ${dayZh(b, !sameYear)}（${zone.zh}）`,
    en: `${dayEn(a, !sameYear)} – ${dayEn(b)} (${zone.en})`,
  };
}

const formatCredits = (n: number) => String(Math.round(n * 100) / 100);

// Colours: a deep red for the frame and title (the colour of a seal and of Chinese certificates), ink for the
// holder, grey for the English and the labels.
const RED = rgb(0.55, 0.09, 0.09);
const GOLD = rgb(0.72, 0.58, 0.3);
const INK = rgb(0.1, 0.1, 0.12);
const GREY = rgb(0.38, 0.38, 0.42);
const LIGHT = rgb(0.6, 0.6, 0.64);

const W = 842; // A4 landscape, in points
const H = 595;
const CX = W / 2;
const TEXT_WIDTH = 640;

type Style = { font: PDFFont; size: number; color?: Color; bold?: boolean; spacing?: number };

function width(text: string, s: Style): number {
  return s.font.widthOfTextAtSize(text, s.size) + (s.spacing ?? 0) * Math.max(0, [...text].length - 1);
}

/** Draws one line; `bold` strokes the glyph outlines too, as the one font has no bold weight to embed. */
function line(page: PDFPage | null, text: string, x: number, y: number, s: Style) {
  if (!page) return;
  const color = s.color ?? INK;
  if (s.bold || s.spacing) {
    page.pushOperators(
      setCharacterSpacing(s.spacing ?? 0),
      setTextRenderingMode(s.bold ? TextRenderingMode.FillAndOutline : TextRenderingMode.Fill),
      setLineWidth(s.size / 40),
      setStrokingColor(color),
    );
  }
  page.drawText(text, { x, y, font: s.font, size: s.size, color });
  if (s.bold || s.spacing) page.pushOperators(setCharacterSpacing(0), setTextRenderingMode(TextRenderingMode.Fill));
}

const centred = (page: PDFPage | null, text: string, y: number, s: Style) =>
  line(page, text, CX - width(text, s) / 2, y, s);

/** Lines of at most `max` points: CJK breaks between any two characters, other scripts at spaces. */
function wrap(text: string, s: Style, max: number): string[] {
  const units =
    text.match(
      /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}（）《》「」、，。；：！？]|[^\s\p{Script=Han}]+\s*|\s+/gu,
    ) ?? [];
  const lines: string[] = [];
  let current = '';
  // Widths of the units add up (kerning across them aside: fitText checks each finished line exactly).
  let w = 0;
  for (const u of units) {
    const uw = width(u, s) + (s.spacing ?? 0);
    if (current && w + width(u.trimEnd(), s) > max) {
      lines.push(current.trimEnd());
      current = u.trimStart();
      w = width(current, s) + (s.spacing ?? 0);
    } else {
      current += u;
      w += uw;
    }
  }
  if (current.trim()) lines.push(current.trimEnd());
  return lines;
}

/**
 * Text set in a box: the largest size from `size` down to `min` at which it fits in `maxLines` lines of `max`
 * points; at `min` the last line is cut with an ellipsis. Long names, institutions and titles shrink, never spill.
 */
function fitText(
  text: string,
  s: Style,
  max: number,
  maxLines = 1,
  min = s.size * 0.6,
): { lines: string[]; style: Style } {
  // Fewer lines first: a name shrinks to 70 % on one line before it takes two.
  for (let n = 1; n <= maxLines; n++) {
    const floor = n < maxLines ? Math.max(min, s.size * 0.7) : min;
    for (let size = s.size; size >= floor; size -= 0.5) {
      const style = { ...s, size };
      const lines = wrap(text, style, max);
      if (lines.length <= n && lines.every((l) => width(l, style) <= max)) return { lines, style };
    }
  }
  const style = { ...s, size: min };
  const lines = wrap(text, style, max).slice(0, maxLines);
  let last = lines.at(-1) ?? '';
  while (last && width(`${last}…`, style) > max) last = [...last].slice(0, -1).join('');
  lines[lines.length - 1] = `${last}…`;
  return { lines, style };
}

/** Centred lines, top down from `top` (a baseline); returns the next baseline. */
function block(
  page: PDFPage | null,
  text: string,
  top: number,
  s: Style,
  max: number,
  maxLines = 1,
  leading = 1.35,
  min?: number,
) {
  const { lines, style } = fitText(text, s, max, maxLines, min);
  let y = top;
  for (const l of lines) {
    centred(page, l, y, style);
    y -= style.size * leading;
  }
  return y;
}

/** The QR as vector squares: a rectangle per horizontal run of dark modules, filled once; no raster image. */
function drawQr(page: PDFPage, url: string, x: number, y: number, size: number) {
  const { modules } = QRCode.create(url, { errorCorrectionLevel: 'M' });
  const n = modules.size;
  const m = size / n;
  const ops = [pushGraphicsState(), setFillingColor(INK)];
  for (let row = 0; row < n; row++) {
    let col = 0;
    while (col < n) {
      if (!modules.data[row * n + col]) {
        col++;
        continue;
      }
      const start = col;
      while (col < n && modules.data[row * n + col]) col++;
      // Row 0 is the top; PDF's y grows upwards.
      ops.push(rectangle(x + start * m, y + size - (row + 1) * m, (col - start) * m, m));
    }
  }
  ops.push(fill(), popGraphicsState());
  page.pushOperators(...ops);
}

function drawFrame(page: PDFPage) {
  page.drawRectangle({ x: 18, y: 18, width: W - 36, height: H - 36, borderColor: RED, borderWidth: 2.5 });
  page.drawRectangle({ x: 25, y: 25, width: W - 50, height: H - 50, borderColor: GOLD, borderWidth: 0.8 });
  // Small corner squares where the inner frame turns: a classic certificate border.
  for (const [cx, cy] of [
    [25, 25],
    [W - 25, 25],
    [25, H - 25],
    [W - 25, H - 25],
  ] as const) {
    page.drawRectangle({ x: cx - 4, y: cy - 4, width: 8, height: 8, color: RED });
  }
}

type Cell = { label: { zh: string; en: string }; value: { zh: string; en: string } };

/** The facts in a row of cells divided by thin rules, shrunk together when the row is too wide. */
function drawCells(page: PDFPage | null, font: PDFFont, cells: Cell[], top: number, maxWidth: number) {
  const base = { label: 8.5, zh: 12.5, en: 9 };
  const gap = 28;
  const natural = (c: Cell, k = 1) =>
    Math.max(
      width(`${c.label.zh}  ${c.label.en}`, { font, size: base.label * k }),
      width(c.value.zh, { font, size: base.zh * k }),
      width(c.value.en, { font, size: base.en * k }),
    );
  const total = (k: number) => cells.reduce((sum, c) => sum + natural(c, k), 0) + gap * k * (cells.length - 1);
  const k = Math.min(1, maxWidth / total(1));
  let x = CX - total(k) / 2;
  cells.forEach((c, i) => {
    const w = natural(c, k);
    const mid = x + w / 2;
    const at = (text: string, y: number, s: Style) => line(page, text, mid - width(text, s) / 2, y, s);
    at(`${c.label.zh}  ${c.label.en}`, top, { font, size: base.label * k, color: LIGHT });
    at(c.value.zh, top - 19 * k, { font, size: base.zh * k, color: INK });
    at(c.value.en, top - 33 * k, { font, size: base.en * k, color: GREY });
    if (i < cells.length - 1) {
      const rx = x + w + (gap * k) / 2;
      page?.drawLine({
        start: { x: rx, y: top + 8 * k },
        end: { x: rx, y: top - 38 * k },
        thickness: 0.5,
        color: GOLD,
      });
    }
    x += w + gap * k;
  });
  return top - 46 * k;
}

/** The items a lecturer taught, each in Chinese with English beneath, as many as fit above the facts. */
function drawTaught(page: PDFPage | null, font: PDFFont, input: CertificatePdfInput, top: number, bottom: number) {
  const items = [...(input.taught ?? [])].sort((a, b) => a.startsAt - b.startsAt);
  if (!items.length) return top;
  const tz = input.dates.timezone;
  const days = new Set(items.map((i) => dayZh(zonedParts(i.startsAt, tz))));
  const when = (i: (typeof items)[number]) => {
    const a = zonedParts(i.startsAt, tz);
    const range = `${clock(a)}–${clock(zonedParts(i.endsAt, tz))}`;
    return days.size > 1
      ? { zh: `${dayZh(a, false)} ${range}`, en: `${dayEn(a, false)}, ${range}` }
      : { zh: range, en: range };
  };
  centred(page, '授课内容  Items taught', top, { font, size: 9, color: LIGHT });
  const first = top - 17;
  // The last row's English line sits 12 points under its Chinese one.
  const room = first - bottom - 12;
  // Each item is a Chinese line with the English beneath. More than three go in two columns; the type shrinks to
  // 72 %, and past that the last row says how many more there are.
  const cols = items.length > 3 ? 2 : 1;
  const colWidth = cols === 2 ? TEXT_WIDTH / 2 - 10 : TEXT_WIDTH;
  const per = (k: number) => 25 * k;
  const rowsNeeded = Math.ceil(items.length / cols);
  let k = Math.min(1, room / ((rowsNeeded - 1) * per(1) || 1));
  let list = items;
  let more = 0;
  if (k < 0.72) {
    k = 0.72;
    const slots = (Math.floor(room / per(k) + 1e-9) + 1) * cols;
    list = items.slice(0, Math.max(0, slots - 1));
    more = items.length - list.length;
  }
  const rows = Math.ceil((list.length + (more ? 1 : 0)) / cols);
  const cellAt = (i: number) => ({
    x: cols === 2 ? CX + (Math.floor(i / rows) === 0 ? -1 : 1) * (colWidth / 2 + 10) : CX,
    y: first - (i % rows) * per(k),
  });
  const at = (text: string, x: number, y: number, s: Style) => line(page, text, x - width(text, s) / 2, y, s);
  list.forEach((item, i) => {
    const t = when(item);
    const { x, y } = cellAt(i);
    const zh = fitText(`${t.zh}　${item.titleZh}`, { font, size: 11.5 * k, color: INK }, colWidth);
    at(zh.lines[0]!, x, y, zh.style);
    const en = fitText(`${t.en}  ${item.titleEn}`, { font, size: 8.5 * k, color: GREY }, colWidth);
    at(en.lines[0]!, x, y - 12 * k, en.style);
  });
  if (more) {
    const { x, y } = cellAt(list.length);
    at(`另有 ${more} 项  and ${more} more`, x, y, { font, size: 9 * k, color: GREY });
  }
  return first - rows * per(k);
}

/** Where a teaching certificate's facts sit: its items fill the space above, down to them. */
const TEACHING_FACTS_TOP = 172;
/** The lowest the body may reach: the footer's QR and organiser start just below. */
const BODY_BOTTOM = 130;

/**
 * Holder, statement, event, taught items and the facts, top down. `g` stretches the gaps (0 is tight) and `z`
 * scales everything, for the rare certificate whose name, institution and titles all take two lines.
 * Returns the lowest baseline, and where the event's lines end.
 */
function drawBody(
  page: PDFPage | null,
  font: PDFFont,
  input: CertificatePdfInput,
  g: number,
  z: number,
): { bottom: number; afterEvent: number } {
  const sz = (s: Style): Style => ({ ...s, size: s.size * z });
  let y = H - 158 - 4 * g;
  centred(page, '兹证明', y, sz({ font, size: 11, color: INK }));
  centred(page, 'This is to certify that', y - 13 * z, sz({ font, size: 8.5, color: GREY }));
  // A name is never cut: it shrinks, then takes two lines.
  const name = sz({ font, size: 28, color: INK, bold: true });
  y = block(page, input.holderName, y - 44 * z - 10 * g, name, 560, 2, 1.2, 13);
  y = block(page, input.holderAffiliation, y + 6 * z, sz({ font, size: 12, color: GREY }), TEXT_WIDTH, 2, 1.3, 7);

  const statement = STATEMENTS[input.kind];
  y = block(page, statement.zh, y - 10 * z - 12 * g, sz({ font, size: 11.5, color: INK }), TEXT_WIDTH, 1);
  y = block(page, statement.en, y + 3 * z, sz({ font, size: 8.5, color: GREY }), TEXT_WIDTH, 1);

  const eventZh = sz({ font, size: 16, color: INK, bold: true });
  y = block(page, `《${input.eventTitleZh}》`, y - 14 * z - 8 * g, eventZh, TEXT_WIDTH, 2, 1.3);
  y = block(page, input.eventTitleEn, y + 2 * z, sz({ font, size: 10.5, color: GREY }), TEXT_WIDTH, 2, 1.3);
  const afterEvent = y;

  const dates = certificateDates(input.dates);
  const cells: Cell[] = [{ label: { zh: '日期', en: 'Dates' }, value: dates }];
  if (input.projectNumber) {
    cells.push({ label: { zh: '项目编号', en: 'Project No.' }, value: { zh: input.projectNumber, en: '' } });
  }
  if (input.projectLevel) cells.push({ label: { zh: '项目级别', en: 'Level' }, value: LEVELS[input.projectLevel] });
  if (input.kind !== 'attendance' || input.credits > 0) {
    const cls = input.creditClass ? CLASSES[input.creditClass] : null;
    const n = formatCredits(input.credits);
    cells.push({
      label: { zh: input.kind === 'teaching' ? '授课学分' : '学分', en: 'Credits' },
      value: {
        zh: `${cls ? cls.zh : '学分'} ${n} 分`,
        en: `${n}${cls ? ` ${cls.en}` : ''} credit${input.credits === 1 ? '' : 's'}`,
      },
    });
  }
  // A teaching certificate's items fill the space down to the facts, which sit just above the footer.
  if (input.kind === 'teaching') {
    drawTaught(page, font, input, y - 8, TEACHING_FACTS_TOP + 18);
    return { bottom: drawCells(page, font, cells, TEACHING_FACTS_TOP, W - 120), afterEvent };
  }
  return { bottom: drawCells(page, font, cells, y - 20 * z - 14 * g, W - 120), afterEvent };
}

/** Renders one certificate. CPU is tens of ms (see bench): call it from the queue consumer, not on a request. */
export async function renderCertificate(input: CertificatePdfInput, assets: CertificateAssets): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  doc.registerFontkit(cachingFontkit);
  const title = TITLES[input.kind];
  doc.setTitle(`${title.zh} ${title.en} · ${input.holderName} · ${input.number}`);
  doc.setSubject(`${input.eventTitleZh} / ${input.eventTitleEn}`);
  doc.setAuthor(input.organiserName);
  doc.setCreator('Colloquy');
  doc.setProducer('Colloquy');
  doc.setCreationDate(new Date(input.issuedAt));
  doc.setModificationDate(new Date(input.issuedAt));
  const font = await doc.embedFont(assets.font, { subset: true });
  let seal: PDFImage | null = null;
  if (assets.seal) {
    seal =
      assets.seal.type === 'image/png' ? await doc.embedPng(assets.seal.bytes) : await doc.embedJpg(assets.seal.bytes);
  }
  const page = doc.addPage([W, H]);
  drawFrame(page);

  // The number, top right, as on paper certificates (证书编号).
  const no = `证书编号 No. ${input.number}`;
  line(page, no, W - 48 - width(no, { font, size: 9 }), H - 50, { font, size: 9, color: GREY });

  centred(page, title.zh, H - 96, { font, size: 34, color: RED, bold: true, spacing: 14 });
  centred(page, title.en, H - 119, { font, size: 13, color: GREY, spacing: 1.2 });
  page.drawLine({ start: { x: CX - 60, y: H - 132 }, end: { x: CX + 60, y: H - 132 }, thickness: 0.8, color: GOLD });

  // The body is laid out twice: once to measure it, then drawn with its gaps stretched so that it fills the
  // page down to the footer instead of leaving a hole above it.
  // The body is laid out to measure it first (drawing nothing), then drawn with its gaps stretched so that it
  // reaches down to the footer; when even tight gaps overflow, everything is scaled down a step at a time.
  // A teaching certificate keeps tight gaps and needs room for two of its items.
  const need = input.kind === 'teaching' ? TEACHING_FACTS_TOP + 18 + 62 : BODY_BOTTOM;
  const low = (m: { bottom: number; afterEvent: number }) => (input.kind === 'teaching' ? m.afterEvent : m.bottom);
  let z = 1;
  while (z > 0.6 && low(drawBody(null, font, input, 0, z)) < need) z -= 0.05;
  const tight = low(drawBody(null, font, input, 0, z));
  // Each unit of g moves the end of the body down by 48 points (the sum of the gaps' factors).
  const g = input.kind === 'teaching' ? 0 : Math.max(0, Math.min(3, (tight - BODY_BOTTOM) / 48));
  drawBody(page, font, input, g, z);

  // Footer, left: the QR and what it leads to.
  const qr = 74;
  drawQr(page, input.verifyUrl, 52, 44, qr);
  const tx = 52 + qr + 10;
  line(page, '扫码验证证书真伪', tx, 44 + qr - 12, { font, size: 9.5, color: INK });
  line(page, 'Scan to verify this certificate', tx, 44 + qr - 24, { font, size: 7.5, color: GREY });
  const url = fitText(input.verifyUrl, { font, size: 7.5, color: GREY }, 240, 2, 5.5);
  url.lines.forEach((l, i) => {
    line(page, l, tx, 44 + qr - 42 - i * 9, url.style);
  });
  line(page, input.number, tx, 48, { font, size: 9, color: INK, spacing: 0.4 });

  // Footer, right: organiser and issue date, with the seal stamped over them as ink would be.
  const rx = W - 190;
  const issued = zonedParts(input.issuedAt, input.dates.timezone);
  const organiser = fitText(input.organiserName, { font, size: 13, color: INK }, 250, 2, 8);
  let fy = 108;
  for (const l of organiser.lines) {
    line(page, l, rx - width(l, organiser.style) / 2, fy, organiser.style);
    fy -= organiser.style.size * 1.3;
  }
  const issuedZh = dayZh(issued);
  const issuedEn = `Issued ${dayEn(issued)}`;
  line(page, issuedZh, rx - width(issuedZh, { font, size: 10.5 }) / 2, fy - 4, { font, size: 10.5, color: INK });
  line(page, issuedEn, rx - width(issuedEn, { font, size: 8 }) / 2, fy - 17, { font, size: 8, color: GREY });
  if (seal) {
    const side = 104;
    const s = Math.min(side / seal.width, side / seal.height);
    const w = seal.width * s;
    const h = seal.height * s;
    page.drawImage(seal, { x: rx + 30 - w / 2, y: 78 - h / 2, width: w, height: h, opacity: 0.88 });
  }

  return doc.save();
}
