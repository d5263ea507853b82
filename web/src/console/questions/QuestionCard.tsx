// One question's card in the editor: its words in both languages, type, choices, pattern, condition and flags.
import { Show } from 'solid-js';
import { QUESTION_TYPES } from '../../../../worker/questions/types';
import { locale } from '../../i18n';
import { Field } from '../ui';
import type { Draft, QuestionType } from './question-draft';
import { tx } from './questions-text';

export function QuestionCard(props: {
  draft: Draft;
  index: number;
  /** The whole list: a condition may name only an earlier question. */
  list: Draft[];
  error: (field: string) => string | undefined;
  update: (patch: Partial<Draft>) => void;
  move: (by: number) => void;
  remove: () => void;
}) {
  const d = props.draft;
  const i = () => props.index;
  return (
    <li class="question-card card" data-question={d.id}>
      <div class="question-head">
        <strong>
          {i() + 1}. {(locale() === 'zh-CN' ? d.labelZh || d.labelEn : d.labelEn || d.labelZh) || tx().question}
        </strong>
        <div class="row-actions">
          <button
            type="button"
            class="secondary small"
            disabled={i() === 0}
            aria-label={`${tx().up}: ${d.labelZh || d.id}`}
            onClick={() => props.move(-1)}
          >
            ↑
          </button>
          <button
            type="button"
            class="secondary small"
            disabled={i() === props.list.length - 1}
            aria-label={`${tx().down}: ${d.labelZh || d.id}`}
            onClick={() => props.move(1)}
          >
            ↓
          </button>
          <button type="button" class="danger-outline small" onClick={props.remove}>
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
          error={props.error('label')}
          onInput={(v) => props.update({ labelZh: v })}
        />
        <Field
          label={tx().labelEn}
          name={`q-${d.key}-label-en`}
          lang="en"
          value={d.labelEn}
          onInput={(v) => props.update({ labelEn: v })}
        />
        <Field
          label={tx().type}
          name={`q-${d.key}-type`}
          value={d.type}
          options={QUESTION_TYPES.map((t) => ({ value: t, label: tx().types[t] }))}
          onInput={(v) => props.update({ type: v as QuestionType })}
        />
        <Field
          label={tx().id}
          name={`q-${d.key}-id`}
          value={d.id}
          error={props.error('id')}
          onInput={(v) => props.update({ id: v })}
        />
        <Field
          label={tx().helpZh}
          name={`q-${d.key}-help-zh`}
          lang="zh-CN"
          optional
          value={d.helpZh}
          onInput={(v) => props.update({ helpZh: v })}
        />
        <Field
          label={tx().helpEn}
          name={`q-${d.key}-help-en`}
          lang="en"
          optional
          value={d.helpEn}
          onInput={(v) => props.update({ helpEn: v })}
        />
        <Show when={d.type === 'single_choice' || d.type === 'multiple_choice'}>
          <Field
            class="wide"
            label={tx().options}
            name={`q-${d.key}-options`}
            multiline
            value={d.options}
            error={props.error('options')}
            onInput={(v) => props.update({ options: v })}
          />
        </Show>
        <Show when={d.type === 'pattern'}>
          <Field
            label={tx().pattern}
            name={`q-${d.key}-pattern`}
            value={d.pattern}
            error={props.error('pattern')}
            onInput={(v) => props.update({ pattern: v })}
          />
        </Show>
        <Show when={i() > 0}>
          <Field
            label={tx().showIf}
            name={`q-${d.key}-show-if`}
            value={d.showIfId}
            error={props.error('showIf')}
            options={[
              { value: '', label: tx().showIfNone },
              ...props.list.slice(0, i()).map((x) => ({ value: x.id, label: x.labelZh || x.labelEn || x.id })),
            ]}
            onInput={(v) => props.update({ showIfId: v })}
          />
          <Show when={d.showIfId}>
            <Field
              label={tx().equals}
              name={`q-${d.key}-equals`}
              value={d.showIfEquals}
              onInput={(v) => props.update({ showIfEquals: v })}
            />
          </Show>
        </Show>
      </div>
      <div class="question-flags">
        <label class="check">
          <input
            type="checkbox"
            checked={d.required}
            onChange={(e) => props.update({ required: e.currentTarget.checked })}
          />
          <span>{tx().required}</span>
        </label>
        <label class="check">
          <input type="checkbox" checked={d.desk} onChange={(e) => props.update({ desk: e.currentTarget.checked })} />
          <span>{tx().desk}</span>
        </label>
        <label class="check">
          <input
            type="checkbox"
            checked={d.sensitive}
            onChange={(e) => props.update({ sensitive: e.currentTarget.checked })}
          />
          <span>{tx().sensitive}</span>
        </label>
      </div>
    </li>
  );
}
