// The agenda tab: items in time order; add, edit, move, delete, assign people with roles; the server's warnings (double
// bookings of people and rooms, items outside the event's hours) beside the items, and a one-click extension of the hours.
import { type Accessor, createMemo, createSignal, createUniqueId, For, type Setter, Show } from 'solid-js';
import { locale, type MessageKey, pick, t } from '../i18n';
import { formatDateTime, formatTime, zoneLabel } from '../lib/time';
import {
  type AgendaWarning,
  type Assignment,
  assignPeople,
  type ConsoleEvent,
  createSession,
  deleteSession,
  moveSession,
  type Session,
  type SessionCreate,
  updateEvent,
  updateSession,
} from './console-api';
import { ct } from './text';
import { offeredRole, SESSION_ROLE_CHOICES } from './session-roles';
import {
  busyLabel,
  changed,
  ConfirmButton,
  createSubmit,
  createValues,
  Field,
  FormError,
  useFailure,
  useToast,
} from './ui';
import { fromLocalInput, offsetMinutes, offsetText, toLocalInput } from './zoned';

const KINDS = ['talk', 'panel', 'ceremony', 'break'] as const;
const ROLES = SESSION_ROLE_CHOICES;
type Kind = (typeof KINDS)[number];
type Role = (typeof ROLES)[number];

/** One of the server's warnings as seen from one item: the other item it concerns, if any. */
type ItemWarning = { warning: AgendaWarning; otherId: string | null };

/** The server's warnings, filed under every item they concern (a double booking shows beside both items). */
function warningsBySession(warnings: AgendaWarning[]): Map<string, ItemWarning[]> {
  const out = new Map<string, ItemWarning[]>();
  for (const w of warnings) {
    const ids: string[] = w.sessionIds;
    for (const id of ids)
      out.set(id, [...(out.get(id) ?? []), { warning: w, otherId: ids.find((x) => x !== id) ?? null }]);
  }
  return out;
}

/** "14:00–17:20" in the event's zone. */
const hoursText = (h: { startsAt: string; endsAt: string }, tz: string) =>
  `${formatTime(h.startsAt, tz, locale())}–${formatTime(h.endsAt, tz, locale())}`;

export function AgendaTab(props: { event: ConsoleEvent; reload: () => Promise<void> }) {
  const [adding, setAdding] = createSignal(false);
  const warnings = createMemo(() => warningsBySession(props.event.warnings));
  const tz = () => props.event.timezone;
  let addButton!: HTMLButtonElement;
  let listHeading!: HTMLHeadingElement;

  return (
    <div class="agenda-tab">
      <div class="tab-tools">
        <p class="muted">
          {ct('agenda.timesIn', {
            zone: zoneLabel(tz(), locale()),
            offset: `UTC${offsetText(offsetMinutes(tz(), Date.parse(props.event.startsAt)))}`,
          })}
        </p>
        <button type="button" ref={addButton} aria-expanded={adding()} onClick={() => setAdding(!adding())}>
          {ct('agenda.add')}
        </button>
      </div>
      <ExtendHours event={props.event} reload={props.reload} />
      <Show when={adding()}>
        <section class="card" aria-labelledby="agenda-add-title">
          <h3 id="agenda-add-title">{ct('agenda.addTitle')}</h3>
          <SessionForm
            event={props.event}
            onCancel={() => {
              setAdding(false);
              addButton.focus();
            }}
            onSaved={async () => {
              setAdding(false);
              await props.reload();
              addButton.focus();
            }}
          />
        </section>
      </Show>
      <h3 class="sr-only" tabindex="-1" ref={listHeading}>
        {ct('agenda.list')}
      </h3>
      <Show when={props.event.sessions.length} fallback={<p class="muted">{ct('agenda.empty')}</p>}>
        <ol class="agenda-admin">
          {/* Keyed by id, so a reload keeps each item (and any form open on it) in place. */}
          <For each={props.event.sessions.map((s) => s.id)}>
            {(sessionId, i) => {
              const find = () => props.event.sessions.find((s) => s.id === sessionId);
              // While a deleted item is on its way out, it keeps its last data.
              const session = createMemo<Session>((prev) => find() ?? prev, find()!);
              return (
                <AgendaItem
                  event={props.event}
                  session={session()}
                  index={i()}
                  warnings={warnings().get(sessionId) ?? []}
                  reload={props.reload}
                  afterDelete={() => listHeading.focus()}
                />
              );
            }}
          </For>
        </ol>
      </Show>
    </div>
  );
}

