// One sent message's deliveries, worst first, filtered by the organiser, the first rows until they ask for all.
import { createMemo, createSignal, For, Show } from 'solid-js';
import { locale } from '../../i18n';
import { formatDateTime } from '../../lib/time';
import type { ConsoleEvent, Delivery } from '../console-api';
import { ct, ctOr } from '../text';
import { DataTable, Field } from '../ui';

export const WAITING = new Set(['pending', 'sending']);
export const SENT = new Set(['sent', 'captured', 'delivered', 'delayed']);
export const FAILED = new Set(['failed', 'bounced', 'complained']);
const PROBLEMS = new Set(['failed', 'bounced', 'complained', 'delayed']);
export const ORDER = [
  'failed',
  'bounced',
  'complained',
  'delayed',
  'sending',
  'pending',
  'sent',
  'captured',
  'delivered',
];
const ROWS_SHOWN = 200;
const shownStatus = (x: Delivery) => x.deliveryStatus ?? x.status;

/** How many deliveries have one of these statuses. */
export const countIn = (counts: Record<string, number>, set: Set<string>) =>
  Object.entries(counts).reduce((n, [k, c]) => n + (set.has(k) ? c : 0), 0);

export function DeliveryTable(props: { deliveries: Delivery[]; event: ConsoleEvent }) {
  const [filter, setFilter] = createSignal<'all' | 'problems' | 'waiting'>('all');
  const [all, setAll] = createSignal(false);
  const rows = createMemo(() => {
    const list = [...props.deliveries].sort(
      (a, b) => ORDER.indexOf(shownStatus(a)) - ORDER.indexOf(shownStatus(b)) || a.to.localeCompare(b.to),
    );
    const f = filter();
    return f === 'all' ? list : list.filter((x) => (f === 'waiting' ? WAITING : PROBLEMS).has(shownStatus(x)));
  });
  const shown = () => (all() ? rows() : rows().slice(0, ROWS_SHOWN));

  return (
    <>
      <div class="msg-filter">
        <Field
          label={ct('msg.filter')}
          name="deliveryFilter"
          value={filter()}
          onInput={(x) => setFilter(x as 'all')}
          options={[
            { value: 'all', label: ct('msg.filterAll') },
            { value: 'problems', label: ct('msg.filterProblems') },
            { value: 'waiting', label: ct('msg.filterWaiting') },
          ]}
        />
      </div>
      <Show when={rows().length} fallback={<p class="muted">{ct('msg.filterNone')}</p>}>
        <DataTable
          class="regs-table delivery-table"
          caption={ct('msg.deliveriesCaption')}
          columns={[
            ct('msg.col.to'),
            ct('msg.col.status'),
            ct('msg.col.attempts'),
            ct('msg.col.when'),
            ct('msg.col.problem'),
          ]}
        >
          <For each={shown()}>
            {(x) => (
              <tr>
                <th scope="row" class="nowrap">
                  {x.to}
                </th>
                <td>
                  <span class={`pill delivery-${shownStatus(x)}`}>
                    {ctOr(`delivery.${shownStatus(x)}`, shownStatus(x))}
                  </span>
                </td>
                <td class="num">{x.attempts}</td>
                <td class="nowrap">
                  <Show when={x.sentAt} fallback="—">
                    {(at) => <time dateTime={at()}>{formatDateTime(at(), props.event.timezone, locale())}</time>}
                  </Show>
                </td>
                <td class="small">{x.lastError ?? ''}</td>
              </tr>
            )}
          </For>
        </DataTable>
        <Show when={!all() && rows().length > ROWS_SHOWN}>
          <p>
            <button type="button" class="secondary small" onClick={() => setAll(true)}>
              {ct('msg.showAll', { n: rows().length })}
            </button>
          </p>
        </Show>
      </Show>
    </>
  );
}
