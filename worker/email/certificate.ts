// The certificate email (zh-CN or English): the certificate is ready, with the link to download it and to verify it.
import type { events } from '../../schema';
import { html } from './html';
import type { Rendered } from './templates';

type Locale = 'zh-CN' | 'en';
export type CertificatePayload = {
  origin?: string;
  number?: string;
  kind?: 'credit' | 'attendance' | 'teaching';
  name?: string;
  code?: string | null;
  credits?: number;
  /** The CME project's credit class when the certificate was issued (Ⅰ类 or Ⅱ类); absent before it was recorded. */
  creditClass?: 'I' | 'II' | null;
};

const KIND = {
  'zh-CN': { credit: '学分证书', attendance: '参会证明', teaching: '授课证明' },
  en: { credit: 'credit certificate', attendance: 'certificate of attendance', teaching: 'teaching certificate' },
} as const;

const copy = {
  'zh-CN': {
    subject: '您的{kind}：{event}',
    greeting: '{name}，您好：',
    lead: '您在本次会议的{kind}已签发，证书编号 {number}。',
    credits: '学分：{credits}',
    teachingCredits: '授课学分：{credits}',
    creditClass: { I: '（Ⅰ类）', II: '（Ⅱ类）' },
    download: '下载证书',
    downloadHint: '也可随时在您的电子票页面下载。',
    verify: '任何人都可以在此核验证书',
    colon: '：',
    footer: '此邮件由 Colloquy 发送。',
  },
  en: {
    subject: 'Your {kind}: {event}',
    greeting: 'Dear {name},',
    lead: 'Your {kind} for this meeting has been issued, number {number}.',
    credits: 'Credits: {credits}',
    teachingCredits: 'Teaching credits: {credits}',
    creditClass: { I: ' (Class I)', II: ' (Class II)' },
    download: 'Download the certificate',
    downloadHint: 'You can also download it from your ticket page at any time.',
    verify: 'Anyone can verify it here',
    colon: ': ',
    footer: 'Sent by Colloquy.',
  },
} as const;

const fill = (s: string, vars: Record<string, string>) => s.replace(/\{(\w+)\}/g, (_, k: string) => vars[k] ?? '');

export function renderCertificateEmail(locale: Locale, e: typeof events.$inferSelect, p: CertificatePayload): Rendered {
  const c = copy[locale];
  const title = locale === 'zh-CN' ? e.titleZh : e.titleEn;
  const origin = p.origin ?? '';
  const number = p.number ?? '';
  const vars = { kind: KIND[locale][p.kind ?? 'credit'], event: title, name: p.name ?? '', number };
  const subject = fill(c.subject, vars);
  const verifyLink = `${origin}/verify/${encodeURIComponent(number)}`;
  // Through the ticket page when the holder has one (the ticket code is their credential); else the verify page.
  const download = p.code ? `${origin}/t/${encodeURIComponent(p.code)}` : null;
  // Any certificate that carries credits states them, with the class as the PDF gives it (an attendance certificate
  // of a Ⅱ类 project carries its attendee's credits too).
  const credits = p.credits
    ? fill(p.kind === 'teaching' ? c.teachingCredits : c.credits, { credits: String(p.credits) }) +
      (p.creditClass ? c.creditClass[p.creditClass] : '')
    : '';
  const body = html`<!doctype html><html lang="${locale}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>${subject}</title></head>
<body style="margin:0;padding:12px;background:#f6f7f9;font-family:system-ui,-apple-system,'PingFang SC','Microsoft YaHei',sans-serif;color:#1b2330;line-height:1.5">
<div style="max-width:560px;margin:0 auto;background:#fff;border:1px solid #d9dee5;border-radius:10px;padding:20px">
<h1 style="font-size:20px;margin:0 0 12px">${title}</h1>
<p>${fill(c.greeting, vars)}</p>
<p>${fill(c.lead, vars)}</p>
${credits ? html`<p>${credits}</p>` : ''}
${download ? html`<p><a href="${download}" style="display:inline-block;background:#0f4c5c;color:#fff;padding:10px 16px;border-radius:6px;text-decoration:none">${c.download}</a></p><p style="font-size:14px;color:#4d5766">${c.downloadHint}</p>` : ''}
<p style="font-size:14px">${c.verify}${c.colon}<a href="${verifyLink}">${verifyLink}</a></p>
<p style="font-size:12px;color:#4d5766;border-top:1px solid #d9dee5;padding-top:12px">${c.footer}</p>
</div></body></html>`;
  const text = [
    title,
    '',
    fill(c.greeting, vars),
    fill(c.lead, vars),
    ...(credits ? [credits] : []),
    '',
    ...(download ? [`${c.download}${c.colon}${download}`, c.downloadHint] : []),
    `${c.verify}${c.colon}${verifyLink}`,
    '',
    c.footer,
  ].join('\n');
  return { subject, html: body.html, text };
}