/** Items outside the event's hours: said once above the list, with the hours that would hold them all, one click away. */
function ExtendHours(props: { event: ConsoleEvent; reload: () => Promise<void> }) {
  const toast = useToast();
  const fail = useFailure();
  const [busy, setBusy] = createSignal(false);
  const [error, setError] = createSignal<string | null>(null);
  const outside = () => props.event.warnings.filter((w) => w.code === 'outside_event_hours').length;
  async function extend(to: { startsAt: string; endsAt: string }) {
    setBusy(true);
    setError(null);
    try {
      await updateEvent(props.event.slug, to);
      toast(ct('agenda.extended', { hours: hoursText(to, props.event.timezone) }));
      await props.reload();
    } catch (e) {
      setError(fail(e));
    } finally {
      setBusy(false);
    }
  }
  return (
    <Show when={props.event.extendTo}>
      {(to) => (
        <div class="notice warn extend-hours">
          <p>
            <span aria-hidden="true">⚠ </span>
            <span class="sr-only">{ct('warning')}: </span>
            {ct('agenda.outsideBanner', { n: outside(), hours: hoursText(props.event, props.event.timezone) })}
          </p>
          <button type="button" class="secondary" disabled={busy()} onClick={() => void extend(to())}>
            {busy() ? ct('agenda.extending') : ct('agenda.extend', { hours: hoursText(to(), props.event.timezone) })}
          </button>
          <div role="alert">
            <Show when={error()}>
              <p class="field-error">{error()}</p>
            </Show>
          </div>
        </div>
      )}
    </Show>
  );
}

