// The invitation email (zh-CN or English): the event, and the personal link that registers or declines.
import type { events } from '../../schema';
import { html } from './html';
import { eventWhen, type Rendered } from './templates';

type Locale = 'zh-CN' | 'en';

/** The personal link: the event page with the invitation token, which opens the registration form. */
export const invitationUrl = (origin: string, slug: string, token: string) =>
  `${origin}/e/${slug}?invite=${encodeURIComponent(token)}#register`;

const copy = {
  'zh-CN': {
    subject: '诚邀您参加：{event}',
    greeting: '{name}，您好：',
    lead: '主办方诚挚邀请您参加本次会议。本会议仅限受邀人员报名，请通过下方您的专属链接报名；如无法出席，也可通过同一链接告知我们。',
    when: '时间',
    where: '地点',
    button: '接受邀请并报名',
    personal: '此链接仅可为您的邮箱 {email} 报名，转发给他人无效。',
    colon: '：',
    footer: '此邮件由 Colloquy 发送。',
  },
  en: {
    subject: 'You are invited: {event}',
    greeting: 'Dear {name},',
    lead: 'The organiser warmly invites you to this meeting. Registration is by invitation only: please register through your personal link below, or use the same link to let us know you cannot come.',
    when: 'When',
    where: 'Where',
    button: 'Accept and register',
    personal: 'This link registers your address {email} only; forwarding it registers nobody else.',
    colon: ': ',
    footer: 'Sent by Colloquy.',
  },
} as const;

const fill = (s: string, vars: Record<string, string>) => s.replace(/\{(\w+)\}/g, (_, k: string) => vars[k] ?? '');

export function renderInvitationEmail(
  locale: Locale,
  e: typeof events.$inferSelect,
  p: { link?: string; name?: string; email?: string },
): Rendered {
  const c = copy[locale];
  const zh = locale === 'zh-CN';
  const title = zh ? e.titleZh : e.titleEn;
  const venue = [zh ? e.venueZh : e.venueEn, zh ? e.addressZh : e.addressEn].filter(Boolean).join(' · ');
  const when = eventWhen(e, locale);
  const subject = fill(c.subject, { event: title });
  const greeting = fill(c.greeting, { name: p.name ?? '' });
  const personal = fill(c.personal, { email: p.email ?? '' });
  const link = p.link ?? '';
  const cell = 'padding:6px 12px 6px 0;vertical-align:top;text-align:left';
  const label = `${cell};white-space:nowrap;width:1%;font-weight:600`;
  const body = html`<!doctype html><html lang="${locale}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>${subject}</title></head>
<body style="margin:0;padding:12px;background:#f6f7f9;font-family:system-ui,-apple-system,'PingFang SC','Microsoft YaHei',sans-serif;color:#1b2330;line-height:1.5">
<div style="max-width:560px;margin:0 auto;background:#fff;border:1px solid #d9dee5;border-radius:10px;padding:20px">
<h1 style="font-size:20px;margin:0 0 12px">${title}</h1>
<p>${greeting}</p>
<p>${c.lead}</p>
<table role="presentation" width="100%" style="border-collapse:collapse;margin:12px 0;width:100%">
<tr><th scope="row" style="${label}">${c.when}</th><td style="${cell}">${when}</td></tr>
<tr><th scope="row" style="${label}">${c.where}</th><td style="${cell}">${venue}</td></tr>
</table>
<p><a href="${link}" style="display:inline-block;background:#0f4c5c;color:#fff;padding:10px 16px;border-radius:6px;text-decoration:none">${c.button}</a></p>
<p style="font-size:14px;color:#4d5766">${personal}</p>
<p style="font-size:12px;color:#4d5766;border-top:1px solid #d9dee5;padding-top:12px">${c.footer}</p>
</div></body></html>`;
  const text = [
    title,
    '',
    greeting,
    c.lead,
    '',
    `${c.when}${c.colon}${when}`,
    `${c.where}${c.colon}${venue}`,
    '',
    `${c.button}${c.colon}${link}`,
    personal,
    '',
    c.footer,
  ].join('\n');
  return { subject, html: body.html, text };
}
