// The event settings' registration part: capacity, the window registrations are open in, who may register, and the event's status.
import { For, Show } from 'solid-js';
import { ct } from '../text';
import { TextField } from '../ui';
import type { createForm } from '../ui/form';
import { type EventValues, MODES, STATUSES } from './event-values';

export function RegistrationFields(props: {
  form: ReturnType<typeof createForm<EventValues>>;
  /** Seats confirmed attendees already hold (0 for a new event). */
  taken: number;
}) {
  const f = props.form;
  // Lowering the seats below who is confirmed is allowed (nobody loses a seat), but said before saving.
  const over = () => {
    const cap = f.draft.capacity.trim();
    return /^\d+$/.test(cap) && Number(cap) < props.taken;
  };
  return (
    <fieldset>
      <legend>{ct('event.registration')}</legend>
      <TextField
        label={ct('event.capacity')}
        {...f.bind('capacity')}
        type="number"
        min={0}
        max={100000}
        required
        hint={ct('event.capacityHint')}
      />
      <Show when={over()}>
        <p class="notice warn capacity-over" role="status">
          {ct('event.capacityOver', { n: props.taken })}
        </p>
      </Show>
      <div class="pair">
        <TextField
          label={ct('event.opensAt')}
          {...f.bind('registrationOpensAt')}
          type="datetime-local"
          optional
          hint={ct('event.opensHint')}
        />
        <TextField
          label={ct('event.closesAt')}
          {...f.bind('registrationClosesAt')}
          type="datetime-local"
          optional
          hint={ct('event.closesHint')}
        />
      </div>
      <div class="field">
        <label class="radio">
          <input
            type="checkbox"
            name="registrationUntilEnd"
            checked={f.draft.registrationUntilEnd}
            aria-describedby="event-until-end-hint"
            onChange={(e) => f.setDraft('registrationUntilEnd', e.currentTarget.checked)}
          />
          <span>{ct('event.untilEnd')}</span>
        </label>
        <p class="field-hint muted" id="event-until-end-hint">
          {ct('event.untilEndHint')}
        </p>
      </div>
      <fieldset class="field radios">
        <legend>{ct('event.mode')}</legend>
        <For each={MODES}>
          {(m) => (
            <label class="radio">
              <input
                type="radio"
                name="registrationMode"
                value={m}
                checked={f.draft.registrationMode === m}
                onChange={() => f.set('registrationMode', m)}
              />
              <span>
                <strong>{ct(`mode.${m}`)}</strong> <span class="muted">— {ct(`mode.${m}.hint`)}</span>
              </span>
            </label>
          )}
        </For>
      </fieldset>
      <fieldset class="field radios">
        <legend>{ct('event.status')}</legend>
        <For each={STATUSES}>
          {(s) => (
            <label class="radio">
              <input
                type="radio"
                name="status"
                value={s}
                checked={f.draft.status === s}
                onChange={() => f.set('status', s)}
              />
              <span>
                <strong>{ct(`status.${s}`)}</strong> <span class="muted">— {ct(`status.${s}.hint`)}</span>
              </span>
            </label>
          )}
        </For>
      </fieldset>
    </fieldset>
  );
}