function AgendaItem(props: {
  event: ConsoleEvent;
  session: Session;
  index: number;
  warnings: ItemWarning[];
  reload: () => Promise<void>;
  afterDelete: () => void;
}) {
  const toast = useToast();
  const fail = useFailure();
  const id = createUniqueId();
  const [editing, setEditing] = createSignal(false);
  const [assigning, setAssigning] = createSignal(false);
  const [moving, setMoving] = createSignal(false);
  const [moveError, setMoveError] = createSignal<string | null>(null);
  const s = () => props.session;
  const tz = () => props.event.timezone;
  const title = () => pick(s().title);
  const other = () => (locale() === 'zh-CN' ? s().title.en : s().title.zh);
  const count = () => props.event.sessions.length;
  const personName = (pid: string) => {
    const p = props.event.people.find((x) => x.id === pid);
    return p ? pick(p.name) : pid;
  };
  const sessionTitle = (sid: string) => {
    const o = props.event.sessions.find((x) => x.id === sid);
    return o
      ? `${pick(o.title)} (${formatTime(o.startsAt, tz(), locale())}–${formatTime(o.endsAt, tz(), locale())})`
      : sid;
  };
  const warningText = ({ warning: w, otherId }: ItemWarning) => {
    if (w.code === 'person_overlap')
      return ct('agenda.overlap', { name: personName(w.personId), other: sessionTitle(otherId!) });
    if (w.code === 'room_overlap')
      return ct('agenda.roomOverlap', { room: pick(w.room) || w.room.zh || w.room.en, other: sessionTitle(otherId!) });
    return ct('agenda.outsideHours', { hours: hoursText(props.event, tz()) });
  };
  let editButton!: HTMLButtonElement;
  let peopleButton!: HTMLButtonElement;

  /**
   * Moving an item earlier or later swaps it with its neighbour in time: the pair keeps its span, each item keeps its length.
   * Items that start together only swap places in the list.
   */
  async function move(delta: -1 | 1) {
    const j = props.index + delta;
    if (j < 0 || j >= props.event.sessions.length || moving()) return;
    setMoving(true);
    setMoveError(null);
    let movedOk: string | null = null;
    try {
      // The server swaps the pair in one statement; a failure leaves both items as they were.
      const movedId = s().id;
      const { session: moved } = await moveSession(props.event.slug, movedId, delta < 0 ? 'earlier' : 'later');
      await props.reload();
      toast(
        ct(delta < 0 ? 'agenda.movedUp' : 'agenda.movedDown', { title: pick(s().title), time: hoursText(moved, tz()) }),
      );
      movedOk = movedId;
    } catch (e) {
      setMoveError(fail(e));
      await props.reload().catch(() => {});
    } finally {
      setMoving(false);
    }
    // Keep the keyboard where it was (the buttons were disabled while moving): on the same arrow of the moved item,
    // or on its other arrow once it reaches the end of the list.
    const focusId = movedOk ?? s().id;
    const target =
      document.querySelector<HTMLButtonElement>(`[data-move="${focusId}:${delta}"]:not(:disabled)`) ??
      document.querySelector<HTMLButtonElement>(`[data-move="${focusId}:${-delta}"]`);
    target?.focus();
  }

  return (
    <li class={`card agenda-admin-item kind-${s().kind}`} aria-labelledby={`${id}-title`}>
      <div class="agenda-row">
        <p class="agenda-when">
          <time dateTime={s().startsAt}>{formatTime(s().startsAt, tz(), locale())}</time>
          <span aria-hidden="true">–</span>
          <span class="sr-only">{ct('to')}</span>
          <time dateTime={s().endsAt}>{formatTime(s().endsAt, tz(), locale())}</time>
        </p>
        <div class="agenda-main">
          <p class="agenda-meta">
            <span class={`badge kind-${s().kind}`}>{t(`kind.${s().kind}` as MessageKey)}</span>
            <Show when={pick(s().room)}>
              <span class="room">{pick(s().room)}</span>
            </Show>
          </p>
          <h3 id={`${id}-title`}>{title()}</h3>
          <Show when={other() && other() !== title()}>
            <p class="muted other-lang" lang={locale() === 'zh-CN' ? 'en' : 'zh-CN'}>
              {other()}
            </p>
          </Show>
          <Show when={s().people.length}>
            <ul class="people-inline">
              <For each={s().people}>
                {(p) => (
                  <li>
                    <span class="role">{t(`role.${p.role}` as MessageKey)}</span> {pick(p.name)}
                  </li>
                )}
              </For>
            </ul>
          </Show>
          <Show when={props.warnings.length}>
            <ul class="overlap-warnings">
              <For each={props.warnings}>
                {(o) => (
                  <li class="notice warn">
                    <span aria-hidden="true">⚠ </span>
                    <span class="sr-only">{ct('warning')}: </span>
                    {warningText(o)}
                  </li>
                )}
              </For>
            </ul>
          </Show>
        </div>
        <div class="agenda-actions">
          <button
            type="button"
            class="secondary"
            ref={editButton}
            aria-expanded={editing()}
            aria-label={ct('agenda.editNamed', { title: title() })}
            onClick={() => setEditing(!editing())}
          >
            {ct('edit')}
          </button>
          <button
            type="button"
            class="secondary"
            ref={peopleButton}
            aria-expanded={assigning()}
            aria-label={ct('agenda.peopleNamed', { title: title() })}
            onClick={() => setAssigning(!assigning())}
          >
            {ct('agenda.people')}
          </button>
          <button
            type="button"
            class="secondary icon"
            data-move={`${s().id}:-1`}
            disabled={props.index === 0 || moving()}
            aria-label={ct('agenda.moveUpNamed', { title: title() })}
            title={ct('agenda.moveUp')}
            onClick={() => void move(-1)}
          >
            ↑
          </button>
          <button
            type="button"
            class="secondary icon"
            data-move={`${s().id}:1`}
            disabled={props.index === count() - 1 || moving()}
            aria-label={ct('agenda.moveDownNamed', { title: title() })}
            title={ct('agenda.moveDown')}
            onClick={() => void move(1)}
          >
            ↓
          </button>
          <ConfirmButton
            danger
            label={ct('delete')}
            ariaLabel={ct('agenda.deleteNamed', { title: title() })}
            title={ct('agenda.deleteTitle', { title: title() })}
            body={ct('agenda.deleteBody')}
            confirm={ct('agenda.deleteConfirm')}
            busy={ct('deleting')}
            onConfirm={async () => {
              await deleteSession(props.event.slug, s().id);
              toast(ct('agenda.deleted', { title: title() }));
              const after = props.afterDelete;
              await props.reload();
              return after;
            }}
          />
        </div>
      </div>
      <div role="alert" class="form-message">
        <Show when={moveError()}>
          <p class="notice error">{moveError()}</p>
        </Show>
      </div>
      <p class="sr-only" role="status">
        {moving() ? ct('moving') : ''}
      </p>
      <Show when={editing()}>
        <SessionForm
          event={props.event}
          session={s()}
          onCancel={() => {
            setEditing(false);
            editButton.focus();
          }}
          onSaved={async () => {
            setEditing(false);
            await props.reload();
            editButton.focus();
          }}
        />
      </Show>
      <Show when={assigning()}>
        <AssignPeople
          event={props.event}
          session={s()}
          onCancel={() => {
            setAssigning(false);
            peopleButton.focus();
          }}
          onSaved={async () => {
            setAssigning(false);
            await props.reload();
            peopleButton.focus();
          }}
        />
      </Show>
    </li>
  );
}

