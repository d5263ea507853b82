// The message draft: its shape, the store each event keeps it in, and how it reads as an audience.
import { createStore, type SetStoreFunction } from 'solid-js/store';
import { ApiFailure } from '../../api';
import { locale } from '../../i18n';
import type { Audience } from '../console-api';
import { ct } from '../text';
import { serverFieldErrors } from '../ui';

export type AudienceType = 'people' | 'speakers' | 'guests' | 'attendees' | 'ids' | 'faculty';
/** What the faculty audience is missing (worker/faculty/input.ts MISSING_ITEMS). */
export type MissingItem = Extract<Audience, { type: 'faculty' }>['missing'];
export const MISSING: MissingItem[] = ['confirmation', 'disclosure', 'bio_photo', 'consent', 'logistics'];
export type Lang = 'zh-CN' | 'en';
/** A registration chosen by search, with its status when it was chosen. */
export type Picked = { id: string; name: string; email: string; status: string };
export type Draft = {
  audience: AudienceType;
  status: NonNullable<Extract<Audience, { type: 'attendees' }>['status']>;
  checkedIn: '' | 'true' | 'false';
  missing: MissingItem;
  picked: Picked[];
  lang: Lang;
  subject: string;
  body: string;
  template: string;
  templateLang: Lang;
  /** The text a template last filled in: writing over anything else asks first. */
  filled: { subject: string; body: string };
};
export type SetDraft = SetStoreFunction<Draft>;

export const AUDIENCES: AudienceType[] = ['people', 'speakers', 'guests', 'faculty', 'attendees', 'ids'];
export const PLACEHOLDERS = [
  'name',
  'title',
  'institution',
  'event',
  'venue',
  'contact',
  'ticket_url',
  'portal_url',
  'sessions',
] as const;
export const LANGS: { value: Lang; label: string }[] = [
  { value: 'zh-CN', label: '中文' },
  { value: 'en', label: 'English' },
];

export const blank = (): Draft => ({
  audience: 'people',
  status: 'confirmed',
  checkedIn: '',
  missing: 'disclosure',
  picked: [],
  lang: locale(),
  subject: '',
  body: '',
  template: '',
  templateLang: locale(),
  filled: { subject: '', body: '' },
});

// A draft outlives the tab: moving to another section and back keeps what was written.
const drafts = new Map<string, [Draft, SetDraft]>();

/** The event's draft, made blank the first time the tab opens for it. */
export function draftFor(slug: string): [Draft, SetDraft] {
  let draft = drafts.get(slug);
  if (!draft) drafts.set(slug, (draft = createStore(blank())));
  return draft;
}

/** Something the organiser wrote, that no template or earlier message filled in. */
export const isDirty = (d: Draft) =>
  Boolean((d.subject.trim() || d.body.trim()) && (d.subject !== d.filled.subject || d.body !== d.filled.body));

export const recipientsText = (n: number) => (n === 1 ? ct('msg.recipientsOne') : ct('msg.recipients', { n }));
export const langName = (l: string) => LANGS.find((x) => x.value === l)?.label ?? l;

export function audienceOf(d: Draft): Audience | null {
  if (d.audience === 'ids') return d.picked.length ? { type: 'ids', ids: d.picked.map((p) => p.id) } : null;
  if (d.audience === 'attendees')
    return { type: 'attendees', status: d.status, ...(d.checkedIn ? { checkedIn: d.checkedIn === 'true' } : {}) };
  if (d.audience === 'faculty') return { type: 'faculty', missing: d.missing };
  return { type: d.audience };
}

export function audienceText(d: Draft): string {
  const base = ct(`msg.audience.${d.audience}`);
  if (d.audience === 'attendees') {
    const parts = [base, ct(`regStatus.${d.status}`)];
    if (d.checkedIn) parts.push(ct(d.checkedIn === 'true' ? 'msg.checkedInYes' : 'msg.checkedInNo'));
    return parts.join(' · ');
  }
  if (d.audience === 'faculty') return `${base} · ${ct(`msg.missing.${d.missing}`)}`;
  return base;
}

/** The audience of a sent message as compose fields; chosen registrations are not named in it, so those keep the current audience. */
export function audienceFields(a: unknown, d: Draft): Partial<Draft> {
  const x = a as { type?: string; status?: Draft['status']; checkedIn?: boolean };
  if (x.type === 'attendees')
    return {
      audience: 'attendees',
      status: x.status ?? 'confirmed',
      checkedIn: x.checkedIn === undefined ? '' : x.checkedIn ? 'true' : 'false',
    };
  if (x.type === 'people' || x.type === 'speakers' || x.type === 'guests') return { audience: x.type };
  const f = a as { type?: string; missing?: MissingItem };
  if (f.type === 'faculty' && f.missing) return { audience: 'faculty', missing: f.missing };
  return { audience: d.audience };
}

/** The server's field errors, with an unknown placeholder named in the reader's language. */
export function fieldErrors(e: unknown): Record<string, string> {
  const fields = serverFieldErrors(e);
  const list =
    e instanceof ApiFailure
      ? /Unknown placeholder ((?:\{\{\w+\}\}(?:, )?)+)/.exec(e.fields.body ?? '')?.[1]
      : undefined;
  return list ? { ...fields, body: ct('msg.unknownPlaceholder', { list }) } : fields;
}
