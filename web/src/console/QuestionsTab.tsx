// The console's question editor: add, edit, reorder and remove an event's registration questions, or add the
// clinical meeting preset in one click. Saved as one ordered list (PUT /api/events/:slug/questions).
import { createSignal, For, Show } from 'solid-js';
import { api, readJson } from '../api';
import { locale } from '../i18n';
import type { Question, QuestionType } from '../../../worker/questions/types';
import { QUESTION_TYPES } from '../../../worker/questions/types';
import type { ConsoleEvent } from './console-api';
import { Field, FormError, createSubmit, useToast } from './ui';
import './questions.css';

const TEXT = {
  'zh-CN': {
    intro:
      '报名表在姓名、邮箱等固定项之后询问这些问题。修改或删除问题不会影响已有的回答；已删除问题的回答仍会出现在导出文件中。',
    preset: '添加临床会议常用项（科室、职称、执业类别、继续医学教育卡号）',
    add: '添加问题',
    save: '保存问题',
    saved: '问题已保存。',
    presetAdded: '已添加临床会议常用项。',
    none: '还没有问题。报名表只询问固定项。',
    labelZh: '问题（中文）',
    labelEn: '问题（英文）',
    helpZh: '说明（中文）',
    helpEn: '说明（英文）',
    id: '编号（导出和占位符 {{answer.编号}} 使用）',
    type: '类型',
    required: '必填',
    desk: '在签到结果中显示',
    sensitive: '敏感个人信息（单独同意，除 CME 名单外一律打码）',
    options: '选项：每行一个，格式为“取值 | 中文 | English”',
    pattern: '格式（正则表达式，整个回答须匹配）',
    showIf: '仅在以下问题的回答为指定值时显示',
    showIfNone: '始终显示',
    equals: '指定值',
    up: '上移',
    down: '下移',
    remove: '删除',
    question: '问题',
    types: {
      short_text: '单行文本',
      long_text: '多行文本',
      single_choice: '单选',
      multiple_choice: '多选',
      number: '数字',
      date: '日期',
      yes_no: '是/否',
      phone: '电话',
      email: '邮箱',
      pattern: '指定格式的文本',
    },
  },
  en: {
    intro:
      'The registration form asks these after the fixed fields (name, email…). Changing or removing a question keeps the answers already given; a removed question’s answers stay in the export.',
    preset: 'Add the clinical meeting fields (department, title, practice category, CME card number)',
    add: 'Add a question',
    save: 'Save questions',
    saved: 'Questions saved.',
    presetAdded: 'Clinical meeting fields added.',
    none: 'No questions yet: the form asks only the fixed fields.',
    labelZh: 'Question (Chinese)',
    labelEn: 'Question (English)',
    helpZh: 'Help (Chinese)',
    helpEn: 'Help (English)',
    id: 'Id (used by the export and by the {{answer.id}} placeholder)',
    type: 'Type',
    required: 'Required',
    desk: 'Show on the desk’s result',
    sensitive: 'Sensitive personal information (own consent; masked everywhere but the CME roster)',
    options: 'Choices, one per line: value | 中文 | English',
    pattern: 'Pattern (regular expression the whole answer must match)',
    showIf: 'Show only when this question’s answer is',
    showIfNone: 'Always shown',
    equals: 'Value',
    up: 'Move up',
    down: 'Move down',
    remove: 'Remove',
    question: 'Question',
    types: {
      short_text: 'Short text',
      long_text: 'Long text',
      single_choice: 'Single choice',
      multiple_choice: 'Multiple choice',
      number: 'Number',
      date: 'Date',
      yes_no: 'Yes / no',
      phone: 'Phone',
      email: 'Email',
      pattern: 'Text with a pattern',
    },
  },
} as const;
const tx = () => TEXT[locale()];

type Draft = {
  key: number;
  id: string;
  type: QuestionType;
  labelZh: string;
  labelEn: string;
  helpZh: string;
  helpEn: string;
  required: boolean;
  desk: boolean;
  sensitive: boolean;
  options: string;
  pattern: string;
  showIfId: string;
  showIfEquals: string;
};

