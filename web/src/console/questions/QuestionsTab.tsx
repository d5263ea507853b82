// The console's question editor: add, edit, reorder and remove an event's registration questions, or add the
// clinical meeting preset in one click. Saved as one ordered list (PUT /api/events/:slug/questions).
import { createSignal, For, Show } from 'solid-js';
import { api, read } from '../../api';
import type { ConsoleEvent } from '../console-api';
import { FormError, createSubmit, useToast } from '../ui';
import { QuestionCard } from './QuestionCard';
import { type Draft, fromDraft, toDraft } from './question-draft';
import { tx } from './questions-text';
import './questions.css';

export function QuestionsTab(props: { event: ConsoleEvent; reload: () => void }) {
  const toast = useToast();
  const [list, setList] = createSignal<Draft[]>(props.event.questions.map(toDraft));
  const submit = createSubmit();
  const preset = createSubmit();
  let form: HTMLFormElement | undefined;
  const slug = () => props.event.slug;

  const update = (key: number, patch: Partial<Draft>) =>
    setList(list().map((d) => (d.key === key ? { ...d, ...patch } : d)));
  const move = (i: number, by: number) => {
    const next = [...list()];
    const [item] = next.splice(i, 1);
    next.splice(i + by, 0, item!);
    setList(next);
  };
  const add = () =>
    setList([
      ...list(),
      toDraft({ id: `q${list().length + 1}`, type: 'short_text', label: { zh: '', en: '' }, required: false }),
    ]);
  /** A server field like "questions.2.options" (or "questions.2.options.1.value") belongs to the third card's field. */
  const errorFor = (i: number, field: string) => {
    const at = `questions.${i}.${field}`;
    const errors = submit.fieldErrors();
    return errors[at] ?? Object.entries(errors).find(([k]) => k.startsWith(`${at}.`))?.[1];
  };

  const save = () =>
    submit.run(
      form,
      () => ({}),
      async () => {
        const { questions } = await read(
          api.api.events[':slug'].questions.$put({
            param: { slug: slug() },
            json: { questions: list().map((d) => fromDraft(d, list())) },
          }),
        );
        setList(questions.map(toDraft));
        toast(tx().saved);
        props.reload();
      },
    );

  const addPreset = () =>
    preset.run(
      form,
      () => ({}),
      async () => {
        const { questions } = await read(
          api.api.events[':slug'].questions['clinical-preset'].$post({ param: { slug: slug() }, json: {} }),
        );
        setList(questions.map(toDraft));
        toast(tx().presetAdded);
        props.reload();
      },
    );

  return (
    <section class="questions-tab">
      <p class="muted">{tx().intro}</p>
      <div class="tab-tools">
        <button type="button" class="secondary" onClick={() => void addPreset()} disabled={preset.busy()}>
          {tx().preset}
        </button>
      </div>
      <FormError error={preset.error()} />
      <form
        ref={form}
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          void save();
        }}
      >
        <Show when={list().length} fallback={<p class="muted">{tx().none}</p>}>
          <ol class="question-list">
            <For each={list()}>
              {(d, i) => (
                <QuestionCard
                  draft={d}
                  index={i()}
                  list={list()}
                  error={(field) => errorFor(i(), field)}
                  update={(patch) => update(d.key, patch)}
                  move={(by) => move(i(), by)}
                  remove={() => setList(list().filter((x) => x.key !== d.key))}
                />
              )}
            </For>
          </ol>
        </Show>
        <FormError error={submit.error()} />
        <div class="form-actions">
          <button type="button" class="secondary" onClick={add}>
            {tx().add}
          </button>
          <button type="submit" class="primary" disabled={submit.busy()}>
            {tx().save}
          </button>
        </div>
      </form>
    </section>
  );
}