type SessionValues = {
  kind: Kind;
  titleZh: string;
  titleEn: string;
  roomZh: string;
  roomEn: string;
  startsAt: string;
  endsAt: string;
  descriptionZh: string;
  descriptionEn: string;
};

function SessionForm(props: {
  event: ConsoleEvent;
  session?: Session;
  onSaved: () => Promise<void>;
  onCancel: () => void;
}) {
  const toast = useToast();
  const submit = createSubmit();
  const tz = () => props.event.timezone;
  const initial = (): SessionValues => {
    const s = props.session;
    if (s) {
      return {
        kind: s.kind as Kind,
        titleZh: s.title.zh,
        titleEn: s.title.en,
        roomZh: s.room.zh,
        roomEn: s.room.en,
        startsAt: toLocalInput(s.startsAt, tz()),
        endsAt: toLocalInput(s.endsAt, tz()),
        descriptionZh: s.description.zh,
        descriptionEn: s.description.en,
      };
    }
    // A new item starts where the agenda ends, for half an hour.
    const last = props.event.sessions[props.event.sessions.length - 1];
    const start = Date.parse(last?.endsAt ?? props.event.startsAt);
    return {
      kind: 'talk',
      titleZh: '',
      titleEn: '',
      roomZh: '',
      roomEn: '',
      descriptionZh: '',
      descriptionEn: '',
      startsAt: toLocalInput(new Date(start).toISOString(), tz()),
      endsAt: toLocalInput(new Date(start + 30 * 60_000).toISOString(), tz()),
    };
  };
  const original = initial();
  const [v, setV] = createValues<SessionValues>(original);
  let form!: HTMLFormElement;
  const set =
    <K extends keyof SessionValues>(k: K) =>
    (value: string) => {
      setV(k, value as SessionValues[K]);
      submit.clearField(k);
    };
  const err = (k: keyof SessionValues) => submit.fieldErrors()[k];

  function check() {
    const e: Record<string, string> = {};
    if (!v().titleZh.trim()) e.titleZh = ct('err.required');
    if (!v().titleEn.trim()) e.titleEn = ct('err.required');
    if (!v().startsAt) e.startsAt = ct('err.timeRequired');
    if (!v().endsAt) e.endsAt = ct('err.timeRequired');
    if (v().startsAt && v().endsAt && v().endsAt <= v().startsAt) e.endsAt = ct('err.endAfterStart');
    return e;
  }

  async function save() {
    const body: SessionCreate = {
      ...v(),
      startsAt: fromLocalInput(v().startsAt, tz())!,
      endsAt: fromLocalInput(v().endsAt, tz())!,
    };
    if (props.session) {
      const diff = changed({ ...v() }, original);
      const patch = {
        ...diff,
        ...(diff.startsAt ? { startsAt: body.startsAt } : {}),
        ...(diff.endsAt ? { endsAt: body.endsAt } : {}),
      };
      const title = v().titleEn && locale() === 'en' ? v().titleEn : v().titleZh || v().titleEn;
      const answer = Object.keys(patch).length ? await updateSession(props.event.slug, props.session.id, patch) : null;
      const mine = answer?.warnings.filter((w) => w.sessionIds.includes(props.session!.id)).length ?? 0;
      if (mine) toast(ct('agenda.savedWarn', { title, n: mine }), 'warn');
      else toast(ct('agenda.saved', { title }));
    } else {
      const title = locale() === 'en' ? v().titleEn : v().titleZh;
      const answer = await createSession(props.event.slug, body);
      const mine = answer.warnings.filter((w) => w.sessionIds.includes(answer.session.id)).length;
      toast(
        ct('agenda.added', { title }) + (mine ? ` ${ct('agenda.savedWarnShort', { n: mine })}` : ''),
        mine ? 'warn' : undefined,
      );
    }
    await props.onSaved();
  }

  const kindOptions = () => KINDS.map((k) => ({ value: k, label: t(`kind.${k}` as MessageKey) }));
  // The browser shows datetime inputs in its own format; this says the time back in the reader's language.
  const timeHint = (value: string) => {
    const iso = value ? fromLocalInput(value, tz()) : null;
    return iso ? formatDateTime(iso, tz(), locale()) : undefined;
  };

  return (
    <form
      ref={form}
      class="console-form session-form"
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        void submit.run(form, check, save);
      }}
    >
      <div class="pair">
        <Field label={ct('agenda.kind')} name="kind" value={v().kind} options={kindOptions()} onInput={set('kind')} />
        <div />
      </div>
      <div class="pair">
        <Field
          label={ct('agenda.titleZh')}
          name="titleZh"
          lang="zh-CN"
          value={v().titleZh}
          required
          error={err('titleZh')}
          onInput={set('titleZh')}
        />
        <Field
          label={ct('agenda.titleEn')}
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
          label={ct('agenda.startsAt')}
          name="startsAt"
          type="datetime-local"
          value={v().startsAt}
          required
          error={err('startsAt')}
          hint={timeHint(v().startsAt)}
          onInput={set('startsAt')}
        />
        <Field
          label={ct('agenda.endsAt')}
          name="endsAt"
          type="datetime-local"
          value={v().endsAt}
          required
          error={err('endsAt')}
          hint={timeHint(v().endsAt)}
          onInput={set('endsAt')}
        />
      </div>
      <div class="pair">
        <Field
          label={ct('agenda.roomZh')}
          name="roomZh"
          lang="zh-CN"
          optional
          value={v().roomZh}
          error={err('roomZh')}
          onInput={set('roomZh')}
        />
        <Field
          label={ct('agenda.roomEn')}
          name="roomEn"
          lang="en"
          optional
          value={v().roomEn}
          error={err('roomEn')}
          onInput={set('roomEn')}
        />
      </div>
      <div class="pair">
        <Field
          label={ct('agenda.descriptionZh')}
          name="descriptionZh"
          lang="zh-CN"
          optional
          multiline
          value={v().descriptionZh}
          error={err('descriptionZh')}
          onInput={set('descriptionZh')}
        />
        <Field
          label={ct('agenda.descriptionEn')}
          name="descriptionEn"
          lang="en"
          optional
          multiline
          value={v().descriptionEn}
          error={err('descriptionEn')}
          onInput={set('descriptionEn')}
        />
      </div>
      <FormError error={submit.error()} />
      <div class="form-actions">
        <button type="submit" disabled={submit.busy()}>
          {busyLabel(submit.busy(), props.session ? ct('save') : ct('agenda.addSubmit'))}
        </button>
        <button type="button" class="secondary" disabled={submit.busy()} onClick={() => props.onCancel()}>
          {ct('cancel')}
        </button>
      </div>
    </form>
  );
}

