// The console's dialogs: a modal that returns the focus, and a button that asks before it acts.
import { createEffect, createSignal, createUniqueId, type JSX, type ParentProps, Show } from 'solid-js';
import { ct } from '../text';
import { useFailure } from './feedback';
import { FormError } from './fields';

/**
 * A modal dialog that traps focus natively and returns it to whatever opened it, unless `onClose` returns where the
 * focus goes instead (what opened it may have done its job and moved on).
 */
export function Modal(
  props: ParentProps<{ title: string; open: boolean; onClose: () => unknown; busy?: boolean; wide?: boolean }>,
) {
  const id = createUniqueId();
  let dialog!: HTMLDialogElement;
  let opener: HTMLElement | null = null;
  createEffect(() => {
    if (props.open && !dialog.open) {
      opener = document.activeElement as HTMLElement | null;
      dialog.showModal();
    } else if (!props.open && dialog.open) dialog.close();
  });
  return (
    <dialog
      ref={dialog}
      class={`confirm console-dialog ${props.wide ? 'wide' : ''}`}
      aria-labelledby={`${id}-title`}
      onCancel={(e) => {
        if (props.busy) e.preventDefault();
      }}
      onClose={() => {
        const focus = props.onClose();
        if (typeof focus === 'function') focus();
        else if (opener?.isConnected) opener.focus();
      }}
    >
      <h2 id={`${id}-title`}>{props.title}</h2>
      <Show when={props.open}>{props.children}</Show>
    </dialog>
  );
}

/**
 * A button that asks first. The safe choice has the focus; the dialog stays open with the error if the action fails,
 * and `onConfirm` may return where the focus goes once it has closed (the button itself may be gone by then).
 */
export function ConfirmButton(props: {
  label: JSX.Element;
  ariaLabel?: string;
  title: string;
  body: string;
  confirm: string;
  busy: string;
  danger?: boolean;
  class?: string;
  disabled?: boolean;
  onConfirm: () => Promise<void | (() => void)>;
}) {
  const id = createUniqueId();
  const fail = useFailure();
  const [busy, setBusy] = createSignal(false);
  const [error, setError] = createSignal<string | null>(null);
  let dialog!: HTMLDialogElement;
  let keep!: HTMLButtonElement;
  let trigger!: HTMLButtonElement;

  function open() {
    setError(null);
    dialog.showModal();
    keep.focus();
  }

  async function confirm() {
    setBusy(true);
    setError(null);
    try {
      const after = await props.onConfirm();
      setBusy(false);
      dialog.close();
      if (after) after();
      else if (trigger.isConnected) trigger.focus();
    } catch (e) {
      setBusy(false);
      setError(fail(e));
      keep.focus();
    }
  }

  return (
    <>
      <button
        type="button"
        ref={trigger}
        class={props.class ?? (props.danger ? 'danger-outline' : 'secondary')}
        aria-haspopup="dialog"
        aria-label={props.ariaLabel}
        disabled={props.disabled}
        onClick={open}
      >
        {props.label}
      </button>
      <dialog
        ref={dialog}
        class="confirm console-dialog"
        aria-labelledby={`${id}-title`}
        aria-describedby={`${id}-body`}
        onCancel={(e) => {
          if (busy()) e.preventDefault();
        }}
      >
        <h2 id={`${id}-title`}>{props.title}</h2>
        <p id={`${id}-body`}>{props.body}</p>
        <FormError error={error()} />
        <div class="actions">
          <button
            type="button"
            class="secondary"
            ref={keep}
            disabled={busy()}
            onClick={() => {
              dialog.close();
              trigger.focus();
            }}
          >
            {ct('keep')}
          </button>
          <button type="button" class={props.danger ? 'danger' : ''} disabled={busy()} onClick={() => void confirm()}>
            {busy() ? props.busy : props.confirm}
          </button>
        </div>
      </dialog>
    </>
  );
}
