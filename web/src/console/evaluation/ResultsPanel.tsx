// Live results: response rate, overall rating, pass rate, averages per talk and speaker, a target's 1–5 distribution,
// and the assessment questions most often missed.
import { createSignal, For, Show } from 'solid-js';
import { pick } from '../../i18n';
import { BarList } from '../charts/BarList';
import { ColumnChart } from '../charts/ColumnChart';
import { num, pct } from '../overview/format';
import type { Results, ResultTarget } from './evaluation-api';
import { type EvalConsoleKey, vt } from './evaluation-text';

const ASPECTS = ['content', 'delivery', 'relevance'] as const;
type Tally = ResultTarget['aspects']['content'];

/** One decimal, as averages of 1–5 are read. */
export const avg = (n: number | null | undefined) => (n === null || n === undefined ? '–' : n.toFixed(1));

/** The mean over the aspects that have ratings, weighted by how many each got. */
function meanOf(t: ResultTarget) {
  let sum = 0;
  let n = 0;
  for (const a of ASPECTS) {
    const x = t.aspects[a];
    if (x.avg !== null) {
      sum += x.avg * x.n;
      n += x.n;
    }
  }
  return n ? sum / n : null;
}

export const targetLabel = (t: { kind: string; titleZh: string; titleEn: string; role?: string | null }) =>
  t.kind === 'person' && t.role
    ? `${pick({ zh: t.titleZh, en: t.titleEn })} · ${vt(`role.${t.role}` as EvalConsoleKey)}`
    : pick({ zh: t.titleZh, en: t.titleEn });

export function Kpis(props: { r: Results }) {
  return (
    <dl class="kpis">
      <div>
        <dt>{vt('res.rate')}</dt>
        <dd>
          {pct(props.r.responseRate / 100)}
          <span class="of">
            {' '}
            {vt('res.rateOf', { responded: num(props.r.responded), eligible: num(props.r.eligible) })}
          </span>
        </dd>
      </div>
      <div>
        <dt>{vt('res.overall')}</dt>
        <dd>
          {avg(props.r.overall.avg)}
          <span class="of"> {vt('res.overallOf', { n: num(props.r.overall.n) })}</span>
        </dd>
      </div>
      <Show when={props.r.assessment}>
        {(a) => (
          <div>
            <dt>{vt('res.passRate')}</dt>
            <dd>
              {pct(a().passRate / 100)}
              <span class="of"> {vt('res.passOf', { passed: num(a().passed), attempted: num(a().attempted) })}</span>
            </dd>
          </div>
        )}
      </Show>
    </dl>
  );
}

export function AveragesChart(props: { r: Results }) {
  const rows = () => props.r.targets.filter((t) => t.n > 0);
  return (
    <section class="card chart-card wide">
      <BarList
        title={vt('res.averages')}
        summary={vt('res.averagesSummary')}
        empty={rows().length ? undefined : vt('res.noRatings')}
        format={avg}
        max={5}
        rows={rows().map((t) => ({
          label: targetLabel(t),
          segments: [{ key: t.kind === 'item' ? 'in' : 'expected', label: vt('aspect.mean'), value: meanOf(t) ?? 0 }],
        }))}
        table={{
          head: [vt('res.col.target'), ...ASPECTS.map((a) => vt(`aspect.${a}`)), vt('res.col.n')],
          rows: rows().map((t) => [targetLabel(t), ...ASPECTS.map((a) => avg(t.aspects[a].avg)), t.n]),
        }}
      />
    </section>
  );
}

function Distribution(props: { title: string; tally: Tally }) {
  const counts = () => props.tally.dist.map((n, i) => vt('res.distCount', { n, score: i + 1 })).join(', ');
  return (
    <ColumnChart
      title={props.title}
      summary={vt('res.distSummary', { aspect: props.title, counts: counts() })}
      empty={props.tally.n ? undefined : vt('res.noRatings')}
      bars={props.tally.dist.map((n, i) => ({ label: String(i + 1), value: n }))}
      formatY={num}
      table={{ head: ['1–5', vt('res.col.n')], rows: props.tally.dist.map((n, i) => [String(i + 1), n]) }}
    />
  );
}

export function DistributionCard(props: { r: Results }) {
  const [key, setKey] = createSignal('event');
  const target = () => props.r.targets.find((t) => t.key === key());
  return (
    <section class="card chart-card wide eval-dist">
      <h3>{vt('res.dist')}</h3>
      <label>
        {vt('res.distOf')}{' '}
        <select value={key()} onChange={(e) => setKey(e.currentTarget.value)}>
          <option value="event">{vt('com.event')}</option>
          <For each={props.r.targets}>{(t) => <option value={t.key}>{targetLabel(t)}</option>}</For>
        </select>
      </label>
      <Show when={target()} fallback={<Distribution title={vt('aspect.overall')} tally={props.r.overall as Tally} />}>
        {(t) => (
          <div class="eval-dist-grid">
            <For each={ASPECTS}>{(a) => <Distribution title={vt(`aspect.${a}`)} tally={t().aspects[a]} />}</For>
          </div>
        )}
      </Show>
    </section>
  );
}

export function MissedCard(props: { assessment: NonNullable<Results['assessment']> }) {
  const rows = () => props.assessment.questions.filter((q) => q.missedRate > 0).slice(0, 5);
  return (
    <section class="card chart-card wide">
      <BarList
        title={vt('res.missed')}
        summary={vt('res.missedSummary')}
        empty={props.assessment.attempts ? undefined : vt('res.noRatings')}
        format={(n) => pct(n / 100)}
        max={100}
        rows={rows().map((q) => ({
          label: pick({ zh: q.promptZh, en: q.promptEn }),
          segments: [{ key: 'waitlisted', label: vt('res.missedCol'), value: q.missedRate }],
        }))}
        table={{
          head: [vt('form.question', { n: '' }).trim(), vt('res.missedCol')],
          rows: props.assessment.questions.map((q) => [
            pick({ zh: q.promptZh, en: q.promptEn }),
            pct(q.missedRate / 100),
          ]),
        }}
      />
    </section>
  );
}
