// The attendee's ticket at /t/:code: status, QR code, event details, add to calendar, print, cancel and delete my data.
import { createAsync, useLocation, useParams, useSearchParams } from '@solidjs/router';
import { createEffect, createSignal, ErrorBoundary, on, Show } from 'solid-js';
import { ApiFailure, type Ticket } from '../api';
import { ConfirmDialog } from '../components/ConfirmDialog';
import { locale, type MessageKey, pick, t } from '../i18n';
import { formatDate, formatDateTime, formatTime, zoneLabel } from '../lib/time';
import type { RegisteredState } from '../public/RegisterForm';
import { TicketAnswers } from './TicketAnswers';
import { calendarUrl, cancelTicket, deleteTicketData, getTicket, qrUrl, sendManageLink } from './ticket-data';

const HEADINGS: Record<Ticket['status'], MessageKey> = {
  confirmed: 'ticket.confirmed',
  waitlisted: 'ticket.waitlisted',
  cancelled: 'ticket.cancelled',
  pending: 'ticket.pending',
  rejected: 'ticket.rejected',
};
const HINTS: Record<Ticket['status'], MessageKey> = {
  confirmed: 'ticket.confirmedHint',
  waitlisted: 'ticket.waitlistedHint',
  cancelled: 'ticket.cancelledHint',
  pending: 'ticket.pendingHint',
  rejected: 'ticket.rejectedHint',
};
/** Only a ticket that holds (or may get) a seat shows its QR: a pending or rejected one would only confuse the desk. */
const SHOWS_QR = new Set<Ticket['status']>(['confirmed', 'waitlisted']);

/** Moves focus to a heading once it is on the page, so screen readers start at the result. */
const focusSoon = (el: () => HTMLElement | undefined) => queueMicrotask(() => el()?.focus());

