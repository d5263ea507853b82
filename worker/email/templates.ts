// Attendee emails (confirmation, waitlist, promotion, re-send, cancellation) in zh-CN or English, HTML and text.
import type { events, registrations, sessions } from '../../schema';
import { clockRange, zonedParts } from '../lib/time';
import { manageUrl } from '../tickets/manage';
import { eventContact } from '../events/contact';
import { html, type Safe } from './html';

type Locale = 'zh-CN' | 'en';
type EventRow = typeof events.$inferSelect;
type RegistrationRow = typeof registrations.$inferSelect;
type AgendaItem = Pick<
  typeof sessions.$inferSelect,
  'startsAt' | 'endsAt' | 'titleZh' | 'titleEn' | 'roomZh' | 'roomEn'
>;
export type AttendeeEmailKind =
  | 'confirmation'
  | 'waitlisted'
  | 'promoted'
  | 'resend'
  | 'reissued'
  | 'cancelled'
  | 'manage_link'
  | 'pending'
  | 'approved'
  | 'rejected';
export type Rendered = { subject: string; html: string; text: string };
/** The QR travels inside the email as an inline attachment (cid:), since many hospital mail clients block remote images. */
export const QR_CONTENT_ID = 'ticket-qr';
export type AttendeeRendered = Rendered & { qr: { contentId: string; url: string } | null };

/** "2026年1月22日 14:00–17:20（北京时间）" or "22 January 2026, 14:00–17:20 (Beijing time)". */
export function eventWhen(e: Pick<EventRow, 'startsAt' | 'endsAt' | 'timezone'>, locale: Locale) {
  const s = zonedParts(e.startsAt, e.timezone);
  const end = zonedParts(e.endsAt, e.timezone);
  const zone = e.timezone === 'Asia/Shanghai' ? (locale === 'zh-CN' ? '北京时间' : 'Beijing time') : e.timezone;
  const times = clockRange(s, end);
  if (locale === 'zh-CN') return `${s.year}年${s.month}月${s.day}日 ${times}（${zone}）`;
  const month = new Date(Date.UTC(s.year, s.month - 1, 1)).toLocaleString('en-GB', { month: 'long', timeZone: 'UTC' });
  return `${s.day} ${month} ${s.year}, ${times} (${zone})`;
}

const copy = {
  'zh-CN': {
    subject: {
      confirmation: '报名成功：{event}',
      waitlisted: '已加入候补：{event}',
      promoted: '候补转正，您已获得席位：{event}',
      resend: '您的参会票：{event}',
      reissued: '您的新参会票：{event}',
      cancelled: '报名已取消：{event}',
      manage_link: '管理您的报名：{event}',
      pending: '报名已提交，等待主办方审核：{event}',
      approved: '报名已通过审核：{event}',
      rejected: '关于您的报名：{event}',
    },
    lead: {
      confirmation: '您已成功报名。请在签到时出示下方二维码。',
      waitlisted: '名额已满，您已加入候补名单。一旦有席位空出，我们会立即通知您。',
      promoted: '好消息：有席位空出，您已从候补转为正式参会。请在签到时出示下方二维码。',
      resend: '我们收到了使用此邮箱的再次报名。您的参会票如下，无需重复报名。',
      reissued: '主办方为您重新签发了参会票，旧的二维码已失效。请在签到时出示下方新的二维码。',
      cancelled: '您的报名已取消。如仍想参会，可在会议页面重新报名。',
      manage_link: '您申请了管理报名的链接。通过下方链接可查看参会票、取消报名或删除个人信息。请勿转发此邮件。',
      pending:
        '我们已收到您的报名。本会议的报名需经主办方审核，审核通过后我们会把参会票发送给您。在此之前，报名尚未占用席位。',
      approved: '主办方已通过您的报名。请在签到时出示下方二维码。',
      rejected:
        '感谢您报名参加本次会议。很遗憾，由于名额和参会范围所限，主办方此次未能通过您的报名。期待今后有机会与您相见。',
    },
    greeting: '{name}，您好：',
    when: '时间',
    where: '地点',
    agenda: '会议日程',
    ticket: '查看参会票',
    cancel: '取消报名',
    qrAlt: '参会票二维码',
    calendar: '附件为会议日程（.ics），可导入日历。',
    calendarLink: '下载会议日程（.ics），导入日历',
    // Chinese text takes full-width punctuation; English half-width.
    colon: '：',
    room: '（{room}）',
    registerAgain: '重新报名',
    // Ignoring a cancellation one did not make would lose the seat.
    notYou: '如果您并未取消报名，请联系主办方。',
    contact: '联系',
    sentBy: '此邮件由 Colloquy 发送。',
    footer: '此邮件由 Colloquy 发送。如非本人操作，请忽略。',
  },
  en: {
    subject: {
      confirmation: 'You are registered: {event}',
      waitlisted: 'You are on the waitlist: {event}',
      promoted: 'A seat opened up — you are in: {event}',
      resend: 'Your ticket: {event}',
      reissued: 'Your new ticket: {event}',
      cancelled: 'Registration cancelled: {event}',
      manage_link: 'Manage your registration: {event}',
      pending: 'Registration received, awaiting approval: {event}',
      approved: 'Your registration is approved: {event}',
      rejected: 'About your registration: {event}',
    },
    lead: {
      confirmation: 'Your registration is confirmed. Show the QR code below at the front desk.',
      waitlisted: 'The event is full, so you are on the waitlist. We will email you as soon as a seat opens up.',
      promoted:
        'Good news: a seat opened up and your registration is now confirmed. Show the QR code below at the front desk.',
      resend:
        'Someone registered again with this email address. Here is your existing ticket; there is no need to register twice.',
      reissued:
        'The organiser issued you a new ticket; the old QR code no longer works. Show the new QR code below at the front desk.',
      cancelled:
        'Your registration has been cancelled. If you would still like to attend, register again on the event page.',
      manage_link:
        'You asked for the link that manages your registration. Use it to see your ticket, cancel, or delete your data. Do not forward this email.',
      pending:
        'We have received your registration. The organiser approves each registration for this event, and we will send your ticket once yours is approved. Until then it does not hold a seat.',
      approved: 'The organiser has approved your registration. Show the QR code below at the front desk.',
      rejected:
        'Thank you for registering for this event. We are sorry that, with limited places and a set audience, the organiser could not approve your registration this time. We hope to welcome you at a future meeting.',
    },
    greeting: 'Dear {name},',
    when: 'When',
    where: 'Where',
    agenda: 'Your day',
    ticket: 'Open your ticket',
    cancel: 'Cancel registration',
    qrAlt: 'QR code of your ticket',
    calendar: 'The agenda is attached as an .ics file for your calendar.',
    calendarLink: 'Download the agenda (.ics) for your calendar',
    colon: ': ',
    room: ' ({room})',
    registerAgain: 'Register again',
    notYou: 'If you did not cancel, contact the organiser.',
    contact: 'Contact',
    sentBy: 'Sent by Colloquy.',
    footer: 'Sent by Colloquy. If this was not you, ignore this email.',
  },
} as const;

