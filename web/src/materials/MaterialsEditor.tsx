// A person's slides and materials: pick or drop a PDF/PPTX (or give a video link), choose who may see it, watch it
// upload, then change who sees it or delete it. The caller supplies the API, so the console and the portal share it.
import { createResource, createSignal, createUniqueId, For, Show } from 'solid-js';
import { ApiFailure } from '../api';
import './materials.css';
import { fileSize, looksLikeSlides, MAX_BYTES, sendFile, type UploadFailure } from './upload';
import { type MaterialsKey, mt } from './words';

export const VISIBILITIES = ['public_after_event', 'attendees', 'organisers'] as const;
export type Visibility = (typeof VISIBILITIES)[number];

export type MaterialItem = {
  id: string;
  kind: 'pdf' | 'pptx' | 'video_link';
  title: string;
  bytes: number;
  visibility: Visibility;
  sessionId: string | null;
  url: string | null;
  href: string;
};

export type MaterialsApi = {
  list: () => Promise<MaterialItem[]>;
  /** Where the file's bytes are POSTed, with what goes with them in the query. */
  uploadUrl: (meta: { title: string; visibility: Visibility; sessionId?: string; filename: string }) => string;
  addLink: (link: { title: string; url: string; visibility: Visibility; sessionId?: string }) => Promise<void>;
  setVisibility: (id: string, visibility: Visibility) => Promise<void>;
  remove: (id: string) => Promise<void>;
};

const failureText = (f: unknown): string => {
  if (f === 'type' || f === 'tooLarge' || f === 'interrupted' || f === 'stopped') return mt(`err.${f}` as MaterialsKey);
  if (f instanceof ApiFailure) return mt('err.other', { message: f.message });
  if (f && typeof f === 'object' && 'message' in f) return mt('err.other', { message: String(f.message) });
  return mt('err.network');
};
const visLabel = (v: Visibility) => mt(`vis.${v}` as MaterialsKey);
const withoutExtension = (name: string) => name.replace(/\.[A-Za-z0-9]{1,5}$/, '');
const httpUrl = (v: string) => {
  try {
    const u = new URL(v.trim());
    return (u.protocol === 'https:' || u.protocol === 'http:') && u.hostname.includes('.');
  } catch {
    return false;
  }
};

