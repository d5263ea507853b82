// The people tab: speakers, panel guests and moderators as cards; add, edit and remove them, and upload a photo with a preview.
import { createMemo, createSignal, createUniqueId, For, onCleanup, Show } from 'solid-js';
import { locale, type MessageKey, pick, t } from '../i18n';
import {
  type ConsoleEvent,
  createPerson,
  deletePerson,
  type Person,
  type PersonCreate,
  PHOTO_MAX_BYTES,
  PHOTO_TYPES,
  updatePerson,
  uploadPhoto,
} from './console-api';
import { typedAscii } from '../../../worker/lib/normalize';
import { ct } from './text';
import { busyLabel, changed, ConfirmButton, createSubmit, createValues, Field, FormError, useToast } from './ui';

export function PeopleTab(props: { event: ConsoleEvent; reload: () => Promise<void> }) {
  const [adding, setAdding] = createSignal(false);
  let addButton!: HTMLButtonElement;
  let listHeading!: HTMLHeadingElement;
  return (
    <div class="people-tab">
      <div class="tab-tools">
        <p class="muted">{ct('people.intro')}</p>
        <button type="button" ref={addButton} aria-expanded={adding()} onClick={() => setAdding(!adding())}>
          {ct('people.add')}
        </button>
      </div>
      <Show when={adding()}>
        <section class="card" aria-labelledby="people-add-title">
          <h3 id="people-add-title">{ct('people.addTitle')}</h3>
          <PersonForm
            event={props.event}
            reload={props.reload}
            onCancel={() => {
              setAdding(false);
              addButton.focus();
            }}
            onSaved={async () => {
              setAdding(false);
              await props.reload();
              addButton.focus();
            }}
          />
        </section>
      </Show>
      <h3 class="sr-only" tabindex="-1" ref={listHeading}>
        {ct('people.list')}
      </h3>
      <Show when={props.event.people.length} fallback={<p class="muted">{ct('people.empty')}</p>}>
        <ul class="people-admin">
          {/* Keyed by id, so a reload keeps each card (and any form open on it) in place. */}
          <For each={props.event.people.map((p) => p.id)}>
            {(personId) => {
              const find = () => props.event.people.find((p) => p.id === personId);
              // While a deleted person is on their way out, the card keeps its last data.
              const person = createMemo<Person>((prev) => find() ?? prev, find()!);
              return (
                <PersonCard
                  event={props.event}
                  person={person()}
                  reload={props.reload}
                  afterDelete={() => listHeading.focus()}
                />
              );
            }}
          </For>
        </ul>
      </Show>
    </div>
  );
}

const initials = (name: string) =>
  /[\u3400-\u9fff]/.test(name)
    ? name.slice(0, 1)
    : name
        .split(/\s+/)
        .map((w) => w[0] ?? '')
        .join('')
        .slice(0, 2);

function PersonCard(props: {
  event: ConsoleEvent;
  person: Person;
  reload: () => Promise<void>;
  afterDelete: () => void;
}) {
  const toast = useToast();
  const id = createUniqueId();
  const [editing, setEditing] = createSignal(false);
  const p = () => props.person;
  const name = () => pick(p().name);
  const other = () => (locale() === 'zh-CN' ? p().name.en : p().name.zh);
  let editButton!: HTMLButtonElement;
  return (
    <li class="card person-admin" aria-labelledby={`${id}-name`}>
      <div class="person-admin-row">
        <Show
          when={p().photoUrl}
          fallback={
            <div class="avatar" aria-hidden="true">
              {initials(name())}
            </div>
          }
        >
          <img class="avatar" src={p().photoUrl!} alt="" />
        </Show>
        <div class="person-admin-text">
          <h3 id={`${id}-name`}>
            {name()} <span class="honorific">{pick(p().honorific)}</span>
          </h3>
          <Show when={other() && other() !== name()}>
            <p class="muted other-lang" lang={locale() === 'zh-CN' ? 'en' : 'zh-CN'}>
              {other()}
            </p>
          </Show>
          <Show when={pick(p().institution)}>
            <p class="institution">{pick(p().institution)}</p>
          </Show>
          <p class="roles">
            <Show when={p().roles.length} fallback={<span class="muted">{ct('people.notOnAgenda')}</span>}>
              <span class="sr-only">{ct('people.onAgendaAs')} </span>
              <For each={p().roles}>{(r) => <span class={`badge role-${r}`}>{t(`role.${r}` as MessageKey)}</span>}</For>
            </Show>
          </p>
        </div>
      </div>
      <div class="person-admin-actions">
        <button
          type="button"
          class="secondary"
          ref={editButton}
          aria-expanded={editing()}
          aria-label={ct('people.editNamed', { name: name() })}
          onClick={() => setEditing(!editing())}
        >
          {ct('edit')}
        </button>
        <ConfirmButton
          danger
          label={ct('delete')}
          ariaLabel={ct('people.deleteNamed', { name: name() })}
          title={ct('people.deleteTitle', { name: name() })}
          body={ct('people.deleteBody')}
          confirm={ct('people.deleteConfirm')}
          busy={ct('deleting')}
          onConfirm={async () => {
            await deletePerson(props.event.slug, p().id);
            toast(ct('people.deleted', { name: name() }));
            const after = props.afterDelete;
            await props.reload();
            return after;
          }}
        />
      </div>
      <Show when={editing()}>
        <PersonForm
          event={props.event}
          person={p()}
          reload={props.reload}
          onCancel={() => {
            setEditing(false);
            editButton.focus();
          }}
          onSaved={async () => {
            setEditing(false);
            await props.reload();
            editButton.focus();
          }}
        />
      </Show>
    </li>
  );
}

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

