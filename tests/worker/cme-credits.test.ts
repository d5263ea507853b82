// The credit math and the ledger pairing as plain functions: presence, the 90 % boundary, the cap, lecturers, rounding.
import { describe, expect, it } from 'vitest';
import { type Interval, type LedgerScan, pairScans, scanOutcome } from '../../worker/attendance/ledger';
import { attendanceReport } from '../../worker/attendance/report';
import { attendeeCredits, evaluate, lecturerCredits, projectCredits, roundCredits } from '../../worker/cme/credits';
import { reasonsText } from '../../worker/cme/reasons';
import { cmeInput } from '../../worker/cme/input';
import { CME_PRESETS } from '../../worker/cme/settings';

const T0 = Date.UTC(2026, 11, 12, 1, 0); // 09:00 in Shanghai
const min = (m: number) => T0 + m * 60_000;
let n = 0;
const scan = (direction: 'in' | 'out', m: number, extra: Partial<LedgerScan> = {}): LedgerScan => ({
  clientId: `c${++n}`,
  direction,
  at: min(m),
  deskId: 'Desk 1',
  deviceId: 'dev-1',
  source: 'scan',
  ...extra,
});
const intervals = (...scans: LedgerScan[]): Interval[] => pairScans(scans).intervals;

const national = { ...CME_PRESETS.national };
const provincial = { ...CME_PRESETS.provincial };
const talk = { id: 'talk', titleZh: '主旨报告', titleEn: 'Keynote', startsAt: min(0), endsAt: min(100) };
const panel = { id: 'panel', titleZh: '专题讨论', titleEn: 'Panel', startsAt: min(120), endsAt: min(220) };
const titles = new Map([talk, panel].map((i) => [i.id, i]));

describe('pairing scans into intervals', () => {
  it('in, out, in, out gives two intervals, whatever order the scans arrive in', () => {
    const s = [scan('in', 0), scan('out', 30), scan('in', 40), scan('out', 90)];
    const forward = pairScans(s).intervals.map((i) => [i.in?.at, i.out?.at]);
    const shuffled = pairScans([s[3]!, s[1]!, s[0]!, s[2]!]).intervals.map((i) => [i.in?.at, i.out?.at]);
    expect(forward).toEqual([
      [min(0), min(30)],
      [min(40), min(90)],
    ]);
    expect(shuffled).toEqual(forward);
  });

  it('a second sign-in while inside is a repeat: the earliest wins', () => {
    const first = scan('in', 5);
    const again = scan('in', 6, { deskId: 'Desk 2' });
    const out = scanOutcome([again, first], again.clientId, min(10));
    expect(out.result).toBe('already_signed_in');
    expect(out.shown).toMatchObject({ deskId: 'Desk 1', at: min(5) });
    expect(out.minutesInside).toBe(5);
  });

  it('a sign-out with no sign-in is recorded and flagged, and a second sign-out says already signed out', () => {
    const orphan = scan('out', 50);
    expect(scanOutcome([orphan], orphan.clientId, min(50)).result).toBe('not_signed_in');
    const a = scan('in', 0);
    const b = scan('out', 40, { deskId: 'Desk 3' });
    const c = scan('out', 45);
    const out = scanOutcome([a, b, c], c.clientId, min(45));
    expect(out).toMatchObject({ result: 'already_signed_out', shown: { deskId: 'Desk 3', at: min(40) } });
  });

  it('re-entering after signing out opens a new interval and counts the time inside so far', () => {
    const s = [scan('in', 0), scan('out', 30)];
    const back = scan('in', 50);
    const out = scanOutcome([...s, back], back.clientId, min(70));
    expect(out).toMatchObject({ result: 'signed_in', again: true, minutesInside: 50, signedIn: true });
    const leave = scan('out', 80);
    expect(scanOutcome([...s, back, leave], leave.clientId, min(80))).toMatchObject({
      result: 'signed_out',
      intervalMinutes: 30,
      minutesInside: 60,
    });
  });
});

