// The invitation form: paste "name, email" lines or choose a CSV, pick the email's language, and see what was sent.
import { createSignal, For, Show } from 'solid-js';
import { locale } from '../../i18n';
import { ct } from '../text';
import { createSubmit, Field, FormError, useToast } from '../ui';
import { type InviteAnswer, invite } from './invitation-api';

export function InviteForm(props: { slug: string; onInvited: () => void }) {
  const toast = useToast();
  const submit = createSubmit();
  const [text, setText] = createSignal('');
  const [language, setLanguage] = createSignal<'zh-CN' | 'en'>(locale());
  const [answer, setAnswer] = createSignal<InviteAnswer | null>(null);
  let form!: HTMLFormElement;

  async function readFile(file: File | undefined) {
    if (!file) return;
    // A CSV saved by Excel in China is often GBK; UTF-8 is tried first, and a file that is not UTF-8 is read as GB 18030.
    const bytes = await file.arrayBuffer();
    let content: string;
    try {
      content = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    } catch {
      content = new TextDecoder('gb18030').decode(bytes);
    }
    setText(content);
  }

  async function send(e: SubmitEvent) {
    e.preventDefault();
    setAnswer(null);
    await submit.run(
      form,
      (): Record<string, string> => (text().trim() ? {} : { text: ct('inv.text') }),
      async () => {
        const res = await invite(props.slug, { text: text(), locale: language() });
        setAnswer(res);
        toast(ct('inv.sent', { n: res.invited }));
        if (!res.errors.length) setText('');
        props.onInvited();
      },
    );
  }

  return (
    <form ref={form} class="inv-form" noValidate onSubmit={send}>
      <h3>{ct('inv.add')}</h3>
      <Field
        label={ct('inv.text')}
        name="text"
        multiline
        value={text()}
        hint={ct('inv.textHint')}
        error={submit.fieldErrors().text}
        onInput={(v) => {
          setText(v);
          submit.clearField('text');
        }}
      />
      <div class="pair">
        <div class="field">
          <label for="inv-file">{ct('inv.file')}</label>
          <input
            id="inv-file"
            type="file"
            accept=".csv,text/csv,.txt,text/plain"
            onChange={(e) => void readFile(e.currentTarget.files?.[0])}
          />
        </div>
        <Field
          label={ct('inv.language')}
          name="locale"
          value={language()}
          options={[
            { value: 'zh-CN', label: '中文' },
            { value: 'en', label: 'English' },
          ]}
          onInput={(v) => setLanguage(v as 'zh-CN' | 'en')}
        />
      </div>
      <FormError error={submit.error()} />
      <div class="form-actions">
        <button type="submit" disabled={submit.busy()}>
          {submit.busy() ? ct('inv.sending') : ct('inv.send')}
        </button>
      </div>
      <div role="status">
        <Show when={answer()}>
          {(a) => (
            <div class="inv-answer">
              <p class="notice ok">{ct('inv.sent', { n: a().invited })}</p>
              <Show when={a().alreadyInvited.length}>
                <p class="notice">{ct('inv.already', { list: a().alreadyInvited.join(', ') })}</p>
              </Show>
              <Show when={a().errors.length}>
                <ul class="notice error">
                  <For each={a().errors}>
                    {(x) => <li>{ct('inv.lineError', { line: x.line, message: `${x.message} (${x.text})` })}</li>}
                  </For>
                </ul>
              </Show>
            </div>
          )}
        </Show>
      </div>
    </form>
  );
}
