// What became of one answer: saving, saved, or why not with a retry; read out politely by screen readers.
import { Show } from 'solid-js';
import { et } from './evaluation-text';
import type { SaveStatus } from './saver';

export function SaveNote(props: { status: SaveStatus | undefined; onRetry: () => void; savedText?: string }) {
  const failed = () => (props.status?.state === 'failed' ? props.status : undefined);
  const text = () => {
    const s = props.status;
    if (!s) return '';
    if (s.state === 'saving') return et('saving');
    if (s.state === 'saved') return `✓ ${props.savedText ?? et('saved')}`;
    return et('notSaved', { reason: s.reason });
  };
  return (
    <span class="eval-save" classList={{ 'eval-failed': !!failed(), 'eval-ok': props.status?.state === 'saved' }}>
      <span role="status">{text()}</span>
      <Show when={failed()?.retryable}>
        {' '}
        <button type="button" class="secondary small" onClick={() => props.onRetry()}>
          {et('retrySave')}
        </button>
      </Show>
    </span>
  );
}
