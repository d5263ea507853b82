// The organiser's questions as form fields (registration form and ticket page): each type its own control, "show
// only if" applied live, a sensitive question with its own consent tick, and each error beside its field.
import { createUniqueId, For, type JSX, Match, Show, Switch } from 'solid-js';
import { visibleIds } from '../../../worker/questions/answers';
import type { PublicEvent } from '../api';
import { locale } from '../i18n';

/** One question as the event page gives it (removed ones left out). */
export type Question = PublicEvent['questions'][number];
export type AnswerDraft = Record<string, string | boolean | string[] | undefined>;

const TEXT = {
  'zh-CN': {
    optional: '选填',
    choose: '请选择',
    yes: '是',
    no: '否',
    sensitive:
      '我同意主办方为本次会议的继续医学教育学分申报收集并使用此项敏感个人信息（仅主办方可见，会后按规定删除）。',
    sensitiveNote: '敏感个人信息',
  },
  en: {
    optional: 'optional',
    choose: 'Choose…',
    yes: 'Yes',
    no: 'No',
    sensitive:
      'I agree that the organiser collects and uses this sensitive personal information for this event’s CME credit reporting (organisers only, deleted after the event as required).',
    sensitiveNote: 'Sensitive personal information',
  },
} as const;
export const qText = () => TEXT[locale()];

export const labelOf = (l: { zh: string; en: string } | undefined) =>
  l ? (locale() === 'zh-CN' ? l.zh || l.en : l.en || l.zh) : '';

/** The draft as the API takes it: numbers as typed (the server reads them), empty fields left out. */
export function answersBody(questions: Question[], draft: AnswerDraft) {
  const shown = visibleIds(questions, draft);
  const out: Record<string, unknown> = {};
  for (const q of questions) {
    const v = draft[q.id];
    if (!shown.has(q.id) || v === undefined || v === '' || (Array.isArray(v) && !v.length)) continue;
    out[q.id] = v;
  }
  return out;
}

