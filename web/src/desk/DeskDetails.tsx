// The answers an organiser chose for the desk (e.g. 科室), shown on the scan result under the name.
import { For, Show } from 'solid-js';
import type { DeskLine } from '../../../worker/questions/desk';
import { pick } from '../i18n';
import './desk-details.css';

export function DeskDetails(props: { lines: DeskLine[] | undefined }) {
  return (
    <Show when={props.lines?.length}>
      <dl class="desk-result-details">
        <For each={props.lines}>
          {(line) => (
            <div data-question={line.id}>
              <dt>{pick(line.label)}</dt>
              <dd>{pick(line.text)}</dd>
            </div>
          )}
        </For>
      </dl>
    </Show>
  );
}
