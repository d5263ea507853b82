// Loads, cancels and erases a ticket through the typed client; an unknown code reads as null.
import { query } from '@solidjs/router';
import { api, ApiFailure, read, type Ticket } from '../api';

export const getTicket = query(async (code: string): Promise<Ticket | null> => {
  try {
    const { ticket } = await read(api.api.tickets[':code'].$get({ param: { code } }));
    return ticket;
  } catch (e) {
    if (e instanceof ApiFailure && e.status === 404) return null;
    throw e;
  }
}, 'ticket');

/** Cancelling and erasing need the management token from the emailed link (`?m=`); the ticket code alone cannot. */
export async function cancelTicket(code: string, token: string): Promise<Ticket> {
  const { ticket } = await read(api.api.tickets[':code'].cancel.$post({ param: { code }, json: { token } }));
  return ticket;
}

export async function deleteTicketData(code: string, token: string): Promise<void> {
  await read(api.api.tickets[':code'].delete.$post({ param: { code }, json: { token } }));
}

/** Emails the management link to the registered address; false when one went out in the last 10 minutes. */
export async function sendManageLink(code: string): Promise<boolean> {
  const { sent } = await read(api.api.tickets[':code']['send-link'].$post({ param: { code }, json: {} }));
  return sent;
}

export const qrUrl = (code: string, kind: 'svg' | 'png' = 'svg') =>
  `/api/tickets/${encodeURIComponent(code)}/qr.${kind}`;
/** The agenda as iCalendar, in the reader's language (the API reads ?lang=en, Chinese otherwise). */
export const calendarUrl = (slug: string, lang: 'zh-CN' | 'en') =>
  `/api/events/${encodeURIComponent(slug)}/agenda.ics${lang === 'en' ? '?lang=en' : ''}`;
