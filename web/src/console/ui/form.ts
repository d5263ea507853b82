// A console form's state: its draft in a store, its submit cycle (check, send once, keep what was typed, focus), and
// the small helpers every form uses.
import { createSignal, onCleanup } from 'solid-js';
import { createStore, type SetStoreFunction, unwrap } from 'solid-js/store';
import { ct } from '../text';
import { serverFieldErrors, useFailure } from './feedback';

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

/** What a field needs from its form: its name, its value, its error, and how to change it. */
export type Bound = { name: string; value: string; error: string | undefined; onInput: (value: string) => void };

type StringKeys<T> = { [K in keyof T]: T[K] extends string ? K : never }[keyof T] & string;

/**
 * A form whose draft is a store: `bind('titleZh')` gives a field its value, error and input handler, and typing in a
 * field clears its error. `values()` is a plain copy of the draft to send.
 */
export function createForm<T extends object>(initial: T) {
  const submit = createSubmit();
  const [draft, setDraft] = createStore<T>({ ...initial });
  const set = <K extends keyof T & string>(k: K, value: T[K]) => {
    (setDraft as (k: K, v: T[K]) => void)(k, value);
    submit.clearField(k);
  };
  const bind = <K extends StringKeys<T>>(k: K): Bound => ({
    name: k,
    get value() {
      return draft[k] as string;
    },
    get error() {
      return submit.fieldErrors()[k];
    },
    onInput: (value: string) => set(k, value as T[K]),
  });
  const values = (): T => ({ ...unwrap(draft) });
  return { ...submit, draft, setDraft: setDraft as SetStoreFunction<T>, set, bind, values };
}

export type FormState = ReturnType<typeof createForm<object>>;

/**
 * A form's values in one plain signal, for the forms not yet on createForm. Plain signals rather than solid-js/store
 * keep the Solid runtime that every page shares (and the public page loads) exactly as it was.
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
 * A form opened by a button (add, edit, people): closing it gives the focus back to that button, after a reload when
 * it saved.
 */
export function createFormToggle(reload: () => Promise<void>) {
  const [open, setOpen] = createSignal(false);
  let button: HTMLButtonElement | undefined;
  return {
    open,
    toggle: () => setOpen(!open()),
    buttonRef: (el: HTMLButtonElement) => {
      button = el;
    },
    onCancel: () => {
      setOpen(false);
      button?.focus();
    },
    onSaved: async () => {
      setOpen(false);
      await reload();
      button?.focus();
    },
  };
}

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
