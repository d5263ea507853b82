// The preview beside the form: how many will get the email, and the email one of them will get.
import { Show } from 'solid-js';
import { ct, inSentence } from '../text';
import { Field } from '../ui';
import { recipientsText } from './draft';
import type { Preview } from './preview';

export function PreviewPanel(props: { id: string; preview: Preview; hasAudience: boolean }) {
  const p = () => props.preview;
  const count = () => p().count();
  return (
    <section class="card msg-preview" aria-labelledby={`${props.id}-title`} aria-busy={p().busy() ? 'true' : undefined}>
      <div class="msg-preview-head">
        <h4 id={`${props.id}-title`}>{ct('msg.preview')}</h4>
        <Show when={p().busy()}>
          <span class="muted small">{ct('msg.previewUpdating')}</span>
        </Show>
      </div>
      <p class="msg-count" role="status">
        <Show when={props.hasAudience} fallback={ct('msg.previewChoose')}>
          <Show when={count() !== null} fallback={ct('loading')}>
            <strong>{count() ? recipientsText(count()!) : ct('msg.recipientsNone')}</strong>
          </Show>
        </Show>
      </p>
      <div role="alert">
        <Show when={p().error()}>
          <p class="notice error">
            {ct('msg.previewFailed')} {p().error()}
          </p>
        </Show>
      </div>
      <Show when={props.hasAudience && p().preview()?.recipients.length}>
        <Field
          label={ct('msg.previewFor')}
          name="previewFor"
          value={p().shown()?.recipientId ?? ''}
          options={(p().preview()?.recipients ?? []).map((r) => ({ value: r.id, label: `${r.name} · ${r.email}` }))}
          hint={(count() ?? 0) > 500 ? ct('msg.recipientsFirst') : undefined}
          onInput={(x) => p().setRecipientId(x)}
        />
        <Show
          when={p().written() && !p().broken() && p().shown()}
          fallback={<p class="muted">{ct(p().broken() ? 'msg.previewFix' : 'msg.previewWrite')}</p>}
        >
          {(shown) => (
            <>
              <dl class="msg-envelope">
                <dt>{ct('msg.previewTo')}</dt>
                <dd>
                  {p().shownName()} &lt;{shown().to}&gt;
                </dd>
                <dt>{ct('msg.previewSubject')}</dt>
                <dd class="msg-subject">{shown().subject}</dd>
              </dl>
              <iframe
                class="msg-frame"
                sandbox=""
                srcdoc={shown().html}
                title={ct('msg.previewFrame', { name: inSentence(p().shownName()) })}
              />
            </>
          )}
        </Show>
      </Show>
    </section>
  );
}
