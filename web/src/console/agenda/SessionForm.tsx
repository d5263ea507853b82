// The form that adds an agenda item or edits one: kind, titles, times in the event's zone, rooms and descriptions.
import { locale, type MessageKey, t } from '../../i18n';
import { formatDateTime } from '../../lib/time';
import { type ConsoleEvent, createSession, type Session, type SessionCreate, updateSession } from '../console-api';
import { ct } from '../text';
import { ConsoleForm, changed, createForm, LangPair, SelectField, TextField, useToast } from '../ui';
import { fromLocalInput, toLocalInput } from '../zoned';
import { KINDS, type Kind } from './agenda-text';

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

/** An item's values as the form shows them; a new item starts where the agenda ends, for half an hour. */
function initialValues(event: ConsoleEvent, s: Session | undefined): SessionValues {
  const tz = event.timezone;
  if (s) {
    return {
      kind: s.kind as Kind,
      titleZh: s.title.zh,
      titleEn: s.title.en,
      roomZh: s.room.zh,
      roomEn: s.room.en,
      startsAt: toLocalInput(s.startsAt, tz),
      endsAt: toLocalInput(s.endsAt, tz),
      descriptionZh: s.description.zh,
      descriptionEn: s.description.en,
    };
  }
  const last = event.sessions[event.sessions.length - 1];
  const start = Date.parse(last?.endsAt ?? event.startsAt);
  return {
    kind: 'talk',
    titleZh: '',
    titleEn: '',
    roomZh: '',
    roomEn: '',
    descriptionZh: '',
    descriptionEn: '',
    startsAt: toLocalInput(new Date(start).toISOString(), tz),
    endsAt: toLocalInput(new Date(start + 30 * 60_000).toISOString(), tz),
  };
}

function check(v: SessionValues) {
  const e: Record<string, string> = {};
  if (!v.titleZh.trim()) e.titleZh = ct('err.required');
  if (!v.titleEn.trim()) e.titleEn = ct('err.required');
  if (!v.startsAt) e.startsAt = ct('err.timeRequired');
  if (!v.endsAt) e.endsAt = ct('err.timeRequired');
  if (v.startsAt && v.endsAt && v.endsAt <= v.startsAt) e.endsAt = ct('err.endAfterStart');
  return e;
}

export function SessionForm(props: {
  event: ConsoleEvent;
  session?: Session;
  onSaved: () => Promise<void>;
  onCancel: () => void;
}) {
  const toast = useToast();
  const tz = () => props.event.timezone;
  const original = initialValues(props.event, props.session);
  const f = createForm<SessionValues>(original);
  const v = f.draft;

  async function save() {
    const values = f.values();
    const body: SessionCreate = {
      ...values,
      startsAt: fromLocalInput(values.startsAt, tz())!,
      endsAt: fromLocalInput(values.endsAt, tz())!,
    };
    if (props.session) {
      const diff = changed(values, original);
      const patch = {
        ...diff,
        ...(diff.startsAt ? { startsAt: body.startsAt } : {}),
        ...(diff.endsAt ? { endsAt: body.endsAt } : {}),
      };
      const title = v.titleEn && locale() === 'en' ? v.titleEn : v.titleZh || v.titleEn;
      const answer = Object.keys(patch).length ? await updateSession(props.event.slug, props.session.id, patch) : null;
      const mine = answer?.warnings.filter((w) => w.sessionIds.includes(props.session!.id)).length ?? 0;
      if (mine) toast(ct('agenda.savedWarn', { title, n: mine }), 'warn');
      else toast(ct('agenda.saved', { title }));
    } else {
      const title = locale() === 'en' ? v.titleEn : v.titleZh;
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
    <ConsoleForm
      class="session-form"
      form={f}
      check={() => check(f.values())}
      save={save}
      submit={props.session ? ct('save') : ct('agenda.addSubmit')}
      onCancel={() => props.onCancel()}
    >
      <div class="pair">
        <SelectField label={ct('agenda.kind')} {...f.bind('kind')} options={kindOptions()} />
        <div />
      </div>
      <LangPair
        labels={[ct('agenda.titleZh'), ct('agenda.titleEn')]}
        zh={f.bind('titleZh')}
        en={f.bind('titleEn')}
        required
      />
      <div class="pair">
        <TextField
          label={ct('agenda.startsAt')}
          {...f.bind('startsAt')}
          type="datetime-local"
          required
          hint={timeHint(v.startsAt)}
        />
        <TextField
          label={ct('agenda.endsAt')}
          {...f.bind('endsAt')}
          type="datetime-local"
          required
          hint={timeHint(v.endsAt)}
        />
      </div>
      <LangPair
        labels={[ct('agenda.roomZh'), ct('agenda.roomEn')]}
        zh={f.bind('roomZh')}
        en={f.bind('roomEn')}
        optional
      />
      <LangPair
        labels={[ct('agenda.descriptionZh'), ct('agenda.descriptionEn')]}
        zh={f.bind('descriptionZh')}
        en={f.bind('descriptionEn')}
        optional
        multiline
      />
    </ConsoleForm>
  );
}
