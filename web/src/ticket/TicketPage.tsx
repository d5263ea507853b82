// The attendee's ticket at /t/:code: status, QR code, event details, add to calendar, print, cancel and delete my data.
import { createEffect, createResource, ErrorBoundary, Show } from 'solid-js';
import { pick } from '../i18n';
import { t } from './text';
import { ManageLinkNeeded } from './ManageLinkNeeded';
import { TicketActions } from './TicketActions';
import { TicketAnswers } from './TicketAnswers';
import { TicketCard } from './TicketCard';
import { loadCertificates, TicketCertificates } from './TicketCertificates';
import { TicketHeader } from './TicketHeader';
import { TicketMaterials } from './TicketMaterials';
import { TicketPrivacy } from './TicketPrivacy';
import { createEvaluationEntry, TicketEvaluation } from '../evaluation/TicketEvaluation';
import { createTicketState } from './ticket-state';

export default function TicketPage() {
  const state = createTicketState();

  createEffect(() => {
    const tk = state.ticket();
    document.title = tk
      ? `${t('ticket.title')} · ${pick(tk.event.title)} · Colloquy`
      : `${t('ticket.title')} · Colloquy`;
  });

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
        when={!state.deleted()}
        fallback={
          <section class="card narrow ticket-done">
            <h1 tabindex="-1" ref={state.setDeletedHeading}>
              {t('ticket.deleted')}
            </h1>
            <p>{t('ticket.deletedBody')}</p>
            <p>
              <a href="/">{t('backHome')}</a>
            </p>
          </section>
        }
      >
        <Show when={state.loaded() !== undefined}>
          <Show
            when={state.ticket()}
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
              const [certificates] = createResource(() => tk().code, loadCertificates, {
                initialValue: { certificates: [], credit: null },
              });
              const evaluation = createEvaluationEntry(() => tk().code);
              return (
                <article class={`ticket status-${tk().status}`}>
                  <TicketHeader ticket={tk()} state={state} ended={tk().event.ended} />
                  <TicketCard ticket={tk()} ended={tk().event.ended} />
                  <Show when={tk().status === 'confirmed'}>
                    <TicketEvaluation
                      code={tk().code}
                      timezone={tk().event.timezone}
                      entry={evaluation}
                      states={['open', 'closed']}
                    />
                  </Show>
                  <TicketCertificates code={tk().code} loaded={certificates} />
                  <TicketActions ticket={tk()} state={state} ended={tk().event.ended} />
                  {/* Before the day the link cancels too, so it is offered with the ticket's actions. */}
                  <Show when={!state.canManage() && !tk().event.ended}>
                    <ManageLinkNeeded code={tk().code} ended={false} />
                  </Show>
                  <Show when={state.canManage() && tk().status !== 'cancelled'}>
                    <TicketAnswers code={tk().code} token={state.token()} />
                  </Show>
                  <Show when={tk().status === 'confirmed'}>
                    <TicketMaterials code={tk().code} />
                    <TicketEvaluation
                      code={tk().code}
                      timezone={tk().event.timezone}
                      entry={evaluation}
                      states={['not_yet']}
                    />
                  </Show>
                  <TicketPrivacy state={state} certified={(certificates.latest?.certificates ?? []).length > 0}>
                    {/* After it, the link is only for erasing: it belongs under "Your personal data". */}
                    <Show when={!state.canManage() && tk().event.ended}>
                      <ManageLinkNeeded code={tk().code} ended />
                    </Show>
                  </TicketPrivacy>
                  <p class="no-print">
                    <a href={`/e/${encodeURIComponent(tk().event.slug)}`}>{t('backHome')}</a>
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