function PersonForm(props: {
  event: ConsoleEvent;
  person?: Person;
  reload: () => Promise<void>;
  onSaved: () => Promise<void>;
  onCancel: () => void;
}) {
  const toast = useToast();
  const submit = createSubmit();
  const p = props.person;
  // The console's event read has no contact details or badge for people, so an edit leaves them alone unless they are filled in.
  let baseline: Values = {
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
  };
  const [v, setV] = createValues<Values>(baseline);
  const [createdId, setCreatedId] = createSignal<string | null>(null);
  const [photo, setPhoto] = createSignal<File | null>(null);
  const [preview, setPreview] = createSignal<string | null>(null);
  const [photoError, setPhotoError] = createSignal<string | null>(null);
  const photoId = createUniqueId();
  let form!: HTMLFormElement;
  let fileInput!: HTMLInputElement;
  onCleanup(() => {
    const u = preview();
    if (u) URL.revokeObjectURL(u);
  });

  const set =
    <K extends keyof Values>(k: K) =>
    (value: string) => {
      setV(k, value as Values[K]);
      submit.clearField(k);
    };
  const err = (k: keyof Values) => submit.fieldErrors()[k];

  function choosePhoto(file: File | undefined) {
    const old = preview();
    if (old) URL.revokeObjectURL(old);
    setPreview(null);
    setPhoto(null);
    setPhotoError(null);
    if (!file) return;
    if (!PHOTO_TYPES.includes(file.type)) {
      setPhotoError(ct('err.photoType'));
      return;
    }
    if (file.size > PHOTO_MAX_BYTES) {
      setPhotoError(ct('err.photoTooLarge'));
      return;
    }
    setPhoto(file);
    setPreview(URL.createObjectURL(file));
  }

  function check() {
    const e: Record<string, string> = {};
    if (!v().nameZh.trim()) e.nameZh = ct('err.required');
    if (!v().nameEn.trim()) e.nameEn = ct('err.required');
    if (v().email.trim() && !EMAIL.test(typedAscii(v().email))) e.email = ct('err.email');
    if (v().phone.trim() && !/^[0-9+()\-\s]*$/.test(typedAscii(v().phone))) e.phone = ct('err.phone');
    if (photoError()) e.photo = photoError()!;
    return e;
  }

  async function save() {
    let id = p?.id ?? createdId();
    const label = pick({ zh: v().nameZh, en: v().nameEn });
    if (!id) {
      const { badgeRole, email, phone, ...rest } = v();
      const body: PersonCreate = {
        ...rest,
        badgeRole: badgeRole || 'guest',
        ...(email.trim() ? { email: email.trim() } : {}),
        ...(phone.trim() ? { phone: phone.trim() } : {}),
      };
      id = (await createPerson(props.event.slug, body)).id;
      // A retry after a failed photo upload edits this person instead of adding them twice.
      setCreatedId(id);
      baseline = { ...v() };
      toast(ct('people.added', { name: label }));
    } else {
      const { badgeRole, email, phone, ...diff } = changed({ ...v() }, baseline);
      const patch = {
        ...diff,
        ...(email?.trim() ? { email: email.trim() } : {}),
        ...(phone?.trim() ? { phone: phone.trim() } : {}),
        ...(badgeRole ? { badgeRole } : {}),
      };
      if (Object.keys(patch).length) {
        await updatePerson(props.event.slug, id, patch);
        baseline = { ...v() };
      }
      if (!photo()) toast(ct('people.saved', { name: label }));
    }
    const file = photo();
    if (file) {
      try {
        await uploadPhoto(props.event.slug, id, file);
      } catch (e) {
        if (createdId()) void props.reload().catch(() => {}); // the new card appears even though its photo did not
        throw e;
      }
      choosePhoto(undefined);
      fileInput.value = '';
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
    <form
      ref={form}
      class="console-form person-form"
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        void submit.run(form, check, save);
      }}
    >
      <div class="pair">
        <Field
          label={ct('people.nameZh')}
          name="nameZh"
          lang="zh-CN"
          value={v().nameZh}
          required
          error={err('nameZh')}
          onInput={set('nameZh')}
        />
        <Field
          label={ct('people.nameEn')}
          name="nameEn"
          lang="en"
          value={v().nameEn}
          required
          error={err('nameEn')}
          onInput={set('nameEn')}
        />
      </div>
      <div class="pair">
        <Field
          label={ct('people.honorificZh')}
          name="honorificZh"
          lang="zh-CN"
          optional
          value={v().honorificZh}
          hint={ct('people.honorificHint')}
          error={err('honorificZh')}
          onInput={set('honorificZh')}
        />
        <Field
          label={ct('people.honorificEn')}
          name="honorificEn"
          lang="en"
          optional
          value={v().honorificEn}
          error={err('honorificEn')}
          onInput={set('honorificEn')}
        />
      </div>
      <div class="pair">
        <Field
          label={ct('people.institutionZh')}
          name="institutionZh"
          lang="zh-CN"
          optional
          value={v().institutionZh}
          error={err('institutionZh')}
          onInput={set('institutionZh')}
        />
        <Field
          label={ct('people.institutionEn')}
          name="institutionEn"
          lang="en"
          optional
          value={v().institutionEn}
          error={err('institutionEn')}
          onInput={set('institutionEn')}
        />
      </div>
      <div class="pair">
        <Field
          label={ct('people.email')}
          name="email"
          type="email"
          optional
          value={v().email}
          error={err('email')}
          autocomplete="off"
          hint={p ? ct('people.keepHint') : ct('people.emailHint')}
          onInput={set('email')}
        />
        <Field
          label={ct('people.phone')}
          name="phone"
          type="tel"
          optional
          value={v().phone}
          error={err('phone')}
          hint={p ? ct('people.keepHint') : undefined}
          onInput={set('phone')}
        />
      </div>
      <div class="pair">
        <Field
          label={ct('people.bioZh')}
          name="bioZh"
          lang="zh-CN"
          optional
          multiline
          value={v().bioZh}
          error={err('bioZh')}
          onInput={set('bioZh')}
        />
        <Field
          label={ct('people.bioEn')}
          name="bioEn"
          lang="en"
          optional
          multiline
          value={v().bioEn}
          error={err('bioEn')}
          onInput={set('bioEn')}
        />
      </div>
      <div class="pair">
        <Field
          label={ct('people.badge')}
          name="badgeRole"
          value={v().badgeRole}
          options={badgeOptions()}
          hint={ct('people.badgeHint')}
          onInput={set('badgeRole')}
        />
        <div class="field photo-field">
          <label for={photoId}>
            {ct('people.photo')} <span class="optional">({ct('optional')})</span>
          </label>
          <input
            id={photoId}
            ref={fileInput}
            name="photo"
            type="file"
            accept={PHOTO_TYPES.join(',')}
            aria-invalid={photoError() || submit.fieldErrors().photo ? 'true' : undefined}
            aria-describedby={`${photoId}-hint${photoError() ? ` ${photoId}-error` : ''}`}
            onChange={(e) => {
              choosePhoto(e.currentTarget.files?.[0]);
              submit.clearField('photo');
            }}
          />
          <p class="field-hint muted" id={`${photoId}-hint`}>
            {ct('people.photoHint')}
          </p>
          <Show when={photoError()}>
            <p class="field-error" id={`${photoId}-error`}>
              {photoError()}
            </p>
          </Show>
          <Show when={preview()}>
            {(src) => <img class="photo-preview" src={src()} alt={ct('people.photoPreview')} />}
          </Show>
        </div>
      </div>
      <FormError error={submit.error()} />
      <div class="form-actions">
        <button type="submit" disabled={submit.busy()}>
          {busyLabel(submit.busy(), p || createdId() ? ct('save') : ct('people.addSubmit'))}
        </button>
        <button type="button" class="secondary" disabled={submit.busy()} onClick={() => props.onCancel()}>
          {ct('cancel')}
        </button>
      </div>
    </form>
  );
}
