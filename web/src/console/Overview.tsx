// The dashboard tab: headline counts and five charts of registrations and arrivals, refreshed every 30 seconds until
// the event has ended; after that the numbers are a record, refreshed on request (an offline desk may still sync).
import { createSignal, onCleanup, Show } from 'solid-js';
import { locale } from '../i18n';
import { formatTime } from '../lib/time';
import { type ConsoleEvent, getDashboard, getStats, type Stats } from './console-api';
import { ArrivalsCard, CumulativeCard, InstitutionsCard, RateCard, RolesCard } from './overview/cards';
import { num } from './overview/format';
import { ct } from './text';
import { createLoad, FormError, useFailure } from './ui';

const REFRESH_MS = 30_000;

export function Overview(props: { event: ConsoleEvent }) {
  const [updatedAt, setUpdatedAt] = createSignal<string | null>(null);
  // The last numbers stay on screen when a refresh fails; the alert says they may be stale.
  const numbers = createLoad(
    () => props.event.slug,
    async (slug) => {
      const [dash, stats] = await Promise.all([getDashboard(slug), getStats(slug)]);
      setUpdatedAt(new Date().toISOString());
      return { dash, stats };
    },
    useFailure(),
  );
  const load = () => {
    if (!numbers.loading()) void numbers.refetch();
  };

  // A hidden tab does not poll; it catches up as soon as it is shown again. An ended event is not polled at all.
  const live = () => !props.event.ended && !document.hidden;
  const timer = setInterval(() => {
    if (live()) load();
  }, REFRESH_MS);
  const onVisible = () => {
    if (live()) load();
  };
  document.addEventListener('visibilitychange', onVisible);
  onCleanup(() => {
    clearInterval(timer);
    document.removeEventListener('visibilitychange', onVisible);
  });

  return (
    <div class="overview">
      <div class="tab-tools">
        <p class="muted" aria-live="off">
          <Show when={updatedAt()} fallback={ct('loading')}>
            {(at) => <>{ct('overview.updated', { time: formatTime(at(), props.event.timezone, locale()) })}</>}
          </Show>
          {' · '}
          {props.event.ended ? ct('overview.ended') : ct('overview.auto')}
        </p>
        <button type="button" class="secondary" disabled={numbers.loading()} onClick={load}>
          {numbers.loading() ? ct('refreshing') : ct('refresh')}
        </button>
      </div>
      <FormError error={numbers.error()} />
      <Show when={numbers.current()}>
        {(n) => (
          <>
            <Kpis stats={n().stats} ended={props.event.ended} />
            <div class="charts">
              <RateCard dash={n().dash} />
              <RolesCard dash={n().dash} ended={props.event.ended} />
              <CumulativeCard dash={n().dash} />
              <ArrivalsCard dash={n().dash} timezone={props.event.timezone} />
              <InstitutionsCard dash={n().dash} />
            </div>
          </>
        )}
      </Show>
    </div>
  );
}

/**
 * The headline counts; speakers and guests are confirmed too but take no seat. Once the event has ended, seats left
 * means nothing: the second count is who was confirmed and never came.
 */
function Kpis(props: { stats: Stats; ended: boolean }) {
  const attendees = () => props.stats.byRole.attendee?.confirmed ?? 0;
  return (
    <dl class="kpis">
      <div>
        <dt>{ct('kpi.attendees')}</dt>
        <dd>
          {num(attendees())}
          <span class="of"> / {num(props.stats.capacity)}</span>
        </dd>
      </div>
      <Show
        when={props.ended}
        fallback={
          <div>
            <dt>{ct('kpi.seatsLeft')}</dt>
            <dd>{num(Math.max(0, props.stats.capacity - attendees()))}</dd>
          </div>
        }
      >
        <div>
          <dt>{ct('kpi.noShows')}</dt>
          <dd>{num(props.stats.notCheckedIn)}</dd>
        </div>
      </Show>
      <div>
        <dt>{ct('kpi.waitlisted')}</dt>
        <dd>{num(props.stats.waitlisted)}</dd>
      </div>
      <div>
        <dt>{ct('kpi.checkedIn')}</dt>
        <dd>
          {num(props.stats.checkedIn)}
          <span class="of"> / {num(props.stats.confirmed)}</span>
        </dd>
      </div>
      <div>
        <dt>{ct('kpi.cancelled')}</dt>
        <dd>{num(props.stats.cancelled)}</dd>
      </div>
    </dl>
  );
}
