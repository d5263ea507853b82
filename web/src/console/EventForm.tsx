// The event settings form, for a new event and an existing one; times are read in the event's zone, edits send only changes.
import { createMemo, createSignal, For, Show } from 'solid-js';
import { type ConsoleEvent, createEvent, type EventCreate, type EventPatch, updateEvent } from './console-api';
import { ct, type ConsoleKey } from './text';
import { busyLabel, createSubmit, createValues, Field, FormError, useToast } from './ui';
import { fromLocalInput, offsetMinutes, offsetText, timeZones, toLocalInput } from './zoned';

type Values = {
  slug: string;
  titleZh: string;
  titleEn: string;
  descriptionZh: string;
  descriptionEn: string;
  venueZh: string;
  venueEn: string;
  addressZh: string;
  addressEn: string;
  timezone: string;
  startsAt: string;
  endsAt: string;
  capacity: string;
  registrationOpensAt: string;
  registrationClosesAt: string;
  registrationUntilEnd: boolean;
  registrationMode: 'open' | 'approval' | 'invitation';
  status: 'draft' | 'published' | 'closed';
};

const STATUSES = ['draft', 'published', 'closed'] as const;
const MODES = ['open', 'approval', 'invitation'] as const;
const SLUG = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

function valuesOf(e: ConsoleEvent): Values {
  return {
    slug: e.slug,
    titleZh: e.title.zh,
    titleEn: e.title.en,
    descriptionZh: e.description.zh,
    descriptionEn: e.description.en,
    venueZh: e.venue.zh,
    venueEn: e.venue.en,
    addressZh: e.address.zh,
    addressEn: e.address.en,
    timezone: e.timezone,
    startsAt: toLocalInput(e.startsAt, e.timezone),
    endsAt: toLocalInput(e.endsAt, e.timezone),
    capacity: String(e.capacity),
    registrationOpensAt: toLocalInput(e.registrationOpensAt, e.timezone),
    registrationClosesAt: toLocalInput(e.registrationClosesAt, e.timezone),
    registrationUntilEnd: e.registrationUntilEnd,
    registrationMode: e.registrationMode,
    status: e.status as Values['status'],
  };
}

const blank = (): Values => ({
  slug: '',
  titleZh: '',
  titleEn: '',
  descriptionZh: '',
  descriptionEn: '',
  venueZh: '',
  venueEn: '',
  addressZh: '',
  addressEn: '',
  timezone: 'Asia/Shanghai',
  startsAt: '',
  endsAt: '',
  capacity: '100',
  registrationOpensAt: '',
  registrationClosesAt: '',
  registrationUntilEnd: false,
  registrationMode: 'open',
  status: 'draft',
});

const slugFrom = (title: string) =>
  title
    .toLowerCase()
    .normalize('NFKD')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60);

