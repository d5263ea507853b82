// The answers an organiser chose for the desk (e.g. 科室), shown on the scan result under the name.
import { For, Show } from 'solid-js';
import { pick } from '../i18n';
import type { CheckinResponse } from './checkin';
import './desk-details.css';

export function DeskDetails(props: { lines: NonNullable<CheckinResponse['registration']>['details'] }) {
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
