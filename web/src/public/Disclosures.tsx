// Each speaker's signed disclosure beside their talk on the public agenda: nothing to disclose, or the relationships.
import { For, Show } from 'solid-js';
import type { PublicEvent } from '../api';
import { locale, pick } from '../i18n';

type SessionPerson = PublicEvent['sessions'][number]['people'][number];

// Kept here rather than in the shared dictionary: only this block of the event page uses them.
const WORDS = {
  'zh-CN': {
    heading: '利益冲突声明',
    nothing: '无利益冲突',
    offLabel: '超说明书或研究性用途',
    ongoing: '持续中',
    ended: '已结束',
    consultant: '顾问',
    speakers_bureau: '讲者团成员',
    research_funding: '研究资助',
    stock: '股票或股权',
    employee: '雇员',
    other: '其他',
  },
  en: {
    heading: 'Disclosures',
    nothing: 'Nothing to disclose',
    offLabel: 'Off-label or investigational use',
    ongoing: 'ongoing',
    ended: 'ended',
    consultant: 'consultant',
    speakers_bureau: "speakers' bureau",
    research_funding: 'research funding',
    stock: 'stock or shares',
    employee: 'employee',
    other: 'other',
  },
} as const;

type Word = keyof (typeof WORDS)['en'];
const w = (key: string) => WORDS[locale()][key as Word] ?? key;

export function Disclosures(props: { people: SessionPerson[] }) {
  const signed = () => props.people.filter((p) => p.disclosure);
  return (
    <Show when={signed().length > 0}>
      <div class="disclosures">
        <p class="disclosures-heading">{w('heading')}</p>
        <ul>
          <For each={signed()}>
            {(p) => (
              <li>
                <span class="disclosure-name">{pick(p.name)}</span>
                {locale() === 'zh-CN' ? '：' : ': '}
                {p.disclosure!.nothing
                  ? w('nothing')
                  : p
                      .disclosure!.items.map(
                        (i) =>
                          `${i.company}${locale() === 'zh-CN' ? `（${w(i.relationship)}，${w(i.status)}）` : ` (${w(i.relationship)}, ${w(i.status)})`}`,
                      )
                      .join(locale() === 'zh-CN' ? '；' : '; ')}
                <Show when={p.disclosure!.offLabel}>
                  <span class="disclosure-offlabel">
                    {w('offLabel')}
                    {locale() === 'zh-CN' ? '：' : ': '}
                    {p.disclosure!.offLabel}
                  </span>
                </Show>
              </li>
            )}
          </For>
        </ul>
      </div>
    </Show>
  );
}
