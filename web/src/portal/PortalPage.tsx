// The faculty portal at /portal/:token: one person's sessions, answers, disclosure, consents, profile and logistics.
import { useParams } from '@solidjs/router';
import { createEffect, createResource, createSignal, lazy, Match, Show, Switch } from 'solid-js';
import { ApiFailure } from '../api';
import { locale, pick } from '../i18n';
import { formatDate } from '../lib/time';
import { Consent } from './Consent';
import { Disclosure } from './Disclosure';
import { Logistics } from './Logistics';
import { loadPortal } from './portal-api';
import { Profile } from './Profile';
import { Renew } from './Renew';
import { Sessions } from './Sessions';
import { pt } from './text';
import './portal.css';

// The materials editor is the portal's heaviest part: it loads when asked for, so the first load stays within budget.
const PortalMaterials = lazy(() => import('./PortalMaterials'));

export default function PortalPage() {
  const params = useParams<{ token: string }>();
  const [data] = createResource(
    () => params.token,
    (token) => loadPortal(token),
  );
  const [slides, setSlides] = createSignal(false);
  const gone = () => data.error instanceof ApiFailure && data.error.status === 404;
  createEffect(() => {
    const d = data.latest;
    document.title = d ? `${pt('title')} · ${pick(d.event.title)}` : `${pt('title')} · Colloquy`;
  });
  // A search engine or a shared screen should not keep the link itself.
  createEffect(() => {
    const meta = document.createElement('meta');
    meta.name = 'referrer';
    meta.content = 'no-referrer';
    document.head.append(meta);
  });
  return (
    <div class="portal">
      <Switch>
        <Match when={gone()}>
          <Renew heading="h1" />
        </Match>
        <Match when={data.error}>
          <p class="notice error" role="alert">
            {pt('network')}
          </p>
        </Match>
        <Match when={data.loading && !data.latest}>
          <p class="loading" role="status">
            {pt('loading')}
          </p>
        </Match>
        <Match when={data.latest}>
          {(d) => (
            <>
              <header class="portal-head">
                <p class="muted">{pt('title')}</p>
                <h1>{pick(d().event.title)}</h1>
                <p>
                  {formatDate(d().event.startsAt, d().event.timezone, locale())} · {pick(d().event.venue)}
                </p>
                <p class="muted">
                  {pt('intro', {
                    name: locale() === 'zh-CN' ? d().person.nameZh || d().person.nameEn : d().person.nameEn,
                  })}
                </p>
              </header>
              <Sessions token={params.token} timezone={d().event.timezone} sessions={d().sessions} />
              <Disclosure token={params.token} data={d()} />
              <Consent token={params.token} data={d()} />
              <Show
                when={slides()}
                fallback={
                  <section class="card portal-section" aria-labelledby="portal-slides">
                    <h2 id="portal-slides">{pt('slides.title')}</h2>
                    <button type="button" onClick={() => setSlides(true)}>
                      {pt('slides.open')}
                    </button>
                  </section>
                }
              >
                <PortalMaterials token={params.token} sessions={d().sessions} />
              </Show>
              <Show when={d().teachingCertificate}>
                <p class="card portal-section">
                  <a
                    class="button"
                    href={`/api/portal/${encodeURIComponent(params.token)}/certificate.pdf`}
                    download=""
                  >
                    {pt('certificate.download')}
                  </a>
                </p>
              </Show>
              <Profile token={params.token} data={d()} />
              <Logistics token={params.token} data={d()} />
              <Renew heading="h2" />
            </>
          )}
        </Match>
      </Switch>
    </div>
  );
}