let keys = 0;
function toDraft(q: Question): Draft {
  return {
    key: ++keys,
    id: q.id,
    type: q.type,
    labelZh: q.label.zh,
    labelEn: q.label.en,
    helpZh: q.help?.zh ?? '',
    helpEn: q.help?.en ?? '',
    required: q.required,
    desk: !!q.desk,
    sensitive: !!q.sensitive,
    options: (q.options ?? []).map((o) => `${o.value} | ${o.label.zh} | ${o.label.en}`).join('\n'),
    pattern: q.pattern ?? '',
    showIfId: q.showIf?.questionId ?? '',
    showIfEquals: q.showIf === undefined ? '' : String(q.showIf.equals),
  };
}

/** The editor's draft as the API takes it; a yes/no condition's value becomes a boolean. */
function fromDraft(d: Draft, all: Draft[]) {
  const choice = d.type === 'single_choice' || d.type === 'multiple_choice';
  const target = all.find((x) => x.id === d.showIfId);
  const equals = target?.type === 'yes_no' ? /^(true|yes|是|1)$/i.test(d.showIfEquals.trim()) : d.showIfEquals.trim();
  return {
    id: d.id.trim(),
    type: d.type,
    label: { zh: d.labelZh.trim(), en: d.labelEn.trim() },
    ...(d.helpZh.trim() || d.helpEn.trim() ? { help: { zh: d.helpZh.trim(), en: d.helpEn.trim() } } : {}),
    required: d.required,
    ...(d.desk ? { desk: true } : {}),
    ...(d.sensitive ? { sensitive: true } : {}),
    ...(choice
      ? {
          options: d.options
            .split('\n')
            .map((line) => line.split('|').map((s) => s.trim()))
            .filter((p) => p[0])
            .map(([value, zh, en]) => ({ value: value!, label: { zh: zh || en || value!, en: en || zh || value! } })),
        }
      : {}),
    ...(d.type === 'pattern' ? { pattern: d.pattern } : {}),
    ...(d.showIfId && target ? { showIf: { questionId: d.showIfId, equals } } : {}),
  };
}

