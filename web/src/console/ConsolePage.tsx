// The organiser console at /console (my events, a new event) and /console/:slug/:tab (the event's sections).
import { useLocation, useNavigate, useParams } from '@solidjs/router';
import { createEffect, createSignal, For, on, onMount, Show } from 'solid-js';
import { locale, pick } from '../i18n';
import { formatDate, formatTime } from '../lib/time';
import { AgendaTab } from './AgendaTab';
import { AuditTab } from './AuditTab';
import {
  type ConsoleEvent,
  type ConsoleEventSummary,
  getConflicts,
  getEvent,
  getMe,
  listEvents,
  signOut,
  type Staff,
} from './console-api';
import { DevicesTab } from './DevicesTab';
import { EventForm } from './EventForm';
import { MessagesTab } from './MessagesTab';
import { Overview } from './Overview';
import { PeopleTab } from './PeopleTab';
import { QuestionsTab } from './QuestionsTab';
import { RegistrationsTab } from './RegistrationsTab';
import { ct, type ConsoleKey } from './text';
import { ConsoleFeedback, errorText } from './ui';
import './console.css';

const TABS = [
  'overview',
  'event',
  'agenda',
  'people',
  'questions',
  'registrations',
  'messages',
  'devices',
  'audit',
] as const;
type Tab = (typeof TABS)[number];

export default function ConsolePage() {
  const location = useLocation();
  const navigate = useNavigate();
  const [me, setMe] = createSignal<Staff | null>(null);
  const [failure, setFailure] = createSignal<string | null>(null);
  const [sessionEnded, setSessionEnded] = createSignal(false);

  async function loadMe() {
    setFailure(null);
    try {
      const staff = await getMe();
      if (staff) setMe(staff);
      else navigate(`/sign-in?next=${encodeURIComponent(location.pathname)}`, { replace: true });
    } catch (e) {
      setFailure(errorText(e));
    }
  }
  onMount(() => void loadMe());
  createEffect(() => {
    document.title = `${ct('console.title')} · Colloquy`;
  });

  return (
    <ConsoleFeedback onUnauthorized={() => setSessionEnded(true)}>
      <div class="console">
        <div role="alert">
          <Show when={sessionEnded()}>
            <p class="notice error session-ended">
              {ct('err.sessionBanner')}{' '}
              <a href={`/sign-in?next=${encodeURIComponent(location.pathname)}`} target="_blank" rel="noopener">
                {ct('signInAgain')}
              </a>
            </p>
          </Show>
        </div>
        <Show when={failure()}>
          <section class="card narrow" role="alert">
            <p>{failure()}</p>
            <button type="button" onClick={() => void loadMe()}>
              {ct('retry')}
            </button>
          </section>
        </Show>
        <Show
          when={me()}
          fallback={
            <Show when={!failure()}>
              <p class="loading" role="status">
                {ct('loading')}
              </p>
            </Show>
          }
        >
          {(staff) => (
            <Show when={staff().roles.some((r) => r.role === 'organiser')} fallback={<NoAccess staff={staff()} />}>
              <Console staff={staff()} refreshMe={loadMe} />
            </Show>
          )}
        </Show>
      </div>
    </ConsoleFeedback>
  );
}

function SignOut() {
  const navigate = useNavigate();
  const [busy, setBusy] = createSignal(false);
  async function out() {
    setBusy(true);
    try {
      await signOut();
    } catch {
      /* the cookie may already be gone; leave anyway */
    }
    navigate('/sign-in?next=/console', { replace: true });
  }
  return (
    <button type="button" class="secondary small" disabled={busy()} onClick={() => void out()}>
      {busy() ? ct('signingOut') : ct('signOut')}
    </button>
  );
}

