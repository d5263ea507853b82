// Starting a draft from one of the event's bilingual templates.
import { Show } from 'solid-js';
import type { MessageTemplates } from '../console-api';
import { ct, ctOr } from '../text';
import { Field, useToast } from '../ui';
import { type Draft, isDirty, LANGS, type Lang, type SetDraft } from './draft';
import { ReplaceButton } from './ReplaceButton';

const templateName = (id: string) => ctOr(`msg.template.${id}`, id);

export function TemplateFields(props: {
  draft: Draft;
  setDraft: SetDraft;
  templates: MessageTemplates | null;
  error: string | null;
  retry: () => void;
  /** The template has written over the draft: errors about the old text no longer hold. */
  onApplied: () => void;
}) {
  const toast = useToast();
  const d = () => props.draft;

  function apply() {
    const tpl = (props.templates?.[d().templateLang] ?? []).find((x) => x.id === d().template);
    if (!tpl) return;
    props.setDraft({
      subject: tpl.subject,
      body: tpl.body,
      filled: { subject: tpl.subject, body: tpl.body },
      lang: d().templateLang,
      ...(tpl.audience === 'attendees' ? { audience: 'attendees', status: 'confirmed' } : { audience: tpl.audience }),
    });
    props.onApplied();
    toast(ct('msg.templateApplied', { template: templateName(tpl.id) }));
  }

  const options = () => [
    { value: '', label: ct('msg.templateNone') },
    ...(props.templates?.en ?? []).map((x) => ({ value: x.id, label: templateName(x.id) })),
  ];

  return (
    <fieldset class="msg-template">
      <legend>{ct('msg.templateLegend')}</legend>
      <Show
        when={!props.error}
        fallback={
          <p class="notice error" role="alert">
            {ct('msg.templatesFailed')} {props.error}{' '}
            <button type="button" class="secondary small" onClick={() => props.retry()}>
              {ct('retry')}
            </button>
          </p>
        }
      >
        <div class="msg-template-row">
          <Field
            label={ct('msg.template')}
            name="template"
            value={d().template}
            options={options()}
            onInput={(x) => props.setDraft('template', x)}
          />
          <Field
            label={ct('msg.templateLang')}
            name="templateLang"
            value={d().templateLang}
            options={LANGS}
            onInput={(x) => props.setDraft('templateLang', x as Lang)}
          />
          <ReplaceButton
            label={ct('msg.useTemplate')}
            dirty={isDirty(d())}
            disabled={!d().template || !props.templates}
            onReplace={apply}
          />
        </div>
      </Show>
    </fieldset>
  );
}
