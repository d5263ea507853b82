// What the registrations table shows: search, filters, sort and page, kept in one store, and the query they make.
import { createStore } from 'solid-js/store';
import type { RegistrationQuery } from '../console-api';
import { createDebounced } from '../ui';

export const STATUSES = ['confirmed', 'waitlisted', 'cancelled'] as const;
export const ROLES = ['attendee', 'speaker', 'guest', 'staff'] as const;
export const PAGE_SIZE = 50;
const SEARCH_DELAY_MS = 300;

export type Sort = 'created' | '-created' | 'name' | '-name';
export type SortColumn = 'name' | 'created';
type Narrowing = 'status' | 'role' | 'checkedIn';
export type Filters = ReturnType<typeof createFilters>;

export function createFilters() {
  const [f, setF] = createStore({
    /** The search box as typed; `q` follows it after a pause. */
    typed: '',
    q: '',
    status: '',
    role: '',
    checkedIn: '',
    sort: '-created' as Sort,
    page: 1,
  });
  const applySearch = createDebounced((value: string) => setF({ q: value.trim(), page: 1 }), SEARCH_DELAY_MS);

  return {
    f,
    query(): RegistrationQuery {
      const query: RegistrationQuery = { sort: f.sort, page: String(f.page), pageSize: String(PAGE_SIZE) };
      if (f.q) query.q = f.q;
      if (f.status) query.status = f.status as RegistrationQuery['status'];
      if (f.role) query.role = f.role as RegistrationQuery['role'];
      if (f.checkedIn) query.checkedIn = f.checkedIn as RegistrationQuery['checkedIn'];
      return query;
    },
    filtered: () => Boolean(f.q || f.status || f.role || f.checkedIn),
    search(value: string) {
      setF('typed', value);
      applySearch(value);
    },
    narrow: (k: Narrowing, value: string) => setF({ [k]: value, page: 1 }),
    setPage: (page: number) => setF('page', page),
    clear() {
      applySearch.cancel();
      setF({ typed: '', q: '', status: '', role: '', checkedIn: '', page: 1 });
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
