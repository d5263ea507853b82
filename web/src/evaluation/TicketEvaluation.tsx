// The ticket page's word on the evaluation: before it opens, when it closes and whether the credit needs it; while it
// is open, the way in; once it has closed, the date and what this ticket did in it. Nothing when the event has no evaluation or this
// ticket is not in its audience. The card's code and words load only when there is something to say, so the ticket
// page's first load stays as small as it was.
import { createResource, lazy, type Resource, Show, Suspense } from 'solid-js';
import { api, read } from '../api';
import type { EntryState } from './EvaluationEntry';

const EvaluationEntry = lazy(() => import('./EvaluationEntry'));

async function load(code: string): Promise<EntryState | null> {
  try {
    const e = await read(api.api.tickets[':code'].evaluation.$get({ param: { code } }));
    if (e.state !== 'open' && e.state !== 'closed' && e.state !== 'not_yet') return null;
    const a = e.assessment;
    return {
      state: e.state,
      opensAt: e.opensAt,
      closesAt: e.closesAt,
      answered: Object.keys(e.answers).length > 0,
      assessment: a
        ? {
            required: a.required,
            passed: a.passed,
            tries: a.attempts.length,
            best: Math.max(0, ...a.attempts.map((x) => x.scorePercent)),
          }
        : null,
    };
  } catch {
    // The ticket stands without it.
    return null;
  }
}

/** The ticket's evaluation state, read once for the cards that show it. */
export const createEvaluationEntry = (code: () => string) => createResource(code, load, { initialValue: null })[0];

/**
 * The card, where the ticket page puts it for these states: the way in and the closed record right below the ticket,
 * the notice of one to come below the ticket's own actions (calendar, print), which matter more before the day.
 */
export function TicketEvaluation(props: {
  code: string;
  timezone: string;
  entry: Resource<EntryState | null>;
  states: EntryState['state'][];
}) {
  const shown = () => {
    const e = props.entry();
    return e && props.states.includes(e.state) ? e : null;
  };
  // Its own boundary: while this loads, the app-wide Suspense must not swap out the ticket (and its focused heading).
  return (
    <Suspense>
      <Show when={shown()}>{(e) => <EvaluationEntry code={props.code} timezone={props.timezone} entry={e()} />}</Show>
    </Suspense>
  );
}
