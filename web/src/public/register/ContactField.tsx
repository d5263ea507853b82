// One contact field of the registration form (name, email, phone, affiliation, job title) with its hint and error.
import { type JSX, Show } from 'solid-js';
import { type PublicKey, t } from '../text';
import { MAX, type TextFieldName } from './contact-rules';
import type { RegisterStore } from './register-store';

export const describedBy = (...ids: (string | false | undefined)[]) => ids.filter(Boolean).join(' ') || undefined;

export function ContactField(p: {
  store: RegisterStore;
  field: TextFieldName;
  label: PublicKey;
  type?: string;
  autocomplete: string;
  required?: boolean;
  hint?: PublicKey;
  inputmode?: JSX.HTMLAttributes<HTMLInputElement>['inputMode'];
}) {
  const s = p.store;
  const error = () => s.errors()[p.field];
  // An invitation registers its invitee's address only.
  const fixed = () => p.field === 'email' && !!s.invitation();
  return (
    <div class="field">
      <label for={s.id(p.field)}>
        {t(p.label)}
        <Show when={!p.required}>
          {' '}
          <span class="optional">({t('reg.optional')})</span>
        </Show>
      </label>
      <Show when={p.hint}>
        <p class="hint field-hint" id={s.id(`${p.field}-hint`)}>
          {t(fixed() ? 'reg.emailFixed' : p.hint!)}
        </p>
      </Show>
      <input
        id={s.id(p.field)}
        name={p.field}
        type={p.type ?? 'text'}
        autocomplete={p.autocomplete}
        inputMode={p.inputmode}
        required={p.required}
        readOnly={fixed()}
        aria-invalid={error() ? 'true' : undefined}
        aria-describedby={describedBy(p.hint && s.id(`${p.field}-hint`), error() && s.id(`${p.field}-error`))}
        value={s.values()[p.field]}
        onInput={(e) => s.setValue(p.field, e.currentTarget.value)}
        ref={(el) => s.setRef(p.field, el)}
      />
      <Show when={error()}>
        <p class="field-error" id={s.id(`${p.field}-error`)}>
          {t(error()!, { n: MAX[p.field] })}
        </p>
      </Show>
    </div>
  );
}
