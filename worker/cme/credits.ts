// The credit math as plain functions: presence per accredited item, eligibility with reasons, attendee and lecturer credits.
import type { Interval } from '../attendance/ledger';
import type { CmeSettings } from './settings';

export type Item = { id: string; titleZh: string; titleEn: string; startsAt: number; endsAt: number };

export type Reason =
  | { code: 'not_signed_in' }
  | { code: 'no_sign_out'; itemId: string | null }
  | { code: 'sign_out_without_sign_in'; itemId: string | null }
  | { code: 'arrived_late'; itemId: string; minutes: number }
  | { code: 'left_early'; itemId: string; minutes: number }
  | { code: 'away'; itemId: string; minutes: number }
  /** Signed in somewhere, but not present at this item at all. */
  | { code: 'absent'; itemId: string; minutes: number }
  | { code: 'present'; minutes: number; of: number; percent: number }
  | { code: 'assessment_not_passed' }
  | { code: 'assessment_not_taken' };

export type Evaluation = {
  items: { id: string; minutes: number; of: number }[];
  minutes: number;
  of: number;
  /** Minutes needed for eligibility. */
  needed: number;
  eligible: boolean;
  reasons: Reason[];
  credits: number;
};

const MIN = 60_000;

/** Rounds down to whole or half credits (never up: a CME office audits). */
export function roundCredits(value: number, rounding: CmeSettings['rounding']): number {
  // The epsilon keeps 1.5 from reading as 1.4999999 after a division.
  const eps = 1e-9;
  return rounding === 'half' ? Math.floor(value * 2 + eps) / 2 : Math.floor(value + eps);
}

/** Credits for a person present at an accredited total of `accreditedMinutes`, when eligible. */
export function attendeeCredits(s: Pick<CmeSettings, 'attendee' | 'cap' | 'rounding'>, accreditedMinutes: number) {
  const raw = s.attendee.mode === 'fixed' ? s.attendee.credits : accreditedMinutes / 60 / s.attendee.hoursPerCredit;
  return Math.min(roundCredits(raw, s.rounding), s.cap);
}

/**
 * What one person gets from the project in all: the cap is per project and person (../shared/cme/README.md), so a
 * lecturer who also attends never gets more than the cap from the two together. Lecturer credits come first (what
 * the teaching certificate states); attendee credits take what the cap leaves.
 */
export function projectCredits(
  cap: number,
  attendee: number,
  lecturer: number,
): { attendee: number; lecturer: number } {
  const taught = Math.min(Math.max(0, lecturer), cap);
  return { lecturer: taught, attendee: Math.min(Math.max(0, attendee), cap - taught) };
}

type Span = [number, number];

/** Sorted, merged spans: overlapping items or intervals are counted once. */
export function union(spans: readonly Span[]): Span[] {
  const sorted = spans.filter(([a, b]) => b > a).sort((x, y) => x[0] - y[0]);
  const out: Span[] = [];
  for (const [a, b] of sorted) {
    const last = out.at(-1);
    if (last && a <= last[1]) last[1] = Math.max(last[1], b);
    else out.push([a, b]);
  }
  return out;
}

const length = (spans: readonly Span[]) => spans.reduce((n, [a, b]) => n + (b - a), 0);

/** Lecturer credits for the items a person taught (accredited ones only; overlapping items count once). */
export function lecturerCredits(
  s: Pick<CmeSettings, 'lecturerCreditsPerHour' | 'cap' | 'rounding'>,
  taught: readonly Pick<Item, 'startsAt' | 'endsAt'>[],
): { minutes: number; credits: number } {
  const minutes = Math.floor(length(union(taught.map((i) => [i.startsAt, i.endsAt]))) / MIN);
  return { minutes, credits: Math.min(roundCredits((minutes / 60) * s.lecturerCreditsPerHour, s.rounding), s.cap) };
}