describe('eligibility at the minimum presence', () => {
  it('exactly 90 % of the accredited minutes passes; one minute less fails and says left 11 minutes early', () => {
    const exact = evaluate(national, [talk], new Map([['talk', intervals(scan('in', 0), scan('out', 90))]]));
    expect(exact).toMatchObject({ eligible: true, minutes: 90, of: 100, needed: 90 });
    const short = evaluate(national, [talk], new Map([['talk', intervals(scan('in', 0), scan('out', 89))]]));
    expect(short.eligible).toBe(false);
    expect(short.credits).toBe(0);
    expect(reasonsText(short.reasons, 'en', titles)).toBe(
      'left “Keynote” 11 minutes early; present 89 of 100 minutes (89 %)',
    );
    expect(reasonsText(short.reasons, 'zh-CN', titles)).toBe('《主旨报告》提前 11 分钟离开；在场 89/100 分钟（89%）');
  });

  it('with no sign-out the open interval does not count, and the reason says so', () => {
    const e = evaluate(national, [talk], new Map([['talk', intervals(scan('in', 0))]]));
    expect(e.eligible).toBe(false);
    expect(reasonsText(e.reasons, 'zh-CN', titles)).toContain('《主旨报告》未签退');
  });

  it('an automatic sign-out counts only when the organiser says so', () => {
    const auto = intervals(scan('in', 0), scan('out', 100, { source: 'auto' }));
    expect(evaluate(national, [talk], new Map([['talk', auto]])).eligible).toBe(false);
    expect(evaluate({ ...national, countAutomaticSignOut: true }, [talk], new Map([['talk', auto]])).eligible).toBe(
      true,
    );
  });

  it('whole-event sign-in and sign-out count for every item; the break between does not', () => {
    const e = evaluate(national, [talk, panel], new Map([['', intervals(scan('in', -10), scan('out', 230))]]));
    expect(e).toMatchObject({ eligible: true, minutes: 200, of: 200 });
    expect(e.items).toEqual([
      { id: 'talk', minutes: 100, of: 100 },
      { id: 'panel', minutes: 100, of: 100 },
    ]);
  });

  it('arriving late and leaving early at different items add up, each named', () => {
    const e = evaluate(
      provincial,
      [talk, panel],
      new Map([
        ['talk', intervals(scan('in', 15), scan('out', 100))],
        ['panel', intervals(scan('in', 120), scan('out', 180))],
      ]),
    );
    expect(e.eligible).toBe(false);
    expect(reasonsText(e.reasons, 'en', titles)).toBe(
      'arrived 15 minutes late at “Keynote”; left “Panel” 40 minutes early; present 145 of 200 minutes (72 %)',
    );
  });

  it('leaving for good names every item missed, not only the one left early', () => {
    const keynote2 = { id: 'qa', titleZh: '答疑', titleEn: 'Questions', startsAt: min(230), endsAt: min(250) };
    const all = new Map([...titles, ['qa', keynote2]]);
    const e = evaluate(national, [talk, panel, keynote2], new Map([['', intervals(scan('in', -5), scan('out', 150))]]));
    expect(e.eligible).toBe(false);
    expect(reasonsText(e.reasons, 'en', all)).toBe(
      'left “Panel” 70 minutes early; absent from “Questions” (20 minutes); present 130 of 220 minutes (59 %)',
    );
    expect(reasonsText(e.reasons, 'zh-CN', all)).toBe(
      '《专题讨论》提前 70 分钟离开；《答疑》未在场（20 分钟）；在场 130/220 分钟（59%）',
    );
  });

  it('with no counted minute at all, the reason names the cause once, not every item missed', () => {
    const e = evaluate(national, [talk, panel], new Map([['', intervals(scan('in', -5))]]));
    expect(reasonsText(e.reasons, 'en', titles)).toBe('no sign-out at the event; present 0 of 200 minutes (0 %)');
  });

  it('nobody scanned at all reads "not signed in"', () => {
    expect(reasonsText(evaluate(national, [talk], new Map()).reasons, 'zh-CN', titles)).toMatch(/^未签到/);
  });
});

describe('credits', () => {
  it('national: 1 per 3 hours, rounded down to half credits; provincial: 1 per 6 hours', () => {
    expect(attendeeCredits(national, 6 * 60)).toBe(2);
    expect(attendeeCredits(national, 5 * 60)).toBe(1.5); // 1.67
    expect(attendeeCredits({ ...national, rounding: 'whole' }, 5 * 60)).toBe(1);
    expect(attendeeCredits(provincial, 9 * 60)).toBe(1.5);
    expect(attendeeCredits(provincial, 5 * 60)).toBe(0.5); // 0.83
  });

  it('the cap holds for attendees and lecturers, and a fixed rule gives its number', () => {
    expect(attendeeCredits(national, 100 * 60)).toBe(25);
    expect(attendeeCredits({ ...national, cap: 10 }, 100 * 60)).toBe(10);
    expect(attendeeCredits({ ...national, attendee: { mode: 'fixed', credits: 4 } }, 30)).toBe(4);
    expect(lecturerCredits(national, [{ startsAt: min(0), endsAt: min(20 * 60) }]).credits).toBe(25);
  });

  it('lecturer credits add up several items, counting overlapping items once', () => {
    const items = [
      { startsAt: min(0), endsAt: min(45) },
      { startsAt: min(120), endsAt: min(180) },
      { startsAt: min(150), endsAt: min(200) }, // overlaps the one before: 80 minutes in all for both
    ];
    expect(lecturerCredits(national, items)).toEqual({ minutes: 125, credits: 4 }); // 2/h × 2.08 h = 4.17
    expect(lecturerCredits(provincial, items)).toEqual({ minutes: 125, credits: 2 });
    expect(lecturerCredits({ ...provincial, lecturerCreditsPerHour: 0.5 }, items)).toEqual({
      minutes: 125,
      credits: 1,
    });
  });

  it('rounding never rounds up, and 1.5 after a division stays 1.5', () => {
    expect(roundCredits(1.4999, 'half')).toBe(1);
    expect(roundCredits(4.5 / 3, 'half')).toBe(1.5);
    expect(roundCredits(0.99, 'whole')).toBe(0);
  });

  it('an eligible national attendee of 200 accredited minutes gets 1 credit', () => {
    const e = evaluate(national, [talk, panel], new Map([['', intervals(scan('in', 0), scan('out', 220))]]));
    expect(e.credits).toBe(1); // 3.33 h / 3 = 1.11
  });
});

