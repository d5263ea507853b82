// Small pieces the messages tab shows in more than one place: the dev mailbox link, loading, progress in words.
import { type Accessor, type JSX, Show } from 'solid-js';
import { ct } from '../text';

/** " Open the dev mailbox" after a note, when this Worker captures email instead of sending it. */
export function MailboxLink(props: { when: boolean }) {
  return (
    <Show when={props.when}>
      {' '}
      <a href="/dev/mailbox" target="_blank" rel="noopener">
        {ct('msg.openMailbox')}
        <span class="sr-only"> ({ct('newWindow')})</span>
      </a>
    </Show>
  );
}

/** Its children once there is something to show; "Loading" until then, unless loading failed. */
export function Loading<T>(props: {
  value: T | null;
  error: string | null;
  children: (value: Accessor<NonNullable<T>>) => JSX.Element;
}) {
  return (
    <Show
      when={props.value}
      fallback={
        <Show when={!props.error}>
          <p class="loading">{ct('loading')}</p>
        </Show>
      }
    >
      {(value) => props.children(value)}
    </Show>
  );
}

export function progressLine(m: {
  recipients: number;
  sent: number;
  failed: number;
  pending: number;
  writing?: boolean;
}) {
  // The queue counts the audience in its first step, a second or two after the send.
  if (m.writing && !m.recipients) return ct('msg.counting');
  const parts = [ct('msg.sentOf', { done: m.sent, total: m.recipients })];
  if (m.failed) parts.push(ct('msg.failedN', { n: m.failed }));
  if (m.pending) parts.push(ct('msg.waitingN', { n: m.pending }));
  return parts.join(' · ');
}
