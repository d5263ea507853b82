// Registers a guest who arrives without a registration and checks them in at once, with their badge a click away; what was typed survives any error.
import { createSignal, type JSX, Show } from 'solid-js';
import { asciiContact } from '../../../worker/lib/normalize';
import { type DeskKey, t } from './text';
import type { Outcome, WalkInResponse } from './checkin';

type Field = 'name' | 'phone' | 'email' | 'affiliation';
export type WalkInFields = Record<Field, string>;
const ORDER: Field[] = ['name', 'phone', 'email', 'affiliation'];
const EMAIL = /^[^\s@]+@[^\s@.]+(\.[^\s@.]+)+$/;
const PHONE = /^[0-9+()\-\s]*$/;
const EMPTY: WalkInFields = { name: '', phone: '', email: '', affiliation: '' };

export function WalkInForm(props: {
  slug: string;
  offline: boolean;
  register: (fields: WalkInFields) => Promise<Outcome<WalkInResponse>>;
}) {
  const [values, setValues] = createSignal<WalkInFields>({ ...EMPTY });
  const [last, setLast] = createSignal<WalkInResponse['registration'] | null>(null);
  const [errors, setErrors] = createSignal<Partial<Record<Field, DeskKey>>>({});
  const [message, setMessage] = createSignal<DeskKey | null>(null);
  const [busy, setBusy] = createSignal(false);
  const refs: Partial<Record<Field, HTMLInputElement>> = {};

  function showErrors(found: Partial<Record<Field, DeskKey>>) {
    setErrors(found);
    const first = ORDER.find((f) => found[f]);
    if (first) refs[first]?.focus();
    return first !== undefined;
  }

  function check() {
    const v = asciiContact(values());
    const found: Partial<Record<Field, DeskKey>> = {};
    if (!v.name.trim()) found.name = 'walkin.nameRequired';
    if (v.email.trim() && !EMAIL.test(v.email.trim())) found.email = 'walkin.emailInvalid';
    if (!PHONE.test(v.phone)) found.phone = 'walkin.phoneInvalid';
    return found;
  }

  async function submit(e: SubmitEvent) {
    e.preventDefault();
    if (busy()) return;
    setMessage(null);
    // The last walk-in's green "registered and checked in" would read as this one's success if this one fails.
    setLast(null);
    if (showErrors(check())) return;
    setBusy(true);
    const outcome = await props.register(asciiContact(values()));
    setBusy(false);
    if (outcome.kind === 'ok') {
      setValues({ ...EMPTY });
      setErrors({});
      setLast(outcome.value.registration);
      return;
    }
    if (outcome.kind === 'offline') {
      setMessage('walkin.needsNetwork');
      return;
    }
    if (outcome.kind !== 'failed') {
      setMessage('walkin.failed');
      return;
    } // the page shows why (signed out, not on the staff)
    const err = outcome.error;
    if (err.code === 'invalid') {
      const found: Partial<Record<Field, DeskKey>> = {};
      for (const key of Object.keys(err.fields)) {
        if (!ORDER.includes(key as Field)) continue;
        const f = key as Field;
        found[f] =
          f === 'name' && !values().name.trim()
            ? 'walkin.nameRequired'
            : f === 'email'
              ? 'walkin.emailInvalid'
              : f === 'phone'
                ? 'walkin.phoneInvalid'
                : 'walkin.invalid';
      }
      if (showErrors(found)) return;
      setMessage('walkin.checkFields');
    } else if (err.code === 'already_registered') setMessage('walkin.already');
    else setMessage('walkin.failed');
  }

  function TextField(p: {
    field: Field;
    label: DeskKey;
    type?: string;
    autocomplete: string;
    required?: boolean;
    inputmode?: JSX.HTMLAttributes<HTMLInputElement>['inputMode'];
  }) {
    const id = `walkin-${p.field}`;
    const error = () => errors()[p.field];
    return (
      <div class="field">
        <label for={id}>
          {t(p.label)}
          <Show when={!p.required}>
            {' '}
            <span class="optional">({t('walkin.optional')})</span>
          </Show>
        </label>
        <input
          id={id}
          name={p.field}
          type={p.type ?? 'text'}
          autocomplete={p.autocomplete}
          inputMode={p.inputmode}
          required={p.required}
          aria-invalid={error() ? 'true' : undefined}
          aria-describedby={error() ? `${id}-error` : undefined}
          value={values()[p.field]}
          ref={(el) => (refs[p.field] = el)}
          onInput={(e) => {
            setValues({ ...values(), [p.field]: e.currentTarget.value });
            if (error()) setErrors({ ...errors(), [p.field]: undefined });
          }}
        />
        <Show when={error()}>
          <p class="field-error" id={`${id}-error`}>
            {t(error()!)}
          </p>
        </Show>
      </div>
    );
  }

  return (
    <section class="desk-walkin card" aria-labelledby="desk-walkin-title">
      <h2 id="desk-walkin-title">{t('walkin.title')}</h2>
      <p class="muted">{t('walkin.intro')}</p>
      <Show when={props.offline && message() !== 'walkin.needsNetwork'}>
        <p class="notice error">{t('walkin.offline')}</p>
      </Show>
      <Show when={last()}>
        {(reg) => (
          <p class="notice ok desk-walkin-done">
            {t('walkin.done', { name: reg().name })}{' '}
            <a
              href={`/badges/${encodeURIComponent(props.slug)}?ids=${encodeURIComponent(reg().id)}`}
              target="_blank"
              rel="noopener"
              aria-label={t('walkin.printBadgeFor', { name: reg().name })}
            >
              {t('walkin.printBadge')}
            </a>
          </p>
        )}
      </Show>
      <form noValidate onSubmit={submit}>
        <div class="desk-walkin-fields">
          <TextField field="name" label="walkin.name" autocomplete="off" required />
          <TextField field="phone" label="walkin.phone" type="tel" autocomplete="off" inputmode="tel" />
          <TextField field="email" label="walkin.email" type="email" autocomplete="off" inputmode="email" />
          <TextField field="affiliation" label="walkin.affiliation" autocomplete="off" />
        </div>
        <div role="alert" class="form-message">
          <Show when={message()}>{(m) => <p class="notice error">{t(m())}</p>}</Show>
        </div>
        <button type="submit" disabled={busy()}>
          {busy() ? t('walkin.submitting') : t('walkin.submit')}
        </button>
      </form>
    </section>
  );
}
