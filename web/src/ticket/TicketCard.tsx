// The ticket card: the QR code for a ticket that holds or may get a seat, and the attendee's and event's details.
import { Show } from 'solid-js';
import type { Ticket } from '../api';
import { locale, pick } from '../i18n';
import { type TicketKey, t } from './text';
import { formatDate, formatDateTime, formatTime, zoneLabel } from '../lib/time';
import { qrUrl } from './ticket-data';
import { ContactText } from '../lib/contact';

/**
 * Only a ticket that holds (or may get) a seat shows its QR, and only until the event ends: a pending or rejected one
 * would only confuse the desk.
 */
const SHOWS_QR = new Set<Ticket['status']>(['confirmed', 'waitlisted']);

export function TicketCard(props: { ticket: Ticket; ended: boolean }) {
  const tk = () => props.ticket;
  const ev = () => tk().event;
  return (
    <div class="ticket-card card">
      <Show when={SHOWS_QR.has(tk().status) && !props.ended}>
        <figure class="qr">
          <img src={qrUrl(tk().code)} alt={t('ticket.qrAlt')} width="240" height="240" />
          <figcaption>
            {t('ticket.code')}: <code>{tk().code}</code>
          </figcaption>
        </figure>
      </Show>
      <div class="ticket-facts">
        <h2>{pick(ev().title)}</h2>
        <dl>
          <dt>{t('ticket.name')}</dt>
          <dd class="attendee-name">{tk().name}</dd>
          <dt>{t('ticket.role')}</dt>
          <dd>{t(`role.${tk().role}` as TicketKey)}</dd>
          <dt>{t('ticket.when')}</dt>
          <dd>
            <time dateTime={ev().startsAt}>{formatDate(ev().startsAt, ev().timezone, locale())}</time>
            {' · '}
            {formatTime(ev().startsAt, ev().timezone, locale())}–{formatTime(ev().endsAt, ev().timezone, locale())}{' '}
            <span class="muted nowrap">{t('ticket.zone', { zone: zoneLabel(ev().timezone, locale()) })}</span>
          </dd>
          <dt>{t('venue')}</dt>
          <dd>
            {pick(ev().venue)}
            <Show when={pick(ev().address)}>
              <br />
              <span class="muted">{pick(ev().address)}</span>
            </Show>
          </dd>
          <Show when={pick(ev().contact)}>
            {(contact) => (
              <>
                <dt>{t('contact')}</dt>
                <dd class="contact">
                  <ContactText text={contact()} />
                </dd>
              </>
            )}
          </Show>
          <Show when={!SHOWS_QR.has(tk().status)}>
            <dt>{t('ticket.code')}</dt>
            <dd>
              <code>{tk().code}</code>
            </dd>
          </Show>
        </dl>
        <Show when={tk().checkedInAt}>
          {(at) => (
            <p class="notice ok">{t('ticket.checkedIn', { time: formatDateTime(at(), ev().timezone, locale()) })}</p>
          )}
        </Show>
      </div>
    </div>
  );
}
