// Form fields for every console form: a labelled input, textarea or select with its hint and error, a Chinese/English
// pair, the form's alert region and its submit and cancel buttons.
import { createUniqueId, For, type JSX, type ParentProps, Show } from 'solid-js';
import { ct } from '../text';
import { busyLabel, type Bound, type FormState } from './form';

export type Option = { value: string; label: string };

type Common = {
  label: string;
  value: string;
  onInput: (value: string) => void;
  name?: string;
  id?: string;
  error?: string;
  hint?: string;
  required?: boolean;
  optional?: boolean;
  lang?: string;
  class?: string;
  inputRef?: (el: HTMLElement) => void;
};

/** What a control needs from its frame: its id, and the hint and error it is described by. */
type Control = { id: string; describedBy: string | undefined; invalid: 'true' | undefined };

/** The label, hint and error around one control, wired so a screen reader announces them with it. */
function FieldFrame(props: Common & { control: (c: Control) => JSX.Element }) {
  const fallbackId = createUniqueId();
  const id = () => props.id ?? fallbackId;
  const control: Control = {
    get id() {
      return id();
    },
    get describedBy() {
      return (
        [props.hint ? `${id()}-hint` : '', props.error ? `${id()}-error` : ''].filter(Boolean).join(' ') || undefined
      );
    },
    get invalid() {
      return props.error ? 'true' : undefined;
    },
  };
  return (
    <div class={`field ${props.class ?? ''}`}>
      <label for={id()}>
        {props.label}
        <Show when={props.optional}>
          {' '}
          <span class="optional">({ct('optional')})</span>
        </Show>
      </label>
      {props.control(control)}
      <Show when={props.hint}>
        <p class="field-hint muted" id={`${id()}-hint`}>
          {props.hint}
        </p>
      </Show>
      <Show when={props.error}>
        <p class="field-error" id={`${id()}-error`}>
          {props.error}
        </p>
      </Show>
    </div>
  );
}

/** A labelled one-line input. */
export function TextField(
  props: Common & { type?: string; autocomplete?: string; min?: number | string; max?: number | string },
) {
  return (
    <FieldFrame
      {...props}
      control={(c) => (
        <input
          id={c.id}
          name={props.name}
          type={props.type ?? 'text'}
          value={props.value}
          required={props.required}
          lang={props.lang}
          autocomplete={props.autocomplete ?? 'off'}
          min={props.min}
          max={props.max}
          aria-invalid={c.invalid}
          aria-describedby={c.describedBy}
          ref={(el) => props.inputRef?.(el)}
          onInput={(e) => props.onInput(e.currentTarget.value)}
        />
      )}
    />
  );
}

/** A labelled three-line textarea. */
export function TextArea(props: Common) {
  return (
    <FieldFrame
      {...props}
      control={(c) => (
        <textarea
          id={c.id}
          name={props.name}
          rows={3}
          value={props.value}
          required={props.required}
          lang={props.lang}
          aria-invalid={c.invalid}
          aria-describedby={c.describedBy}
          ref={(el) => props.inputRef?.(el)}
          onInput={(e) => props.onInput(e.currentTarget.value)}
        />
      )}
    />
  );
}

/** A labelled select; `onInput` hears the chosen value. */
export function SelectField(props: Common & { options: Option[] }) {
  return (
    <FieldFrame
      {...props}
      control={(c) => (
        <select
          id={c.id}
          name={props.name}
          value={props.value}
          required={props.required}
          aria-invalid={c.invalid}
          aria-describedby={c.describedBy}
          ref={(el) => props.inputRef?.(el)}
          onChange={(e) => props.onInput(e.currentTarget.value)}
        >
          <For each={props.options}>
            {(o) => (
              <option value={o.value} selected={o.value === props.value}>
                {o.label}
              </option>
            )}
          </For>
        </select>
      )}
    />
  );
}

type FieldProps = Common & {
  name: string;
  type?: string;
  multiline?: boolean;
  options?: Option[];
  autocomplete?: string;
  min?: number | string;
  max?: number | string;
};

/** A labelled input, textarea or select, chosen by `options` and `multiline` (for forms not yet on the parts above). */
export function Field(props: FieldProps) {
  return (
    <Show
      when={props.options}
      fallback={
        <Show when={props.multiline} fallback={<TextField {...props} />}>
          <TextArea {...props} />
        </Show>
      }
    >
      {(options) => <SelectField {...props} options={options()} />}
    </Show>
  );
}

/**
 * The same field in Chinese and in English, side by side (stacked on narrow screens). `hints` are per language;
 * `multiline` makes both textareas.
 */
export function LangPair(props: {
  labels: [string, string];
  zh: Bound;
  en: Bound;
  required?: boolean;
  optional?: boolean;
  multiline?: boolean;
  hints?: [string | undefined, string | undefined];
}) {
  const one = (bound: Bound, label: string, lang: string, hint: string | undefined) =>
    props.multiline ? (
      <TextArea {...bound} label={label} lang={lang} required={props.required} optional={props.optional} hint={hint} />
    ) : (
      <TextField {...bound} label={label} lang={lang} required={props.required} optional={props.optional} hint={hint} />
    );
  return (
    <div class="pair">
      {one(props.zh, props.labels[0], 'zh-CN', props.hints?.[0])}
      {one(props.en, props.labels[1], 'en', props.hints?.[1])}
    </div>
  );
}

/** The form's own alert region: always in the page, so a new message is announced. */
export function FormError(props: { error: string | null }) {
  return (
    <div role="alert" class="form-message">
      <Show when={props.error}>{(m) => <p class="notice error">{m()}</p>}</Show>
    </div>
  );
}

/**
 * A console form: checks locally, then sends once (see createSubmit); ends with the alert region and the submit and
 * cancel buttons. `working` is what the submit button says while the request is in flight.
 */
export function ConsoleForm(
  props: ParentProps<{
    class?: string;
    form: Pick<FormState, 'run' | 'busy' | 'error'>;
    check: () => Record<string, string>;
    save: () => Promise<void>;
    submit: string;
    working?: string;
    onCancel?: () => void;
    /** A lone submit button under the fields, with no actions row (a form without cancel). */
    plain?: boolean;
  }>,
) {
  let form!: HTMLFormElement;
  const submit = () => (
    <button type="submit" disabled={props.form.busy()}>
      {busyLabel(props.form.busy(), props.submit, props.working)}
    </button>
  );
  return (
    <form
      ref={form}
      class={props.class ? `console-form ${props.class}` : 'console-form'}
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        void props.form.run(form, props.check, props.save);
      }}
    >
      {props.children}
      <FormError error={props.form.error()} />
      <Show when={!props.plain} fallback={submit()}>
        <div class="form-actions">
          {submit()}
          <Show when={props.onCancel}>
            <button type="button" class="secondary" disabled={props.form.busy()} onClick={() => props.onCancel?.()}>
              {ct('cancel')}
            </button>
          </Show>
        </div>
      </Show>
    </form>
  );
}
