// The ticket page's way in to the evaluation: a card while it is open for this ticket, nothing otherwise. The card's
// code and words load only then, so the ticket page's first load stays as small as it was.
import { createResource, lazy, Show, Suspense } from 'solid-js';
import { api, read } from '../api';

const EvaluationEntry = lazy(() => import('./EvaluationEntry'));

async function load(code: string) {
  try {
    const e = await read(api.api.tickets[':code'].evaluation.$get({ param: { code } }));
    return e.state === 'open' ? { assessment: e.assessment } : null;
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
      <Show when={open()}>{(e) => <EvaluationEntry code={props.code} assessment={e().assessment} />}</Show>
    </Suspense>
  );
}
