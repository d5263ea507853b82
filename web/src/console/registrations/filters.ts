// What the registrations table shows: search, filters, sort and page, kept in one store, and the query they make.
import { createStore } from 'solid-js/store';
import type { RegistrationQuery } from '../console-api';
import { createDebounced } from '../ui';

/** pending and rejected come from approval events; listed for every event, as a mode can change with people waiting. */
export const STATUSES = [
  'confirmed',
  'waitlisted',
  'pending',
  'rejected',
  'cancelled',
] as const satisfies readonly NonNullable<RegistrationQuery['status']>[];
export const ROLES = ['attendee', 'speaker', 'guest', 'staff'] as const;
export const PAGE_SIZE = 50;
const SEARCH_DELAY_MS = 300;

export type Sort = 'created' | '-created' | 'name' | '-name';
export type SortColumn = 'name' | 'created';
type Narrowing = 'status' | 'role' | 'checkedIn' | 'question' | 'answer';
export type Filters = ReturnType<typeof createFilters>;

export function createFilters() {
  const [f, setF] = createStore({
    /** The search box as typed; `q` follows it after a pause. */
    typed: '',
    q: '',
    status: '',
    role: '',
    checkedIn: '',
    /** With `answer`: only registrations whose answer to this question contains it (or is this choice). */
    question: '',
    /** The answer box as typed; `answer` follows it after a pause, like the search. */
    answerTyped: '',
    answer: '',
    sort: '-created' as Sort,
    page: 1,
  });
  const applySearch = createDebounced((value: string) => setF({ q: value.trim(), page: 1 }), SEARCH_DELAY_MS);
  const applyAnswer = createDebounced((value: string) => setF({ answer: value.trim(), page: 1 }), SEARCH_DELAY_MS);

  return {
    f,
    query(): RegistrationQuery {
      const query: RegistrationQuery = { sort: f.sort, page: String(f.page), pageSize: String(PAGE_SIZE) };
      if (f.q) query.q = f.q;
      if (f.status) query.status = f.status as RegistrationQuery['status'];
      if (f.role) query.role = f.role as RegistrationQuery['role'];
      if (f.checkedIn) query.checkedIn = f.checkedIn as RegistrationQuery['checkedIn'];
      if (f.question && f.answer) {
        query.question = f.question;
        query.answer = f.answer;
      }
      return query;
    },
    filtered: () => Boolean(f.q || f.status || f.role || f.checkedIn || (f.question && f.answer)),
    search(value: string) {
      setF('typed', value);
      applySearch(value);
    },
    narrow: (k: Narrowing, value: string) => setF({ [k]: value, page: 1 }),
    /** Another question clears the answer: a choice of one question means nothing for the next. */
    byQuestion(id: string) {
      applyAnswer.cancel();
      setF({ question: id, answerTyped: '', answer: '', page: 1 });
    },
    typeAnswer(value: string) {
      setF('answerTyped', value);
      applyAnswer(value);
    },
    /** A choice is picked, not typed: it applies at once. */
    pickAnswer: (value: string) => setF({ answerTyped: value, answer: value, page: 1 }),
    setPage: (page: number) => setF('page', page),
    clear() {
      applySearch.cancel();
      applyAnswer.cancel();
      setF({
        typed: '',
        q: '',
        status: '',
        role: '',
        checkedIn: '',
        question: '',
        answerTyped: '',
        answer: '',
        page: 1,
      });
    },
    toggleSort(column: SortColumn) {
      const current = f.sort;
      // Names read A→Z first; dates newest first.
      const next: Sort =
        current === column
          ? (`-${column}` as Sort)
          : current === `-${column}`
            ? column
            : column === 'name'
              ? 'name'
              : '-created';
      setF({ sort: next, page: 1 });
    },
  };
}
