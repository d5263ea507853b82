// Message bodies: Markdown with {{placeholders}}, rendered per recipient to HTML and text; every value escaped.
import { Marked } from 'marked';
import { escapeHtml } from '../email/html';

export const PLACEHOLDERS = [
  'name',
  'title',
  'institution',
  'event',
  'venue',
  'ticket_url',
  'sessions',
  'portal_url',
] as const;
export type Placeholder = (typeof PLACEHOLDERS)[number];
export type RecipientSession = { when: string; title: string; role: string; room: string };
export type RecipientValues = Record<Exclude<Placeholder, 'sessions' | 'portal_url'>, string> & {
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

function sessionsText(list: RecipientSession[]) {
  return list.map((s) => `- ${s.when} ${s.title} (${s.role}${s.room ? `, ${s.room}` : ''})`).join('\n');
}

function sessionsHtml(list: RecipientSession[]) {
  if (!list.length) return '';
  return `<ul>${list.map((s) => `<li><strong>${escapeHtml(s.when)}</strong> ${escapeHtml(s.title)} <em>(${escapeHtml(s.role)}${s.room ? `, ${escapeHtml(s.room)}` : ''})</em></li>`).join('')}</ul>`;
}

export function renderMessage(subject: string, body: string, v: RecipientValues) {
  const answerOf = (key: string) => v.answers?.[key.slice(ANSWER.length)] ?? '';
  const plain = (text: string) =>
    text.replace(TOKEN, (_, key: string) =>
      key.startsWith(ANSWER)
        ? answerOf(key)
        : key === 'sessions'
          ? sessionsText(v.sessions)
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
  html = html.replace(new RegExp(`<p>${sentinel(sessionsIndex)}</p>`, 'g'), sessionsHtml(v.sessions));
  PLACEHOLDERS.forEach((key, i) => {
    const value = key === 'sessions' ? sessionsHtml(v.sessions) : escapeHtml(v[key] ?? '');
    html = html.replaceAll(sentinel(i), value);
  });
  return {
    subject: plain(subject)
      .replace(/[\r\n]+/g, ' ')
      .trim(),
    html: `<!doctype html><html><head><meta charset="utf-8"></head><body style="font-family:system-ui,-apple-system,'PingFang SC','Microsoft YaHei',sans-serif;color:#1b2330;line-height:1.6"><div style="max-width:600px;margin:0 auto;padding:16px">${html}</div></body></html>`,
    text: plain(body),
  };
}