export function MaterialsEditor(props: {
  api: MaterialsApi;
  /** The agenda items the person is on; a material may belong to one (published after it ends) or to the whole event. */
  sessions: { id: string; label: string }[];
  /** The portal gives the editor a page section of its own (h2); in a console card it sits under the person (h4). */
  heading?: 'h2' | 'h4';
}) {
  const id = createUniqueId();
  const [items, { refetch }] = createResource(() => props.api.list());
  const [file, setFile] = createSignal<File | null>(null);
  const [title, setTitle] = createSignal('');
  const [visibility, setVisibility] = createSignal<Visibility>('public_after_event');
  const [sessionId, setSessionId] = createSignal(props.sessions[0]?.id ?? '');
  const [progress, setProgress] = createSignal<number | null>(null);
  const [error, setError] = createSignal<string | null>(null);
  const [status, setStatus] = createSignal('');
  const [dragging, setDragging] = createSignal(false);
  const [linkTitle, setLinkTitle] = createSignal('');
  const [linkUrl, setLinkUrl] = createSignal('');
  const [linkError, setLinkError] = createSignal<string | null>(null);
  const [confirming, setConfirming] = createSignal<string | null>(null);
  let input!: HTMLInputElement;
  let abort: (() => void) | null = null;

  async function choose(chosen: File | undefined) {
    setError(null);
    setFile(null);
    if (!chosen) return;
    // The same checks the server makes, first, so a wrong file is named at once instead of after its upload.
    if (chosen.size > MAX_BYTES) return setError(mt('err.tooLarge'));
    if (!(await looksLikeSlides(chosen))) return setError(mt('err.type'));
    setFile(chosen);
    if (!title().trim()) setTitle(withoutExtension(chosen.name));
  }

  async function upload(e: Event) {
    e.preventDefault();
    const f = file();
    if (!f) return setError(mt('err.file'));
    if (!title().trim()) return setError(mt('err.title'));
    setError(null);
    setProgress(0);
    const shown = title().trim();
    try {
      const url = props.api.uploadUrl({
        title: shown,
        visibility: visibility(),
        filename: f.name,
        ...(sessionId() ? { sessionId: sessionId() } : {}),
      });
      const sending = sendFile(url, f, (sent, total) => setProgress(Math.floor((sent / Math.max(total, 1)) * 100)));
      abort = sending.abort;
      await sending.done;
      setFile(null);
      setTitle('');
      input.value = '';
      setStatus(mt('uploaded', { title: shown }));
      await refetch();
    } catch (failure) {
      setError(failureText(failure as UploadFailure));
    } finally {
      abort = null;
      setProgress(null);
    }
  }

  async function addLink(e: Event) {
    e.preventDefault();
    if (!linkTitle().trim()) return setLinkError(mt('err.title'));
    if (!httpUrl(linkUrl())) return setLinkError(mt('err.url'));
    setLinkError(null);
    const shown = linkTitle().trim();
    try {
      await props.api.addLink({
        title: shown,
        url: linkUrl().trim(),
        visibility: visibility(),
        ...(sessionId() ? { sessionId: sessionId() } : {}),
      });
      setLinkTitle('');
      setLinkUrl('');
      setStatus(mt('linkAdded', { title: shown }));
      await refetch();
    } catch (failure) {
      setLinkError(failureText(failure));
    }
  }

  async function act(work: () => Promise<void>, done: string) {
    try {
      await work();
      setStatus(done);
      await refetch();
    } catch (failure) {
      setStatus(failureText(failure));
    }
  }

  const choices = () => (
    <div class="materials-choices">
      <div class="field">
        <label for={`${id}-vis`}>{mt('visibility')}</label>
        <select
          id={`${id}-vis`}
          value={visibility()}
          onChange={(e) => setVisibility(e.currentTarget.value as Visibility)}
        >
          <For each={VISIBILITIES}>{(v) => <option value={v}>{visLabel(v)}</option>}</For>
        </select>
      </div>
      <Show when={props.sessions.length}>
        <div class="field">
          <label for={`${id}-session`}>{mt('session')}</label>
          <select id={`${id}-session`} value={sessionId()} onChange={(e) => setSessionId(e.currentTarget.value)}>
            <For each={props.sessions}>{(s) => <option value={s.id}>{s.label}</option>}</For>
            <option value="">{mt('wholeEvent')}</option>
          </select>
        </div>
      </Show>
    </div>
  );

  return (
    <section class="materials" aria-labelledby={`${id}-heading`}>
      <Show when={props.heading === 'h2'} fallback={<h4 id={`${id}-heading`}>{mt('heading')}</h4>}>
        <h2 id={`${id}-heading`}>{mt('heading')}</h2>
      </Show>
      <p class="muted">{mt('intro')}</p>
      <form class="materials-upload" onSubmit={upload} novalidate>
        <label
          class="materials-drop"
          classList={{ dragging: dragging() }}
          onDragOver={(e) => {
            e.preventDefault();
            setDragging(true);
          }}
          onDragLeave={() => setDragging(false)}
          onDrop={(e) => {
            e.preventDefault();
            setDragging(false);
            void choose(e.dataTransfer?.files[0]);
          }}
        >
          <span class="materials-drop-text">
            {file() ? mt('chosen', { name: file()!.name, size: fileSize(file()!.size) }) : mt('drop')}
          </span>
          <input
            ref={input}
            type="file"
            name="file"
            class="materials-file"
            accept=".pdf,.pptx,application/pdf,application/vnd.openxmlformats-officedocument.presentationml.presentation"
            aria-describedby={error() ? `${id}-error` : undefined}
            aria-invalid={error() ? 'true' : undefined}
            disabled={progress() !== null}
            onChange={(e) => void choose(e.currentTarget.files?.[0])}
          />
        </label>
        <div class="field">
          <label for={`${id}-title`}>{mt('title')}</label>
          <input
            id={`${id}-title`}
            name="title"
            maxLength={200}
            value={title()}
            onInput={(e) => setTitle(e.currentTarget.value)}
          />
        </div>
        {choices()}
        <Show when={error()}>
          <p class="field-error" id={`${id}-error`} role="alert">
            {error()}
          </p>
        </Show>
        <Show
          when={progress() !== null}
          fallback={
            <button type="submit" disabled={!file()}>
              {mt('upload')}
            </button>
          }
        >
          <div class="materials-progress">
            <progress max="100" value={progress() ?? 0} aria-label={mt('progress')} />
            <span aria-live="polite">{mt('uploading', { percent: progress() ?? 0 })}</span>
            <button type="button" class="secondary" onClick={() => abort?.()}>
              {mt('cancel')}
            </button>
          </div>
        </Show>
      </form>
      <details class="materials-link">
        <summary>{mt('linkHeading')}</summary>
        <form onSubmit={addLink} novalidate>
          <div class="field">
            <label for={`${id}-link-title`}>{mt('linkTitle')}</label>
            <input
              id={`${id}-link-title`}
              maxLength={200}
              value={linkTitle()}
              onInput={(e) => setLinkTitle(e.currentTarget.value)}
            />
          </div>
          <div class="field">
            <label for={`${id}-url`}>{mt('url')}</label>
            <input
              id={`${id}-url`}
              type="url"
              inputMode="url"
              placeholder="https://"
              value={linkUrl()}
              aria-describedby={`${id}-url-hint`}
              onInput={(e) => setLinkUrl(e.currentTarget.value)}
            />
            <p class="field-hint muted" id={`${id}-url-hint`}>
              {mt('urlHint')}
            </p>
          </div>
          <Show when={linkError()}>
            <p class="field-error" role="alert">
              {linkError()}
            </p>
          </Show>
          <button type="submit" class="secondary">
            {mt('addLink')}
          </button>
        </form>
      </details>
      <p class="sr-only" role="status">
        {status()}
      </p>
      <Show when={status()}>
        <p class="materials-status muted" aria-hidden="true">
          {status()}
        </p>
      </Show>
      <h5>{mt('list')}</h5>
      <Show when={items()?.length} fallback={<p class="muted">{items.loading ? '…' : mt('empty')}</p>}>
        <ul class="materials-list">
          <For each={items()}>
            {(m) => (
              <li class="materials-item">
                <span class={`materials-kind kind-${m.kind}`}>{mt(`kind.${m.kind}` as MaterialsKey)}</span>
                <span class="materials-title">
                  <a href={m.href} target={m.kind === 'video_link' ? '_blank' : undefined} rel="noopener noreferrer">
                    {m.title}
                  </a>
                  <Show when={m.kind !== 'video_link'}>
                    <span class="muted"> · {fileSize(m.bytes)}</span>
                  </Show>
                </span>
                <select
                  class="materials-vis"
                  aria-label={mt('visibilityNamed', { title: m.title })}
                  value={m.visibility}
                  onChange={(e) => {
                    const v = e.currentTarget.value as Visibility;
                    void act(
                      () => props.api.setVisibility(m.id, v),
                      mt('visibilitySaved', { title: m.title, visibility: visLabel(v) }),
                    );
                  }}
                >
                  <For each={VISIBILITIES}>{(v) => <option value={v}>{visLabel(v)}</option>}</For>
                </select>
                <Show
                  when={confirming() === m.id}
                  fallback={
                    <button
                      type="button"
                      class="danger-outline"
                      aria-label={mt('removeNamed', { title: m.title })}
                      onClick={() => setConfirming(m.id)}
                    >
                      {mt('remove')}
                    </button>
                  }
                >
                  <span class="materials-confirm" role="group" aria-label={mt('confirmRemove', { title: m.title })}>
                    <span>{mt('confirmRemove', { title: m.title })}</span>
                    <button
                      type="button"
                      class="danger"
                      onClick={() => {
                        setConfirming(null);
                        void act(() => props.api.remove(m.id), mt('removed', { title: m.title }));
                      }}
                    >
                      {mt('confirmYes')}
                    </button>
                    <button type="button" class="secondary" onClick={() => setConfirming(null)}>
                      {mt('keep')}
                    </button>
                  </span>
                </Show>
              </li>
            )}
          </For>
        </ul>
      </Show>
    </section>
  );
}