export function QuestionsTab(props: { event: ConsoleEvent; reload: () => void }) {
  const toast = useToast();
  const [list, setList] = createSignal<Draft[]>((props.event.questions as Question[]).map(toDraft));
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
  /** A server field like "questions.2.options" belongs to the third card. */
  const errorFor = (i: number, field: string) => submit.fieldErrors()[`questions.${i}.${field}`];

  const save = () =>
    submit.run(
      form,
      () => ({}),
      async () => {
        const res = await api.api.events[':slug'].questions.$put({
          param: { slug: slug() },
          json: { questions: list().map((d) => fromDraft(d, list())) as never },
        });
        const { questions } = await readJson<{ questions: Question[] }>(res);
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
        const res = await api.api.events[':slug'].questions['clinical-preset'].$post({
          param: { slug: slug() },
          json: {},
        });
        const { questions } = await readJson<{ questions: Question[] }>(res);
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
                <li class="question-card card" data-question={d.id}>
                  <div class="question-head">
                    <strong>
                      {i() + 1}.{' '}
                      {(locale() === 'zh-CN' ? d.labelZh || d.labelEn : d.labelEn || d.labelZh) || tx().question}
                    </strong>
                    <div class="row-actions">
                      <button
                        type="button"
                        class="secondary small"
                        disabled={i() === 0}
                        aria-label={`${tx().up}: ${d.labelZh || d.id}`}
                        onClick={() => move(i(), -1)}
                      >
                        ↑
                      </button>
                      <button
                        type="button"
                        class="secondary small"
                        disabled={i() === list().length - 1}
                        aria-label={`${tx().down}: ${d.labelZh || d.id}`}
                        onClick={() => move(i(), 1)}
                      >
                        ↓
                      </button>
                      <button
                        type="button"
                        class="danger-outline small"
                        onClick={() => setList(list().filter((x) => x.key !== d.key))}
                      >
                        {tx().remove}
                      </button>
                    </div>
                  </div>
                  <div class="question-grid">
                    <Field
                      label={tx().labelZh}
                      name={`q-${d.key}-label-zh`}
                      lang="zh-CN"
                      value={d.labelZh}
                      error={errorFor(i(), 'label')}
                      onInput={(v) => update(d.key, { labelZh: v })}
                    />
                    <Field
                      label={tx().labelEn}
                      name={`q-${d.key}-label-en`}
                      lang="en"
                      value={d.labelEn}
                      onInput={(v) => update(d.key, { labelEn: v })}
                    />
                    <Field
                      label={tx().type}
                      name={`q-${d.key}-type`}
                      value={d.type}
                      options={QUESTION_TYPES.map((t) => ({ value: t, label: tx().types[t] }))}
                      onInput={(v) => update(d.key, { type: v as QuestionType })}
                    />
                    <Field
                      label={tx().id}
                      name={`q-${d.key}-id`}
                      value={d.id}
                      error={errorFor(i(), 'id')}
                      onInput={(v) => update(d.key, { id: v })}
                    />
                    <Field
                      label={tx().helpZh}
                      name={`q-${d.key}-help-zh`}
                      lang="zh-CN"
                      optional
                      value={d.helpZh}
                      onInput={(v) => update(d.key, { helpZh: v })}
                    />
                    <Field
                      label={tx().helpEn}
                      name={`q-${d.key}-help-en`}
                      lang="en"
                      optional
                      value={d.helpEn}
                      onInput={(v) => update(d.key, { helpEn: v })}
                    />
                    <Show when={d.type === 'single_choice' || d.type === 'multiple_choice'}>
                      <Field
                        class="wide"
                        label={tx().options}
                        name={`q-${d.key}-options`}
                        multiline
                        value={d.options}
                        error={errorFor(i(), 'options')}
                        onInput={(v) => update(d.key, { options: v })}
                      />
                    </Show>
                    <Show when={d.type === 'pattern'}>
                      <Field
                        label={tx().pattern}
                        name={`q-${d.key}-pattern`}
                        value={d.pattern}
                        error={errorFor(i(), 'pattern')}
                        onInput={(v) => update(d.key, { pattern: v })}
                      />
                    </Show>
                    <Show when={i() > 0}>
                      <Field
                        label={tx().showIf}
                        name={`q-${d.key}-show-if`}
                        value={d.showIfId}
                        error={errorFor(i(), 'showIf')}
                        options={[
                          { value: '', label: tx().showIfNone },
                          ...list()
                            .slice(0, i())
                            .map((x) => ({ value: x.id, label: x.labelZh || x.labelEn || x.id })),
                        ]}
                        onInput={(v) => update(d.key, { showIfId: v })}
                      />
                      <Show when={d.showIfId}>
                        <Field
                          label={tx().equals}
                          name={`q-${d.key}-equals`}
                          value={d.showIfEquals}
                          onInput={(v) => update(d.key, { showIfEquals: v })}
                        />
                      </Show>
                    </Show>
                  </div>
                  <div class="question-flags">
                    <label class="check">
                      <input
                        type="checkbox"
                        checked={d.required}
                        onChange={(e) => update(d.key, { required: e.currentTarget.checked })}
                      />
                      <span>{tx().required}</span>
                    </label>
                    <label class="check">
                      <input
                        type="checkbox"
                        checked={d.desk}
                        onChange={(e) => update(d.key, { desk: e.currentTarget.checked })}
                      />
                      <span>{tx().desk}</span>
                    </label>
                    <label class="check">
                      <input
                        type="checkbox"
                        checked={d.sensitive}
                        onChange={(e) => update(d.key, { sensitive: e.currentTarget.checked })}
                      />
                      <span>{tx().sensitive}</span>
                    </label>
                  </div>
                </li>
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
