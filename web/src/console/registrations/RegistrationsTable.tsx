// The table of registrations: a checkbox for the page, sortable name and date headers, one row per registration.
import { createMemo, createUniqueId, For } from 'solid-js';
import type { ConsoleEvent, Registration } from '../console-api';
import { ct } from '../text';
import { labelCells } from '../ui';
import { type ListedQuestion, questionLabel } from './AnswerFilter';
import type { Selection } from './BulkActions';
import type { Filters, SortColumn } from './filters';
import { RegistrationRow } from './RegistrationRow';

export function RegistrationsTable(props: {
  event: ConsoleEvent;
  registrations: Registration[];
  /** The event's questions (removed ones left out): one column each, headed in the organiser's language. */
  questions: ListedQuestion[];
  loading: boolean;
  filters: Filters;
  selection: Selection;
  onChanged: () => void;
}) {
  const captionId = createUniqueId();
  const sort = () => props.filters.f.sort;
  const printable = () => props.registrations.filter((r) => r.status === 'confirmed').map((r) => r.id);
  const allOnPage = () => printable().length > 0 && printable().every(props.selection.isSelected);
  const ariaSort = (column: SortColumn) =>
    sort() === column ? 'ascending' : sort() === `-${column}` ? 'descending' : 'none';
  const arrow = (column: SortColumn) => (sort() === column ? '▲' : sort() === `-${column}` ? '▼' : '↕');

  return (
    <div class="table-wrap" role="region" aria-labelledby={captionId} tabindex="0">
      <table class="regs-table registrations" aria-busy={props.loading ? 'true' : undefined} ref={labelCells}>
        <caption id={captionId} class="sr-only">
          {ct('regs.caption')}
        </caption>
        <thead>
          <tr>
            <td class="select-cell">
              <input
                type="checkbox"
                aria-label={ct('regs.selectPage')}
                checked={allOnPage()}
                disabled={!printable().length}
                onChange={(e) => {
                  const on = e.currentTarget.checked;
                  for (const id of printable()) props.selection.toggle(id, on);
                }}
              />
            </td>
            <th scope="col" aria-sort={ariaSort('name')}>
              <button type="button" class="sort" onClick={() => props.filters.toggleSort('name')}>
                {ct('regs.name')} <span aria-hidden="true">{arrow('name')}</span>
              </button>
            </th>
            <th scope="col">{ct('regs.contact')}</th>
            <th scope="col">{ct('regs.institution')}</th>
            <th scope="col">{ct('regs.status')}</th>
            <th scope="col">{ct('regs.role')}</th>
            <For each={props.questions}>
              {(q) => (
                <th scope="col" class="col-answer" data-question={q.id}>
                  {questionLabel(q)}
                </th>
              )}
            </For>
            <th scope="col" class="col-registered" aria-sort={ariaSort('created')}>
              <button type="button" class="sort" onClick={() => props.filters.toggleSort('created')}>
                {ct('regs.registered')} <span aria-hidden="true">{arrow('created')}</span>
              </button>
            </th>
            <th scope="col">{ct('regs.checkedIn')}</th>
            <th scope="col">{ct('regs.actions')}</th>
          </tr>
        </thead>
        <tbody>
          {/* Keyed by id, so a refresh after an action keeps each row (and the focus on its buttons) in place. */}
          <For each={props.registrations.map((x) => x.id)}>
            {(rowId) => {
              const find = () => props.registrations.find((x) => x.id === rowId);
              const r = createMemo<Registration>((prev) => find() ?? prev, find()!);
              return (
                <RegistrationRow
                  event={props.event}
                  registration={r()}
                  questions={props.questions}
                  selection={props.selection}
                  onChanged={props.onChanged}
                />
              );
            }}
          </For>
        </tbody>
      </table>
    </div>
  );
}
