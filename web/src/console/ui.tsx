// The console's shared pieces: the toast region, fields with inline errors, submit state, confirmations and error wording.
import { createEffect, createSignal, createUniqueId, For, type JSX, onCleanup, type ParentProps, Show } from 'solid-js';
import { ApiFailure } from '../api';
import { locale } from '../i18n';
import { ct } from './text';

type Tone = 'ok' | 'warn';
type Toast = { id: number; text: string; tone: Tone };

// One console is on screen at a time, so its feedback lives here rather than in a context (which would also add to the
// Solid runtime every page shares).
const [toasts, setToasts] = createSignal<Toast[]>([]);
let nextToast = 0;
let onUnauthorized = () => {};

function pushToast(text: string, tone: Tone = 'ok') {
  const id = ++nextToast;
  setToasts((list) => [...list.slice(-2), { id, text, tone }]);
  // A warning asks for action, so it stays long enough to be read twice.
  setTimeout(() => setToasts((list) => list.filter((x) => x.id !== id)), tone === 'warn' ? 15_000 : 6_000);
}

/** The one polite status region every action reports success into; it also hears about ended sessions. */
/** Calls `fn` once the organiser pauses typing for `ms`; a pending call is dropped when the component goes away. */
export function createDebounced<A extends unknown[]>(fn: (...args: A) => void, ms: number) {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const cancel = () => clearTimeout(timer);
  onCleanup(cancel);
  const call = (...args: A) => {
    cancel();
    timer = setTimeout(() => fn(...args), ms);
  };
  return Object.assign(call, { cancel });
}

export function ConsoleFeedback(props: ParentProps<{ onUnauthorized: () => void }>) {
  onUnauthorized = () => props.onUnauthorized();
  onCleanup(() => {
    onUnauthorized = () => {};
    setToasts([]);
  });
  return (
    <>
      {props.children}
      <div class="console-toasts" role="status" aria-live="polite">
        <For each={toasts()}>{(x) => <p class={`console-toast tone-${x.tone}`}>{x.text}</p>}</For>
      </div>
    </>
  );
}

export const useToast = () => pushToast;

/** What went wrong, in the reader's language; a network failure is not an ApiFailure. */
export function errorText(e: unknown): string {
  if (!(e instanceof ApiFailure)) return ct('err.network');
  switch (e.status) {
    case 400:
      return ct('err.invalid');
    case 401:
      return ct('err.session');
    case 403:
      return ct('err.forbidden');
    case 404:
      return ct('err.gone');
    case 409:
      if (e.code === 'slug_taken') return ct('err.slugTaken');
      if (e.code === 'email_taken') return ct('err.emailTaken');
      if (e.code === 'not_waitlisted') return ct('err.notWaitlisted');
      if (e.code === 'no_recipients') return ct('msg.noRecipients');
      return ct('err.conflict');
    case 413:
      return ct('err.photoTooLarge');
    case 415:
      return ct('err.photoType');
    case 429:
      return ct('err.rateLimited');
    default:
      return ct('err.server');
  }
}

/** Turns a failure into words, and tells the page when the session has ended so it can offer to sign in again. */
export function useFailure() {
  return (e: unknown) => {
    if (e instanceof ApiFailure && e.status === 401) onUnauthorized();
    return errorText(e);
  };
}

/** The API's field messages are English; Chinese readers get them framed in Chinese rather than not at all. */
export function serverFieldErrors(e: unknown): Record<string, string> {
  if (!(e instanceof ApiFailure)) return {};
  if (e.code === 'slug_taken') return { slug: ct('err.slugTaken') };
  if (e.code === 'email_taken') return { email: ct('err.emailTaken') };
  return Object.fromEntries(
    Object.entries(e.fields ?? {}).map(([k, m]) => [
      k,
      locale() === 'zh-CN' ? ct('err.fieldServer', { message: m }) : m,
    ]),
  );
}

function focusFirstInvalid(form: HTMLElement | undefined) {
  const el = form?.querySelector<HTMLElement>('[aria-invalid="true"]');
  el?.focus();
}

/**
 * One form's submit cycle: check locally, send once, keep every typed value on failure, and put the focus back where it
 * was (a disabled button drops it) or on the first field that needs attention.
 */
export function createSubmit() {
  const fail = useFailure();
  const [busy, setBusy] = createSignal(false);
  const [error, setError] = createSignal<string | null>(null);
  const [fieldErrors, setFieldErrors] = createSignal<Record<string, string>>({});

  async function run(
    form: HTMLElement | undefined,
    check: () => Record<string, string>,
    work: () => Promise<void>,
  ): Promise<boolean> {
    if (busy()) return false;
    setError(null);
    const local = check();
    if (Object.keys(local).length) {
      setFieldErrors(local);
      setError(ct('err.invalid'));
      focusFirstInvalid(form);
      return false;
    }
    setFieldErrors({});
    const before = document.activeElement as HTMLElement | null;
    setBusy(true);
    let ok = false;
    try {
      await work();
      ok = true;
    } catch (e) {
      setError(fail(e));
      setFieldErrors(serverFieldErrors(e));
    } finally {
      setBusy(false);
    }
    if (!ok && Object.keys(fieldErrors()).length) focusFirstInvalid(form);
    else if ((document.activeElement === document.body || !document.activeElement) && before?.isConnected)
      before.focus();
    return ok;
  }

  const clearField = (name: string) => {
    if (fieldErrors()[name]) setFieldErrors(({ [name]: _, ...rest }) => rest);
  };
  const reset = () => {
    setError(null);
    setFieldErrors({});
  };
  return { busy, error, fieldErrors, clearField, reset, run };
}