/**
 * Whether one person's ledger earns the credit. `byPoint` holds the intervals at each point: '' for the whole
 * event (counts for every item) and each item's id. Presence is measured in ms and compared exactly, so
 * exactly 90 % passes a 90 % rule.
 */
export function evaluate(
  s: Pick<
    CmeSettings,
    'minPresencePercent' | 'requireSignOut' | 'countAutomaticSignOut' | 'attendee' | 'cap' | 'rounding'
  >,
  items: readonly Item[],
  byPoint: ReadonlyMap<string, readonly Interval[]>,
): Evaluation {
  const reasons: Reason[] = [];
  const all = [...byPoint.values()].flat();
  const usable = (i: Interval): Span | null => {
    if (!i.in) return null;
    if (!i.out) return s.requireSignOut ? null : [i.in.at, Number.POSITIVE_INFINITY];
    if (i.out.source === 'auto' && s.requireSignOut && !s.countAutomaticSignOut) return null;
    return [i.in.at, i.out.at];
  };
  const flag = (point: string, list: readonly Interval[]) => {
    const itemId = point || null;
    if (list.some((i) => !i.in)) reasons.push({ code: 'sign_out_without_sign_in', itemId });
    const unclosed = list.some((i) => i.in && (!i.out || (i.out.source === 'auto' && !s.countAutomaticSignOut)));
    if (unclosed && s.requireSignOut) reasons.push({ code: 'no_sign_out', itemId });
  };
  for (const [point, list] of byPoint) flag(point, list);

  const whole = (byPoint.get('') ?? []).map(usable).filter((x): x is Span => !!x);
  let presentMs = 0;
  let totalMs = 0;
  const perItem = items.map((item) => {
    const own = (byPoint.get(item.id) ?? []).map(usable).filter((x): x is Span => !!x);
    const clipped = union([...whole, ...own].map(([a, b]) => [Math.max(a, item.startsAt), Math.min(b, item.endsAt)]));
    const ms = length(clipped);
    const of = item.endsAt - item.startsAt;
    presentMs += ms;
    totalMs += of;
    // Someone present at some item but never at this one: say so, or leaving early would read as the whole story.
    if (!clipped.length) reasons.push({ code: 'absent', itemId: item.id, minutes: Math.floor(of / MIN) });
    if (clipped.length && ms < of) {
      const late = clipped[0]![0] - item.startsAt;
      const early = item.endsAt - clipped.at(-1)![1];
      const away = of - ms - late - early;
      if (late >= MIN) reasons.push({ code: 'arrived_late', itemId: item.id, minutes: Math.floor(late / MIN) });
      if (early >= MIN) reasons.push({ code: 'left_early', itemId: item.id, minutes: Math.floor(early / MIN) });
      if (away >= MIN) reasons.push({ code: 'away', itemId: item.id, minutes: Math.floor(away / MIN) });
    }
    return { id: item.id, minutes: Math.floor(ms / MIN), of: Math.floor(of / MIN) };
  });
  if (!all.length) reasons.unshift({ code: 'not_signed_in' });
  const eligible = totalMs > 0 && presentMs * 100 >= s.minPresencePercent * totalMs;
  const of = Math.floor(totalMs / MIN);
  const minutes = Math.floor(presentMs / MIN);
  reasons.push({
    code: 'present',
    minutes,
    of,
    percent: totalMs ? Math.floor((presentMs * 100) / totalMs) : 0,
  });
  return {
    items: perItem,
    minutes,
    of,
    needed: Math.ceil((s.minPresencePercent * totalMs) / 100 / MIN),
    eligible,
    // An eligible person needs only the summary; the flags would read as faults. Someone present nowhere that counts
    // is told why once ("not signed in", "no sign-out"), not once per item missed.
    reasons: reasons.filter((r) => (eligible ? r.code === 'present' : presentMs > 0 || r.code !== 'absent')),
    credits: eligible ? attendeeCredits(s, of) : 0,
  };
}
