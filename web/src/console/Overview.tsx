// The dashboard tab: headline counts and five charts of registrations and arrivals, refreshed every 30 seconds.
import { createSignal, onCleanup, onMount, Show } from 'solid-js';
import { locale, type MessageKey, t } from '../i18n';
import { formatTime } from '../lib/time';
import { AreaChart, BarList, ColumnChart, Ring } from './charts';
import { type ConsoleEvent, type Dashboard, getDashboard, getStats, type Stats } from './console-api';
import { ct } from './text';
import { FormError, useFailure } from './ui';

const REFRESH_MS = 30_000;
const SLOT_MS = 5 * 60_000;
const ROLES = ['attendee', 'speaker', 'guest', 'staff'] as const;

export function Overview(props: { event: ConsoleEvent }) {
  const fail = useFailure();
  const [dash, setDash] = createSignal<Dashboard | null>(null);
  const [stats, setStats] = createSignal<Stats | null>(null);
  const [error, setError] = createSignal<string | null>(null);
  const [busy, setBusy] = createSignal(false);
  const [updatedAt, setUpdatedAt] = createSignal<string | null>(null);

  async function load() {
    if (busy()) return;
    setBusy(true);
    try {
      const [d, s] = await Promise.all([getDashboard(props.event.slug), getStats(props.event.slug)]);
      setDash(d);
      setStats(s);
      setError(null);
      setUpdatedAt(new Date().toISOString());
    } catch (e) {
      // The last numbers stay on screen; the alert says they may be stale.
      setError(fail(e));
    } finally {
      setBusy(false);
    }
  }

  onMount(() => void load());
  // A hidden tab does not poll; it catches up as soon as it is shown again.
  const timer = setInterval(() => {
    if (!document.hidden) void load();
  }, REFRESH_MS);
  const onVisible = () => {
    if (!document.hidden) void load();
  };
  document.addEventListener('visibilitychange', onVisible);
  onCleanup(() => {
    clearInterval(timer);
    document.removeEventListener('visibilitychange', onVisible);
  });

  const num = (n: number) => new Intl.NumberFormat(locale()).format(n);
  const pct = (r: number) => new Intl.NumberFormat(locale(), { style: 'percent', maximumFractionDigits: 0 }).format(r);
  const tz = () => props.event.timezone;
  const dayLabel = (ms: number) =>
    new Intl.DateTimeFormat(locale(), { month: 'short', day: 'numeric', timeZone: 'UTC' }).format(ms);
  const roleName = (role: string) => t(`role.${role}` as MessageKey);

  /** Speakers and guests are confirmed too but take no seat. */
  const attendees = () => stats()?.byRole.attendee?.confirmed ?? 0;

  const cumulative = (d: Dashboard) => {
    let total = 0;
    const days = d.registrationsPerDay.map((p) => ({
      x: Date.parse(`${p.day}T00:00:00Z`),
      y: (total += p.count),
      day: p.count,
    }));
    // The line starts from zero on the day before the first registration, so even one day draws a rise.
    return days.length ? [{ x: days[0]!.x - 86_400_000, y: 0, day: 0 }, ...days] : [];
  };

  /** Every 5-minute slot from the first arrival to the last, empty ones included, so the time axis is even. */
  const arrivalSlots = (d: Dashboard) => {
    if (!d.arrivals.length) return [];
    const counts = new Map(d.arrivals.map((a) => [Date.parse(a.at), a.count]));
    const last = Math.max(...counts.keys());
    // At least an hour of slots, padded with the (truly empty) slots before the first arrival.
    const first = Math.min(last - 11 * SLOT_MS, ...counts.keys());
    const n = Math.min(288, Math.round((last - first) / SLOT_MS) + 1);
    return Array.from({ length: n }, (_, i) => {
      const at = first + i * SLOT_MS;
      return { at, label: formatTime(new Date(at).toISOString(), tz(), locale()), value: counts.get(at) ?? 0 };
    });
  };

  const roleRows = (d: Dashboard) =>
    ROLES.map((role) => {
      const rows = d.byRole.filter((r) => r.role === role);
      const confirmed = rows.filter((r) => r.status === 'confirmed').reduce((a, r) => a + r.count, 0);
      const checkedIn = rows.reduce((a, r) => a + r.checkedIn, 0);
      const waitlisted = rows.filter((r) => r.status === 'waitlisted').reduce((a, r) => a + r.count, 0);
      const cancelled = rows.filter((r) => r.status === 'cancelled').reduce((a, r) => a + r.count, 0);
      return { role, confirmed, checkedIn, waitlisted, cancelled };
    }).filter((r) => r.confirmed + r.waitlisted + r.cancelled > 0);

  return (
    <div class="overview">
      <div class="tab-tools">
        <p class="muted" aria-live="off">
          <Show when={updatedAt()} fallback={ct('loading')}>
            {(at) => <>{ct('overview.updated', { time: formatTime(at(), tz(), locale()) })}</>}
          </Show>
          {' · '}
          {ct('overview.auto')}
        </p>
        <button type="button" class="secondary" disabled={busy()} onClick={() => void load()}>
          {busy() ? ct('refreshing') : ct('refresh')}
        </button>
      </div>
      <FormError error={error()} />
      <Show when={dash() && stats()}>
        <dl class="kpis">
          <div>
            <dt>{ct('kpi.attendees')}</dt>
            <dd>
              {num(attendees())}
              <span class="of"> / {num(stats()!.capacity)}</span>
            </dd>
          </div>
          <div>
            <dt>{ct('kpi.seatsLeft')}</dt>
            <dd>{num(Math.max(0, stats()!.capacity - attendees()))}</dd>
          </div>
          <div>
            <dt>{ct('kpi.waitlisted')}</dt>
            <dd>{num(stats()!.waitlisted)}</dd>
          </div>
          <div>
            <dt>{ct('kpi.checkedIn')}</dt>
            <dd>
              {num(stats()!.checkedIn)}
              <span class="of"> / {num(stats()!.confirmed)}</span>
            </dd>
          </div>
          <div>
            <dt>{ct('kpi.cancelled')}</dt>
            <dd>{num(stats()!.cancelled)}</dd>
          </div>
        </dl>
        <div class="charts">
          <section class="card chart-card">
            <Ring
              title={ct('chart.rate')}
              rate={dash()!.checkinRate}
              label={pct(dash()!.checkinRate)}
              summary={ct('chart.rateSummary', {
                in: num(dash()!.checkedIn),
                of: num(dash()!.confirmed),
                pct: pct(dash()!.checkinRate),
              })}
            />
            <p class="ring-caption" aria-hidden="true">
              {ct('chart.rateSummary', {
                in: num(dash()!.checkedIn),
                of: num(dash()!.confirmed),
                pct: pct(dash()!.checkinRate),
              })}
            </p>
          </section>
          <section class="card chart-card">
            {(() => {
              const rows = () => roleRows(dash()!);
              return (
                <BarList
                  title={ct('chart.roles')}
                  format={num}
                  empty={rows().length ? undefined : ct('chart.noRegistrations')}
                  legend={[
                    { key: 'in', label: ct('chart.seg.in') },
                    { key: 'expected', label: ct('chart.seg.expected') },
                    { key: 'waitlisted', label: ct('chart.seg.waitlisted') },
                  ]}
                  rows={rows().map((r) => ({
                    label: roleName(r.role),
                    segments: [
                      { key: 'in', label: ct('chart.seg.in'), value: r.checkedIn },
                      {
                        key: 'expected',
                        label: ct('chart.seg.expected'),
                        value: Math.max(0, r.confirmed - r.checkedIn),
                      },
                      { key: 'waitlisted', label: ct('chart.seg.waitlisted'), value: r.waitlisted },
                    ],
                  }))}
                  summary={rows()
                    .map((r) =>
                      ct('chart.roleSummary', {
                        role: roleName(r.role),
                        confirmed: num(r.confirmed),
                        in: num(r.checkedIn),
                        waitlisted: num(r.waitlisted),
                      }),
                    )
                    .join(' ')}
                  table={{
                    head: [
                      ct('chart.role'),
                      ct('kpi.confirmed'),
                      ct('kpi.checkedIn'),
                      ct('kpi.waitlisted'),
                      ct('kpi.cancelled'),
                    ],
                    rows: rows().map((r) => [roleName(r.role), r.confirmed, r.checkedIn, r.waitlisted, r.cancelled]),
                  }}
                />
              );
            })()}
          </section>
          <section class="card chart-card wide">
            {(() => {
              const pts = () => cumulative(dash()!);
              const last = () => pts()[pts().length - 1];
              return (
                <AreaChart
                  title={ct('chart.cumulative')}
                  points={pts()}
                  formatX={dayLabel}
                  formatY={num}
                  empty={pts().length ? undefined : ct('chart.noRegistrations')}
                  summary={
                    last()
                      ? ct('chart.cumulativeSummary', {
                          total: num(last()!.y),
                          from: dayLabel(pts()[1]!.x),
                          to: dayLabel(last()!.x),
                        })
                      : ''
                  }
                  table={{
                    head: [ct('chart.day'), ct('chart.newRegistrations'), ct('chart.runningTotal')],
                    rows: pts()
                      .slice(1)
                      .map((p) => [dayLabel(p.x), p.day, p.y]),
                  }}
                />
              );
            })()}
          </section>
          <section class="card chart-card wide">
            {(() => {
              const slots = () => arrivalSlots(dash()!);
              const peak = () =>
                slots().reduce((a, s) => (s.value > a.value ? s : a), slots()[0] ?? { label: '', value: 0, at: 0 });
              const total = () => slots().reduce((a, s) => a + s.value, 0);
              return (
                <ColumnChart
                  title={ct('chart.arrivals')}
                  bars={slots()}
                  formatY={num}
                  empty={slots().length ? undefined : ct('chart.noArrivals')}
                  summary={
                    slots().length
                      ? ct('chart.arrivalsSummary', {
                          total: num(total()),
                          from: slots()[0]!.label,
                          to: slots()[slots().length - 1]!.label,
                          peak: num(peak().value),
                          at: peak().label,
                        })
                      : ''
                  }
                  table={{
                    head: [ct('chart.time'), ct('chart.arrivalsCount')],
                    rows: slots()
                      .filter((s) => s.value > 0)
                      .map((s) => [s.label, s.value]),
                  }}
                />
              );
            })()}
          </section>
          <section class="card chart-card wide">
            {(() => {
              const rows = () =>
                dash()!.byInstitution.map((r) => ({
                  label: r.institution === '—' ? ct('chart.noInstitution') : r.institution,
                  value: r.count,
                }));
              return (
                <BarList
                  title={ct('chart.institutions')}
                  format={num}
                  empty={rows().length ? undefined : ct('chart.noRegistrations')}
                  rows={rows().map((r) => ({
                    label: r.label,
                    segments: [{ key: 'main', label: r.label, value: r.value }],
                  }))}
                  summary={ct('chart.institutionsSummary', {
                    list: rows()
                      .slice(0, 3)
                      .map((r) => `${r.label} (${num(r.value)})`)
                      .join(locale() === 'zh-CN' ? '、' : ', '),
                  })}
                  table={{
                    head: [ct('chart.institution'), ct('chart.confirmedCount')],
                    rows: rows().map((r) => [r.label, r.value]),
                  }}
                />
              );
            })()}
          </section>
        </div>
      </Show>
    </div>
  );
}
