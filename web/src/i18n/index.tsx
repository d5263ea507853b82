// Chinese and English: the default follows the browser, the reader's choice is remembered.
import { createSignal, For } from 'solid-js';
import { en, type MessageKey } from './en';
import { zhCN } from './zh-CN';
import { format } from './format';

export type { MessageKey };
export type Locale = 'zh-CN' | 'en';
const dictionaries: Record<Locale, Record<MessageKey, string>> = { 'zh-CN': zhCN, en };
const STORAGE_KEY = 'colloquy.locale';

function initialLocale(): Locale {
  try {
    const saved = localStorage.getItem(STORAGE_KEY);
    if (saved === 'zh-CN' || saved === 'en') return saved;
  } catch {
    /* storage may be blocked */
  }
  const langs = typeof navigator === 'undefined' ? [] : (navigator.languages ?? [navigator.language]);
  return langs.some((l) => l.toLowerCase().startsWith('zh')) || langs.length === 0 ? 'zh-CN' : 'en';
}

const [locale, setLocaleSignal] = createSignal<Locale>(initialLocale());
export { locale };

export function setLocale(next: Locale) {
  setLocaleSignal(next);
  try {
    localStorage.setItem(STORAGE_KEY, next);
  } catch {
    /* not remembered, still switched */
  }
  document.documentElement.lang = next;
}
if (typeof document !== 'undefined') document.documentElement.lang = locale();

export function t(key: MessageKey, params: Record<string, string | number> = {}): string {
  return format(dictionaries[locale()][key], params, locale());
}

/**
 * A translator for one area's own dictionaries (console, desk…), so their strings ship only in that
 * area's lazy chunk instead of in every page's bundle.
 */
export function areaTranslator<K extends string>(enDict: Record<K, string>, zhDict: Record<K, string>) {
  return (key: K, params: Record<string, string | number> = {}) =>
    format((locale() === 'zh-CN' ? zhDict : enDict)[key], params, locale());
}

/**
 * The same, for a page whose own strings sit beside the global dictionary's shared words (loading, retry, role
 * names): a key of its own dictionary comes from there, any other from the global one.
 */
export function areaWithShared<K extends string>(enDict: Record<K, string>, zhDict: Record<K, string>) {
  const own = areaTranslator<K>(enDict, zhDict);
  return (key: K | MessageKey, params: Record<string, string | number> = {}): string =>
    key in enDict ? own(key as K, params) : t(key as MessageKey, params);
}

/** Picks the reader's language from an API { zh, en } pair, falling back to the other. */
export const pick = (text: { zh: string; en: string }) =>
  locale() === 'zh-CN' ? text.zh || text.en : text.en || text.zh;

export function LanguageSwitch() {
  const options: { value: Locale; label: string }[] = [
    { value: 'zh-CN', label: '中文' },
    { value: 'en', label: 'English' },
  ];
  return (
    <div class="lang" role="group" aria-label={`${t('language')} / Language`}>
      <For each={options}>
        {(o) => (
          <button type="button" lang={o.value} aria-pressed={locale() === o.value} onClick={() => setLocale(o.value)}>
            {o.label}
          </button>
        )}
      </For>
    </div>
  );
}
