// The dialog that edits one registration's details.
import { createEffect, createSignal } from 'solid-js';
import { typedAscii } from '../../../../worker/lib/normalize';
import { type MessageKey, t } from '../../i18n';
import { type ConsoleEvent, type Registration, type RegistrationPatch, updateRegistration } from '../console-api';
import { ct } from '../text';
import { busyLabel, changed, createSubmit, createValues, Field, FormError, Modal, useToast } from '../ui';
import { ROLES } from './filters';

type Values = {
  name: string;
  email: string;
  phone: string;
  affiliation: string;
  jobTitle: string;
  locale: 'zh-CN' | 'en';
  role: (typeof ROLES)[number];
};
const EMAIL = /^[^\s@]+@[^\s@.]+(\.[^\s@.]+)+$/;

export function EditRegistration(props: {
  event: ConsoleEvent;
  registration: Registration;
  open: boolean;
  onClose: () => void;
  onSaved: () => void;
}) {
  const [busy, setBusy] = createSignal(false);
  return (
    <Modal
      title={ct('regs.editTitle', { name: props.registration.name })}
      open={props.open}
      busy={busy()}
      onClose={() => props.onClose()}
    >
      <EditRegistrationForm
        event={props.event}
        registration={props.registration}
        onBusy={setBusy}
        onClose={props.onClose}
        onSaved={props.onSaved}
      />
    </Modal>
  );
}

/** Made afresh each time the dialog opens, from the row as it is now; kept while open, so a failed save loses nothing. */
function EditRegistrationForm(props: {
  event: ConsoleEvent;
  registration: Registration;
  onBusy: (busy: boolean) => void;
  onClose: () => void;
  onSaved: () => void;
}) {
  const toast = useToast();
  const submit = createSubmit();
  const r = props.registration;
  const original: Values = {
    name: r.name,
    email: r.email,
    phone: r.phone,
    affiliation: r.affiliation,
    jobTitle: r.jobTitle,
    locale: r.locale as Values['locale'],
    role: r.role as Values['role'],
  };
  const [v, setV] = createValues<Values>(original);
  let form!: HTMLFormElement;
  const set =
    <K extends keyof Values>(k: K) =>
    (value: string) => {
      setV(k, value as Values[K]);
      submit.clearField(k);
    };
  const err = (k: keyof Values) => submit.fieldErrors()[k];
  createEffect(() => props.onBusy(submit.busy()));

  function check() {
    const e: Record<string, string> = {};
    if (!v().name.trim()) e.name = ct('err.required');
    if (v().email !== original.email && !EMAIL.test(typedAscii(v().email))) e.email = ct('err.email');
    if (v().phone.trim() && !/^[0-9+()\-\s]*$/.test(typedAscii(v().phone))) e.phone = ct('err.phone');
    return e;
  }

  async function save() {
    const patch: RegistrationPatch = changed({ ...v() }, original);
    if (Object.keys(patch).length) await updateRegistration(props.event.slug, r.id, patch);
    toast(ct('regs.saved', { name: v().name }));
    props.onClose();
    props.onSaved();
  }

  return (
    <form
      ref={form}
      class="console-form"
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        void submit.run(form, check, save);
      }}
    >
      <Field label={ct('regs.name')} name="name" value={v().name} required error={err('name')} onInput={set('name')} />
      <Field
        label={ct('regs.email')}
        name="email"
        type="email"
        value={v().email}
        error={err('email')}
        onInput={set('email')}
      />
      <Field
        label={ct('regs.phone')}
        name="phone"
        type="tel"
        optional
        value={v().phone}
        error={err('phone')}
        onInput={set('phone')}
      />
      <Field
        label={ct('regs.institution')}
        name="affiliation"
        optional
        value={v().affiliation}
        error={err('affiliation')}
        onInput={set('affiliation')}
      />
      <Field
        label={ct('regs.jobTitle')}
        name="jobTitle"
        optional
        value={v().jobTitle}
        error={err('jobTitle')}
        onInput={set('jobTitle')}
      />
      <div class="pair">
        <Field
          label={ct('regs.locale')}
          name="locale"
          value={v().locale}
          options={[
            { value: 'zh-CN', label: '中文' },
            { value: 'en', label: 'English' },
          ]}
          onInput={set('locale')}
        />
        <Field
          label={ct('regs.role')}
          name="role"
          value={v().role}
          options={ROLES.map((x) => ({ value: x, label: t(`role.${x}` as MessageKey) }))}
          onInput={set('role')}
        />
      </div>
      <FormError error={submit.error()} />
      <div class="actions">
        <button type="button" class="secondary" disabled={submit.busy()} onClick={() => props.onClose()}>
          {ct('cancel')}
        </button>
        <button type="submit" disabled={submit.busy()}>
          {busyLabel(submit.busy(), ct('save'))}
        </button>
      </div>
    </form>
  );
}
