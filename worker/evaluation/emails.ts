// The evaluation's emails: the attendee's link (in their language, once per registration, sent by the cron) and each
// speaker's anonymous report (both languages, with their portal link) through the messages outbox.
import { sql } from 'drizzle-orm';
import { atomically } from '../db';
import type { Bindings } from '../env';
import { escapeHtml } from '../email/html';
import type { Locale } from '../http/messages';
import { ASPECTS } from './input';
import { ASPECT_WORDS } from './rules';

const STYLE =
  "font-family:system-ui,-apple-system,'PingFang SC','Microsoft YaHei',sans-serif;color:#1b2330;line-height:1.6";
const page = (body: string) =>
  `<!doctype html><html><head><meta charset="utf-8"></head><body style="${STYLE}"><div style="max-width:600px;margin:0 auto;padding:16px">${body}</div></body></html>`;

export const evaluationUrl = (origin: string, code: string) => `${origin}/t/${code}/evaluation`;

/** The outbox id of a registration's evaluation email: the same every run, so the cron can never send it twice. */
export const invitationEmailId = (registrationId: string) => `eml_evaluation_${registrationId}`;

export function invitationEmail(
  locale: Locale,
  r: { name: string },
  e: { titleZh: string; titleEn: string },
  url: string,
  assessment: boolean,
) {
  const zh = locale === 'zh-CN';
  const subject = zh ? `请评价「${e.titleZh}」` : `Your evaluation of "${e.titleEn}"`;
  const lines = zh
    ? [
        `${r.name}，您好！`,
        `感谢您参加「${e.titleZh}」。请为讲者和日程打分，并填写意见${assessment ? '；如需学分，请同时完成考核' : ''}。`,
        '每题即时保存，手机上也可以填写。',
      ]
    : [
        `Dear ${r.name},`,
        `Thank you for attending "${e.titleEn}". Please rate the talks and the speakers${assessment ? ', and take the assessment if you need the credit' : ''}.`,
        'Each answer is saved as you go, and it works on a phone.',
      ];
  const open = zh ? '打开评价' : 'Open the evaluation';
  const text = [...lines, `${open}${zh ? '：' : ': '}${url}`].join('\n');
  const html = page(
    `${lines.map((l) => `<p>${escapeHtml(l)}</p>`).join('')}<p><a href="${escapeHtml(url)}">${escapeHtml(open)}</a></p>`,
  );
  return { subject, html, text };
}

type Due = {
  id: string;
  eventId: string;
  email: string;
  name: string;
  locale: Locale;
  ticketCode: string;
  titleZh: string;
  titleEn: string;
  assessment: number;
};

/**
 * The cron's evaluation emails: each confirmed registration whose window is open (it signed out of an accredited
 * item, or the event ended) and that may answer gets one email with its ticket link. The email's id is fixed per
 * registration and inserted with ON CONFLICT DO NOTHING, so however often the cron runs, one email each.
 */
export async function sendEvaluationInvitations(env: Bindings, now = Date.now(), origin = 'https://colloquy.example') {
  const [due] = await atomically(env.DB, [
    sql`SELECT r.id, r.event_id AS eventId, r.email, r.name, r.locale, r.ticket_code AS ticketCode,
          e.title_zh AS titleZh, e.title_en AS titleEn, json_extract(f.settings, '$.assessment') IS NOT NULL AS assessment
        FROM evaluation_forms f JOIN events e ON e.id = f.event_id
          JOIN registrations r ON r.event_id = e.id AND r.status = 'confirmed'
        WHERE e.ends_at + json_extract(f.settings, '$.closesAfterDays') * 86400000 >= ${now}
          AND r.email != ''
          AND NOT EXISTS (SELECT 1 FROM emails m WHERE m.id = 'eml_evaluation_' || r.id)
          AND (json_extract(f.settings, '$.audience') = 'everyone' OR r.id IN
            (SELECT registration_id FROM attendance_scans WHERE event_id = e.id AND direction = 'in'))
          AND (e.ends_at <= ${now} OR (json_extract(f.settings, '$.opensOn') = 'sign_out' AND r.id IN
            (SELECT s.registration_id FROM attendance_scans s LEFT JOIN cme_projects c ON c.event_id = s.event_id
             WHERE s.event_id = e.id AND s.direction = 'out' AND s.source != 'auto' AND s.scanned_at <= ${now}
               AND (c.settings IS NULL OR s.point = '' OR s.point IN (SELECT value FROM json_each(c.settings, '$.accreditedSessionIds'))))))
        LIMIT 500`,
  ]);
  const rows = (due as Due[]).map((r) => {
    const m = invitationEmail(r.locale, r, r, evaluationUrl(origin, r.ticketCode), !!r.assessment);
    return sql`INSERT INTO emails (id, event_id, registration_id, kind, "to", locale, payload, subject, html, text, created_at)
      VALUES (${invitationEmailId(r.id)}, ${r.eventId}, ${r.id}, 'evaluation', ${r.email}, ${r.locale}, '{}', ${m.subject}, ${m.html}, ${m.text}, ${now})
      ON CONFLICT DO NOTHING`;
  });
  // D1 batches take many statements; a few hundred small inserts stay one round trip.
  if (rows.length) await atomically(env.DB, rows);
  return rows.length;
}

type Averages = Record<(typeof ASPECTS)[number], number | null>;

/** A speaker's report email: their averages and response count in both languages, and their portal link. */
export function speakerEmail(
  p: { nameZh: string; nameEn: string },
  e: { titleZh: string; titleEn: string },
  n: number,
  averages: Averages,
  url: string,
) {
  const avg = (lang: Locale) =>
    ASPECTS.map(
      (a) =>
        `${ASPECT_WORDS[a][lang]}${lang === 'zh-CN' ? '：' : ': '}${averages[a] === null ? '—' : averages[a]!.toFixed(2)}`,
    );
  const zh = [
    `${p.nameZh}，您好！「${e.titleZh}」的听众评价已汇总（${n} 份，匿名）。`,
    ...avg('zh-CN'),
    `完整报告请见您的讲者个人页面：${url}`,
  ];
  const en = [
    `Dear ${p.nameEn || p.nameZh}, the audience's feedback on "${e.titleEn}" is in (${n} responses, anonymous).`,
    ...avg('en'),
    `The full report is on your speaker page: ${url}`,
  ];
  const subject = `听众评价 · Your feedback: ${e.titleZh}`;
  const text = [...zh, 'This link is for you alone: please do not forward it.', '', ...en].join('\n');
  const list = (ls: string[]) => `<ul>${ls.map((l) => `<li>${escapeHtml(l)}</li>`).join('')}</ul>`;
  const a = `<a href="${escapeHtml(url)}">${escapeHtml(url)}</a>`;
  const html = page(
    `<p>${escapeHtml(zh[0]!)}</p>${list(avg('zh-CN'))}<p>完整报告请见您的讲者个人页面：${a}</p><p>此链接仅供您本人使用，请勿转发。</p><hr>` +
      `<p lang="en">${escapeHtml(en[0]!)}</p>${list(avg('en'))}<p lang="en">The full report is on your speaker page: ${a}</p><p lang="en">This link is for you alone: please do not forward it.</p>`,
  );
  return { subject, html, text };
}
