// The public event page: title, date, venue, the registration form with seats left, the agenda and the people.
import { createAsync, useParams } from '@solidjs/router';
import { ErrorBoundary, Show } from 'solid-js';
import { locale, pick } from '../i18n';
import { t } from './text';
import { formatDate, formatTime } from '../lib/time';
import { ContactText } from '../lib/contact';
import { Agenda } from './Agenda';
import { getEvent } from './event-data';
import { People } from './People';
import { RegistrationEntry } from './RegistrationEntry';

export default function EventPage() {
  const params = useParams();
  const event = createAsync(() => getEvent(params.slug));
  return (
    <ErrorBoundary
      fallback={(_, reset) => (
        <section class="card narrow" role="alert">
          <p>{t('loadFailed')}</p>
          <button type="button" onClick={reset}>
            {t('retry')}
          </button>
        </section>
      )}
    >
      <Show when={event() !== undefined}>
        <Show
          when={event()}
          fallback={
            <section class="card narrow">
              <p>{t('noEvents')}</p>
            </section>
          }
        >
          {(e) => {
            document.title = `${pick(e().title)} · Colloquy`;
            return (
              <article class="event event-layout">
                <header class="hero">
                  <h1>{pick(e().title)}</h1>
                  <p class="when">
                    <time dateTime={e().startsAt}>{formatDate(e().startsAt, e().timezone, locale())}</time>
                    {' · '}
                    {formatTime(e().startsAt, e().timezone, locale())}–{formatTime(e().endsAt, e().timezone, locale())}
                  </p>
                  <p class="where">
                    <span class="sr-only">{t('venue')}: </span>
                    {pick(e().venue)}
                    {pick(e().address) ? ` · ${pick(e().address)}` : ''}
                  </p>
                  <Show when={pick(e().contact)}>
                    {(contact) => (
                      <p class="contact">
                        {t('contact')}
                        {locale() === 'zh-CN' ? '：' : ': '}
                        <ContactText text={contact()} />
                      </p>
                    )}
                  </Show>
                  <Show when={pick(e().description)}>
                    <p class="lead">{pick(e().description)}</p>
                  </Show>
                </header>
                <div class="event-register">
                  <RegistrationEntry event={e()} />
                </div>
                <div class="event-main">
                  <Agenda event={e()} />
                  <People event={e()} />
                </div>
              </article>
            );
          }}
        </Show>
      </Show>
    </ErrorBoundary>
  );
}
