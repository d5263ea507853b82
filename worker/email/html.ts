// Escaping for every user string that goes into HTML (pages and emails).
const map: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };
export const escapeHtml = (s: string) => s.replace(/[&<>"']/g, (c) => map[c]!);

/** A tagged template that escapes every interpolated value unless it is already Safe HTML. */
export class Safe {
  constructor(readonly html: string) {}
  toString() {
    return this.html;
  }
}
export function html(strings: TemplateStringsArray, ...values: unknown[]): Safe {
  let out = strings[0]!;
  values.forEach((v, i) => {
    const part = Array.isArray(v)
      ? v.map((x) => (x instanceof Safe ? x.html : escapeHtml(String(x)))).join('')
      : v instanceof Safe
        ? v.html
        : v === null || v === undefined || v === false
          ? ''
          : escapeHtml(String(v));
    out += part + strings[i + 1]!;
  });
  return new Safe(out);
}
