// The ticket's actions: add to calendar, print, and cancel (with the emailed link's token).
import { Show } from 'solid-js';
import type { Ticket } from '../api';
import { ConfirmDialog } from '../components/ConfirmDialog';
import { locale } from '../i18n';
import { t } from './text';
import { calendarUrl } from './ticket-data';
import type { TicketState } from './ticket-state';

export function TicketActions(props: { ticket: Ticket; state: TicketState; ended: boolean }) {
  return (
    <div class="ticket-actions no-print">
      {/* After the event there is nothing to add to a calendar, print for the door, or cancel. */}
      <Show when={props.ticket.status !== 'cancelled' && !props.ended}>
        {/* rel="external": the router would otherwise take this address for one of its pages and show "not found" */}
        <a
          class="button secondary"
          href={calendarUrl(props.ticket.event.slug, locale())}
          rel="external"
          type="text/calendar"
        >
          {t('addToCalendar')}
        </a>
        <button type="button" class="secondary" onClick={() => window.print()}>
          {t('ticket.print')}
        </button>
        <Show when={props.state.canManage()}>
          <ConfirmDialog
            t={t}
            trigger="ticket.cancel"
            title="ticket.cancelTitle"
            body="ticket.cancelBody"
            confirm="ticket.cancelConfirm"
            busy="ticket.cancelling"
            keep="ticket.keep"
            failed="ticket.actionFailed"
            onConfirm={props.state.cancel}
            autoOpen={props.state.cancelAsked()}
          />
        </Show>
      </Show>
    </div>
  );
}
