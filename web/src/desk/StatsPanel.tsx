// The desk's live counters: checked in out of confirmed, by role, refreshed every 10 s and after each check-in.
import { createEffect, createSignal, For, on, onCleanup, Show } from 'solid-js';
import { ApiFailure } from '../api';
import { locale } from '../i18n';
import { type DeskKey, t } from './text';
import { formatTime } from '../lib/time';
import { getStats, type Stats } from './desk-api';

const POLL_MS = 10_000;
const ROLES = ['attendee', 'speaker', 'guest'] as const;

export function StatsPanel(props: {
  slug: string;
  timezone: string;
  refresh: number;
  offline: boolean;
  onReachable: (ok: boolean) => void;
  onUnauthorized: () => void;
}) {
  const [stats, setStats] = createSignal<Stats | null>(null);
  const [updatedAt, setUpdatedAt] = createSignal<string | null>(null);
  let inFlight = false;

  async function load() {
    if (inFlight) return;
    inFlight = true;
    try {
      setStats(await getStats(props.slug));
      setUpdatedAt(new Date().toISOString());
      props.onReachable(true);
    } catch (e) {
      if (e instanceof ApiFailure && e.status === 401) props.onUnauthorized();
      else if (!(e instanceof ApiFailure)) props.onReachable(false);
    } finally {
      inFlight = false;
    }
  }

  createEffect(
    on(
      () => [props.slug, props.refresh],
      () => void load(),
    ),
  );
  // A hidden tab (a desk tablet asleep) does not poll; it catches up as soon as it is shown again.
  const timer = setInterval(() => {
    if (!document.hidden) void load();
  }, POLL_MS);
  const onVisible = () => {
    if (!document.hidden) void load();
  };
  document.addEventListener('visibilitychange', onVisible);
  onCleanup(() => {
    clearInterval(timer);
    document.removeEventListener('visibilitychange', onVisible);
  });

  const recent = (s: Stats) => {
    const since = Date.now() - 15 * 60_000;
    return s.arrivals.filter((a) => Date.parse(a.at) + 5 * 60_000 > since).reduce((n, a) => n + a.count, 0);
  };
  const percent = (s: Stats) => (s.confirmed ? Math.min(100, Math.round((s.checkedIn / s.confirmed) * 100)) : 0);

  return (
    <section class="desk-stats card" aria-labelledby="desk-stats-title">
      <h2 id="desk-stats-title">{t('stats.title')}</h2>
      <Show when={stats()} fallback={<p class="muted">{props.offline ? t('stats.offline') : t('loading')}</p>}>
        {(s) => (
          <>
            <p class="desk-stats-main">
              <span class="desk-stats-label">{t('stats.checkedIn')}</span>
              <strong class="desk-stats-number" data-testid="checked-in">
                {s().checkedIn}
              </strong>
              <span class="desk-stats-of">{t('stats.ofConfirmed', { n: s().confirmed })}</span>
            </p>
            <div class="desk-progress" aria-hidden="true">
              <span style={{ width: `${percent(s())}%` }} />
            </div>
            <h3 class="sr-only">{t('stats.byRole')}</h3>
            <dl class="desk-stats-roles">
              <For each={ROLES}>
                {(role) => (
                  <div class={`role-${role}`}>
                    <dt>{t(`role.${role}` as DeskKey)}</dt>
                    <dd>
                      {t('stats.roleLine', {
                        in: s().byRole[role]?.checkedIn ?? 0,
                        of: s().byRole[role]?.confirmed ?? 0,
                      })}
                    </dd>
                  </div>
                )}
              </For>
            </dl>
            <p class="desk-stats-more muted">
              <span>{t('stats.lastMinutes', { n: recent(s()) })}</span>
              <Show when={s().waitlisted > 0}>
                <span>{t('stats.waitlisted', { n: s().waitlisted })}</span>
              </Show>
              <Show when={updatedAt()}>
                {(at) => <span>{t('stats.updated', { time: formatTime(at(), props.timezone, locale()) })}</span>}
              </Show>
            </p>
          </>
        )}
      </Show>
    </section>
  );
}
