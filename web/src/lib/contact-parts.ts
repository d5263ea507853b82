// An organiser's contact line cut into plain text and links: its email addresses and its phone numbers.
const LINKABLE = /([A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,})|(\+?\d[\d -]{5,}\d)/g;

/** A date, not a phone number. */
const DATE = /^\d{4}-\d{1,2}-\d{1,2}$/;

type Part = { text: string; href?: string };

/** The line cut into plain text and links: mailto: for an address, tel: (digits only) for a phone number. */
export function contactParts(text: string): Part[] {
  const parts: Part[] = [];
  let last = 0;
  for (const m of text.matchAll(LINKABLE)) {
    const at = m.index ?? 0;
    // A date (2026-01-22) is digits and hyphens too, and not a number to call.
    if (!m[1] && DATE.test(m[0])) continue;
    if (at > last) parts.push({ text: text.slice(last, at) });
    const href = m[1] ? `mailto:${m[1]}` : `tel:${m[0].replace(/[ -]/g, '')}`;
    parts.push({ text: m[0], href });
    last = at + m[0].length;
  }
  if (last < text.length) parts.push({ text: text.slice(last) });
  return parts;
}
