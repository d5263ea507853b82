// The event settings' registration part: capacity, the window registrations are open in, and the event's status.
import { For } from 'solid-js';
import { ct } from '../text';
import { TextField } from '../ui';
import type { createForm } from '../ui/form';
import { type EventValues, STATUSES } from './event-values';

export function RegistrationFields(props: { form: ReturnType<typeof createForm<EventValues>> }) {
  const f = props.form;
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
