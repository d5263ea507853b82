// The registrations tab: search, filters, sortable headers, pages, row actions behind confirmations, and the CSV.
import { Show } from 'solid-js';
import { type ConsoleEvent, listRegistrations } from './console-api';
import { BulkActions, createSelection } from './registrations/BulkActions';
import { AnswerFilter } from './registrations/AnswerFilter';
import { FilterFields } from './registrations/FilterFields';
import { createFilters, PAGE_SIZE } from './registrations/filters';
import { RegistrationsTable } from './registrations/RegistrationsTable';
import { createLoaded } from './resource';
import { ct } from './text';
import { FormError } from './ui';

export function RegistrationsTab(props: { event: ConsoleEvent }) {
  const filters = createFilters();
  const selection = createSelection();
  const list = createLoaded(filters.query, (query, signal) => listRegistrations(props.event.slug, query, signal));
  const data = list.value;
  const page = () => filters.f.page;
  const pages = () => Math.max(1, Math.ceil((data()?.total ?? 0) / PAGE_SIZE));

  return (
    <div class="registrations-tab">
      <div class="regs-tools" role="search" aria-label={ct('regs.searchRegion')}>
        <FilterFields filters={filters} />
        <AnswerFilter filters={filters} questions={data()?.questions ?? []} />
        <div class="regs-buttons">
          <Show when={filters.filtered() || filters.f.typed}>
            <button type="button" class="secondary" onClick={() => filters.clear()}>
              {ct('regs.clear')}
            </button>
          </Show>
          <BulkActions slug={props.event.slug} selection={selection} />
        </div>
      </div>
      <FormError error={list.error()} />
      <p class="muted regs-count" role="status">
        <Show when={data()} fallback={ct('loading')}>
          {(d) => (
            <>
              {d().total === 0
                ? ct(filters.filtered() ? 'regs.noneMatch' : 'regs.none')
                : ct(filters.filtered() ? 'regs.countFiltered' : 'regs.count', {
                    n: d().total,
                    from: (d().page - 1) * d().pageSize + 1,
                    to: Math.min(d().total, d().page * d().pageSize),
                  })}
            </>
          )}
        </Show>
        <Show when={list.loading() && data()}> · {ct('loading')}</Show>
      </p>
      <RegistrationsTable
        event={props.event}
        registrations={data()?.registrations ?? []}
        questions={(data()?.questions ?? []).filter((q) => !q.removed)}
        loading={list.loading()}
        filters={filters}
        selection={selection}
        onChanged={list.refetch}
      />
      <Show when={pages() > 1}>
        <nav class="pager" aria-label={ct('regs.pages')}>
          <button
            type="button"
            class="secondary"
            disabled={page() <= 1 || list.loading()}
            onClick={() => filters.setPage(page() - 1)}
          >
            {ct('regs.prev')}
          </button>
          <span>{ct('regs.pageOf', { page: page(), pages: pages() })}</span>
          <button
            type="button"
            class="secondary"
            disabled={page() >= pages() || list.loading()}
            onClick={() => filters.setPage(page() + 1)}
          >
            {ct('regs.next')}
          </button>
        </nav>
      </Show>
    </div>
  );
}
