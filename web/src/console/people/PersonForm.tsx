// The form that adds a person or edits one: names, honorifics, institutions, contact, bios, badge and photo.
import { createSignal } from 'solid-js';
import { pick, t } from '../../i18n';
import { typedAscii } from '../../../../worker/lib/normalize';
import {
  type ConsoleEvent,
  createPerson,
  type Person,
  type PersonCreate,
  updatePerson,
  uploadPhoto,
} from '../console-api';
import { ct } from '../text';
import { ConsoleForm, changed, createForm, LangPair, SelectField, TextField, useToast } from '../ui';
import { createPhoto, PhotoField } from './PhotoField';

type Values = {
  nameZh: string;
  nameEn: string;
  honorificZh: string;
  honorificEn: string;
  institutionZh: string;
  institutionEn: string;
  email: string;
  phone: string;
  bioZh: string;
  bioEn: string;
  badgeRole: '' | 'speaker' | 'guest';
};
const EMAIL = /^[^\s@]+@[^\s@.]+(\.[^\s@.]+)+$/;

// The console's event read has no contact details or badge for people, so an edit leaves them alone unless they are filled in.
const valuesOf = (p: Person | undefined): Values => ({
  nameZh: p?.name.zh ?? '',
  nameEn: p?.name.en ?? '',
  honorificZh: p?.honorific.zh ?? '',
  honorificEn: p?.honorific.en ?? '',
  institutionZh: p?.institution.zh ?? '',
  institutionEn: p?.institution.en ?? '',
  email: '',
  phone: '',
  bioZh: p?.bio.zh ?? '',
  bioEn: p?.bio.en ?? '',
  badgeRole: p ? '' : 'guest',
});

function check(v: Values) {
  const e: Record<string, string> = {};
  if (!v.nameZh.trim()) e.nameZh = ct('err.required');
  if (!v.nameEn.trim()) e.nameEn = ct('err.required');
  if (v.email.trim() && !EMAIL.test(typedAscii(v.email))) e.email = ct('err.email');
  if (v.phone.trim() && !/^[0-9+()\-\s]*$/.test(typedAscii(v.phone))) e.phone = ct('err.phone');
  return e;
}

export function PersonForm(props: {
  event: ConsoleEvent;
  person?: Person;
  reload: () => Promise<void>;
  onSaved: () => Promise<void>;
  onCancel: () => void;
}) {
  const toast = useToast();
  const p = props.person;
  let baseline = valuesOf(p);
  const f = createForm<Values>(baseline);
  const [createdId, setCreatedId] = createSignal<string | null>(null);
  const photo = createPhoto();

  async function save() {
    const v = f.values();
    let id = p?.id ?? createdId();
    const label = pick({ zh: v.nameZh, en: v.nameEn });
    if (!id) {
      const { badgeRole, email, phone, ...rest } = v;
      const body: PersonCreate = {
        ...rest,
        badgeRole: badgeRole || 'guest',
        ...(email.trim() ? { email: email.trim() } : {}),
        ...(phone.trim() ? { phone: phone.trim() } : {}),
      };
      id = (await createPerson(props.event.slug, body)).id;
      // A retry after a failed photo upload edits this person instead of adding them twice.
      setCreatedId(id);
      baseline = v;
      toast(ct('people.added', { name: label }));
    } else {
      const { badgeRole, email, phone, ...diff } = changed(v, baseline);
      const patch = {
        ...diff,
        ...(email?.trim() ? { email: email.trim() } : {}),
        ...(phone?.trim() ? { phone: phone.trim() } : {}),
        ...(badgeRole ? { badgeRole } : {}),
      };
      if (Object.keys(patch).length) {
        await updatePerson(props.event.slug, id, patch);
        baseline = v;
      }
      if (!photo.file()) toast(ct('people.saved', { name: label }));
    }
    const file = photo.file();
    if (file) {
      try {
        await uploadPhoto(props.event.slug, id, file);
      } catch (e) {
        if (createdId()) void props.reload().catch(() => {}); // the new card appears even though its photo did not
        throw e;
      }
      photo.clear();
      toast(ct('people.photoSaved', { name: label }));
    }
    await props.onSaved();
  }

  const badgeOptions = () => [
    ...(p ? [{ value: '', label: ct('people.badgeKeep') }] : []),
    { value: 'guest', label: t('role.guest') },
    { value: 'speaker', label: t('role.speaker') },
  ];

  return (
    <ConsoleForm
      class="person-form"
      form={f}
      check={() => ({ ...check(f.values()), ...(photo.error() ? { photo: photo.error()! } : {}) })}
      save={save}
      submit={p || createdId() ? ct('save') : ct('people.addSubmit')}
      onCancel={() => props.onCancel()}
    >
      <LangPair
        labels={[ct('people.nameZh'), ct('people.nameEn')]}
        zh={f.bind('nameZh')}
        en={f.bind('nameEn')}
        required
      />
      <LangPair
        labels={[ct('people.honorificZh'), ct('people.honorificEn')]}
        zh={f.bind('honorificZh')}
        en={f.bind('honorificEn')}
        optional
        hints={[ct('people.honorificHint'), undefined]}
      />
      <LangPair
        labels={[ct('people.institutionZh'), ct('people.institutionEn')]}
        zh={f.bind('institutionZh')}
        en={f.bind('institutionEn')}
        optional
      />
      <div class="pair">
        <TextField
          label={ct('people.email')}
          {...f.bind('email')}
          type="email"
          optional
          hint={p ? ct('people.keepHint') : ct('people.emailHint')}
        />
        <TextField
          label={ct('people.phone')}
          {...f.bind('phone')}
          type="tel"
          optional
          hint={p ? ct('people.keepHint') : undefined}
        />
      </div>
      <LangPair
        labels={[ct('people.bioZh'), ct('people.bioEn')]}
        zh={f.bind('bioZh')}
        en={f.bind('bioEn')}
        optional
        multiline
      />
      <div class="pair">
        <SelectField
          label={ct('people.badge')}
          {...f.bind('badgeRole')}
          options={badgeOptions()}
          hint={ct('people.badgeHint')}
        />
        <PhotoField photo={photo} serverError={f.fieldErrors().photo} onChange={() => f.clearField('photo')} />
      </div>
    </ConsoleForm>
  );
}
