// Message bodies: Markdown with {{placeholders}}, rendered per recipient to HTML and text; every value escaped. The
// HTML sits in the same card, under the event's title and above the "Sent by Colloquy" footer, as the system emails.
import { Marked } from 'marked';
import { escapeHtml } from '../email/html';

export const PLACEHOLDERS = [
  'name',
  'title',
  'institution',
  'event',
  'venue',
  'contact',
  'ticket_url',
  'sessions',
  'portal_url',
] as const;
export type Placeholder = (typeof PLACEHOLDERS)[number];
export type RecipientSession = { when: string; title: string; role: string; room: string };
export type RecipientValues = Record<Exclude<Placeholder, 'sessions' | 'portal_url'>, string> & {
  /** The language the email is written in: its footer's. */
  locale: 'zh-CN' | 'en';
  sessions: RecipientSession[];
  /** {{portal_url}}: a person's own faculty portal link (worker/faculty), empty for anyone else. */
  portal_url?: string;
  /** {{answer.<questionId>}}: the recipient's answers as text (worker/questions), sensitive ones masked. */
  answers?: Record<string, string>;
};

const TOKEN = /\{\{\s*([a-zA-Z_]+(?:\.[a-z0-9_]+)?)\s*\}\}/g;
const ANSWER = 'answer.';

/** Placeholders the body or subject uses that do not exist: an error at compose time, never a blank in an email. */
export function unknownPlaceholders(text: string): string[] {
  return [
    ...new Set(
      [...text.matchAll(TOKEN)]
        .map((m) => m[1]!)
        .filter((p) => !(PLACEHOLDERS as readonly string[]).includes(p) && !p.startsWith(ANSWER)),
    ),
  ];
}

/** The {{answer.<id>}} question ids a text uses: checked against the event's questions when a message is composed. */
export const answerPlaceholders = (text: string) =>
  [...new Set([...text.matchAll(TOKEN)].map((m) => m[1]!).filter((p) => p.startsWith(ANSWER)))].map((p) =>
    p.slice(ANSWER.length),
  );

const sentinel = (i: number) => `ZQPLACEHOLDER${i}QZ`;
const answerSentinel = (i: number) => `ZQANSWER${i}QZ`;

/**
 * Links that may go out in an email: web, mail and phone, or the recipient's own ticket link. Anything else
 * (javascript:, vbscript:, data:, relative, another placeholder whose value a registrant typed) stays as text.
 */
export function allowedHref(href: string) {
  const h = href.trim();
  return (
    /^(https?:\/\/|mailto:|tel:)/i.test(h) ||
    h === sentinel(PLACEHOLDERS.indexOf('ticket_url')) ||
    h === sentinel(PLACEHOLDERS.indexOf('portal_url'))
  );
}

/** The placeholders whose value is a URL: a link wherever it stands as text (built-in templates write it bare). */
const URL_PLACEHOLDERS = ['ticket_url', 'portal_url'] as const;
// A long link breaks inside itself rather than pushing the email wider than a phone (a ticket link is 60 characters).
const LINK_STYLE = 'word-break:break-word;overflow-wrap:anywhere';
const FOOTER = { 'zh-CN': '此邮件由 Colloquy 发送。', en: 'Sent by Colloquy.' } as const;

/**
 * The URL placeholders in the rendered HTML: where a sentinel stands in text outside a link, a link to its URL;
 * in a link's text or in an attribute (a link the organiser wrote, an image's alt), the URL as text. marked escapes
 * every < and > in text and attributes (raw HTML is shown as text), so its tags are exactly the <…> runs.
 */
function linkUrls(html: string, v: RecipientValues) {
  let inLink = false;
  return html
    .split(/(<[^>]*>)/)
    .map((part, i) => {
      if (i % 2) {
        if (/^<a\b/i.test(part)) inLink = true;
        else if (/^<\/a>/i.test(part)) inLink = false;
      }
      return URL_PLACEHOLDERS.reduce((out, key) => {
        const url = v[key] ?? '';
        const link =
          i % 2 === 0 && !inLink && /^https?:\/\//i.test(url)
            ? `<a href="${escapeHtml(url)}">${escapeHtml(url)}</a>`
            : escapeHtml(url);
        return out.replaceAll(sentinel(PLACEHOLDERS.indexOf(key)), link);
      }, part);
    })
    .join('');
}

