// The console's home: the organiser's events as cards, and the form for a new one.
import { useNavigate } from '@solidjs/router';
import { createSignal, For, Show } from 'solid-js';
import { locale, pick } from '../../i18n';
import { formatDate } from '../../lib/time';
import type { ConsoleEventSummary, Staff } from '../console-api';
import { EventForm } from '../EventForm';
import { ct } from '../text';
import { EndedPill, SignOut, StatusPill } from './notices';

export function EventList(props: { staff: Staff; events: ConsoleEventSummary[]; onCreated: () => Promise<void> }) {
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
