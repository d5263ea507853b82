// The CME tab's project form: presets, number, level, class, accredited items, and the credit and presence rule.
import { For, Show } from 'solid-js';
import { locale } from '../../i18n';
import type { CmeAnswer, CmeItem, CmeRule } from './cme-api';
import { type CmeKey, mt } from './cme-text';

export function RuleForm(props: {
  rule: CmeRule;
  presets: CmeAnswer['presets'];
  items: CmeItem[];
  saved: boolean;
  onChange: (p: Partial<CmeRule>) => void;
  onSave: (e: Event) => void;
}) {
  const patch = (p: Partial<CmeRule>) => props.onChange(p);
  const title = (i: CmeItem) => (locale() === 'zh-CN' ? i.titleZh : i.titleEn);
  const num = (v: string) => Number(v) || 0;
  return (
    <form class="card cme-form" onSubmit={props.onSave}>
      <h3>{mt('cme.project')}</h3>
      <fieldset>
        <legend>{mt('cme.preset')}</legend>
        <For each={['national', 'provincial'] as const}>
          {(p) => (
            <button type="button" class="secondary" onClick={() => props.presets[p] && patch({ ...props.presets[p]! })}>
              {mt(`cme.preset.${p}`)}
            </button>
          )}
        </For>
      </fieldset>
      <label>
        {mt('cme.name')}
        <input value={props.rule.projectName} onInput={(e) => patch({ projectName: e.currentTarget.value })} required />
      </label>
      <label>
        {mt('cme.number')}
        <input value={props.rule.projectNumber} onInput={(e) => patch({ projectNumber: e.currentTarget.value })} />
      </label>
      <label>
        {mt('cme.level')}
        <select value={props.rule.level} onChange={(e) => patch({ level: e.currentTarget.value as CmeRule['level'] })}>
          <For each={['national', 'provincial', 'municipal', 'hospital'] as const}>
            {(l) => <option value={l}>{mt(`cme.level.${l}`)}</option>}
          </For>
        </select>
      </label>
      <label>
        {mt('cme.class')}
        <select
          value={props.rule.creditClass}
          onChange={(e) => patch({ creditClass: e.currentTarget.value as 'I' | 'II' })}
        >
          <option value="I">{mt('cme.class.I')}</option>
          <option value="II">{mt('cme.class.II')}</option>
        </select>
      </label>
      <fieldset>
        <legend>{mt('cme.items')}</legend>
        <For each={props.items}>
          {(i) => (
            <label class="check">
              <input
                type="checkbox"
                checked={props.rule.accreditedSessionIds.includes(i.id)}
                onChange={(e) =>
                  patch({
                    accreditedSessionIds: e.currentTarget.checked
                      ? [...props.rule.accreditedSessionIds, i.id]
                      : props.rule.accreditedSessionIds.filter((x) => x !== i.id),
                  })
                }
              />
              {title(i)}
            </label>
          )}
        </For>
      </fieldset>
      <fieldset class="cme-numbers">
        <legend>{mt('cme.attendeeRule')}</legend>
        <label>
          {mt('cme.perHours')}
          <input
            type="number"
            min="0.25"
            step="0.25"
            value={
              props.rule.attendee.mode === 'per_hours'
                ? (props.rule.attendee as { hoursPerCredit: number }).hoursPerCredit
                : ''
            }
            onInput={(e) => patch({ attendee: { mode: 'per_hours', hoursPerCredit: num(e.currentTarget.value) } })}
          />
        </label>
        <label>
          {mt('cme.fixed')}
          <input
            type="number"
            min="0"
            step="0.5"
            value={props.rule.attendee.mode === 'fixed' ? (props.rule.attendee as { credits: number }).credits : 0}
            onInput={(e) =>
              num(e.currentTarget.value) > 0 &&
              patch({ attendee: { mode: 'fixed', credits: num(e.currentTarget.value) } })
            }
          />
        </label>
        <For
          each={
            [
              ['cme.lecturer', 'lecturerCreditsPerHour', '0.5'],
              ['cme.cap', 'cap', '0.5'],
              ['cme.presence', 'minPresencePercent', '1'],
            ] as const
          }
        >
          {([label, field, step]) => (
            <label>
              {mt(label as CmeKey)}
              <input
                type="number"
                min="0"
                step={step}
                value={props.rule[field]}
                onInput={(e) => patch({ [field]: num(e.currentTarget.value) } as Partial<CmeRule>)}
              />
            </label>
          )}
        </For>
        <label>
          {mt('cme.rounding')}
          <select
            value={props.rule.rounding}
            onChange={(e) => patch({ rounding: e.currentTarget.value as 'whole' | 'half' })}
          >
            <option value="half">{mt('cme.rounding.half')}</option>
            <option value="whole">{mt('cme.rounding.whole')}</option>
          </select>
        </label>
      </fieldset>
      <label class="check">
        <input
          type="checkbox"
          checked={props.rule.requireSignOut}
          onChange={(e) => patch({ requireSignOut: e.currentTarget.checked })}
        />
        {mt('cme.requireSignOut')}
      </label>
      <label class="check">
        <input
          type="checkbox"
          checked={props.rule.countAutomaticSignOut}
          onChange={(e) => patch({ countAutomaticSignOut: e.currentTarget.checked })}
        />
        {mt('cme.countAuto')}
      </label>
      <label class="check">
        <input
          type="checkbox"
          checked={props.rule.assessmentRequired}
          onChange={(e) => patch({ assessmentRequired: e.currentTarget.checked })}
        />
        {mt('cme.assessmentRequired')}
      </label>
      <div class="cme-actions">
        <button type="submit">{mt('cme.save')}</button>
        <Show when={props.saved}>
          <span role="status">{mt('cme.saved')}</span>
        </Show>
      </div>
    </form>
  );
}