export default function TicketPage() {
  const params = useParams();
  const code = () => params.code ?? '';
  const location = useLocation<RegisteredState | undefined>(); // #cancel (from the email's cancel link) asks to cancel at once
  const [search] = useSearchParams();
  // The management token from the emailed link: without it the page shows the ticket but cannot cancel or erase.
  const token = () => (typeof search.m === 'string' ? search.m : '');
  const [linkRefused, setLinkRefused] = createSignal(false);
  const canManage = () => !!token() && !linkRefused();
  const loaded = createAsync(() => getTicket(code()));
  const [updated, setUpdated] = createSignal<Ticket | null>(null);
  const [deleted, setDeleted] = createSignal(false);
  const [announcement, setAnnouncement] = createSignal<MessageKey | null>(null);
  createEffect(
    on(
      code,
      () => {
        setUpdated(null);
        setDeleted(false);
        setAnnouncement(null);
      },
      { defer: true },
    ),
  );
  const ticket = () => updated() ?? loaded();
  const justRegistered = (): RegisteredState | undefined => {
    const s = location.state;
    return s?.registered && s.email && !updated() ? { registered: s.registered, email: s.email } : undefined;
  };
  let heading: HTMLHeadingElement | undefined;
  let deletedHeading: HTMLHeadingElement | undefined;

  createEffect(() => {
    const tk = ticket();
    document.title = tk
      ? `${t('ticket.title')} · ${pick(tk.event.title)} · Colloquy`
      : `${t('ticket.title')} · Colloquy`;
  });

  /** A stale or foreign token closes the dialog and shows how to get a working link instead of a bare failure. */
  const refused = (e: unknown) => {
    if (!(e instanceof ApiFailure) || e.code !== 'manage_link_needed') throw e;
    return () => setLinkRefused(true);
  };

  async function cancel() {
    let next: Ticket;
    try {
      next = await cancelTicket(code(), token());
    } catch (e) {
      return refused(e);
    }
    return () => {
      setUpdated(next);
      setAnnouncement('ticket.cancelDone');
      focusSoon(() => heading);
    };
  }

  async function erase() {
    try {
      await deleteTicketData(code(), token());
    } catch (e) {
      return refused(e);
    }
    return () => {
      setDeleted(true);
      focusSoon(() => deletedHeading);
    };
  }

  return (
    <ErrorBoundary
      fallback={(_, reset) => (
        <section class="card narrow" role="alert">
          <p>{t('ticket.loadFailed')}</p>
          <button type="button" onClick={reset}>
            {t('retry')}
          </button>
        </section>
      )}
    >
      <Show
        when={!deleted()}
        fallback={
          <section class="card narrow ticket-done">
            <h1 tabindex="-1" ref={deletedHeading}>
              {t('ticket.deleted')}
            </h1>
            <p>{t('ticket.deletedBody')}</p>
            <p>
              <a href="/">{t('backHome')}</a>
            </p>
          </section>
        }
      >
        <Show when={loaded() !== undefined}>
          <Show
            when={ticket()}
            fallback={
              <section class="card narrow">
                <h1>{t('ticket.notFound')}</h1>
                <p>{t('ticket.notFoundBody')}</p>
                <p>
                  <a href="/">{t('backHome')}</a>
                </p>
              </section>
            }
          >
            {(tk) => {
              const ev = () => tk().event;
              return (
                <article class={`ticket status-${tk().status}`}>
                  <header class="ticket-head">
                    <h1
                      tabindex="-1"
                      ref={(el) => {
                        heading = el;
                        if (justRegistered()) focusSoon(() => heading);
                      }}
                    >
                      {t(HEADINGS[tk().status])}
                    </h1>
                    <p class="ticket-hint">{t(HINTS[tk().status])}</p>
                  </header>
                  <Show when={justRegistered()}>
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
                    <Show when={announcement()}>{(key) => <span class="notice ok">{t(key())}</span>}</Show>
                  </p>
                  <div class="ticket-card card">
                    <Show when={SHOWS_QR.has(tk().status)}>
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
                        <dd>{t(`role.${tk().role}` as MessageKey)}</dd>
                        <dt>{t('ticket.when')}</dt>
                        <dd>
                          <time dateTime={ev().startsAt}>{formatDate(ev().startsAt, ev().timezone, locale())}</time>
                          {' · '}
                          {formatTime(ev().startsAt, ev().timezone, locale())}–
                          {formatTime(ev().endsAt, ev().timezone, locale())}{' '}
                          <span class="muted nowrap">
                            {t('ticket.zone', { zone: zoneLabel(ev().timezone, locale()) })}
                          </span>
                        </dd>
                        <dt>{t('venue')}</dt>
                        <dd>
                          {pick(ev().venue)}
                          <Show when={pick(ev().address)}>
                            <br />
                            <span class="muted">{pick(ev().address)}</span>
                          </Show>
                        </dd>
                        <Show when={!SHOWS_QR.has(tk().status)}>
                          <dt>{t('ticket.code')}</dt>
                          <dd>
                            <code>{tk().code}</code>
                          </dd>
                        </Show>
                      </dl>
                      <Show when={tk().checkedInAt}>
                        {(at) => (
                          <p class="notice ok">
                            {t('ticket.checkedIn', { time: formatDateTime(at(), ev().timezone, locale()) })}
                          </p>
                        )}
                      </Show>
                    </div>
                  </div>
                  <div class="ticket-actions no-print">
                    <Show when={tk().status !== 'cancelled'}>
                      {/* rel="external": the router would otherwise take this address for one of its pages and show "not found" */}
                      <a
                        class="button secondary"
                        href={calendarUrl(ev().slug, locale())}
                        rel="external"
                        type="text/calendar"
                      >
                        {t('addToCalendar')}
                      </a>
                      <button type="button" class="secondary" onClick={() => window.print()}>
                        {t('ticket.print')}
                      </button>
                      <Show when={canManage()}>
                        <ConfirmDialog
                          trigger="ticket.cancel"
                          title="ticket.cancelTitle"
                          body="ticket.cancelBody"
                          confirm="ticket.cancelConfirm"
                          busy="ticket.cancelling"
                          keep="ticket.keep"
                          failed="ticket.actionFailed"
                          onConfirm={cancel}
                          autoOpen={location.hash === '#cancel'}
                        />
                      </Show>
                    </Show>
                  </div>
                  <Show when={!canManage()}>
                    <ManageLinkNeeded code={tk().code} />
                  </Show>
                  <Show when={canManage() && tk().status !== 'cancelled'}>
                    <TicketAnswers code={tk().code} token={token()} />
                  </Show>
                  <section class="privacy no-print" aria-labelledby="privacy-title">
                    <h2 id="privacy-title">{t('ticket.privacy')}</h2>
                    <p class="muted">{t('ticket.privacyHint')}</p>
                    <Show when={canManage()}>
                      <ConfirmDialog
                        trigger="ticket.delete"
                        title="ticket.deleteTitle"
                        body="ticket.deleteBody"
                        confirm="ticket.deleteConfirm"
                        busy="ticket.deleting"
                        keep="ticket.keepData"
                        failed="ticket.actionFailed"
                        onConfirm={erase}
                      />
                    </Show>
                  </section>
                  <p class="no-print">
                    <a href={`/e/${encodeURIComponent(ev().slug)}`}>{t('backHome')}</a>
                  </p>
                </article>
              );
            }}
          </Show>
        </Show>
      </Show>
    </ErrorBoundary>
  );
}

/** Without the emailed link: says why cancel and erase are missing, and offers to email the link to the registered address. */
function ManageLinkNeeded(props: { code: string }) {
  const [busy, setBusy] = createSignal(false);
  const [result, setResult] = createSignal<MessageKey | null>(null);
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
        {t('ticket.manageNeeded')}
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
