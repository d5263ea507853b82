// A person's photo: the chosen file checked for type and size before upload, with a preview.
import { createSignal, createUniqueId, onCleanup, Show } from 'solid-js';
import { PHOTO_MAX_BYTES, PHOTO_TYPES } from '../console-api';
import { ct } from '../text';

/** The chosen photo and its preview URL (revoked when replaced or when the form goes away). */
export function createPhoto() {
  const [file, setFile] = createSignal<File | null>(null);
  const [preview, setPreview] = createSignal<string | null>(null);
  const [error, setError] = createSignal<string | null>(null);
  let input: HTMLInputElement | undefined;
  onCleanup(() => {
    const u = preview();
    if (u) URL.revokeObjectURL(u);
  });

  function choose(chosen: File | undefined) {
    const old = preview();
    if (old) URL.revokeObjectURL(old);
    setPreview(null);
    setFile(null);
    setError(null);
    if (!chosen) return;
    if (!PHOTO_TYPES.includes(chosen.type)) {
      setError(ct('err.photoType'));
      return;
    }
    if (chosen.size > PHOTO_MAX_BYTES) {
      setError(ct('err.photoTooLarge'));
      return;
    }
    setFile(chosen);
    setPreview(URL.createObjectURL(chosen));
  }

  /** After an upload: nothing chosen, and the input empty again. */
  const clear = () => {
    choose(undefined);
    if (input) input.value = '';
  };
  return { file, preview, error, choose, clear, ref: (el: HTMLInputElement) => (input = el) };
}

export function PhotoField(props: {
  photo: ReturnType<typeof createPhoto>;
  serverError?: string;
  onChange: () => void;
}) {
  const id = createUniqueId();
  const photo = props.photo;
  return (
    <div class="field photo-field">
      <label for={id}>
        {ct('people.photo')} <span class="optional">({ct('optional')})</span>
      </label>
      <input
        id={id}
        ref={photo.ref}
        name="photo"
        type="file"
        accept={PHOTO_TYPES.join(',')}
        aria-invalid={photo.error() || props.serverError ? 'true' : undefined}
        aria-describedby={`${id}-hint${photo.error() ? ` ${id}-error` : ''}`}
        onChange={(e) => {
          photo.choose(e.currentTarget.files?.[0]);
          props.onChange();
        }}
      />
      <p class="field-hint muted" id={`${id}-hint`}>
        {ct('people.photoHint')}
      </p>
      <Show when={photo.error()}>
        <p class="field-error" id={`${id}-error`}>
          {photo.error()}
        </p>
      </Show>
      <Show when={photo.preview()}>
        {(src) => <img class="photo-preview" src={src()} alt={ct('people.photoPreview')} />}
      </Show>
    </div>
  );
}