// Organisers write Markdown, not HTML: raw HTML in a message is shown as text.
const markdown = new Marked({ gfm: true, breaks: true, async: false });
markdown.use({
  renderer: {
    html: ({ text }) => escapeHtml(text),
    // false hands the token back to marked's own renderer.
    link(token) {
      return allowedHref(token.href) ? false : this.parser.parseInline(token.tokens);
    },
    image(token) {
      return /^https?:\/\//i.test(token.href.trim()) ? false : escapeHtml(token.text);
    },
  },
});

/** "（主讲，学术报告厅）" in Chinese, " (speaker, Hall)" in English: the role, and the room when there is one. */
function aside(s: RecipientSession, locale: RecipientValues['locale'], esc = (x: string) => x) {
  const zh = locale === 'zh-CN';
  const inside = [s.role, s.room]
    .filter(Boolean)
    .map(esc)
    .join(zh ? '，' : ', ');
  return zh ? `（${inside}）` : ` (${inside})`;
}

function sessionsText(list: RecipientSession[], locale: RecipientValues['locale']) {
  return list.map((s) => `- ${s.when} ${s.title}${aside(s, locale)}`).join('\n');
}

function sessionsHtml(list: RecipientSession[], locale: RecipientValues['locale']) {
  if (!list.length) return '';
  return `<ul>${list.map((s) => `<li><strong>${escapeHtml(s.when)}</strong> ${escapeHtml(s.title)}<em>${aside(s, locale, escapeHtml)}</em></li>`).join('')}</ul>`;
}

export function renderMessage(subject: string, body: string, v: RecipientValues) {
  const answerOf = (key: string) => v.answers?.[key.slice(ANSWER.length)] ?? '';
  const plain = (text: string) =>
    text.replace(TOKEN, (_, key: string) =>
      key.startsWith(ANSWER)
        ? answerOf(key)
        : key === 'sessions'
          ? sessionsText(v.sessions, v.locale)
          : (v[key as Exclude<Placeholder, 'sessions'>] ?? ''),
    );
  const answerKeys = answerPlaceholders(body).map((id) => ANSWER + id);
  let html = markdown.parse(
    body.replace(TOKEN, (_, key: string) =>
      key.startsWith(ANSWER)
        ? answerSentinel(answerKeys.indexOf(key))
        : sentinel(PLACEHOLDERS.indexOf(key as Placeholder)),
    ),
  ) as string;
  answerKeys.forEach((key, i) => {
    html = html.replaceAll(answerSentinel(i), escapeHtml(answerOf(key)));
  });
  const sessionsIndex = PLACEHOLDERS.indexOf('sessions');
  html = html.replace(new RegExp(`<p>${sentinel(sessionsIndex)}</p>`, 'g'), sessionsHtml(v.sessions, v.locale));
  html = linkUrls(html, v).replaceAll('<a href="', `<a style="${LINK_STYLE}" href="`);
  PLACEHOLDERS.forEach((key, i) => {
    const value = key === 'sessions' ? sessionsHtml(v.sessions, v.locale) : escapeHtml(v[key] ?? '');
    html = html.replaceAll(sentinel(i), value);
  });
  const subjectLine = plain(subject)
    .replace(/[\r\n]+/g, ' ')
    .trim();
  return {
    subject: subjectLine,
    html: `<!doctype html><html lang="${v.locale}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>${escapeHtml(subjectLine)}</title></head>
<body style="margin:0;padding:12px;background:#f6f7f9;font-family:system-ui,-apple-system,'PingFang SC','Microsoft YaHei',sans-serif;color:#1b2330;line-height:1.5">
<div style="max-width:560px;margin:0 auto;background:#fff;border:1px solid #d9dee5;border-radius:10px;padding:20px">
<h1 style="font-size:20px;margin:0 0 12px">${escapeHtml(v.event)}</h1>
${html}
<p style="font-size:12px;color:#4d5766;border-top:1px solid #d9dee5;padding-top:12px">${FOOTER[v.locale]}</p>
</div></body></html>`,
    // The plain-text part reads as the card does: the event's title, the message, the footer.
    text: `${v.event}\n\n${plain(body)}\n\n${FOOTER[v.locale]}`,
  };
}
