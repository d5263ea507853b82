// The event settings form, for a new event and an existing one; times are read in the event's zone, edits send only changes.
import { createEffect, createMemo, createSignal, on, Show } from 'solid-js';
import { type ConsoleEvent, createEvent, updateEvent } from './console-api';
import {
  blankEvent,
  checkEvent,
  createBody,
  type EventValues,
  patchBody,
  slugFrom,
  valuesOf,
} from './event/event-values';
import { RegistrationFields } from './event/RegistrationFields';
import { ct } from './text';
import { ConsoleForm, createForm, LangPair, SelectField, TextField, useToast } from './ui';
import { fromLocalInput, offsetMinutes, offsetText, timeZones } from './zoned';

export function EventForm(props: {
  event?: ConsoleEvent;
  onSaved: (slug: string) => void | Promise<void>;
  onCancel?: () => void;
}) {
  const toast = useToast();
  const creating = !props.event;
  let baseline = props.event ? valuesOf(props.event) : blankEvent();
  const f = createForm<EventValues>(baseline);
  const v = f.draft;
  const [slugTouched, setSlugTouched] = createSignal(false);
  const zones = createMemo(() => timeZones(v.timezone));
  // A new event's slug follows its English title until the organiser types a slug of their own.
  createEffect(
    on(
      () => v.titleEn,
      (title) => {
        if (creating && !slugTouched()) f.setDraft('slug', slugFrom(title));
      },
      { defer: true },
    ),
  );

  async function save() {
    const values = f.values();
    if (creating) {
      const created = await createEvent(createBody(values));
      toast(ct('event.created', { title: values.titleEn || values.titleZh }));
      await props.onSaved(created.slug);
      return;
    }
    const patch = patchBody(values, baseline);
    if (!Object.keys(patch).length) {
      toast(ct('event.unchanged'));
      return;
    }
    await updateEvent(values.slug, patch);
    baseline = values;
    toast(ct('event.saved'));
    await props.onSaved(values.slug);
  }

  const offsetHint = () => {
    const ms = Date.parse(fromLocalInput(v.startsAt || '2026-01-01T12:00', v.timezone) ?? '');
    return ct('event.zoneHint', {
      zone: v.timezone,
      offset: `UTC${offsetText(offsetMinutes(v.timezone, Number.isNaN(ms) ? Date.now() : ms))}`,
    });
  };

  return (
    <ConsoleForm
      class="event-form"
      form={f}
      check={() => checkEvent(f.values(), creating)}
      save={save}
      submit={creating ? ct('event.create') : ct('save')}
      working={creating ? ct('creating') : ct('saving')}
      onCancel={props.onCancel}
    >
      <fieldset>
        <legend>{ct('event.names')}</legend>
        <Show when={creating}>
          <TextField
            label={ct('event.slug')}
            {...f.bind('slug')}
            required
            hint={ct('event.slugHint', { slug: v.slug || 'my-event' })}
            onInput={(x) => {
              setSlugTouched(true);
              f.set('slug', x);
            }}
          />
        </Show>
        <LangPair
          labels={[ct('event.titleZh'), ct('event.titleEn')]}
          zh={f.bind('titleZh')}
          en={f.bind('titleEn')}
          required
        />
        <LangPair
          labels={[ct('event.descriptionZh'), ct('event.descriptionEn')]}
          zh={f.bind('descriptionZh')}
          en={f.bind('descriptionEn')}
          multiline
          optional
        />
      </fieldset>
      <fieldset>
        <legend>{ct('event.place')}</legend>
        <LangPair
          labels={[ct('event.venueZh'), ct('event.venueEn')]}
          zh={f.bind('venueZh')}
          en={f.bind('venueEn')}
          required
        />
        <LangPair
          labels={[ct('event.addressZh'), ct('event.addressEn')]}
          zh={f.bind('addressZh')}
          en={f.bind('addressEn')}
          optional
        />
        <LangPair
          labels={[ct('event.contactZh'), ct('event.contactEn')]}
          zh={f.bind('contactZh')}
          en={f.bind('contactEn')}
          optional
          hints={[ct('event.contactHint'), undefined]}
        />
      </fieldset>
      <fieldset>
        <legend>{ct('event.when')}</legend>
        <SelectField
          label={ct('event.timezone')}
          {...f.bind('timezone')}
          options={zones().map((z) => ({ value: z, label: z }))}
          hint={offsetHint()}
        />
        <div class="pair">
          <TextField label={ct('event.startsAt')} {...f.bind('startsAt')} type="datetime-local" required />
          <TextField label={ct('event.endsAt')} {...f.bind('endsAt')} type="datetime-local" required />
        </div>
      </fieldset>
      <RegistrationFields form={f} taken={props.event?.seatsTaken ?? 0} />
    </ConsoleForm>
  );
}
