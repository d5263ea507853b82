// The person's profile as printed (names, title, institution, bio) and photo: live at once or waiting for approval.
import { createSignal, For, Show } from 'solid-js';
import { type Portal, type ProfileInput, saveProfile, uploadPortalPhoto } from './portal-api';
import { createSave, FieldError, SaveBar } from './save';
import { type PortalKey, pt } from './text';

const FIELDS = [
  ['nameZh', 120],
  ['nameEn', 120],
  ['honorificZh', 60],
  ['honorificEn', 60],
  ['institutionZh', 200],
  ['institutionEn', 200],
  ['bioZh', 4000],
  ['bioEn', 4000],
] as const;
const PHOTO_TYPES = ['image/jpeg', 'image/png', 'image/webp'];

export function Profile(props: { token: string; data: Portal }) {
  const p = props.data.person;
  // What waits for approval is what the person last wrote: the form shows that, not the older live text.
  const start = { ...p, ...props.data.pending } as ProfileInput & { photoUrl?: string | null };
  const [form, setForm] = createSignal<ProfileInput>({
    nameZh: start.nameZh,
    nameEn: start.nameEn,
    honorificZh: start.honorificZh,
    honorificEn: start.honorificEn,
    institutionZh: start.institutionZh,
    institutionEn: start.institutionEn,
    bioZh: start.bioZh,
    bioEn: start.bioEn,
  });
  const [photo, setPhoto] = createSignal(start.photoUrl ?? null);
  const [waiting, setWaiting] = createSignal(props.data.pending !== null);
  const [photoError, setPhotoError] = createSignal<string | null>(null);
  const save = createSave(() => props.data.event.timezone);
  const photoSave = createSave(() => props.data.event.timezone);

  async function submit(e: SubmitEvent) {
    e.preventDefault();
    const done = await save.run(() => saveProfile(props.token, form()));
    if (done) setWaiting(done.state === 'waiting');
  }
  async function choose(file: File | undefined) {
    setPhotoError(null);
    if (!file) return;
    if (!PHOTO_TYPES.includes(file.type)) return setPhotoError(pt('profile.photoType'));
    if (file.size > 2 * 1024 * 1024) return setPhotoError(pt('profile.photoSize'));
    const done = await photoSave.run(() => uploadPortalPhoto(props.token, file));
    if (done) {
      setPhoto(done.photoUrl);
      setWaiting(done.state === 'waiting');
    }
  }

  return (
    <section class="card portal-section" aria-labelledby="portal-profile">
      <h2 id="portal-profile">{pt('profile.title')}</h2>
      <p class="muted">{props.data.approveChanges ? pt('profile.approval') : pt('profile.live')}</p>
      <Show when={waiting()}>
        <p class="notice info">{pt('profile.pending')}</p>
      </Show>
      <div class="portal-photo">
        <Show when={photo()}>{(src) => <img src={src()} alt={pt('profile.photoAlt')} width="96" height="96" />}</Show>
        <div class="field">
          <label for="profile-photo">{pt('profile.photo')}</label>
          <input
            id="profile-photo"
            type="file"
            accept="image/jpeg,image/png,image/webp"
            aria-describedby="profile-photo-hint profile-photo-error"
            onChange={(e) => choose(e.currentTarget.files?.[0])}
          />
          <p class="hint" id="profile-photo-hint">
            {pt('profile.photoHint')}
          </p>
          <div id="profile-photo-error" role="alert">
            <Show when={photoError() ?? photoSave.error()}>{(m) => <p class="field-error">{m()}</p>}</Show>
          </div>
          <p role="status" class="portal-ok">
            {photoSave.busy() ? pt('saving') : photoSave.savedAt() ? pt('saved', { time: photoSave.savedAt()! }) : ''}
          </p>
        </div>
      </div>
      <form noValidate onSubmit={submit} class="portal-grid">
        <For each={FIELDS}>
          {([name, max]) => (
            <div class={`field ${name.startsWith('bio') ? 'wide' : ''}`}>
              <label for={`profile-${name}`}>{pt(`profile.${name}` as PortalKey)}</label>
              {name.startsWith('bio') ? (
                <textarea
                  id={`profile-${name}`}
                  rows="5"
                  maxLength={max}
                  value={form()[name]}
                  aria-describedby={`profile-${name}-error`}
                  onInput={(e) => setForm((f) => ({ ...f, [name]: e.currentTarget.value }))}
                />
              ) : (
                <input
                  id={`profile-${name}`}
                  maxLength={max}
                  value={form()[name]}
                  aria-invalid={save.fields()[name] ? 'true' : undefined}
                  aria-describedby={`profile-${name}-error`}
                  onInput={(e) => setForm((f) => ({ ...f, [name]: e.currentTarget.value }))}
                />
              )}
              <FieldError save={save} name={name} id={`profile-${name}-error`} />
            </div>
          )}
        </For>
        <div class="wide">
          <SaveBar save={save} />
        </div>
      </form>
    </section>
  );
}
