// Invitations: paste "name, email" lines or choose a CSV to invite people, and see who registered, declined or has not answered.
import { createResource, createSignal, For, Show } from 'solid-js';
import { api, readJson } from '../api';
import { locale } from '../i18n';
import { formatDateTime } from '../lib/time';
import type { ConsoleEvent } from './console-api';
import { ct } from './text';
import { createSubmit, DataTable, Field, FormError, useToast } from './ui';

type InvitationList = {
  invitations: {
    id: string;
    name: string;
    email: string;
    state: 'invited' | 'registered' | 'declined';
    invitedAt: string | null;
  }[];
  counts: { invited: number; registered: number; declined: number; waiting: number };
};
type InviteAnswer = {
  invited: number;
  alreadyInvited: string[];
  errors: { line: number; text: string; message: string }[];
};

const invitations = api.api.events[':slug'].invitations;

export function InvitationsTab(props: { event: ConsoleEvent }) {
  const toast = useToast();
  const submit = createSubmit();
  const [list, { refetch }] = createResource(
    () => props.event.slug,
    async (slug) => readJson<InvitationList>(await invitations.$get({ param: { slug } })),
  );
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
        const slug = props.event.slug;
        const res = await readJson<InviteAnswer>(
          await invitations.$post({ param: { slug }, json: { text: text(), locale: language() } }),
        );
        setAnswer(res);
        toast(ct('inv.sent', { n: res.invited }));
        if (!res.errors.length) setText('');
        await refetch();
      },
    );
  }

  return (
    <div class="invitations">
      <Show when={props.event.registrationMode !== 'invitation'}>
        <p class="notice">{ct('inv.notMode')}</p>
      </Show>
      <Show when={list()}>
        {(l) => (
          <p class="inv-counts" aria-live="polite">
            <strong>{ct('inv.counts', l().counts)}</strong>
          </p>
        )}
      </Show>
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
      <h3>{ct('inv.list')}</h3>
      <Show when={list()} fallback={<p class="muted">{ct('loading')}</p>}>
        {(l) => (
          <Show when={l().invitations.length} fallback={<p class="muted">{ct('inv.empty')}</p>}>
            <DataTable
              class="inv-table"
              caption={ct('inv.list')}
              columns={[ct('inv.name'), ct('inv.email'), ct('inv.state'), ct('inv.invitedAt')]}
            >
              <For each={l().invitations}>
                {(i) => (
                  <tr>
                    <td>{i.name}</td>
                    <td>{i.email}</td>
                    <td>
                      <span class={`inv-state state-${i.state}`}>{ct(`inv.state.${i.state}`)}</span>
                    </td>
                    <td>
                      <Show when={i.invitedAt}>
                        {(at) => <time dateTime={at()}>{formatDateTime(at(), props.event.timezone, locale())}</time>}
                      </Show>
                    </td>
                  </tr>
                )}
              </For>
            </DataTable>
          </Show>
        )}
      </Show>
    </div>
  );
}
