// What a reader sees in the console and the desk in each language: plural forms, one word per role, audit sentences, desk names.
import { describe, expect, it } from 'vitest';
import { auditDetail } from '../../web/src/console/audit-text';
import { consoleEn } from '../../web/src/console/i18n-en';
import { consoleZhCN } from '../../web/src/console/i18n-zh-CN';
import { SESSION_ROLE_CHOICES, offeredRole } from '../../web/src/console/session-roles';
import { badgesEn } from '../../web/src/badges/badges-en';
import { deskEn } from '../../web/src/i18n/desk-en';
import { en } from '../../web/src/i18n/en';
import { format } from '../../web/src/i18n/format';
import { zhCN } from '../../web/src/i18n/zh-CN';
import { pairEn } from '../../web/src/pair/pair-en';
import { publicEn } from '../../web/src/public/public-en';
import { signinEn } from '../../web/src/staff/signin-en';
import { ticketEn } from '../../web/src/ticket/ticket-en';
import { deskText } from '../../worker/attendees/csv-text';

const english: Record<string, string> = {
  ...en,
  ...publicEn,
  ...ticketEn,
  ...deskEn,
  ...signinEn,
  ...pairEn,
  ...badgesEn,
  ...consoleEn,
};

describe('English counts', () => {
  it('say "1 match" and "2 matches"', () => {
    expect(format(deskEn['search.count'], { n: 1 }, 'en')).toBe('1 match');
    expect(format(deskEn['search.count'], { n: 2 }, 'en')).toBe('2 matches');
    expect(format(publicEn.seatsLeft, { n: 1 }, 'en')).toBe('1 seat left');
    expect(format(consoleEn['regs.countFiltered'], { n: '1', from: 1, to: 1 }, 'en')).toBe(
      '1 registration matches; showing 1–1.',
    );
    expect(format(consoleEn['regs.csvDone'], { n: '1,000' }, 'en')).toBe('CSV saved: 1,000 rows.');
  });

  it('no English message shows a count of one with a plural noun, or hedges with "(s)"', () => {
    const wrong = Object.entries(english)
      .filter(([, message]) => {
        const ones = Object.fromEntries([...message.matchAll(/\{(\w+)/g)].map((m) => [m[1]!, 1]));
        const shown = format(message, ones, 'en');
        return (
          /\(s\)/.test(shown) ||
          /\b1 (matches|seats|scans|tickets|badges|rows|registrations|recipients|devices|items|warnings|check-ins|characters|people)\b/.test(
            shown,
          )
        );
      })
      .map(([key]) => key);
    expect(wrong).toEqual([]);
  });
});

describe('agenda roles', () => {
  it('the picker offers one word per role: no 主持 beside 主持人', () => {
    for (const dict of [zhCN, en] as Record<string, string>[]) {
      const labels = SESSION_ROLE_CHOICES.map((r) => dict[`role.${r}`]!);
      expect(new Set(labels).size).toBe(labels.length);
      for (const a of labels) for (const b of labels) if (a !== b) expect(b.includes(a)).toBe(false);
    }
    expect(zhCN['role.moderator']).toBe('主持人');
    // An assignment saved as "host" before shows, and saves, as moderator, with the same word.
    expect(offeredRole('host')).toBe('moderator');
    expect(zhCN['role.host']).toBe(zhCN['role.moderator']);
  });
});

describe('the audit log in words', () => {
  const names = new Map([
    ['ses_1', '开幕致辞'],
    ['per_1', '王明'],
    ['per_2', 'Ada Carter'],
  ]);
  const zh = (key: string, p?: Record<string, string | number>) =>
    format((consoleZhCN as Record<string, string>)[key]!, p ?? {}, 'zh-CN');
  const enTr = (key: string, p?: Record<string, string | number>) =>
    format((consoleEn as Record<string, string>)[key]!, p ?? {}, 'en');
  const zhRole = (r: string) => (zhCN as Record<string, string>)[`role.${r}`]!;
  const enRole = (r: string) => (en as Record<string, string>)[`role.${r}`]!;

  it('shows each action as a sentence in Chinese and English, never a code or JSON', () => {
    const people = {
      id: 'ses_1',
      people: [
        { personId: 'per_1', role: 'moderator' },
        { personId: 'per_2', role: 'speaker' },
      ],
    };
    expect(auditDetail('session.people', people, names, zh, zhRole)).toBe(
      '“开幕致辞”：王明（主持人）、Ada Carter（主讲）',
    );
    expect(auditDetail('session.people', people, names, enTr, enRole)).toBe(
      '“开幕致辞”: 王明 (Moderator), Ada Carter (Speaker)',
    );
    expect(auditDetail('pairing.use', { id: 'pair_9', device: '前台 iPad' }, names, zh, zhRole)).toBe(
      '设备：前台 iPad',
    );
    expect(auditDetail('message.send', { id: 'msg_1', recipients: 1, subject: '日程更新' }, names, enTr, enRole)).toBe(
      '“日程更新” to 1 recipient',
    );
    expect(auditDetail('message.send', { id: 'msg_1', recipients: 12, subject: '日程更新' }, names, zh, zhRole)).toBe(
      '“日程更新”，发给 12 人',
    );
    expect(auditDetail('registration.update', { id: 'reg_1', fields: ['email', 'jobTitle'] }, names, zh, zhRole)).toBe(
      '修改了电子邮箱、职务',
    );
    expect(auditDetail('event.update', { capacity: 300, titleEn: 'x' }, names, enTr, enRole)).toBe(
      'changed seats, English title',
    );
    expect(auditDetail('pairing.revoke', { id: 'pair_9', devices: 1 }, names, enTr, enRole)).toBe(
      '1 device signed out',
    );
    const unknown = auditDetail('badge.print', { personId: 'per_1', extra: { deep: true } }, names, zh, zhRole);
    expect(unknown).toBe('王明');
    expect(unknown).not.toMatch(/[{}"]|personId/);
  });

  it('every action the Worker records has a label in both languages', () => {
    const actions = [
      'event.create',
      'event.update',
      'session.create',
      'session.update',
      'session.delete',
      'session.reorder',
      'session.people',
      'person.create',
      'person.update',
      'person.delete',
      'person.photo',
      'material.upload',
      'material.link',
      'material.update',
      'material.delete',
      'registration.update',
      'registration.cancel',
      'registration.promote',
      'registration.reissue',
      'message.send',
      'pairing.create',
      'pairing.use',
      'pairing.revoke',
      'privacy.purge',
    ];
    for (const a of actions) {
      expect(consoleZhCN, a).toHaveProperty([`audit.${a}`]);
      expect(consoleEn, a).toHaveProperty([`audit.${a}`]);
    }
  });
});

describe('desk names', () => {
  it('a check-in stored as "Desk 1" reads as the picker says it, in each language', () => {
    expect(deskText('Desk 1', 'zh-CN')).toBe('1号签到台');
    expect(deskText('Desk 1', 'en')).toBe('Desk 1');
    expect(format(consoleZhCN.deskN, { n: 1 }, 'zh-CN')).toBe('1号签到台');
    expect(deskText('Side door', 'zh-CN')).toBe('Side door');
  });
});
