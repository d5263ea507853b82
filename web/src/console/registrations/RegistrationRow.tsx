// One registration as a table row: who, how to reach them, status, role, when they registered and checked in.
import { For, Show } from 'solid-js';
import { answerText } from '../../../../worker/questions/answer-text';
import { locale, type MessageKey, t } from '../../i18n';
import type { ConsoleEvent, Registration } from '../console-api';
import { deskLabel } from '../desk-label';
import { type ConsoleKey, ct } from '../text';
import type { ListedQuestion } from './AnswerFilter';
import type { Selection } from './BulkActions';
import { RowActions } from './RowActions';

/** "1月22日 14:05" / "Jan 22, 14:05": a table cell has no room for the year or the weekday. */
const shortTime = (iso: string, timeZone: string) =>
  new Intl.DateTimeFormat(locale(), {
    timeZone,
    month: 'short',
    day: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  }).format(new Date(iso));

export function RegistrationRow(props: {
  event: ConsoleEvent;
  registration: Registration;
  questions: ListedQuestion[];
  selection: Selection;
  onChanged: () => void;
}) {
  const r = () => props.registration;
  const tz = () => props.event.timezone;
  return (
    <tr class={`status-${r().status}`}>
      <td class="select-cell">
        <Show when={r().status === 'confirmed'}>
          <input
            type="checkbox"
            aria-label={ct('regs.selectNamed', { name: r().name })}
            checked={props.selection.isSelected(r().id)}
            onChange={(e) => props.selection.toggle(r().id, e.currentTarget.checked)}
          />
        </Show>
      </td>
      <th scope="row">
        {r().name}
        <Show when={r().jobTitle}>
          <span class="muted small"> · {r().jobTitle}</span>
        </Show>
      </th>
      <td class="contact">
        <span class="email">{r().email}</span>
        <Show when={r().phone}>
          <br />
          <span class="nowrap muted">{r().phone}</span>
        </Show>
      </td>
      <td class="institution">{r().affiliation}</td>
      <td class="nowrap">
        <span class={`pill status-${r().status}`}>{ct(`regStatus.${r().status}` as ConsoleKey)}</span>
      </td>
      <td class="nowrap">{t(`role.${r().role}` as MessageKey)}</td>
      {/* Sensitive answers arrive masked from the API; choices and yes/no read in the organiser's language. */}
      <For each={props.questions}>
        {(q) => (
          <td class="answer" data-question={q.id}>
            {answerText(q, r().answers[q.id], locale())}
          </td>
        )}
      </For>
      <td class="nowrap col-registered">
        <Show when={r().createdAt}>{(at) => <time dateTime={at()}>{shortTime(at(), tz())}</time>}</Show>
      </td>
      <td class="nowrap">
        <Show
          when={r().checkedInAt}
          fallback={
            <span class="muted">
              —<span class="sr-only">{ct('regs.checkedInNo')}</span>
            </span>
          }
        >
          {(at) => (
            <>
              <time dateTime={at()}>{shortTime(at(), tz())}</time>
              <Show when={r().deskId}>
                {(desk) => (
                  <>
                    <br />
                    <span class="muted small">{deskLabel(desk())}</span>
                  </>
                )}
              </Show>
            </>
          )}
        </Show>
      </td>
      <td class="actions">
        <RowActions event={props.event} registration={r()} onDone={props.onChanged} />
      </td>
    </tr>
  );
}