export function EventForm(props: {
  event?: ConsoleEvent;
  onSaved: (slug: string) => void | Promise<void>;
  onCancel?: () => void;
}) {
  const toast = useToast();
  const submit = createSubmit();
  const creating = !props.event;
  let baseline = props.event ? valuesOf(props.event) : blank();
  const [v, setV] = createValues<Values>(baseline);
  const [slugTouched, setSlugTouched] = createSignal(false);
  const zones = createMemo(() => timeZones(v().timezone));
  let form!: HTMLFormElement;

  const set =
    <K extends keyof Values>(k: K) =>
    (value: string) => {
      setV(k, value as Values[K]);
      submit.clearField(k);
      if (k === 'titleEn' && creating && !slugTouched()) setV('slug', slugFrom(value));
    };
  const err = (k: keyof Values) => submit.fieldErrors()[k];

  function check(): Record<string, string> {
    const e: Record<string, string> = {};
    const need = (k: keyof Values, key: ConsoleKey) => {
      if (!String(v()[k]).trim()) e[k] = ct(key);
    };
    if (creating) {
      if (!v().slug.trim()) e.slug = ct('err.slugRequired');
      else if (!SLUG.test(v().slug.trim()) || v().slug.trim().length < 3) e.slug = ct('err.slugPattern');
    }
    need('titleZh', 'err.required');
    need('titleEn', 'err.required');
    need('venueZh', 'err.required');
    need('venueEn', 'err.required');
    need('startsAt', 'err.timeRequired');
    need('endsAt', 'err.timeRequired');
    const cap = Number(v().capacity);
    if (!/^\d+$/.test(v().capacity.trim()) || cap > 100_000) e.capacity = ct('err.capacity');
    if (v().startsAt && v().endsAt && v().endsAt <= v().startsAt) e.endsAt = ct('err.endAfterStart');
    if (v().registrationOpensAt && v().registrationClosesAt && v().registrationClosesAt <= v().registrationOpensAt)
      e.registrationClosesAt = ct('err.closeAfterOpen');
    return e;
  }

  const iso = (value: string) => fromLocalInput(value, v().timezone)!;
  const isoOrNull = (value: string) => (value ? fromLocalInput(value, v().timezone) : null);

  async function save() {
    if (creating) {
      const body: EventCreate = {
        slug: v().slug.trim(),
        titleZh: v().titleZh,
        titleEn: v().titleEn,
        descriptionZh: v().descriptionZh,
        descriptionEn: v().descriptionEn,
        venueZh: v().venueZh,
        venueEn: v().venueEn,
        addressZh: v().addressZh,
        addressEn: v().addressEn,
        timezone: v().timezone,
        startsAt: iso(v().startsAt),
        endsAt: iso(v().endsAt),
        capacity: Number(v().capacity),
        status: v().status,
        registrationOpensAt: isoOrNull(v().registrationOpensAt),
        registrationClosesAt: isoOrNull(v().registrationClosesAt),
        registrationUntilEnd: v().registrationUntilEnd,
        registrationMode: v().registrationMode,
      };
      const created = await createEvent(body);
      toast(ct('event.created', { title: v().titleEn || v().titleZh }));
      await props.onSaved(created.slug);
      return;
    }
    const patch: EventPatch = {};
    const text = [
      'titleZh',
      'titleEn',
      'descriptionZh',
      'descriptionEn',
      'venueZh',
      'venueEn',
      'addressZh',
      'addressEn',
    ] as const;
    for (const k of text) if (v()[k] !== baseline[k]) patch[k] = v()[k];
    const zoneChanged = v().timezone !== baseline.timezone;
    if (zoneChanged) patch.timezone = v().timezone;
    // A new zone keeps the wall-clock times the organiser sees, so every time is re-read in it.
    if (zoneChanged || v().startsAt !== baseline.startsAt) patch.startsAt = iso(v().startsAt);
    if (zoneChanged || v().endsAt !== baseline.endsAt) patch.endsAt = iso(v().endsAt);
    if (zoneChanged || v().registrationOpensAt !== baseline.registrationOpensAt)
      patch.registrationOpensAt = isoOrNull(v().registrationOpensAt);
    if (zoneChanged || v().registrationClosesAt !== baseline.registrationClosesAt)
      patch.registrationClosesAt = isoOrNull(v().registrationClosesAt);
    if (v().registrationUntilEnd !== baseline.registrationUntilEnd)
      patch.registrationUntilEnd = v().registrationUntilEnd;
    if (v().registrationMode !== baseline.registrationMode) patch.registrationMode = v().registrationMode;
    if (v().capacity !== baseline.capacity) patch.capacity = Number(v().capacity);
    if (v().status !== baseline.status) patch.status = v().status;
    if (!Object.keys(patch).length) {
      toast(ct('event.unchanged'));
      return;
    }
    await updateEvent(v().slug, patch);
    baseline = { ...v() };
    toast(ct('event.saved'));
    await props.onSaved(v().slug);
  }

  const offsetHint = () => {
    const ms = Date.parse(iso(v().startsAt || '2026-01-01T12:00') ?? '');
    return ct('event.zoneHint', {
      zone: v().timezone,
      offset: `UTC${offsetText(offsetMinutes(v().timezone, Number.isNaN(ms) ? Date.now() : ms))}`,
    });
  };

  return (
    <form
      ref={form}
      class="console-form event-form"
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        void submit.run(form, check, save);
      }}
    >
      <fieldset>
        <legend>{ct('event.names')}</legend>
        <Show when={creating}>
          <Field
            label={ct('event.slug')}
            name="slug"
            value={v().slug}
            required
            error={err('slug')}
            hint={ct('event.slugHint', { slug: v().slug || 'my-event' })}
            onInput={(x) => {
              setSlugTouched(true);
              set('slug')(x);
            }}
          />
        </Show>
        <div class="pair">
          <Field
            label={ct('event.titleZh')}
            name="titleZh"
            lang="zh-CN"
            value={v().titleZh}
            required
            error={err('titleZh')}
            onInput={set('titleZh')}
          />
          <Field
            label={ct('event.titleEn')}
            name="titleEn"
            lang="en"
            value={v().titleEn}
            required
            error={err('titleEn')}
            onInput={set('titleEn')}
          />
        </div>
        <div class="pair">
          <Field
            label={ct('event.descriptionZh')}
            name="descriptionZh"
            lang="zh-CN"
            multiline
            optional
            value={v().descriptionZh}
            error={err('descriptionZh')}
            onInput={set('descriptionZh')}
          />
          <Field
            label={ct('event.descriptionEn')}
            name="descriptionEn"
            lang="en"
            multiline
            optional
            value={v().descriptionEn}
            error={err('descriptionEn')}
            onInput={set('descriptionEn')}
          />
        </div>
      </fieldset>
      <fieldset>
        <legend>{ct('event.place')}</legend>
        <div class="pair">
          <Field
            label={ct('event.venueZh')}
            name="venueZh"
            lang="zh-CN"
            value={v().venueZh}
            required
            error={err('venueZh')}
            onInput={set('venueZh')}
          />
          <Field
            label={ct('event.venueEn')}
            name="venueEn"
            lang="en"
            value={v().venueEn}
            required
            error={err('venueEn')}
            onInput={set('venueEn')}
          />
        </div>
        <div class="pair">
          <Field
            label={ct('event.addressZh')}
            name="addressZh"
            lang="zh-CN"
            optional
            value={v().addressZh}
            error={err('addressZh')}
            onInput={set('addressZh')}
          />
          <Field
            label={ct('event.addressEn')}
            name="addressEn"
            lang="en"
            optional
            value={v().addressEn}
            error={err('addressEn')}
            onInput={set('addressEn')}
          />
        </div>
      </fieldset>
      <fieldset>
        <legend>{ct('event.when')}</legend>
        <Field
          label={ct('event.timezone')}
          name="timezone"
          value={v().timezone}
          options={zones().map((z) => ({ value: z, label: z }))}
          hint={offsetHint()}
          error={err('timezone')}
          onInput={set('timezone')}
        />
        <div class="pair">
          <Field
            label={ct('event.startsAt')}
            name="startsAt"
            type="datetime-local"
            value={v().startsAt}
            required
            error={err('startsAt')}
            onInput={set('startsAt')}
          />
          <Field
            label={ct('event.endsAt')}
            name="endsAt"
            type="datetime-local"
            value={v().endsAt}
            required
            error={err('endsAt')}
            onInput={set('endsAt')}
          />
        </div>
      </fieldset>
      <fieldset>
        <legend>{ct('event.registration')}</legend>
        <Field
          label={ct('event.capacity')}
          name="capacity"
          type="number"
          min={0}
          max={100000}
          value={v().capacity}
          required
          error={err('capacity')}
          hint={ct('event.capacityHint')}
          onInput={set('capacity')}
        />
        <div class="pair">
          <Field
            label={ct('event.opensAt')}
            name="registrationOpensAt"
            type="datetime-local"
            optional
            value={v().registrationOpensAt}
            hint={ct('event.opensHint')}
            error={err('registrationOpensAt')}
            onInput={set('registrationOpensAt')}
          />
          <Field
            label={ct('event.closesAt')}
            name="registrationClosesAt"
            type="datetime-local"
            optional
            value={v().registrationClosesAt}
            hint={ct('event.closesHint')}
            error={err('registrationClosesAt')}
            onInput={set('registrationClosesAt')}
          />
        </div>
        <div class="field">
          <label class="radio">
            <input
              type="checkbox"
              name="registrationUntilEnd"
              checked={v().registrationUntilEnd}
              aria-describedby="event-until-end-hint"
              onChange={(e) => setV('registrationUntilEnd', e.currentTarget.checked)}
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
                  checked={v().registrationMode === m}
                  onChange={() => setV('registrationMode', m)}
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
                  checked={v().status === s}
                  onChange={() => set('status')(s)}
                />
                <span>
                  <strong>{ct(`status.${s}`)}</strong> <span class="muted">— {ct(`status.${s}.hint`)}</span>
                </span>
              </label>
            )}
          </For>
        </fieldset>
      </fieldset>
      <FormError error={submit.error()} />
      <div class="form-actions">
        <button type="submit" disabled={submit.busy()}>
          {busyLabel(
            submit.busy(),
            creating ? ct('event.create') : ct('save'),
            creating ? ct('creating') : ct('saving'),
          )}
        </button>
        <Show when={props.onCancel}>
          <button type="button" class="secondary" disabled={submit.busy()} onClick={() => props.onCancel?.()}>
            {ct('cancel')}
          </button>
        </Show>
      </div>
    </form>
  );
}
