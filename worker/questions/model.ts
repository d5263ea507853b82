// Registration questions: their shape, the rules across the organiser's list, and how a new list replaces the old one.
import type { z } from 'zod';
import type { questionsInput } from './input';
import { activeQuestions, compilePattern, type Question, type QuestionType } from './types';

export * from './types';

const CHOICE_TYPES: ReadonlySet<QuestionType> = new Set(['single_choice', 'multiple_choice']);

export type QuestionsInput = z.infer<typeof questionsInput>;

/** Field errors for rules that span the list: unique ids, choices for choice types, a valid pattern, showIf targets. */
export function checkQuestions(list: QuestionsInput['questions']): Record<string, string> {
  const fields: Record<string, string> = {};
  const seen = new Set<string>();
  list.forEach((q, i) => {
    const at = `questions.${i}`;
    if (seen.has(q.id)) fields[`${at}.id`] = 'Each question needs its own id.';
    if (CHOICE_TYPES.has(q.type)) {
      const values = (q.options ?? []).map((o) => o.value);
      if (!values.length) fields[`${at}.options`] = 'Give at least one choice.';
      else if (new Set(values).size !== values.length) fields[`${at}.options`] = 'Each choice needs its own value.';
    }
    if (q.type === 'pattern') {
      if (!q.pattern) fields[`${at}.pattern`] = 'Give the pattern the answer must match.';
      else if (!compilePattern(q.pattern)) fields[`${at}.pattern`] = 'This is not a valid regular expression.';
    }
    if (q.showIf) {
      // Only an earlier question can decide: no cycles, and the form reads top to bottom.
      if (!seen.has(q.showIf.questionId)) fields[`${at}.showIf`] = 'Show this only after the question it depends on.';
    }
    seen.add(q.id);
  });
  return fields;
}

/** The organiser's new list, followed by the old questions it no longer has (marked removed, so answers keep a label). */
export function replaceQuestions(old: Question[], next: QuestionsInput['questions']): Question[] {
  const ids = new Set(next.map((q) => q.id));
  const kept: Question[] = next.map((q) => {
    const out: Question = { id: q.id, type: q.type, label: q.label, required: q.required };
    if (q.help && (q.help.zh || q.help.en)) out.help = q.help;
    if (CHOICE_TYPES.has(q.type) && q.options) out.options = q.options;
    if (q.type === 'pattern' && q.pattern) out.pattern = q.pattern;
    if (q.showIf) out.showIf = q.showIf;
    if (q.sensitive) out.sensitive = true;
    if (q.desk) out.desk = true;
    return out;
  });
  const removed = old.filter((q) => !ids.has(q.id)).map((q) => ({ ...q, removed: true }));
  return [...kept, ...removed];
}

/** The questions as the public event page needs them (removed ones left out). */
export const publicQuestions = (all: Question[]) => activeQuestions(all);
