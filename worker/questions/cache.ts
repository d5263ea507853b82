// The isolate's copy of each event's questions, so a registration validates its answers without reading them first:
// the INSERT only goes through when the event's questions_rev still equals the copy's, else the caller refreshes.
import { parseQuestions, type Question } from './model';

type Entry = { rev: number; questions: Question[] };
const copies = new Map<string, Entry>();

export const cachedQuestions = (slug: string): Entry | undefined => copies.get(slug);

export function rememberQuestions(slug: string, rev: number, json: string | null | undefined): Entry {
  if (copies.size > 500) copies.clear();
  const entry = { rev, questions: parseQuestions(json) };
  copies.set(slug, entry);
  return entry;
}

export const forgetQuestions = (slug: string) => copies.delete(slug);
