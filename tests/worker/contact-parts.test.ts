// The contact line on the event page and the ticket: addresses and phone numbers become links, the rest stays text.
import { describe, expect, it } from 'vitest';
import { contactParts } from '../../web/src/lib/contact-parts';

describe('the contact line', () => {
  it('links an email address and a phone number, and keeps the Chinese around them as it was written', () => {
    expect(contactParts('会务组 王老师 010-5670 1234，meeting@ludaopei.example')).toEqual([
      { text: '会务组 王老师 ' },
      { text: '010-5670 1234', href: 'tel:01056701234' },
      { text: '，' },
      { text: 'meeting@ludaopei.example', href: 'mailto:meeting@ludaopei.example' },
    ]);
    expect(contactParts('电话：+86 138 0013 8000')).toEqual([
      { text: '电话：' },
      { text: '+86 138 0013 8000', href: 'tel:+8613800138000' },
    ]);
  });

  it('leaves short numbers, a room or a date alone', () => {
    expect(contactParts('3 楼 302 室')).toEqual([{ text: '3 楼 302 室' }]);
    expect(contactParts('2026-01-22 前请致电 010-5670 1234')).toEqual([
      { text: '2026-01-22 前请致电 ' },
      { text: '010-5670 1234', href: 'tel:01056701234' },
    ]);
    expect(contactParts('')).toEqual([]);
  });
});
