// The evaluation's plain rules: targets from the agenda, the window's edges, the pass mark, tallies, speaker reports.
import { describe, expect, it } from 'vitest';
import type { Assessment } from '../../worker/evaluation/input';
import {
  averagesOf,
  checkAnswer,
  scoreAttempt,
  speakerReport,
  tallies,
  targetsOf,
  windowOf,
} from '../../worker/evaluation/rules';

const H = 3_600_000;
const DAY = 24 * H;
const agenda = [
  { id: 'panel', kind: 'panel', titleZh: '圆桌', titleEn: 'Panel', startsAt: 2 * H },
  { id: 'talk', kind: 'talk', titleZh: '报告', titleEn: 'Talk', startsAt: H },
  { id: 'break', kind: 'break', titleZh: '茶歇', titleEn: 'Break', startsAt: 3 * H },
];
const teachers = [
  { sessionId: 'panel', personId: 'zhang', role: 'panelist', nameZh: '张', nameEn: 'Zhang' },
  { sessionId: 'panel', personId: 'jin', role: 'moderator', nameZh: '金', nameEn: 'Jin' },
  { sessionId: 'talk', personId: 'jin', role: 'speaker', nameZh: '金', nameEn: 'Jin' },
  { sessionId: 'talk', personId: 'host', role: 'host', nameZh: '主持', nameEn: 'Host' },
];
const targets = targetsOf(agenda, teachers, { titleZh: '会', titleEn: 'Meeting' });

describe('targets', () => {
  it('are the items with speakers in agenda order, their people once per item (moderator first), then the event', () => {
    expect(targets.map((t) => t.key)).toEqual([
      'item:talk',
      'person:jin@talk',
      'item:panel',
      'person:jin@panel',
      'person:zhang@panel',
      'event',
    ]);
    expect(targets.find((t) => t.key === 'event')!.aspects).toEqual(['overall', 'comment']);
  });

  it('take 1–5 ratings on their own aspects only', () => {
    expect(checkAnswer(targets, { target: 'item:talk', aspect: 'content', value: 5 })).toMatchObject({ score: 5 });
    expect(() => checkAnswer(targets, { target: 'person:host@talk', aspect: 'content', value: 3 })).toThrow(
      'There is no such item or person to rate in this evaluation.',
    );
    expect(() => checkAnswer(targets, { target: 'event', aspect: 'content', value: 3 })).toThrow(
      'This cannot be rated on that aspect.',
    );
    for (const value of [0, 6, 2.5, '4'])
      expect(() => checkAnswer(targets, { target: 'event', aspect: 'overall', value })).toThrow();
  });
});

describe('the window', () => {
  const form = { opensOn: 'sign_out' as const, closesAfterDays: 7 };
  const end = 100 * DAY;
  it('opens at the sign-out, or at the end without one, and closes N days after the end (inclusive)', () => {
    expect(windowOf(form, end, end - 5 * H, end - 5 * H).state).toBe('open');
    expect(windowOf(form, end, end - 5 * H, end - 5 * H - 1).state).toBe('not_yet');
    expect(windowOf(form, end, null, end - 1).state).toBe('not_yet');
    expect(windowOf(form, end, null, end).state).toBe('open');
    expect(windowOf(form, end, null, end + 7 * DAY).state).toBe('open');
    expect(windowOf(form, end, null, end + 7 * DAY + 1).state).toBe('closed');
    // Opening on the event's end ignores sign-outs.
    expect(windowOf({ ...form, opensOn: 'event_end' }, end, end - 5 * H, end - H).state).toBe('not_yet');
  });
});

describe('the pass mark', () => {
  const a: Assessment = {
    passPercent: 60,
    maxTries: 1,
    questions: ['a', 'b', 'c', 'd', 'e'].map((id) => ({
      id,
      kind: 'multiple' as const,
      promptZh: id,
      promptEn: id,
      options: [
        { zh: '1', en: '1' },
        { zh: '2', en: '2' },
      ],
      correct: [0, 1],
    })),
  };
  it('passes at exactly the mark, fails one below, and counts a partly right multiple choice as missed', () => {
    const three = { a: [0, 1], b: [1, 0], c: [0, 1], d: [0], e: [] };
    expect(scoreAttempt(a, three)).toEqual({ scorePercent: 60, passed: true, missed: ['d', 'e'] });
    const two = { a: [0, 1], b: [0, 1], d: [1] };
    expect(scoreAttempt(a, two)).toEqual({ scorePercent: 40, passed: false, missed: ['c', 'd', 'e'] });
  });
});

describe('speaker reports', () => {
  const t = tallies([
    { target: 'person:jin@talk', aspect: 'content', s1: 0, s2: 0, s3: 1, s4: 1, s5: 0 },
    { target: 'person:jin@panel', aspect: 'content', s1: 0, s2: 0, s3: 0, s4: 0, s5: 2 },
  ]);
  const comments = [{ target: 'person:jin@talk', text: '很好' }];
  it('average over their items, and show comments only from three respondents', () => {
    const two = speakerReport('jin', targets, t, 2, comments);
    expect(two.commentsShown).toBe(false);
    expect(two.items.map((i) => i.comments)).toEqual([null, null]);
    const three = speakerReport('jin', targets, t, 3, comments);
    expect(three.items.map((i) => i.comments)).toEqual([['很好'], []]);
    expect(three.items[0]!.aspects.content).toEqual({ avg: 3.5, n: 2, dist: [0, 0, 1, 1, 0] });
    expect(averagesOf(three).content).toBe(4.25);
    expect(JSON.stringify(three)).not.toContain('zhang');
  });
});
