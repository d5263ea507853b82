// The faculty portal at /portal/:token: one person's sessions, answers, disclosure, consents, profile and logistics.
import { useParams } from '@solidjs/router';
import { createEffect, createResource, createSignal, type JSX, lazy, Match, Show, Switch } from 'solid-js';
import { ApiFailure } from '../api';
import { locale, pick } from '../i18n';
import { formatDate } from '../lib/time';
import { Consent } from './Consent';
import { Disclosure } from './Disclosure';
import { sendNoReferrer } from './no-referrer';
import { loadPortal, type Portal } from './portal-api';
import { Profile } from './Profile';
import { Sessions } from './Sessions';
import { pt } from './text';
import './portal.css';

// The materials editor is the portal's heaviest part: it loads when asked for, so the first load stays within budget.
const PortalMaterials = lazy(() => import('./PortalMaterials'));
// The "new link" form is what a broken link shows; below a working portal it loads only when asked for.
const Renew = lazy(() => import('./Renew').then((m) => ({ default: m.Renew })));

const Logistics = lazy(() => import('./Logistics').then((m) => ({ default: m.Logistics })));

/**
 * A section that loads its form only when the reader opens it: the page's first load stays within its budget, and
 * these two (travel details, a new link) are the ones most people never need to change.
 */
function OnRequest(props: { id: string; title: string; hint: string; open: string; children: JSX.Element }) {
  const [open, setOpen] = createSignal(false);
  return (
    <Show
      when={open()}
      fallback={
        <section class="card portal-section" aria-labelledby={props.id}>
          <h2 id={props.id}>{props.title}</h2>
          <p class="muted">{props.hint}</p>
          <button type="button" class="secondary" onClick={() => setOpen(true)}>
            {props.open}
          </button>
        </section>
      }
    >
      <div
        ref={(wrap) => {
          // The form arrives with its chunk: once it is there, put the reader in its first field.
          const start = performance.now();
          const focusFirst = () => {
            const field = wrap.querySelector<HTMLElement>('input, select, textarea');
            if (field) field.focus();
            else if (performance.now() - start < 5000) requestAnimationFrame(focusFirst);
          };
          requestAnimationFrame(focusFirst);
        }}
      >
        {props.children}
      </div>
    </Show>
  );
}

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
  createEffect(sendNoReferrer);
  // After the event the certificate leads the page; before, it sits with the slides.
  const certificate = (d: Portal) => (
    <Show when={d.teachingCertificate}>
      <p class="card portal-section">
        <a class="button" href={`/api/portal/${encodeURIComponent(params.token)}/certificate.pdf`} download="">
          {pt('certificate.download')}
        </a>
      </p>
    </Show>
  );
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
                  {/* Before anyone can rate the talks there is no feedback to read: the link comes with the first. */}
                  <Show when={d().feedback}>
                    {' '}
                    <a href={`/portal/${params.token}/feedback`}>{pt('feedback.open')}</a>
                  </Show>
                </p>
              </header>
              <Show when={d().event.ended}>
                <p class="notice ok portal-ended">{pt('ended')}</p>
                {certificate(d())}
              </Show>
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
              <Show when={!d().event.ended}>{certificate(d())}</Show>
              <Profile token={params.token} data={d()} />
              {/* Travel and payment details are for getting there: after the event they are not asked for. */}
              <Show when={!d().event.ended}>
                <OnRequest
                  id="portal-logistics"
                  title={pt('logistics.title')}
                  hint={pt('logistics.private')}
                  open={pt('logistics.open')}
                >
                  <Logistics token={params.token} data={d()} />
                </OnRequest>
              </Show>
              <OnRequest id="portal-renew" title={pt('renew.section')} hint={pt('renew.hint')} open={pt('renew.open')}>
                <Renew heading="h2" />
              </OnRequest>
            </>
          )}
        </Match>
      </Switch>
    </div>
  );
}
