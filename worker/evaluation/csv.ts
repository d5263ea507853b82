// The evaluation results as CSV in the organiser's language: ratings per target and aspect, the assessment, comments.
import { toCsv } from '../attendees/csv';
import type { Locale } from '../http/messages';
import { ASPECTS } from './input';
import { type Results, resultsBody } from './results';
import { ASPECT_WORDS } from './rules';

const HEADERS: Record<Locale, string[]> = {
  'zh-CN': ['类别', '对象', '日程', '方面', '人数', '平均分', '1分', '2分', '3分', '4分', '5分', '内容'],
  en: ['Kind', 'Target', 'Agenda item', 'Aspect', 'Responses', 'Average', '1', '2', '3', '4', '5', 'Text'],
};

const KIND: Record<string, Record<Locale, string>> = {
  item: { 'zh-CN': '日程', en: 'Item' },
  person: { 'zh-CN': '讲者', en: 'Speaker' },
  event: { 'zh-CN': '会议', en: 'Event' },
  assessment: { 'zh-CN': '考核', en: 'Assessment' },
};

type Cell = string | number | null;

/** A row with a count and a text but no average or 1–5 distribution (response rate, assessment, a comment). */
const textRow = (
  kind: string,
  target: string,
  item: string,
  aspect: string,
  n: number | null,
  text: string,
): Cell[] => [kind, target, item, aspect, n, null, '', '', '', '', '', text];

/** One file, never a respondent's name or id: comments are listed by what they are about. */
export function resultsCsv(r: Results, comments: readonly { target: string; text: string }[], lang: Locale): string {
  const zh = lang === 'zh-CN';
  const body = resultsBody(r);
  const title = (t: { titleZh: string; titleEn: string }) => (zh ? t.titleZh : t.titleEn);
  const rows: Cell[][] = [];
  const o = body.overall;
  rows.push([
    KIND.event![lang],
    title(r.head ?? { titleZh: '', titleEn: '' }),
    '',
    ASPECT_WORDS.overall[lang],
    o.n,
    o.avg,
    ...o.dist,
    '',
  ]);
  for (const t of body.targets)
    for (const a of ASPECTS) {
      const x = t.aspects[a];
      const item = t.kind === 'person' ? (zh ? t.itemTitleZh : t.itemTitleEn) : '';
      rows.push([KIND[t.kind]![lang], title(t), item, ASPECT_WORDS[a][lang], x.n, x.avg, ...x.dist, '']);
    }
  rows.push(textRow('', zh ? '应答人数' : 'Responded', '', '', body.responded, `${body.responseRate}%`));
  if (body.assessment) {
    const a = body.assessment;
    rows.push(textRow(KIND.assessment![lang], zh ? '通过率' : 'Pass rate', '', '', a.attempted, `${a.passRate}%`));
    for (const q of a.questions)
      rows.push(
        textRow(
          KIND.assessment![lang],
          zh ? q.promptZh : q.promptEn,
          '',
          zh ? '答错率' : 'Missed',
          a.attempts,
          `${q.missedRate}%`,
        ),
      );
  }
  const targets = new Map(r.targets.map((t) => [t.key, t]));
  for (const c of comments) {
    const t = targets.get(c.target);
    if (!t) continue;
    const item = t.kind === 'person' ? ((zh ? t.itemTitleZh : t.itemTitleEn) ?? '') : '';
    rows.push(textRow(KIND[t.kind]![lang], title(t), item, ASPECT_WORDS.comment[lang], null, c.text));
  }
  return toCsv(HEADERS[lang], rows);
}
