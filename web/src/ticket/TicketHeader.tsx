// The ticket's heading and hint for its status, the just-registered notice and the announcement after a cancel.
import { Show } from 'solid-js';
import type { Ticket } from '../api';
import { type TicketKey, t } from './text';
import type { TicketState } from './ticket-state';

const HEADINGS: Record<Ticket['status'], TicketKey> = {
  confirmed: 'ticket.confirmed',
  waitlisted: 'ticket.waitlisted',
  cancelled: 'ticket.cancelled',
  pending: 'ticket.pending',
  rejected: 'ticket.rejected',
};
const HINTS: Record<Ticket['status'], TicketKey> = {
  confirmed: 'ticket.confirmedHint',
  waitlisted: 'ticket.waitlistedHint',
  cancelled: 'ticket.cancelledHint',
  pending: 'ticket.pendingHint',
  rejected: 'ticket.rejectedHint',
};

/** After the day, a ticket that held or awaited a seat is a record of the event, not something to show at the door. */
const overFor = (tk: Ticket, ended: boolean) => ended && (tk.status === 'confirmed' || tk.status === 'waitlisted');

export function TicketHeader(props: { ticket: Ticket; state: TicketState; ended: boolean }) {
  const over = () => overFor(props.ticket, props.ended);
  return (
    <>
      <header class="ticket-head">
        <h1 tabindex="-1" ref={props.state.setHeading}>
          {t(over() ? 'ticket.ended' : HEADINGS[props.ticket.status])}
        </h1>
        <p class="ticket-hint">
          {t(
            over()
              ? props.ticket.checkedInAt
                ? 'ticket.endedAttended'
                : 'ticket.endedHint'
              : HINTS[props.ticket.status],
          )}
        </p>
      </header>
      <Show when={props.state.justRegistered()}>
        {(s) => (
          <p class="notice ok no-print">
            {t(
              s().registered === 'waitlisted'
                ? 'reg.sentWaitlist'
                : s().registered === 'pending'
                  ? 'reg.sentPending'
                  : 'reg.sent',
              { email: s().email },
            )}
          </p>
        )}
      </Show>
      <p role="status" class="status-line no-print">
        <Show when={props.state.announcement()}>{(key) => <span class="notice ok">{t(key())}</span>}</Show>
      </p>
    </>
  );
}
