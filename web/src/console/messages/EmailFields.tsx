// The subject and body of the email, with buttons that insert a placeholder where the cursor was.
import { createUniqueId, For } from 'solid-js';
import { ct } from '../text';
import { Field } from '../ui';
import { type Draft, PLACEHOLDERS } from './draft';

export function EmailFields(props: {
  draft: Draft;
  set: <K extends keyof Draft>(k: K, value: Draft[K]) => void;
  err: (k: string) => string | undefined;
}) {
  const hintId = `${createUniqueId()}-insert-hint`;
  let subjectEl: HTMLInputElement | undefined;
  let bodyEl: HTMLTextAreaElement | undefined;
  let lastField: 'subject' | 'body' = 'body';

  function insert(token: string) {
    const el = lastField === 'subject' ? subjectEl : bodyEl;
    if (!el) return;
    const start = el.selectionStart ?? el.value.length;
    const end = el.selectionEnd ?? el.value.length;
    const next = el.value.slice(0, start) + token + el.value.slice(end);
    props.set(lastField, next);
    el.value = next;
    el.focus();
    el.setSelectionRange(start + token.length, start + token.length);
  }

  return (
    <fieldset>
      <legend>{ct('msg.emailLegend')}</legend>
      <Field
        label={ct('msg.subject')}
        name="subject"
        value={props.draft.subject}
        required
        error={props.err('subject')}
        onInput={(x) => props.set('subject', x)}
        inputRef={(el) => {
          subjectEl = el as HTMLInputElement;
          el.addEventListener('focus', () => (lastField = 'subject'));
        }}
      />
      <div class="msg-placeholders" role="group" aria-label={ct('msg.insert')} aria-describedby={hintId}>
        <p class="msg-placeholders-title" aria-hidden="true">
          {ct('msg.insert')}
        </p>
        <For each={PLACEHOLDERS}>
          {(p) => (
            <button type="button" class="secondary small" onClick={() => insert(`{{${p}}}`)}>
              <code>{`{{${p}}}`}</code> <span class="muted">{ct(`msg.ph.${p}`)}</span>
            </button>
          )}
        </For>
        <p class="field-hint muted" id={hintId}>
          {ct('msg.insertHint')}
        </p>
      </div>
      <Field
        class="msg-body"
        label={ct('msg.body')}
        name="body"
        multiline
        value={props.draft.body}
        required
        hint={ct('msg.bodyHint')}
        error={props.err('body')}
        onInput={(x) => props.set('body', x)}
        inputRef={(el) => {
          bodyEl = el as HTMLTextAreaElement;
          el.addEventListener('focus', () => (lastField = 'body'));
        }}
      />
    </fieldset>
  );
}