describe('the cap is per person, not per kind of credit', () => {
  it('attendee and lecturer credits together never pass the cap; lecturer credits come first', () => {
    expect(projectCredits(25, 4, 21)).toEqual({ attendee: 4, lecturer: 21 }); // exactly 25: untouched
    expect(projectCredits(25, 4, 21.5)).toEqual({ attendee: 3.5, lecturer: 21.5 });
    expect(projectCredits(25, 4, 30)).toEqual({ attendee: 0, lecturer: 25 });
    expect(projectCredits(25, 30, 0)).toEqual({ attendee: 25, lecturer: 0 });
    expect(projectCredits(10, 0, 0)).toEqual({ attendee: 0, lecturer: 0 });
  });

  // The organiser's attendance list: a lecturer who also attends every accredited minute, at 2 credits per hour
  // taught, with a fixed 4 attendee credits; the cap is 25.
  const lecture = (minutes: number) => ({
    id: 'lecture',
    kind: 'talk',
    titleZh: '主旨报告',
    titleEn: 'Keynote',
    startsAt: min(0),
    endsAt: min(minutes),
  });
  const settings = {
    ...national,
    projectName: 'p',
    projectNumber: '',
    accreditedSessionIds: ['lecture'],
    attendee: { mode: 'fixed' as const, credits: 4 },
  };
  const reg = (id: string, personId: string | null) => ({
    id,
    name: id,
    affiliation: '',
    jobTitle: '',
    role: personId ? 'speaker' : 'attendee',
    personId,
    overrideEligible: null,
    overrideReason: null,
    answers: null,
  });
  const present = (registrationId: string, minutes: number) =>
    (['in', 'out'] as const).map((direction, i) => ({
      registrationId,
      point: '',
      direction,
      scannedAt: min(i ? minutes : 0),
      deskId: 'Desk 1',
      deviceId: 'dev-1',
      clientId: `${registrationId}-${direction}`,
      source: 'scan' as const,
    }));
  const report = (minutes: number) =>
    attendanceReport(
      settings,
      [lecture(minutes)],
      [reg('lecturer', 'per_1'), reg('attendee', null)],
      [...present('lecturer', minutes), ...present('attendee', minutes)],
      [{ sessionId: 'lecture', personId: 'per_1', role: 'speaker', nameZh: '金京玉', nameEn: 'Jin Jingyu' }],
      'zh-CN',
    ).map((p) => [p.id, p.credits, p.lecturerCredits]);

  it.each([
    [630, 21, 4], // 10.5 h taught: 21 + 4 = 25, the cap exactly
    [645, 21.5, 3.5], // 21.5 + 3.5 = 25
    [660, 22, 3],
    [780, 25, 0], // 26 lecturer credits capped at 25 leave nothing for attending
  ])(
    'teaching %i minutes and attending them all gives %d lecturer and %d attendee credits',
    (m, lecturer, attendee) => {
      expect(report(m)).toEqual([
        ['lecturer', attendee, lecturer],
        ['attendee', 4, 0],
      ]);
    },
  );
});

describe('the settings', () => {
  it('may require the assessment, and fill defaults', () => {
    const base = {
      projectName: 'x',
      level: 'national',
      creditClass: 'I',
      attendee: { mode: 'per_hours', hoursPerCredit: 3 },
      lecturerCreditsPerHour: 2,
    };
    // The assessment (考核) can be required since the evaluation (worker/evaluation): off unless chosen.
    expect(cmeInput.parse({ ...base, assessmentRequired: true }).assessmentRequired).toBe(true);
    expect(cmeInput.safeParse({ ...base, assessmentRequired: 'yes' }).success).toBe(false);
    expect(cmeInput.parse(base)).toMatchObject({
      cap: 25,
      minPresencePercent: 90,
      rounding: 'half',
      requireSignOut: true,
    });
  });
});
