// Registration questions as data: their types, and the small rules the web form shares with the worker (no zod here,
// so the public page does not ship it).

export const QUESTION_TYPES = [
  'short_text',
  'long_text',
  'single_choice',
  'multiple_choice',
  'number',
  'date',
  'yes_no',
  'phone',
  'email',
  'pattern',
] as const;
export type QuestionType = (typeof QUESTION_TYPES)[number];

export type Bilingual = { zh: string; en: string };
export type Option = { value: string; label: Bilingual };
export type ShowIf = { questionId: string; equals: string | number | boolean };

/** One question as stored in events.questions and as the API gives it. */
export type Question = {
  id: string;
  type: QuestionType;
  label: Bilingual;
  help?: Bilingual;
  required: boolean;
  options?: Option[];
  /** For `pattern`: the whole answer must match this regular expression. */
  pattern?: string;
  showIf?: ShowIf;
  /** Sensitive personal information (PIPL): its own consent tick, masked everywhere but the CME roster. */
  sensitive?: boolean;
  /** Shown on the desk's result screen (e.g. 科室). */
  desk?: boolean;
  /** Removed by the organiser after people answered: kept so the export still has the answers. */
  removed?: boolean;
};

export function compilePattern(pattern: string): RegExp | null {
  try {
    return new RegExp(`^(?:${pattern})$`, 'u');
  } catch {
    return null;
  }
}

/** The stored list, tolerant of anything unexpected in the column. */
export function parseQuestions(json: string | null | undefined): Question[] {
  if (!json) return [];
  try {
    const list = JSON.parse(json) as unknown;
    return Array.isArray(list) ? (list as Question[]) : [];
  } catch {
    return [];
  }
}

export const activeQuestions = (all: Question[]) => all.filter((q) => !q.removed);