function NoAccess(props: { staff: Staff }) {
  return (
    <section class="card narrow" aria-labelledby="console-no-access">
      <h1 id="console-no-access">{ct('console.title')}</h1>
      <p>{ct('console.noAccess')}</p>
      <p class="muted">{ct('signedInAs', { who: props.staff.name || props.staff.email })}</p>
      <Show when={props.staff.roles.some((r) => r.role === 'desk')}>
        <p>
          <a href="/desk">{ct('console.toDesk')}</a>
        </p>
      </Show>
      <SignOut />
    </section>
  );
}

function Console(props: { staff: Staff; refreshMe: () => Promise<void> }) {
  const params = useParams<{ slug?: string; tab?: string }>();
  const [events, setEvents] = createSignal<ConsoleEventSummary[] | null>(null);
  const [listError, setListError] = createSignal<string | null>(null);

  async function loadEvents() {
    try {
      setEvents(await listEvents());
      setListError(null);
    } catch (e) {
      setListError(errorText(e));
    }
  }
  onMount(() => void loadEvents());

  return (
    <>
      <Show when={listError()}>
        <section class="card narrow" role="alert">
          <p>{listError()}</p>
          <button type="button" onClick={() => void loadEvents()}>
            {ct('retry')}
          </button>
        </section>
      </Show>
      <Show
        when={events()}
        fallback={
          <Show when={!listError()}>
            <p class="loading" role="status">
              {ct('loading')}
            </p>
          </Show>
        }
      >
        {(list) => (
          <Show
            when={params.slug}
            fallback={
              <EventList
                staff={props.staff}
                events={list()}
                onCreated={async () => {
                  await props.refreshMe();
                  await loadEvents();
                }}
              />
            }
          >
            {(slug) => (
              <Show when={list().some((e) => e.slug === slug())} fallback={<UnknownEvent />}>
                <EventConsole staff={props.staff} slug={slug()} events={list()} onChanged={loadEvents} />
              </Show>
            )}
          </Show>
        )}
      </Show>
    </>
  );
}

function UnknownEvent() {
  return (
    <section class="card narrow" aria-labelledby="console-unknown">
      <h1 id="console-unknown">{ct('console.unknownTitle')}</h1>
      <p>{ct('console.unknown')}</p>
      <p>
        <a href="/console">{ct('console.allEvents')}</a>
      </p>
    </section>
  );
}

function StatusPill(props: { status: string }) {
  return <span class={`pill status-${props.status}`}>{ct(`status.${props.status}` as ConsoleKey)}</span>;
}

/** Beside the status: an event that is over takes no registrations whatever its status says. */
function EndedPill(props: { ended: boolean }) {
  return (
    <Show when={props.ended}>
      {' '}
      <span class="pill status-ended">{ct('event.ended')}</span>
    </Show>
  );
}

function EventList(props: { staff: Staff; events: ConsoleEventSummary[]; onCreated: () => Promise<void> }) {
  const navigate = useNavigate();
  const [creating, setCreating] = createSignal(props.events.length === 0);
  let newButton!: HTMLButtonElement;
  return (
    <div class="console-home">
      <header class="console-head">
        <div>
          <p class="console-kicker">{ct('console.title')}</p>
          <h1>{ct('console.myEvents')}</h1>
          <p class="muted">{ct('signedInAs', { who: props.staff.name || props.staff.email })}</p>
        </div>
        <div class="console-head-tools">
          <a href="/api/docs" rel="external">
            {ct('console.apiDocs')}
          </a>
          <SignOut />
        </div>
      </header>
      <Show when={props.events.length} fallback={<p class="muted">{ct('console.noEvents')}</p>}>
        <ul class="event-cards">
          <For each={props.events}>
            {(e) => (
              <li class="card event-card">
                <h2>
                  <a href={`/console/${encodeURIComponent(e.slug)}/overview`}>{pick(e.title)}</a>
                </h2>
                <p>
                  <StatusPill status={e.status} />
                  <EndedPill ended={e.ended} />{' '}
                  <time dateTime={e.startsAt}>{formatDate(e.startsAt, e.timezone, locale())}</time>
                </p>
                <p class="muted">
                  {pick(e.venue)} · {ct('console.seats', { left: e.seatsLeft, capacity: e.capacity })}
                </p>
              </li>
            )}
          </For>
        </ul>
      </Show>
      <section class="new-event" aria-labelledby="new-event-title">
        <div class="tab-tools">
          <h2 id="new-event-title">{ct('console.newEvent')}</h2>
          <Show when={!creating()}>
            <button type="button" ref={newButton} aria-expanded="false" onClick={() => setCreating(true)}>
              {ct('console.newEventOpen')}
            </button>
          </Show>
        </div>
        <Show when={creating()}>
          <div class="card">
            <EventForm
              onCancel={
                props.events.length
                  ? () => {
                      setCreating(false);
                      newButton?.focus();
                    }
                  : undefined
              }
              onSaved={async (slug) => {
                await props.onCreated();
                navigate(`/console/${encodeURIComponent(slug)}/event`);
              }}
            />
          </div>
        </Show>
      </section>
    </div>
  );
}

