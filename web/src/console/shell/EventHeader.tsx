// The head of an event's console: its title, status, date and place, a switch to the organiser's other events, and links.
import { useNavigate } from '@solidjs/router';
import { For, Show } from 'solid-js';
import { locale, pick } from '../../i18n';
import { formatDate, formatShortDate, formatTime } from '../../lib/time';
import type { ConsoleEvent, ConsoleEventSummary, Staff } from '../console-api';
import { ct } from '../text';
import { EndedPill, SignOut, StatusPill } from './notices';
import type { Tab } from './tabs';

export function EventHeader(props: {
  staff: Staff;
  event: ConsoleEvent;
  events: ConsoleEventSummary[];
  slug: string;
  tab: Tab;
}) {
  const navigate = useNavigate();
  const e = () => props.event;
  return (
    <header class="console-head">
      <div>
        <p class="console-kicker">
          <a href="/console">{ct('console.title')}</a>
        </p>
        <h1>{pick(e().title)}</h1>
        <p class="muted">
          <StatusPill status={e().status} />
          <EndedPill ended={e().ended} />{' '}
          <time dateTime={e().startsAt}>{formatDate(e().startsAt, e().timezone, locale())}</time>
          {' · '}
          {formatTime(e().startsAt, e().timezone, locale())}–{formatTime(e().endsAt, e().timezone, locale())}
          {' · '}
          {pick(e().venue)}
        </p>
      </div>
      <div class="console-head-tools">
        <Show when={props.events.length > 1}>
          <label class="event-switch">
            <span>{ct('console.switchEvent')}</span>
            <select
              value={props.slug}
              onChange={(ev) => navigate(`/console/${encodeURIComponent(ev.currentTarget.value)}/${props.tab}`)}
            >
              <For each={props.events}>
                {(x) => (
                  // The date first: editions of one meeting share their title's start, which a narrow box cuts.
                  <option value={x.slug} selected={x.slug === props.slug}>
                    {formatShortDate(x.startsAt, x.timezone, locale())} · {pick(x.title)}
                  </option>
                )}
              </For>
            </select>
          </label>
        </Show>
        <Show when={e().status === 'published'} fallback={<span class="muted">{ct('console.notPublic')}</span>}>
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
  );
}
