// The table of sent messages, each with its progress and a button that opens its delivery.
import { For } from 'solid-js';
import { locale } from '../../i18n';
import { formatDateTime } from '../../lib/time';
import type { ConsoleEvent, MessageSummary } from '../console-api';
import { ct } from '../text';
import { DataTable } from '../ui';
import { progressLine } from './bits';

export function History(props: {
  list: MessageSummary[];
  event: ConsoleEvent;
  openId: string | null;
  onOpen: (id: string) => void;
}) {
  return (
    <DataTable
      class="regs-table msg-table"
      caption={ct('msg.historyCaption')}
      columns={[
        ct('msg.col.subject'),
        ct('msg.col.sentAt'),
        ct('msg.col.recipients'),
        ct('msg.col.progress'),
        <span class="sr-only">{ct('regs.actions')}</span>,
      ]}
    >
      <For each={props.list}>
        {(m) => (
          <tr aria-current={props.openId === m.id ? 'true' : undefined}>
            <th scope="row">{m.subject}</th>
            <td class="nowrap">
              <time dateTime={m.createdAt}>{formatDateTime(m.createdAt, props.event.timezone, locale())}</time>
            </td>
            <td class="num">{m.writing && !m.recipients ? '…' : m.recipients}</td>
            <td>
              <span class={m.failed ? 'bad-text' : m.pending ? '' : 'ok-text'}>{progressLine(m)}</span>
            </td>
            <td>
              <button
                type="button"
                class="secondary small"
                data-message={m.id}
                aria-expanded={props.openId === m.id}
                aria-label={ct('msg.detailsNamed', { subject: m.subject })}
                onClick={() => props.onOpen(m.id)}
              >
                {ct('msg.details')}
              </button>
            </td>
          </tr>
        )}
      </For>
    </DataTable>
  );
}
