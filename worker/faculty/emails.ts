// The faculty emails: the portal link and the reminder of what is missing, in Chinese and English together.
import { sql } from 'drizzle-orm';
import { escapeHtml } from '../email/html';
import { newId } from '../lib/random';
import type { MissingItem } from './input';

type Person = { personId: string; eventId: string; email: string; nameZh: string; nameEn: string };
type Event = { titleZh: string; titleEn: string };

const ITEM_WORDS: Record<MissingItem, { zh: string; en: string }> = {
  confirmation: { zh: '确认或婉拒邀请', en: 'confirm or decline your invitation' },
  disclosure: { zh: '填写并签署利益冲突声明', en: 'fill in and sign your disclosure of financial relationships' },
  bio_photo: { zh: '补充个人简介和照片', en: 'add your bio and photo' },
  consent: { zh: '确认录像与讲稿发布授权', en: 'give or refuse consent to recording and publishing your slides' },
  logistics: { zh: '填写行程、住宿与劳务信息', en: 'enter your travel, hotel and honorarium details' },
};

function render(intro: { zh: string; en: string }, items: MissingItem[], url: string) {
  const list = (lang: 'zh' | 'en') => items.map((i) => ITEM_WORDS[i][lang]);
  const text = [
    intro.zh,
    ...list('zh').map((l) => `- ${l}`),
    `个人页面：${url}`,
    '此链接仅供您本人使用，请勿转发。',
    '',
    intro.en,
    ...list('en').map((l) => `- ${l}`),
    `Your page: ${url}`,
    'This link is for you alone: please do not forward it.',
  ].join('\n');
  const ul = (lang: 'zh' | 'en') =>
    items.length
      ? `<ul>${list(lang)
          .map((l) => `<li>${escapeHtml(l)}</li>`)
          .join('')}</ul>`
      : '';
  const a = `<a href="${escapeHtml(url)}">${escapeHtml(url)}</a>`;
  const html = `<!doctype html><html><head><meta charset="utf-8"></head><body style="font-family:system-ui,-apple-system,'PingFang SC','Microsoft YaHei',sans-serif;color:#1b2330;line-height:1.6"><div style="max-width:600px;margin:0 auto;padding:16px"><p>${escapeHtml(intro.zh)}</p>${ul('zh')}<p>个人页面：${a}</p><p>此链接仅供您本人使用，请勿转发。</p><hr><p lang="en">${escapeHtml(intro.en)}</p>${ul('en')}<p lang="en">Your page: ${a}</p><p lang="en">This link is for you alone: please do not forward it.</p></div></body></html>`;
  return { html, text };
}

/** The outbox row carrying a person's portal link; `portal` in the payload lets the outbox redact it once sent. */
export function linkEmail(p: Person, e: Event, url: string, token: string, now: number) {
  const { html, text } = render(
    {
      zh: `${p.nameZh}，您好！这是您在「${e.titleZh}」的讲者个人页面：请确认邀请、更新简介，并填写利益冲突声明与授权。`,
      en: `Dear ${p.nameEn}, here is your personal page for "${e.titleEn}": confirm your invitation, update your profile, and fill in your disclosure and consents.`,
    },
    [],
    url,
  );
  const subject = `讲者个人页面 · Your speaker page: ${e.titleZh}`;
  return sql`INSERT INTO emails (id, event_id, kind, "to", locale, payload, subject, html, text, created_at)
    VALUES (${newId('eml')}, ${p.eventId}, 'faculty_link', ${p.email}, 'zh-CN', ${JSON.stringify({ portal: token, personId: p.personId })}, ${subject}, ${html}, ${text}, ${now})`;
}

/** The reminder of what a person still owes, with a fresh link (the hashes of the earlier ones cannot be mailed). */
export function reminderEmail(p: Person, e: Event, items: MissingItem[], url: string, token: string) {
  const { html, text } = render(
    {
      zh: `${p.nameZh}，您好！「${e.titleZh}」筹备中，以下事项尚待您完成：`,
      en: `Dear ${p.nameEn}, as we prepare "${e.titleEn}", these items are still missing:`,
    },
    items,
    url,
  );
  const subject = `提醒 · Reminder: ${e.titleZh}`;
  return { subject, html, text, payload: JSON.stringify({ portal: token, personId: p.personId }) };
}

export { ITEM_WORDS };
