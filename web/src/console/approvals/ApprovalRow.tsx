// One pending registration in the approval queue: its checkbox, who it is, when they registered, approve and reject.
import { Show } from 'solid-js';
import { locale } from '../../i18n';
import { formatDateTime } from '../../lib/time';
import type { Registration } from '../console-api';
import { ct } from '../text';
import { ConfirmButton } from '../ui';
import type { Decision } from './approval-api';

export function ApprovalRow(props: {
  registration: Registration;
  timezone: string;
  selected: boolean;
  /** A decision is running: every control waits for it. */
  busy: boolean;
  onSelect: (on: boolean) => void;
  onDecide: (decision: Decision) => Promise<void>;
}) {
  const r = () => props.registration;
  return (
    <tr>
      <td>
        <input
          type="checkbox"
          aria-label={ct('appr.select', { name: r().name })}
          checked={props.selected}
          disabled={props.busy}
          onChange={(e) => props.onSelect(e.currentTarget.checked)}
        />
      </td>
      <td>
        <strong>{r().name}</strong>
        <Show when={r().affiliation || r().jobTitle}>
          <br />
          <span class="muted">{[r().affiliation, r().jobTitle].filter(Boolean).join(' · ')}</span>
        </Show>
      </td>
      <td>{r().email}</td>
      <td>
        <Show when={r().createdAt}>
          {(at) => <time dateTime={at()}>{formatDateTime(at(), props.timezone, locale())}</time>}
        </Show>
      </td>
      <td>
        <div class="row-actions">
          <button
            type="button"
            class="small"
            disabled={props.busy}
            aria-label={`${ct('appr.approve')}: ${r().name}`}
            onClick={() => void props.onDecide('approve')}
          >
            {ct('appr.approve')}
          </button>
          <ConfirmButton
            label={ct('appr.reject')}
            ariaLabel={`${ct('appr.reject')}: ${r().name}`}
            title={ct('appr.rejectTitle', { n: 1 })}
            body={ct('appr.rejectBody')}
            confirm={ct('appr.reject')}
            busy={ct('working')}
            danger
            class="danger-outline small"
            disabled={props.busy}
            onConfirm={() => props.onDecide('reject')}
          />
        </div>
      </td>
    </tr>
  );
}
