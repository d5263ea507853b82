// The console's feedback: the toast region, error wording in the reader's language, and ended sessions.
import { createSignal, For, onCleanup, type ParentProps } from 'solid-js';
import { ApiFailure } from '../../api';
import { locale } from '../../i18n';
import { ct } from '../text';

type Tone = 'ok' | 'warn';
type Toast = { id: number; text: string; tone: Tone };

// One console is on screen at a time, so its feedback lives here rather than in a context (which would also add to the
// Solid runtime every page shares).
const [toasts, setToasts] = createSignal<Toast[]>([]);
let nextToast = 0;
let onUnauthorized = () => {};

function pushToast(text: string, tone: Tone = 'ok') {
  const id = ++nextToast;
  setToasts((list) => [...list.slice(-2), { id, text, tone }]);
  // A warning asks for action, so it stays long enough to be read twice.
  setTimeout(() => setToasts((list) => list.filter((x) => x.id !== id)), tone === 'warn' ? 15_000 : 6_000);
}

/** The one polite status region every action reports success into; it also hears about ended sessions. */
export function ConsoleFeedback(props: ParentProps<{ onUnauthorized: () => void }>) {
  onUnauthorized = () => props.onUnauthorized();
  onCleanup(() => {
    onUnauthorized = () => {};
    setToasts([]);
  });
  return (
    <>
      {props.children}
      <div class="console-toasts" role="status" aria-live="polite">
        <For each={toasts()}>{(x) => <p class={`console-toast tone-${x.tone}`}>{x.text}</p>}</For>
      </div>
    </>
  );
}

export const useToast = () => pushToast;

/** What went wrong, in the reader's language; a network failure is not an ApiFailure. */
export function errorText(e: unknown): string {
  if (!(e instanceof ApiFailure)) return ct('err.network');
  switch (e.status) {
    case 400:
      return ct('err.invalid');
    case 401:
      return ct('err.session');
    case 403:
      return ct('err.forbidden');
    case 404:
      return ct('err.gone');
    case 409:
      if (e.code === 'slug_taken') return ct('err.slugTaken');
      if (e.code === 'email_taken') return ct('err.emailTaken');
      if (e.code === 'not_waitlisted') return ct('err.notWaitlisted');
      if (e.code === 'no_recipients') return ct('msg.noRecipients');
      return ct('err.conflict');
    case 413:
      return ct('err.photoTooLarge');
    case 415:
      return ct('err.photoType');
    case 429:
      return ct('err.rateLimited');
    default:
      return ct('err.server');
  }
}

/** Turns a failure into words, and tells the page when the session has ended so it can offer to sign in again. */
export function useFailure() {
  return (e: unknown) => {
    if (e instanceof ApiFailure && e.status === 401) onUnauthorized();
    return errorText(e);
  };
}

/** The API's field messages are English; Chinese readers get them framed in Chinese rather than not at all. */
export function serverFieldErrors(e: unknown): Record<string, string> {
  if (!(e instanceof ApiFailure)) return {};
  if (e.code === 'slug_taken') return { slug: ct('err.slugTaken') };
  if (e.code === 'email_taken') return { email: ct('err.emailTaken') };
  return Object.fromEntries(
    Object.entries(e.fields ?? {}).map(([k, m]) => [
      k,
      locale() === 'zh-CN' ? ct('err.fieldServer', { message: m }) : m,
    ]),
  );
}