/** The form's own alert region: always in the page, so a new message is announced. */
export function FormError(props: { error: string | null }) {
  return (
    <div role="alert" class="form-message">
      <Show when={props.error}>{(m) => <p class="notice error">{m()}</p>}</Show>
    </div>
  );
}

export type Option = { value: string; label: string };

type FieldProps = {
  label: string;
  name: string;
  value: string;
  onInput: (value: string) => void;
  error?: string;
  hint?: string;
  type?: string;
  required?: boolean;
  optional?: boolean;
  multiline?: boolean;
  options?: Option[];
  autocomplete?: string;
  min?: number | string;
  max?: number | string;
  lang?: string;
  class?: string;
  inputRef?: (el: HTMLElement) => void;
};

/** A labelled input, textarea or select whose hint and error are announced with it. */
export function Field(props: FieldProps) {
  const id = createUniqueId();
  const describedBy = () =>
    [props.hint ? `${id}-hint` : '', props.error ? `${id}-error` : ''].filter(Boolean).join(' ') || undefined;
  const invalid = () => (props.error ? 'true' : undefined);
  return (
    <div class={`field ${props.class ?? ''}`}>
      <label for={id}>
        {props.label}
        <Show when={props.optional}>
          {' '}
          <span class="optional">({ct('optional')})</span>
        </Show>
      </label>
      <Show
        when={props.options}
        fallback={
          <Show
            when={props.multiline}
            fallback={
              <input
                id={id}
                name={props.name}
                type={props.type ?? 'text'}
                value={props.value}
                required={props.required}
                lang={props.lang}
                autocomplete={props.autocomplete ?? 'off'}
                min={props.min}
                max={props.max}
                aria-invalid={invalid()}
                aria-describedby={describedBy()}
                ref={(el) => props.inputRef?.(el)}
                onInput={(e) => props.onInput(e.currentTarget.value)}
              />
            }
          >
            <textarea
              id={id}
              name={props.name}
              rows={3}
              value={props.value}
              required={props.required}
              lang={props.lang}
              aria-invalid={invalid()}
              aria-describedby={describedBy()}
              ref={(el) => props.inputRef?.(el)}
              onInput={(e) => props.onInput(e.currentTarget.value)}
            />
          </Show>
        }
      >
        {(options) => (
          <select
            id={id}
            name={props.name}
            value={props.value}
            required={props.required}
            aria-invalid={invalid()}
            aria-describedby={describedBy()}
            ref={(el) => props.inputRef?.(el)}
            onChange={(e) => props.onInput(e.currentTarget.value)}
          >
            <For each={options()}>
              {(o) => (
                <option value={o.value} selected={o.value === props.value}>
                  {o.label}
                </option>
              )}
            </For>
          </select>
        )}
      </Show>
      <Show when={props.hint}>
        <p class="field-hint muted" id={`${id}-hint`}>
          {props.hint}
        </p>
      </Show>
      <Show when={props.error}>
        <p class="field-error" id={`${id}-error`}>
          {props.error}
        </p>
      </Show>
    </div>
  );
}

/**
 * Gives every body cell its column's name (data-label), which narrow screens show beside the value when the rows
 * stack into cards (console.css). Kept in step as rows arrive and as the language changes the headers.
 */
export function labelCells(table: HTMLTableElement) {
  const label = () => {
    const heads = [...(table.tHead?.rows[0]?.cells ?? [])].map(
      (c) => c.textContent?.replace(/[↑↓↕]/g, '').trim() ?? '',
    );
    for (const body of table.tBodies)
      for (const row of body.rows)
        [...row.cells].forEach((c, i) => {
          if (c.dataset.label !== heads[i]) c.dataset.label = heads[i] ?? '';
        });
  };
  const observer = new MutationObserver(label);
  queueMicrotask(() => {
    label();
    observer.observe(table, { childList: true, subtree: true, characterData: true });
  });
  onCleanup(() => observer.disconnect());
}

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

/**
 * A form's values in one plain signal. Plain signals rather than solid-js/store keep the Solid runtime that every page
 * shares (and the public page loads) exactly as it was.
 */
export function createValues<T extends object>(initial: T) {
  const [values, setValues] = createSignal<T>({ ...initial });
  const setValue = <K extends keyof T>(k: K, value: T[K]) => setValues((v) => ({ ...v, [k]: value }));
  return [values, setValue] as const;
}

/** The label a submit button wears while its request is in flight. */
export const busyLabel = (busy: boolean, label: string, working = ct('saving')) => (busy ? working : label);

/** Values that differ from the original, so an edit sends only what the organiser changed. */
export function changed<T extends Record<string, unknown>>(next: T, original: Partial<T>): Partial<T> {
  const out: Partial<T> = {};
  for (const k of Object.keys(next) as (keyof T)[]) if (next[k] !== original[k]) out[k] = next[k];
  return out;
}

/**
 * A console list as a table: it scrolls sideways inside a focusable region named by its caption (visually hidden),
 * so keyboard and screen-reader users can reach and scroll it. `columns` are the header cells; children are the rows.
 */
export function DataTable(props: ParentProps<{ class: string; caption: string; columns: JSX.Element[] }>) {
  const captionId = createUniqueId();
  return (
    <div class="table-wrap" role="region" aria-labelledby={captionId} tabindex="0">
      <table class={props.class} ref={labelCells}>
        <caption id={captionId} class="sr-only">
          {props.caption}
        </caption>
        <thead>
          <tr>
            <For each={props.columns}>{(c) => <th scope="col">{c}</th>}</For>
          </tr>
        </thead>
        <tbody>{props.children}</tbody>
      </table>
    </div>
  );
}