const fill = (s: string, vars: Record<string, string>) => s.replace(/\{(\w+)\}/g, (_, k: string) => vars[k] ?? '');

const cell = 'padding:6px 12px 6px 0;vertical-align:top;text-align:left';
// Labels and clock times never wrap (a narrow phone broke 时间 into one character per line); the text beside them does.
const label = `${cell};white-space:nowrap;width:1%;font-weight:600`;

/**
 * `manage` is the registration's management token: with it the ticket and cancel links may cancel or erase.
 * `calendarUrl` is for an email sent in a Resend batch, which carries no attachments: the QR is then the hosted PNG
 * and the agenda a link to this .ics address instead of an attached file.
 */
export function renderAttendeeEmail(
  kind: AttendeeEmailKind,
  locale: Locale,
  e: EventRow,
  r: RegistrationRow,
  origin: string,
  agenda: AgendaItem[] = [],
  manage?: string,
  calendarUrl?: string,
): AttendeeRendered {
  const c = copy[locale];
  const zh = locale === 'zh-CN';
  const title = zh ? e.titleZh : e.titleEn;
  const venue = [zh ? e.venueZh : e.venueEn, zh ? e.addressZh : e.addressEn].filter(Boolean).join(' · ');
  const contact = eventContact(e, zh);
  const when = eventWhen(e, locale);
  const ticketUrl = manage ? manageUrl(origin, r.ticketCode, manage) : `${origin}/t/${r.ticketCode}`;
  const qrUrl = `${origin}/api/tickets/${r.ticketCode}/qr.png`;
  const showTicket = kind !== 'cancelled' && kind !== 'rejected';
  const cancelled = kind === 'cancelled';
  // A cancelled registration is gone: registering again starts from the event page.
  const eventUrl = `${origin}/e/${encodeURIComponent(e.slug)}#register`;
  const footer = cancelled ? c.sentBy : c.footer;
  const showQr =
    kind === 'confirmation' ||
    kind === 'approved' ||
    kind === 'promoted' ||
    ((kind === 'resend' || kind === 'reissued') && r.status === 'confirmed');
  const subject = fill(c.subject[kind], { event: title });
  const lead =
    kind === 'resend' && (r.status === 'pending' || r.status === 'rejected') ? c.lead[r.status] : c.lead[kind];
  const day = showTicket
    ? agenda.map((s) => ({
        time: clockRange(zonedParts(s.startsAt, e.timezone), zonedParts(s.endsAt, e.timezone)),
        title: zh ? s.titleZh : s.titleEn,
        room: zh ? s.roomZh : s.roomEn,
      }))
    : [];

  const body: Safe = html`<!doctype html><html lang="${locale}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>${subject}</title></head>
<body style="margin:0;padding:12px;background:#f6f7f9;font-family:system-ui,-apple-system,'PingFang SC','Microsoft YaHei',sans-serif;color:#1b2330;line-height:1.5">
<div style="max-width:560px;margin:0 auto;background:#fff;border:1px solid #d9dee5;border-radius:10px;padding:20px">
<h1 style="font-size:20px;margin:0 0 12px">${title}</h1>
<p>${fill(c.greeting, { name: r.name })}</p>
<p>${lead}</p>
<table role="presentation" width="100%" style="border-collapse:collapse;margin:12px 0;width:100%">
<tr><th scope="row" style="${label}">${c.when}</th><td style="${cell}">${when}</td></tr>
<tr><th scope="row" style="${label}">${c.where}</th><td style="${cell}">${venue}</td></tr>
${contact ? html`<tr><th scope="row" style="${label}">${c.contact}</th><td style="${cell}">${contact}</td></tr>` : ''}
</table>
${showQr ? html`<p style="text-align:center;margin:16px 0"><img src="${calendarUrl ? qrUrl : `cid:${QR_CONTENT_ID}`}" width="246" height="246" alt="${c.qrAlt}" style="display:inline-block;max-width:100%;height:auto"></p>` : ''}
${showTicket ? html`<p><a href="${ticketUrl}" style="display:inline-block;background:#0f4c5c;color:#fff;padding:10px 16px;border-radius:6px;text-decoration:none">${c.ticket}</a></p>` : ''}
${cancelled ? html`<p><a href="${eventUrl}" style="display:inline-block;background:#0f4c5c;color:#fff;padding:10px 16px;border-radius:6px;text-decoration:none">${c.registerAgain}</a></p><p>${c.notYou}</p>` : ''}
${
  day.length
    ? html`<h2 style="font-size:16px;margin:20px 0 4px">${c.agenda}</h2>
<table role="presentation" width="100%" style="border-collapse:collapse;width:100%;font-size:14px">${day.map(
        (d) => html`
<tr style="border-top:1px solid #e6e9ee"><td style="${label};font-weight:400;font-variant-numeric:tabular-nums">${d.time}</td><td style="${cell}">${d.title}${d.room ? html`<br><span style="color:#4d5766">${d.room}</span>` : ''}</td></tr>`,
      )}
</table>`
    : ''
}
${
  showTicket
    ? html`<p style="font-size:14px">${calendarUrl ? html`<a href="${calendarUrl}">${c.calendarLink}</a>` : c.calendar}</p>
<p style="font-size:14px"><a href="${ticketUrl}#cancel" style="color:#a4161a">${c.cancel}</a></p>`
    : ''
}
<p style="font-size:12px;color:#4d5766;border-top:1px solid #d9dee5;padding-top:12px">${footer}</p>
</div></body></html>`;

  const text = [
    title,
    '',
    fill(c.greeting, { name: r.name }),
    lead,
    '',
    `${c.when}${c.colon}${when}`,
    `${c.where}${c.colon}${venue}`,
    ...(contact ? [`${c.contact}${c.colon}${contact}`] : []),
    '',
    ...(day.length
      ? [
          `${c.agenda}${c.colon.trim()}`,
          ...day.map((d) => `  ${d.time}  ${d.title}${d.room ? fill(c.room, { room: d.room }) : ''}`),
          '',
        ]
      : []),
    ...(showTicket
      ? [
          `${c.ticket}${c.colon}${ticketUrl}`,
          calendarUrl ? `${c.calendarLink}${c.colon}${calendarUrl}` : c.calendar,
          `${c.cancel}${c.colon}${ticketUrl}#cancel`,
          '',
        ]
      : []),
    ...(cancelled ? [`${c.registerAgain}${c.colon}${eventUrl}`, c.notYou, ''] : []),
    footer,
  ].join('\n');
  return {
    subject,
    html: body.html,
    text,
    qr: showQr && !calendarUrl ? { contentId: QR_CONTENT_ID, url: qrUrl } : null,
  };
}

