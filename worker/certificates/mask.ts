// The holder's name as the public verification page shows it: enough to match a person, not to read it off.
const CJK = /[\u3400-\u9fff\uf900-\ufaff]/;

/** 张*林, 欧阳**明, 李*; "J*** S***" for names in Latin letters. */
export function maskName(name: string): string {
  const n = name.trim();
  if (!n) return '';
  if (CJK.test(n)) {
    const chars = [...n.replace(/\s+/g, '')];
    if (chars.length <= 2) return `${chars[0]}*`;
    return `${chars[0]}${'*'.repeat(chars.length - 2)}${chars.at(-1)}`;
  }
  return n
    .split(/\s+/)
    .map((w) => `${[...w][0]}***`)
    .join(' ');
}
