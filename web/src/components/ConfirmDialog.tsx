// A button that asks first: a native modal <dialog> with a safe default, progress while working and an error that stays.
import { createSignal, createUniqueId, onMount, Show } from 'solid-js';

/** `t` is the page's own translator (its strings ship in the page's chunk); the other props are its keys. */
export function ConfirmDialog<K extends string>(props: {
  t: (key: K) => string;
  trigger: K;
  title: K;
  body: K;
  confirm: K;
  busy: K;
  keep: K;
  failed: K;
  /** Asks straight away, e.g. when the page was opened from an email's "cancel" link. */
  autoOpen?: boolean;
  /** Does the work; resolves to what to show once the dialog has closed (so focus can move there). */
  onConfirm: () => Promise<() => void>;
}) {
  const t = (key: K) => props.t(key);
  const uid = createUniqueId();
  const [busy, setBusy] = createSignal(false);
  const [failed, setFailed] = createSignal(false);
  let dialog!: HTMLDialogElement;
  let keepButton!: HTMLButtonElement;

  function open() {
    setFailed(false);
    dialog.showModal();
    keepButton.focus(); // the safe choice is where Enter lands
  }

  onMount(() => {
    if (props.autoOpen)
      requestAnimationFrame(() => {
        if (dialog.isConnected && !dialog.open) open();
      });
  });

  async function confirm() {
    setBusy(true);
    setFailed(false);
    try {
      const after = await props.onConfirm();
      setBusy(false);
      dialog.close();
      after();
    } catch {
      setBusy(false);
      setFailed(true);
      keepButton.focus();
    }
  }

  return (
    <>
      <button type="button" class="danger-outline" onClick={open} aria-haspopup="dialog">
        {t(props.trigger)}
      </button>
      <dialog
        ref={dialog}
        class="confirm"
        aria-labelledby={`${uid}-title`}
        aria-describedby={`${uid}-body`}
        onCancel={(e) => {
          if (busy()) e.preventDefault();
        }}
      >
        <h2 id={`${uid}-title`}>{t(props.title)}</h2>
        <p id={`${uid}-body`}>{t(props.body)}</p>
        <div role="alert">
          <Show when={failed()}>
            <p class="notice error">{t(props.failed)}</p>
          </Show>
        </div>
        <p role="status" class="sr-only">
          {busy() ? t(props.busy) : ''}
        </p>
        <div class="actions">
          <button type="button" class="secondary" ref={keepButton} disabled={busy()} onClick={() => dialog.close()}>
            {t(props.keep)}
          </button>
          <button type="button" class="danger" disabled={busy()} onClick={confirm}>
            {busy() ? t(props.busy) : t(props.confirm)}
          </button>
        </div>
      </dialog>
    </>
  );
}
