// Who the message goes to, and in which language.
import { Show } from 'solid-js';
import { ct } from '../text';
import { Field } from '../ui';
import {
  AUDIENCES,
  type AudienceType,
  type Draft,
  LANGS,
  type Lang,
  MISSING,
  type MissingItem,
  PLACEHOLDERS,
} from './draft';
import { RecipientsPicker } from './RecipientsPicker';
import { STATUSES } from '../registrations/filters';

// The translator reads {x} as a parameter, so strings that mention placeholders get them as parameters.
const TOKENS = Object.fromEntries(PLACEHOLDERS.map((p) => [p, `{{${p}}}`]));

export function AudienceFields(props: {
  slug: string;
  draft: Draft;
  set: <K extends keyof Draft>(k: K, value: Draft[K]) => void;
  err: (k: string) => string | undefined;
}) {
  const d = () => props.draft;
  return (
    <fieldset>
      <legend>{ct('msg.recipientsLegend')}</legend>
      <Field
        label={ct('msg.audience')}
        name="audience"
        value={d().audience}
        error={props.err('audience')}
        options={AUDIENCES.map((a) => ({ value: a, label: ct(`msg.audience.${a}`) }))}
        onInput={(x) => props.set('audience', x as AudienceType)}
      />
      <Show when={d().audience === 'attendees'}>
        <div class="pair">
          <Field
            label={ct('msg.attendeeStatus')}
            name="status"
            value={d().status}
            hint={d().status === 'cancelled' ? ct('msg.cancelledHint') : undefined}
            options={STATUSES.map((s) => ({
              value: s,
              label: ct(`regStatus.${s}`),
            }))}
            onInput={(x) => props.set('status', x as Draft['status'])}
          />
          <Field
            label={ct('msg.checkedIn')}
            name="checkedIn"
            value={d().checkedIn}
            options={[
              { value: '', label: ct('msg.checkedInAny') },
              { value: 'true', label: ct('msg.checkedInYes') },
              { value: 'false', label: ct('msg.checkedInNo') },
            ]}
            onInput={(x) => props.set('checkedIn', x as Draft['checkedIn'])}
          />
        </div>
      </Show>
      <Show when={d().audience === 'faculty'}>
        <Field
          label={ct('msg.missing')}
          name="missing"
          value={d().missing}
          hint={ct('msg.missingHint', TOKENS)}
          options={MISSING.map((m) => ({ value: m, label: ct(`msg.missing.${m}`) }))}
          onInput={(x) => props.set('missing', x as MissingItem)}
        />
      </Show>
      <Show when={d().audience === 'ids'}>
        <RecipientsPicker
          slug={props.slug}
          picked={d().picked}
          error={props.err('picked')}
          onChange={(list) => props.set('picked', list)}
        />
      </Show>
      <Field
        label={ct('msg.language')}
        name="lang"
        value={d().lang}
        options={LANGS}
        hint={ct('msg.languageHint', TOKENS)}
        onInput={(x) => props.set('lang', x as Lang)}
      />
    </fieldset>
  );
}
