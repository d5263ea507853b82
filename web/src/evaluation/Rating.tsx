// One 1–5 rating as a radio group: arrow keys move between the marks, the legend names the aspect for screen readers.
import { createUniqueId, For } from 'solid-js';
import { et } from './evaluation-text';
import { SaveNote } from './SaveNote';
import type { SaveStatus } from './saver';

export function Rating(props: {
  legend: string;
  value: number | undefined;
  status: SaveStatus | undefined;
  disabled?: boolean;
  onPick: (n: number) => void;
  onRetry: () => void;
}) {
  const name = createUniqueId();
  return (
    <fieldset class="eval-rating" disabled={props.disabled}>
      <legend>{props.legend}</legend>
      <div class="eval-scale">
        <For each={[1, 2, 3, 4, 5]}>
          {(n) => (
            <label>
              <input type="radio" name={name} value={n} checked={props.value === n} onChange={() => props.onPick(n)} />
              <span aria-hidden="true">{n}</span>
              <span class="sr-only">
                {n} {et('outOf')}
              </span>
            </label>
          )}
        </For>
      </div>
      <SaveNote status={props.status} onRetry={props.onRetry} />
    </fieldset>
  );
}
