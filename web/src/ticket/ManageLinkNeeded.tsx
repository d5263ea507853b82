// Without the emailed link: says why cancel and erase are missing, and offers to email the link to the registered address.
import { createSignal, Show } from 'solid-js';
import { type TicketKey, t } from './text';
import { sendManageLink } from './ticket-data';

export function ManageLinkNeeded(props: { code: string; ended: boolean }) {
  const [busy, setBusy] = createSignal(false);
  const [result, setResult] = createSignal<TicketKey | null>(null);
  const [failed, setFailed] = createSignal(false);
  async function send() {
    setBusy(true);
    setFailed(false);
    try {
      setResult((await sendManageLink(props.code)) ? 'ticket.linkSent' : 'ticket.linkSentRecently');
    } catch {
      setFailed(true);
    } finally {
      setBusy(false);
    }
  }
  return (
    <section class="manage-needed no-print" aria-labelledby="manage-needed-text">
      <p id="manage-needed-text" class="muted">
        {t(props.ended ? 'ticket.manageNeededEnded' : 'ticket.manageNeeded')}
      </p>
      <Show when={!result()}>
        <button type="button" class="secondary" disabled={busy()} onClick={send}>
          {busy() ? t('ticket.sendingLink') : t('ticket.sendLink')}
        </button>
      </Show>
      <div role="status">
        <Show when={result()}>{(key) => <p class="notice ok">{t(key())}</p>}</Show>
      </div>
      <div role="alert">
        <Show when={failed()}>
          <p class="notice error">{t('ticket.actionFailed')}</p>
        </Show>
      </div>
    </section>
  );
}