export function renderSignInEmail(locale: Locale, link: string): Rendered {
  const zh = locale === 'zh-CN';
  const subject = zh ? 'Colloquy 登录链接' : 'Your Colloquy sign-in link';
  const lead = zh
    ? '点击下方按钮登录 Colloquy。链接 15 分钟内有效，只能使用一次。'
    : 'Use the button below to sign in to Colloquy. The link works once, within 15 minutes.';
  const button = zh ? '登录' : 'Sign in';
  const ignore = zh ? '如果不是您本人申请，请忽略此邮件。' : 'If you did not ask to sign in, ignore this email.';
  const body = html`<!doctype html><html lang="${locale}"><head><meta charset="utf-8"><title>${subject}</title></head>
<body style="font-family:system-ui,sans-serif;color:#1b2330;padding:24px"><div style="max-width:520px;margin:0 auto">
<h1 style="font-size:20px">${subject}</h1><p>${lead}</p>
<p><a href="${link}" style="display:inline-block;background:#0f4c5c;color:#fff;padding:10px 16px;border-radius:6px;text-decoration:none">${button}</a></p>
<p style="font-size:13px;color:#4d5766">${ignore}</p></div></body></html>`;
  return {
    subject,
    html: body.html,
    text: `${subject}\n\n${lead}\n\n${button}${zh ? '：' : ': '}${link}\n\n${ignore}`,
  };
}
