// The rules for answers: which questions are visible (show only if), what each type accepts, required, sensitive
// consent; and masking of sensitive answers for every reader but the CME roster.
import { typedAscii } from '../lib/normalize';
import { activeQuestions, compilePattern, type Question } from './types';
import { ANSWER_ZH } from './words';

export type AnswerValue = string | number | boolean | string[];
export type Answers = Record<string, AnswerValue>;
type Locale = 'zh-CN' | 'en';

/** An answer rule's message in the request's language (the Worker's dictionary includes these words too). */
const say = (locale: Locale, en: string) => (locale === 'zh-CN' ? (ANSWER_ZH[en] ?? en) : en);

const isEmpty = (v: unknown) =>
  v === undefined || v === null || (typeof v === 'string' && v.trim() === '') || (Array.isArray(v) && !v.length);

/** Does the answer `v` meet a "show only if … equals" condition? Multiple choice meets it when it includes the value. */
export function meets(v: unknown, equals: string | number | boolean): boolean {
  if (Array.isArray(v)) return v.includes(String(equals));
  if (typeof v === 'number' || typeof equals === 'number') return Number(v) === Number(equals) && !isEmpty(v);
  return v === equals;
}

/** The ids of the questions shown for these answers, in order (a question hidden hides those that depend on it). */
export function visibleIds(questions: Question[], answers: Record<string, unknown>): Set<string> {
  const shown = new Set<string>();
  for (const q of activeQuestions(questions)) {
    if (!q.showIf || (shown.has(q.showIf.questionId) && meets(answers[q.showIf.questionId], q.showIf.equals)))
      shown.add(q.id);
  }
  return shown;
}

const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const PHONE = /^[0-9+()\-\s]{3,40}$/;
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/** One answer normalised for its question, or the English message saying what is wrong. */
function normalise(q: Question, raw: unknown): { value: AnswerValue } | { error: string } {
  const text = (max: number) => {
    if (typeof raw !== 'string' && typeof raw !== 'number') return { error: 'This is not in the expected format.' };
    const s = String(raw).trim();
    return s.length > max ? { error: 'Too long.' } : { value: s };
  };
  switch (q.type) {
    case 'short_text':
      return text(200);
    case 'long_text':
      return text(2000);
    case 'single_choice':
      return typeof raw === 'string' && q.options?.some((o) => o.value === raw)
        ? { value: raw }
        : { error: 'Choose one of the given options.' };
    case 'multiple_choice': {
      const list = Array.isArray(raw) ? raw : [raw];
      if (!list.every((v) => typeof v === 'string' && q.options?.some((o) => o.value === v)))
        return { error: 'Choose one of the given options.' };
      // Kept in the organiser's order, each once.
      return { value: (q.options ?? []).map((o) => o.value).filter((v) => list.includes(v)) };
    }
    case 'number': {
      const n = typeof raw === 'number' ? raw : typeof raw === 'string' ? Number(typedAscii(raw).trim()) : Number.NaN;
      return Number.isFinite(n) ? { value: n } : { error: 'Use a number.' };
    }
    case 'date': {
      const m = typeof raw === 'string' ? DATE.exec(raw.trim()) : null;
      const d = m ? new Date(Date.UTC(+m[1]!, +m[2]! - 1, +m[3]!)) : null;
      return d && d.getUTCDate() === +m![3]! && d.getUTCMonth() === +m![2]! - 1
        ? { value: m![0] }
        : { error: 'Use a date like 2026-01-22.' };
    }
    case 'yes_no':
      return typeof raw === 'boolean' ? { value: raw } : { error: 'Answer yes or no.' };
    case 'phone': {
      const s = typeof raw === 'string' ? typedAscii(raw).trim() : '';
      return PHONE.test(s) ? { value: s } : { error: 'Use digits, spaces, + - ( ) only.' };
    }
    case 'email': {
      const s = typeof raw === 'string' ? typedAscii(raw).trim() : '';
      return s.length <= 254 && EMAIL.test(s) ? { value: s } : { error: 'Enter a valid email address.' };
    }
    case 'pattern': {
      const s = typeof raw === 'string' || typeof raw === 'number' ? typedAscii(String(raw)).trim() : '';
      const re = q.pattern ? compilePattern(q.pattern) : null;
      return s.length <= 200 && re?.test(s) ? { value: s } : { error: 'This is not in the expected format.' };
    }
  }
}

export type Checked = { answers: Answers; fields: Record<string, string> };

/**
 * Checks a registration's answers against the event's questions. Unknown ids are refused; answers to questions that
 * "show only if" hides are dropped; a sensitive answer needs its own consent. Field keys are `answers.<id>`.
 */
export function checkAnswers(
  questions: Question[],
  given: Record<string, unknown> | undefined,
  consents: readonly string[] | undefined,
  locale: Locale,
): Checked {
  const raw = given ?? {};
  const active = activeQuestions(questions);
  const byId = new Map(active.map((q) => [q.id, q]));
  const fields: Record<string, string> = {};
  for (const id of Object.keys(raw))
    if (!byId.has(id)) fields[`answers.${id}`] = say(locale, 'This question is not asked at this event.');
  const shown = visibleIds(questions, raw);
  const answers: Answers = {};
  for (const q of active) {
    if (!shown.has(q.id)) continue;
    const v = raw[q.id];
    const key = `answers.${q.id}`;
    if (isEmpty(v)) {
      if (q.required)
        fields[key] = say(
          locale,
          q.type === 'single_choice' || q.type === 'yes_no'
            ? 'Choose one.'
            : q.type === 'multiple_choice'
              ? 'Choose at least one.'
              : 'Fill this in.',
        );
      continue;
    }
    const out = normalise(q, v);
    if ('error' in out) {
      fields[key] = say(locale, out.error);
      continue;
    }
    if (q.sensitive && !consents?.includes(q.id)) {
      fields[key] = say(locale, 'Tick the box to agree to the use of this answer.');
      continue;
    }
    answers[q.id] = out.value;
  }
  return { answers, fields };
}

/** A sensitive answer as everyone but the CME roster sees it: the last 4 characters at most, the rest starred. */
export function maskValue(v: AnswerValue): string {
  const s = Array.isArray(v) ? v.join(', ') : String(v);
  const keep = s.length >= 8 ? 4 : 0;
  return '*'.repeat(Math.max(4, s.length - keep)) + s.slice(s.length - keep);
}

/**
 * The answers with every sensitive one masked: what the console, desk, CSV and ticket page get. An answer whose
 * question is unknown to the caller is masked too, so a reader without the questions can never leak one.
 */
export function maskedAnswers(questions: Question[], answers: Answers): Answers {
  const plain = new Set(questions.filter((q) => !q.sensitive).map((q) => q.id));
  const out: Answers = {};
  for (const [id, v] of Object.entries(answers)) out[id] = plain.has(id) ? v : maskValue(v);
  return out;
}

export function parseAnswers(json: string | null | undefined): Answers {
  if (!json) return {};
  try {
    const a = JSON.parse(json) as unknown;
    return a && typeof a === 'object' && !Array.isArray(a) ? (a as Answers) : {};
  } catch {
    return {};
  }
}