/** Each row keeps its own signals, so choosing a person does not rebuild the row (and drop the focus). */
type Row = { personId: Accessor<string>; setPersonId: Setter<string>; role: Accessor<Role>; setRole: Setter<Role> };
function makeRow(personId: string, role: Role): Row {
  const [p, setP] = createSignal(personId);
  const [r, setR] = createSignal(role);
  return { personId: p, setPersonId: setP, role: r, setRole: setR };
}

function AssignPeople(props: {
  event: ConsoleEvent;
  session: Session;
  onSaved: () => Promise<void>;
  onCancel: () => void;
}) {
  const toast = useToast();
  const submit = createSubmit();
  const id = createUniqueId();
  const defaultRole = (): Role =>
    props.session.kind === 'panel' ? 'panelist' : props.session.kind === 'ceremony' ? 'moderator' : 'speaker';
  const [rows, setRows] = createSignal<Row[]>(props.session.people.map((p) => makeRow(p.id, offeredRole(p.role))));
  let form!: HTMLFormElement;
  const title = () => pick(props.session.title);

  function check() {
    const e: Record<string, string> = {};
    const seen = new Set<string>();
    rows().forEach((r, i) => {
      if (!r.personId()) e[`person-${i}`] = ct('err.choosePerson');
      else if (seen.has(r.personId())) e[`person-${i}`] = ct('err.duplicatePerson');
      seen.add(r.personId());
    });
    return e;
  }

  async function save() {
    const people: Assignment[] = rows().map((r) => ({ personId: r.personId(), role: r.role() }));
    const { warnings } = await assignPeople(props.event.slug, props.session.id, people);
    const mine = warnings.filter((w) => w.sessionIds.includes(props.session.id));
    if (mine.length) toast(ct('agenda.peopleSavedWarn', { title: title(), n: mine.length }), 'warn');
    else toast(ct('agenda.peopleSaved', { title: title() }));
    await props.onSaved();
  }

  function add() {
    setRows([...rows(), makeRow('', defaultRole())]);
    form.querySelector<HTMLSelectElement>(`#${id}-person-${rows().length - 1}`)?.focus();
  }

  function remove(i: number) {
    setRows(rows().filter((_, k) => k !== i));
    submit.reset();
    const next =
      form.querySelector<HTMLElement>(`#${id}-person-${Math.min(i, rows().length - 1)}`) ??
      form.querySelector<HTMLElement>('.add-row');
    next?.focus();
  }

  return (
    <form
      ref={form}
      class="console-form assign-form"
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        void submit.run(form, check, save);
      }}
    >
      <fieldset>
        <legend>{ct('agenda.peopleOn', { title: title() })}</legend>
        <Show when={props.event.people.length} fallback={<p class="muted">{ct('agenda.noPeopleYet')}</p>}>
          <Show when={rows().length} fallback={<p class="muted">{ct('agenda.nobody')}</p>}>
            <ul class="assign-rows">
              <For each={rows()}>
                {(row, i) => {
                  const err = () => submit.fieldErrors()[`person-${i()}`];
                  return (
                    <li class="assign-row">
                      <div class="field">
                        <label for={`${id}-person-${i()}`}>{ct('agenda.personN', { n: i() + 1 })}</label>
                        <select
                          id={`${id}-person-${i()}`}
                          value={row.personId()}
                          aria-invalid={err() ? 'true' : undefined}
                          aria-describedby={err() ? `${id}-person-${i()}-error` : undefined}
                          onChange={(e) => {
                            row.setPersonId(e.currentTarget.value);
                            submit.clearField(`person-${i()}`);
                          }}
                        >
                          <option value="" selected={!row.personId()}>
                            {ct('agenda.choosePerson')}
                          </option>
                          <For each={props.event.people}>
                            {(p) => (
                              <option value={p.id} selected={p.id === row.personId()}>
                                {pick(p.name)}
                                {pick(p.institution) ? ` · ${pick(p.institution)}` : ''}
                              </option>
                            )}
                          </For>
                        </select>
                        <Show when={err()}>
                          <p class="field-error" id={`${id}-person-${i()}-error`}>
                            {err()}
                          </p>
                        </Show>
                      </div>
                      <div class="field">
                        <label for={`${id}-role-${i()}`}>{ct('agenda.roleN', { n: i() + 1 })}</label>
                        <select
                          id={`${id}-role-${i()}`}
                          value={row.role()}
                          onChange={(e) => row.setRole(e.currentTarget.value as Role)}
                        >
                          <For each={ROLES}>
                            {(r) => (
                              <option value={r} selected={r === row.role()}>
                                {t(`role.${r}` as MessageKey)}
                              </option>
                            )}
                          </For>
                        </select>
                      </div>
                      <button
                        type="button"
                        class="secondary remove"
                        onClick={() => remove(i())}
                        aria-label={ct('agenda.removeN', { n: i() + 1 })}
                      >
                        {ct('remove')}
                      </button>
                    </li>
                  );
                }}
              </For>
            </ul>
          </Show>
          <button type="button" class="secondary add-row" onClick={add}>
            {ct('agenda.addPerson')}
          </button>
        </Show>
      </fieldset>
      <FormError error={submit.error()} />
      <div class="form-actions">
        <button type="submit" disabled={submit.busy()}>
          {busyLabel(submit.busy(), ct('agenda.savePeople'))}
        </button>
        <button type="button" class="secondary" disabled={submit.busy()} onClick={() => props.onCancel()}>
          {ct('cancel')}
        </button>
      </div>
    </form>
  );
}