export function QuestionFields(props: {
  questions: Question[];
  draft: AnswerDraft;
  onChange: (id: string, value: AnswerDraft[string]) => void;
  consents: string[];
  onConsent: (id: string, given: boolean) => void;
  errors: Record<string, string>;
  ref?: (id: string, el: HTMLElement) => void;
  /** Sensitive answers already stored: shown masked, and left as they are unless retyped. */
  masked?: Record<string, string>;
}) {
  const uid = createUniqueId();
  const id = (q: string, part = '') => `q-${uid}-${q}${part}`;
  const shown = () => visibleIds(props.questions, props.draft);
  return (
    <For each={props.questions.filter((q) => !q.removed)}>
      {(q) => {
        const error = () => props.errors[q.id];
        const described = () =>
          [q.help && id(q.id, '-help'), error() && id(q.id, '-error')].filter(Boolean).join(' ') || undefined;
        const common = () => ({
          id: id(q.id),
          name: `answers.${q.id}`,
          'aria-invalid': error() ? ('true' as const) : undefined,
          'aria-describedby': described(),
          'aria-required': q.required ? ('true' as const) : undefined,
        });
        const text = (): string => {
          const v = props.draft[q.id];
          return typeof v === 'string' ? v : '';
        };
        const input =
          (kind: string, inputMode?: JSX.HTMLAttributes<HTMLInputElement>['inputMode'], autocomplete = 'off') =>
          () => (
            <input
              {...common()}
              type={kind}
              inputMode={inputMode}
              autocomplete={autocomplete}
              value={text()}
              placeholder={props.masked?.[q.id]}
              onInput={(e) => props.onChange(q.id, e.currentTarget.value)}
              ref={(el) => props.ref?.(q.id, el)}
            />
          );
        const options = () => q.options ?? [];
        const group =
          q.type === 'multiple_choice' || q.type === 'yes_no' || (q.type === 'single_choice' && options().length <= 5);
        return (
          <Show when={shown().has(q.id)}>
            <div class="field question" data-question={q.id}>
              <Show
                when={group}
                fallback={
                  <label for={id(q.id)}>
                    {labelOf(q.label)}
                    <Show when={!q.required}>
                      {' '}
                      <span class="optional">({qText().optional})</span>
                    </Show>
                  </label>
                }
              >
                <span class="label" id={id(q.id, '-label')}>
                  {labelOf(q.label)}
                  <Show when={!q.required}>
                    {' '}
                    <span class="optional">({qText().optional})</span>
                  </Show>
                </span>
              </Show>
              <Show when={q.help}>
                <p class="hint field-hint" id={id(q.id, '-help')}>
                  {labelOf(q.help)}
                </p>
              </Show>
              <Switch fallback={input('text')()}>
                <Match when={q.type === 'long_text'}>
                  <textarea
                    {...common()}
                    rows={3}
                    value={text()}
                    onInput={(e) => props.onChange(q.id, e.currentTarget.value)}
                    ref={(el) => props.ref?.(q.id, el)}
                  />
                </Match>
                <Match when={q.type === 'number'}>{input('text', 'decimal')()}</Match>
                <Match when={q.type === 'date'}>{input('date')()}</Match>
                <Match when={q.type === 'phone'}>{input('tel', 'tel', 'tel')()}</Match>
                <Match when={q.type === 'email'}>{input('email', 'email', 'email')()}</Match>
                <Match when={q.type === 'single_choice' && !group}>
                  <select
                    {...common()}
                    value={text()}
                    onChange={(e) => props.onChange(q.id, e.currentTarget.value)}
                    ref={(el) => props.ref?.(q.id, el)}
                  >
                    <option value="">{qText().choose}</option>
                    <For each={options()}>
                      {(o) => (
                        // selected on the option itself: the select's value is set before its options exist.
                        <option value={o.value} selected={o.value === text()}>
                          {labelOf(o.label)}
                        </option>
                      )}
                    </For>
                  </select>
                </Match>
                <Match when={group}>
                  <div
                    class="choices"
                    role="group"
                    aria-labelledby={id(q.id, '-label')}
                    aria-describedby={described()}
                    aria-invalid={error() ? 'true' : undefined}
                  >
                    <For
                      each={
                        q.type === 'yes_no'
                          ? [
                              { value: 'true', label: { zh: TEXT['zh-CN'].yes, en: TEXT.en.yes } },
                              { value: 'false', label: { zh: TEXT['zh-CN'].no, en: TEXT.en.no } },
                            ]
                          : options()
                      }
                    >
                      {(o, i) => {
                        const multi = q.type === 'multiple_choice';
                        const v = () => props.draft[q.id];
                        const checked = () =>
                          multi
                            ? Array.isArray(v()) && (v() as string[]).includes(o.value)
                            : q.type === 'yes_no'
                              ? v() === (o.value === 'true')
                              : v() === o.value;
                        return (
                          <label class="check choice">
                            <input
                              type={multi ? 'checkbox' : 'radio'}
                              name={`answers.${q.id}`}
                              value={o.value}
                              checked={checked()}
                              ref={(el) => i() === 0 && props.ref?.(q.id, el)}
                              onChange={(e) => {
                                if (multi) {
                                  const list = Array.isArray(v()) ? (v() as string[]) : [];
                                  props.onChange(
                                    q.id,
                                    e.currentTarget.checked ? [...list, o.value] : list.filter((x) => x !== o.value),
                                  );
                                } else props.onChange(q.id, q.type === 'yes_no' ? o.value === 'true' : o.value);
                              }}
                            />
                            <span>{labelOf(o.label)}</span>
                          </label>
                        );
                      }}
                    </For>
                  </div>
                </Match>
              </Switch>
              <Show when={q.sensitive}>
                <div class="check sensitive-consent">
                  <input
                    id={id(q.id, '-consent')}
                    type="checkbox"
                    checked={props.consents.includes(q.id)}
                    onChange={(e) => props.onConsent(q.id, e.currentTarget.checked)}
                  />
                  <label for={id(q.id, '-consent')}>{qText().sensitive}</label>
                </div>
              </Show>
              <Show when={error()}>
                <p class="field-error" id={id(q.id, '-error')}>
                  {error()}
                </p>
              </Show>
            </div>
          </Show>
        );
      }}
    </For>
  );
}