function EventConsole(props: {
  staff: Staff;
  slug: string;
  events: ConsoleEventSummary[];
  onChanged: () => Promise<void>;
}) {
  const params = useParams<{ slug?: string; tab?: string }>();
  const navigate = useNavigate();
  const [current, setCurrent] = createSignal<ConsoleEvent | null>(null);
  const [loadError, setLoadError] = createSignal<string | null>(null);
  const [staleError, setStaleError] = createSignal<string | null>(null);
  const tab = (): Tab => (TABS.includes(params.tab as Tab) ? (params.tab as Tab) : 'overview');
  let heading: HTMLHeadingElement | undefined;

  async function load(slug: string) {
    try {
      const event = await getEvent(slug);
      if (slug !== props.slug) return;
      setCurrent(event);
      setLoadError(null);
      setStaleError(null);
    } catch (e) {
      if (current()) setStaleError(errorText(e));
      else setLoadError(errorText(e));
    }
  }

  createEffect(
    on(
      () => props.slug,
      (slug) => {
        setCurrent(null);
        setLoadError(null);
        void load(slug);
      },
    ),
  );

  // Offline double admissions deserve a look even from another section, so the nav counts them.
  const [conflicts, setConflicts] = createSignal(0);
  createEffect(
    on(
      () => props.slug,
      (slug) => {
        setConflicts(0);
        getConflicts(slug).then(
          (list) => {
            if (slug === props.slug) setConflicts(list.length);
          },
          () => {
            /* the count is a hint; the tab shows errors */
          },
        );
      },
    ),
  );

  /** After a save: never throws, so a failed refresh is not mistaken for a failed save (and the save retried). */
  const reload = async () => {
    await load(props.slug);
    void props.onChanged().catch(() => {});
  };

  // Moving between sections moves the focus to the new section's heading, as a page change would.
  createEffect(on(tab, () => heading?.focus(), { defer: true }));
  createEffect(() => {
    const e = current();
    if (e) document.title = `${ct(`tab.${tab()}`)} · ${pick(e.title)} · Colloquy`;
  });
  createEffect(() => {
    if (params.tab && !TABS.includes(params.tab as Tab))
      navigate(`/console/${encodeURIComponent(props.slug)}/overview`, { replace: true });
  });

  return (
    <Show
      when={current()}
      fallback={
        <Show
          when={loadError()}
          fallback={
            <p class="loading" role="status">
              {ct('loading')}
            </p>
          }
        >
          <section class="card narrow" role="alert">
            <p>{loadError()}</p>
            <button type="button" onClick={() => void load(props.slug)}>
              {ct('retry')}
            </button>
          </section>
        </Show>
      }
    >
      {(event) => (
        <>
          <header class="console-head">
            <div>
              <p class="console-kicker">
                <a href="/console">{ct('console.title')}</a>
              </p>
              <h1>{pick(event().title)}</h1>
              <p class="muted">
                <StatusPill status={event().status} />
                <EndedPill ended={event().ended} />{' '}
                <time dateTime={event().startsAt}>{formatDate(event().startsAt, event().timezone, locale())}</time>
                {' · '}
                {formatTime(event().startsAt, event().timezone, locale())}–
                {formatTime(event().endsAt, event().timezone, locale())}
                {' · '}
                {pick(event().venue)}
              </p>
            </div>
            <div class="console-head-tools">
              <Show when={props.events.length > 1}>
                <label class="event-switch">
                  <span>{ct('console.switchEvent')}</span>
                  <select
                    value={props.slug}
                    onChange={(e) => navigate(`/console/${encodeURIComponent(e.currentTarget.value)}/${tab()}`)}
                  >
                    <For each={props.events}>
                      {(e) => (
                        <option value={e.slug} selected={e.slug === props.slug}>
                          {pick(e.title)}
                        </option>
                      )}
                    </For>
                  </select>
                </label>
              </Show>
              <Show
                when={event().status === 'published'}
                fallback={<span class="muted">{ct('console.notPublic')}</span>}
              >
                <a href={`/e/${encodeURIComponent(props.slug)}`} target="_blank" rel="noopener">
                  {ct('console.publicPage')}
                  <span class="sr-only"> ({ct('newWindow')})</span>
                </a>
              </Show>
              <a href={`/desk/${encodeURIComponent(props.slug)}`}>{ct('console.desk')}</a>
              <a href="/api/docs" rel="external">
                {ct('console.apiDocs')}
              </a>
              <span class="muted small">{ct('signedInAs', { who: props.staff.name || props.staff.email })}</span>
              <SignOut />
            </div>
          </header>
          <div role="alert">
            <Show when={staleError()}>
              <p class="notice error">
                {ct('err.stale')} {staleError()}{' '}
                <button type="button" class="secondary small" onClick={() => void load(props.slug)}>
                  {ct('retry')}
                </button>
              </p>
            </Show>
          </div>
          <div class="console-body">
            <nav class="console-nav" aria-label={ct('console.sections')}>
              <ul>
                <For each={TABS}>
                  {(t) => (
                    <li>
                      <a
                        href={`/console/${encodeURIComponent(props.slug)}/${t}`}
                        aria-current={tab() === t ? 'page' : undefined}
                      >
                        {ct(`tab.${t}`)}
                        <Show when={t === 'devices' && conflicts() > 0}>
                          {' '}
                          <span class="nav-count" aria-hidden="true">
                            {conflicts()}
                          </span>
                          <span class="sr-only">({ct('dev.navConflicts', { n: conflicts() })})</span>
                        </Show>
                      </a>
                    </li>
                  )}
                </For>
              </ul>
            </nav>
            <section class="console-panel" aria-labelledby="console-panel-title">
              <h2 id="console-panel-title" tabindex="-1" ref={heading}>
                {ct(`tab.${tab()}`)}
              </h2>
              {/* One section at a time; Show rather than Switch keeps the Solid runtime the public page shares unchanged. */}
              <Show when={tab() === 'overview'}>
                <Overview event={event()} />
              </Show>
              <Show when={tab() === 'event'}>
                <EventForm event={event()} onSaved={reload} />
              </Show>
              <Show when={tab() === 'agenda'}>
                <AgendaTab event={event()} reload={reload} />
              </Show>
              <Show when={tab() === 'people'}>
                <PeopleTab event={event()} reload={reload} />
              </Show>
              <Show when={tab() === 'questions'}>
                <QuestionsTab event={event()} reload={reload} />
              </Show>
              <Show when={tab() === 'registrations'}>
                <RegistrationsTab event={event()} />
              </Show>
              <Show when={tab() === 'messages'}>
                <MessagesTab event={event()} />
              </Show>
              <Show when={tab() === 'devices'}>
                <DevicesTab event={event()} onConflicts={setConflicts} />
              </Show>
              <Show when={tab() === 'audit'}>
                <AuditTab event={event()} />
              </Show>
            </section>
          </div>
        </>
      )}
    </Show>
  );
}
