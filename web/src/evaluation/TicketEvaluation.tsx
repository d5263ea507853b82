// The ticket page's way in to the evaluation: a card while it is open for this ticket, nothing otherwise.
import { createResource, Show, Suspense } from 'solid-js';
import { api, read } from '../api';
import { areaTranslator } from '../i18n';

const tv = areaTranslator(
  {
    title: 'Rate the talks',
    body: 'Tell the organisers and speakers how the sessions went (anonymous, about 2 minutes).',
    assessment: 'The assessment for your CME credit is there too.',
    passed: 'You have passed the assessment.',
    open: 'Open the evaluation',
  },
  {
    title: '会后评价',
    body: '请为各场报告和讲者打分（匿名，约 2 分钟）。',
    assessment: '继续医学教育学分所需的考核也在其中。',
    passed: '您已通过考核。',
    open: '开始评价',
  },
);

async function load(code: string) {
  try {
    const e = await read(api.api.tickets[':code'].evaluation.$get({ param: { code } }));
    return e.state === 'open' ? e : null;
  } catch {
    // The ticket stands without it.
    return null;
  }
}

export function TicketEvaluation(props: { code: string }) {
  const [open] = createResource(() => props.code, load, { initialValue: null });
  // Its own boundary: while this loads, the app-wide Suspense must not swap out the ticket (and its focused heading).
  return (
    <Suspense>
      <Show when={open()}>
        {(e) => (
          <section class="card eval-entry no-print" aria-labelledby="ticket-eval-title">
            <h2 id="ticket-eval-title">{tv('title')}</h2>
            <p>{tv('body')}</p>
            <Show when={e().assessment}>
              {(a) => <p class="muted">{a().passed ? tv('passed') : tv('assessment')}</p>}
            </Show>
            <a class="button" href={`/t/${encodeURIComponent(props.code)}/evaluation`}>
              {tv('open')}
            </a>
          </section>
        )}
      </Show>
    </Suspense>
  );
}
