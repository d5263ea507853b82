// The live preview of a draft: the number of recipients and one recipient's email, asked for as the draft changes.
import { createEffect, createMemo, createSignal, on, onCleanup } from 'solid-js';
import { type MessagePreview, previewMessage } from '../console-api';
import { useFailure } from '../ui';
import { audienceOf, type Draft, fieldErrors } from './draft';

const PREVIEW_DELAY_MS = 400;
// The API renders while it counts; before anything is written it is asked about this stand-in, so the number of
// recipients shows as soon as the audience is chosen.
const STAND_IN = '…';

export type Preview = ReturnType<typeof createPreview>;

export function createPreview(slug: string, d: Draft) {
  const fail = useFailure();
  const [preview, setPreview] = createSignal<MessagePreview | null>(null);
  const [written, setWritten] = createSignal(false);
  const [recipientId, setRecipientId] = createSignal<string | undefined>(undefined);
  const [busy, setBusy] = createSignal(false);
  const [error, setError] = createSignal<string | null>(null);
  const [fields, setFields] = createSignal<Record<string, string>>({});
  let controller: AbortController | undefined;
  let timer: ReturnType<typeof setTimeout> | undefined;
  onCleanup(() => {
    controller?.abort();
    clearTimeout(timer);
  });

  const request = () => {
    const audience = audienceOf(d);
    if (!audience) return null;
    return {
      audience,
      subject: d.subject.trim() || STAND_IN,
      body: d.body.trim() || STAND_IN,
      locale: d.lang,
      recipientId: recipientId(),
    };
  };

  /** Asks for the count and one rendering; throws, for the send button, which needs a fresh count. */
  async function load(): Promise<MessagePreview | null> {
    clearTimeout(timer);
    controller?.abort();
    const body = request();
    if (!body) {
      setPreview(null);
      return null;
    }
    const mine = (controller = new AbortController());
    const isWritten = Boolean(d.subject.trim() && d.body.trim());
    setBusy(true);
    try {
      const result = await previewMessage(slug, body, mine.signal);
      if (mine.signal.aborted) return null;
      setPreview(result);
      setWritten(isWritten);
      setError(null);
      setFields({});
      return result;
    } finally {
      if (controller === mine) setBusy(false);
    }
  }

  async function refresh() {
    try {
      await load();
    } catch (e) {
      if (controller?.signal.aborted) return;
      const found = fieldErrors(e);
      setFields(found);
      setError(Object.keys(found).length ? null : fail(e));
    }
  }

  // Typing waits for a pause; picking another recipient to preview does not.
  const inputs = createMemo(() => JSON.stringify([audienceOf(d), d.subject, d.body, d.lang]));
  createEffect(
    on(inputs, () => {
      clearTimeout(timer);
      timer = setTimeout(() => void refresh(), PREVIEW_DELAY_MS);
    }),
  );
  createEffect(on(recipientId, () => void refresh(), { defer: true }));

  const shown = () => preview()?.preview ?? null;
  return {
    request,
    load,
    preview,
    /** Forgets the last rendering, once it has been sent. */
    clear: () => setPreview(null),
    written,
    recipientId,
    setRecipientId,
    busy,
    error,
    fields,
    setFields,
    clearField: (k: string) => {
      if (fields()[k]) setFields(({ [k]: _, ...rest }) => rest);
    },
    count: () => preview()?.count ?? null,
    // A rendering of an earlier version is not shown as if it were this one.
    broken: () => Object.keys(fields()).length > 0,
    shown,
    /** The name of the recipient whose email is shown. */
    shownName: () => preview()?.recipients.find((r) => r.id === shown()?.recipientId)?.name ?? shown()?.to ?? '',
  };
}
