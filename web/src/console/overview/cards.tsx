// The dashboard's five chart cards: check-in rate, registrations by role, the running total, arrivals and institutions.
import { locale, type MessageKey, t } from '../../i18n';
import { formatTime } from '../../lib/time';
import { AreaChart } from '../charts/AreaChart';
import { BarList } from '../charts/BarList';
import { ColumnChart } from '../charts/ColumnChart';
import { Ring } from '../charts/Ring';
import type { Dashboard } from '../console-api';
import { ct } from '../text';
import { dayLabel, num, pct } from './format';
import { arrivalSlots, cumulative, roleRows } from './series';

const roleName = (role: string) => t(`role.${role}` as MessageKey);

export function RateCard(props: { dash: Dashboard }) {
  const summary = () =>
    ct('chart.rateSummary', {
      in: num(props.dash.checkedIn),
      of: num(props.dash.confirmed),
      pct: pct(props.dash.checkinRate),
    });
  return (
    <section class="card chart-card">
      <Ring
        title={ct('chart.rate')}
        rate={props.dash.checkinRate}
        label={pct(props.dash.checkinRate)}
        summary={summary()}
      />
      <p class="ring-caption" aria-hidden="true">
        {summary()}
      </p>
    </section>
  );
}

export function RolesCard(props: { dash: Dashboard; ended: boolean }) {
  const rows = () => roleRows(props.dash);
  // Confirmed and not checked in: still expected on the day, did not come once it has ended.
  const expected = () => ct(props.ended ? 'chart.seg.noShow' : 'chart.seg.expected');
  return (
    <section class="card chart-card">
      <BarList
        title={ct('chart.roles')}
        format={num}
        empty={rows().length ? undefined : ct('chart.noRegistrations')}
        legend={[
          { key: 'in', label: ct('chart.seg.in') },
          { key: 'expected', label: expected() },
          { key: 'waitlisted', label: ct('chart.seg.waitlisted') },
        ]}
        rows={rows().map((r) => ({
          label: roleName(r.role),
          segments: [
            { key: 'in', label: ct('chart.seg.in'), value: r.checkedIn },
            { key: 'expected', label: expected(), value: Math.max(0, r.confirmed - r.checkedIn) },
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
          head: [ct('chart.role'), ct('kpi.confirmed'), ct('kpi.checkedIn'), ct('kpi.waitlisted'), ct('kpi.cancelled')],
          rows: rows().map((r) => [roleName(r.role), r.confirmed, r.checkedIn, r.waitlisted, r.cancelled]),
        }}
      />
    </section>
  );
}

export function CumulativeCard(props: { dash: Dashboard }) {
  const pts = () => cumulative(props.dash);
  const last = () => pts()[pts().length - 1];
  return (
    <section class="card chart-card wide">
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
    </section>
  );
}

export function ArrivalsCard(props: { dash: Dashboard; timezone: string }) {
  const slots = () =>
    arrivalSlots(props.dash, (at) => formatTime(new Date(at).toISOString(), props.timezone, locale()));
  const peak = () =>
    slots().reduce((a, s) => (s.value > a.value ? s : a), slots()[0] ?? { label: '', value: 0, at: 0 });
  const total = () => slots().reduce((a, s) => a + s.value, 0);
  return (
    <section class="card chart-card wide">
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
    </section>
  );
}

export function InstitutionsCard(props: { dash: Dashboard }) {
  const rows = () =>
    props.dash.byInstitution.map((r) => ({
      label: r.institution === '—' ? ct('chart.noInstitution') : r.institution,
      value: r.count,
    }));
  return (
    <section class="card chart-card wide">
      <BarList
        title={ct('chart.institutions')}
        format={num}
        empty={rows().length ? undefined : ct('chart.noRegistrations')}
        rows={rows().map((r) => ({ label: r.label, segments: [{ key: 'main', label: r.label, value: r.value }] }))}
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
    </section>
  );
}
