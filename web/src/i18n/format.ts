// Fills a message's placeholders, with English plural forms: "1 match", "2 matches".
const PLURAL = /\{(\w+), plural, one \{([^}]*)\} other \{([^}]*)\}\}/g;
const pluralRules = new Map<string, Intl.PluralRules>();

/**
 * `{name}` takes the value; `{n, plural, one {# seat} other {# seats}}` picks the form for the number (English needs
 * it, Chinese has one form), with # as the value as given (it may be a formatted "1,000").
 */
export function format(message: string, params: Record<string, string | number>, lang: string): string {
  let rules = pluralRules.get(lang);
  if (!rules) pluralRules.set(lang, (rules = new Intl.PluralRules(lang)));
  const plural = message.replace(PLURAL, (_, k: string, one: string, other: string) => {
    const value = params[k] ?? '';
    const n = typeof value === 'number' ? value : Number(String(value).replace(/[^\d.-]/g, ''));
    return (rules.select(n) === 'one' ? one : other).replaceAll('#', String(value));
  });
  return plural.replace(/\{(\w+)\}/g, (_, k: string) => String(params[k] ?? ''));
}
