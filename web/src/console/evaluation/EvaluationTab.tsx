// The console's evaluation tab: the form (window, audience, assessment), live results with charts, comments, the CSV,
// and the per-speaker reports with sending.
import { createSignal, onCleanup, Show } from 'solid-js';
import { locale } from '../../i18n';
import { formatTime } from '../../lib/time';
import { type ConsoleEvent, listEvents } from '../console-api';
import { createLoad, FormError } from '../ui';
import { CommentsList } from './CommentsList';
import { csvUrl, getForm, getResults } from './evaluation-api';
import { vt } from './evaluation-text';
import { eventTitle, FormEditor } from './FormEditor';
import { AveragesChart, DistributionCard, Kpis, MissedCard } from './ResultsPanel';
import { SpeakerReports } from './SpeakerReports';
import './evaluation.css';

const REFRESH_MS = 30_000;

export function EvaluationTab(props: { event: ConsoleEvent }) {
  const slug = () => props.event.slug;
  const form = createLoad(slug, getForm);
  const others = createLoad(slug, async (s) =>
    (await listEvents()).filter((e) => e.slug !== s).map((e) => ({ slug: e.slug, title: eventTitle(e) })),
  );
  const [updatedAt, setUpdatedAt] = createSignal<string | null>(null);
  const [round, setRound] = createSignal(0);
  const results = createLoad(
    () => `${slug()}#${round()}`,
    async () => {
      const r = await getResults(slug());
      setUpdatedAt(new Date().toISOString());
      return r;
    },
  );
  const refresh = () => {
    if (!results.loading()) setRound(round() + 1);
  };
  // Results are live: a visible tab asks again every 30 seconds.
  const timer = setInterval(() => {
    if (!document.hidden) refresh();
  }, REFRESH_MS);
  onCleanup(() => clearInterval(timer));

  return (
    <div class="eval-tab">
      <FormError error={form.error()} />
      <Show when={form.current() && others.current()}>
        <FormEditor
          slug={slug()}
          answer={form.current()!}
          others={others.current()!}
          onSaved={(a) => {
            form.mutate(a);
            refresh();
          }}
        />
      </Show>
      <section class="eval-results" aria-labelledby="eval-res-title">
        <div class="tab-tools">
          <h3 id="eval-res-title">{vt('res.title')}</h3>
          <p class="muted">
            <Show when={updatedAt()}>
              {(at) => vt('res.updated', { time: formatTime(at(), props.event.timezone, locale()) })}
            </Show>
          </p>
          <button type="button" class="secondary" disabled={results.loading()} onClick={refresh}>
            {vt('res.refresh')}
          </button>
          <a class="button secondary" href={csvUrl(slug(), locale())} download="">
            {vt('res.csv')}
          </a>
        </div>
        <FormError error={results.error()} />
        <Show when={results.current()}>
          {(r) => (
            <Show when={r().configured} fallback={<p class="muted">{vt('res.notSet')}</p>}>
              <Kpis r={r()} />
              <div class="charts">
                <AveragesChart r={r()} />
                <DistributionCard r={r()} />
                <Show when={r().assessment}>{(a) => <MissedCard assessment={a()} />}</Show>
              </div>
              <CommentsList slug={slug()} timezone={props.event.timezone} targets={r().targets} />
              <SpeakerReports slug={slug()} refreshKey={round()} />
            </Show>
          )}
        </Show>
      </section>
    </div>
  );
}
