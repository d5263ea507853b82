// The ticket's privacy section: what erasing means, and the erase action when the page holds the emailed link's token.
import { type JSX, Show } from 'solid-js';
import { ConfirmDialog } from '../components/ConfirmDialog';
import { t } from './text';
import type { TicketState } from './ticket-state';

/**
 * `certified`: the ticket has certificates, which stay on record after erasure (the dialog says so). `children`: what
 * stands in for the erase action without the emailed link (after the day, the way to get the link).
 */
export function TicketPrivacy(props: { state: TicketState; certified: boolean; children?: JSX.Element }) {
  return (
    <section class="privacy no-print" aria-labelledby="privacy-title">
      <h2 id="privacy-title">{t('ticket.privacy')}</h2>
      <p class="muted">{t('ticket.privacyHint')}</p>
      {props.children}
      <Show when={props.state.canManage()}>
        <ConfirmDialog
          t={t}
          trigger="ticket.delete"
          title="ticket.deleteTitle"
          body={props.certified ? 'ticket.deleteBodyCertified' : 'ticket.deleteBody'}
          confirm="ticket.deleteConfirm"
          busy="ticket.deleting"
          keep="ticket.keepData"
          failed="ticket.actionFailed"
          onConfirm={props.state.erase}
        />
      </Show>
    </section>
  );
}
