// One talk with its speakers and panel guests (or the event as a whole): a rating per aspect and a comment for each.
import { createUniqueId, For, Show } from 'solid-js';
import { pick } from '../i18n';
import type { Target } from './evaluation-api';
import { type EvalKey, et } from './evaluation-text';
import { Rating } from './Rating';
import { SaveNote } from './SaveNote';
import type { SaveStatus } from './saver';

export type Answers = {
  value: (target: string, aspect: string) => number | string | undefined;
  status: (target: string, aspect: string) => SaveStatus | undefined;
  save: (target: string, aspect: string, value: number | string) => void;
  retry: (target: string, aspect: string) => void;
  readOnly: boolean;
};

const title = (t: Target) => pick({ zh: t.titleZh, en: t.titleEn });

function Aspects(props: { target: Target; answers: Answers; heading: 'h2' | 'h3' }) {
  const id = createUniqueId();
  const ratings = () => props.target.aspects.filter((a) => a !== 'comment');
  const comment = () => props.answers.value(props.target.key, 'comment');
  return (
    <div class={`eval-target eval-${props.target.kind}`} role="group" aria-labelledby={`${id}-h`}>
      <Show
        when={props.heading === 'h3'}
        fallback={
          <h2 id={`${id}-h`} class="eval-title">
            <span class="eval-kind">{et(props.target.kind === 'event' ? 'kind.event' : 'kind.item')}</span>
            {title(props.target)}
          </h2>
        }
      >
        <h3 id={`${id}-h`} class="eval-title">
          {title(props.target)}
          <Show when={props.target.role}>
            {(r) => <span class="eval-role"> · {et(`role.${r()}` as EvalKey)}</span>}
          </Show>
        </h3>
      </Show>
      <For each={ratings()}>
        {(aspect) => (
          <Rating
            legend={et(`aspect.${aspect}` as EvalKey)}
            value={props.answers.value(props.target.key, aspect) as number | undefined}
            status={props.answers.status(props.target.key, aspect)}
            disabled={props.answers.readOnly}
            onPick={(n) => props.answers.save(props.target.key, aspect, n)}
            onRetry={() => props.answers.retry(props.target.key, aspect)}
          />
        )}
      </For>
      <Show when={props.target.aspects.includes('comment')}>
        <div class="eval-comment">
          <label for={`${id}-c`}>{et('aspect.comment')}</label>
          <textarea
            id={`${id}-c`}
            rows="2"
            maxlength="2000"
            aria-describedby={`${id}-ch`}
            value={typeof comment() === 'string' ? (comment() as string) : ''}
            disabled={props.answers.readOnly}
            onChange={(e) => props.answers.save(props.target.key, 'comment', e.currentTarget.value)}
          />
          <p class="muted eval-hint" id={`${id}-ch`}>
            {et('commentHint')}
          </p>
          <SaveNote
            status={props.answers.status(props.target.key, 'comment')}
            onRetry={() => props.answers.retry(props.target.key, 'comment')}
          />
        </div>
      </Show>
    </div>
  );
}

/** A talk's card: the talk itself first, then each person on it. */
export function TargetCard(props: { lead: Target; people: Target[]; answers: Answers }) {
  return (
    <section class="card eval-card">
      <Aspects target={props.lead} answers={props.answers} heading="h2" />
      <For each={props.people}>{(p) => <Aspects target={p} answers={props.answers} heading="h3" />}</For>
    </section>
  );
}
