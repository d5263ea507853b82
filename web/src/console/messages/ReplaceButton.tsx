// A button that replaces what was written, asking first only when there is something of the organiser's to lose.
import { createSignal } from 'solid-js';
import { ct } from '../text';
import { Modal } from '../ui';

/** `onReplace` may return where the focus goes next. */
export function ReplaceButton(props: {
  label: string;
  dirty: boolean;
  disabled?: boolean;
  onReplace: () => void | (() => void);
}) {
  const [asking, setAsking] = createSignal(false);
  let after: (() => void) | undefined;
  return (
    <div class="field msg-replace">
      <button
        type="button"
        class="secondary"
        disabled={props.disabled}
        aria-haspopup={props.dirty ? 'dialog' : undefined}
        onClick={() => {
          if (props.dirty) setAsking(true);
          else props.onReplace()?.();
        }}
      >
        {props.label}
      </button>
      <Modal
        title={ct('msg.replaceTitle')}
        open={asking()}
        onClose={() => {
          setAsking(false);
          const focus = after;
          after = undefined;
          return focus;
        }}
      >
        <p>{ct('msg.replaceBody')}</p>
        <div class="actions">
          <button type="button" class="secondary" onClick={() => setAsking(false)}>
            {ct('keep')}
          </button>
          <button
            type="button"
            onClick={() => {
              after = props.onReplace() ?? undefined;
              setAsking(false);
            }}
          >
            {ct('msg.replaceConfirm')}
          </button>
        </div>
      </Modal>
    </div>
  );
}
