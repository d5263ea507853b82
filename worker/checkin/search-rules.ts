// Desk search rules, shared by the server and the offline desk: what a query may match, how results rank, what is masked.
/** How many people a search shows; each index range reads at most this many candidates. */
export const SEARCH_LIMIT = 20;

const CJK = /[\u3040-\u9fff\uac00-\ud7af\uf900-\ufaff\u{20000}-\u{2ffff}]/u;
const PHONE_LIKE = /^[0-9\s\-+()]+$/;

/** SQLite's lower() folds ASCII only; the query and the offline desk fold the same way, so both sides agree. */
export const foldCase = (s: string) => s.replace(/[A-Z]/g, (ch) => ch.toLowerCase());

export type DeskQuery =
  | { kind: 'email'; email: string }
  | { kind: 'text'; text: string; phones: string[]; phoneTail: string | null };

/**
 * Normalises what the desk typed (full-width forms from Chinese input methods, spaces, ASCII case as SQLite's lower()
 * folds it) and says what it may match. Null when it is too short: 1 CJK character, or 2 other characters.
 */
export function parseDeskQuery(raw: string): DeskQuery | null {
  const q = raw.normalize('NFKC').trim().replace(/\s+/g, ' ');
  if (q.includes('@')) return q.length >= 3 ? { kind: 'email', email: q.toLowerCase() } : null;
  if ([...q].length < (CJK.test(q) ? 1 : 2)) return null;
  const text = foldCase(q);
  const digits = PHONE_LIKE.test(q) ? q.replace(/\D/g, '') : '';
  // A whole number, with or without China's +86; never a part of one, so a prefix cannot be extended digit by digit.
  const phones =
    digits.length >= 7
      ? [digits, digits.length === 13 && digits.startsWith('86') ? digits.slice(2) : `86${digits}`]
      : [];
  return { kind: 'text', text, phones, phoneTail: digits.length === 4 ? digits : null };
}

// Where a part of a name or an institution may start (the server's SQL approximates this; searchRank decides).
const SEPARATORS = ' -.,;:/()&·・_\'’"，、。；：（）【】\u3000';
const isSeparator = (ch: string) => SEPARATORS.includes(ch);

/** Where a term starts: a CJK character, or a letter or digit after a separator or a CJK character (or at the start). */
export function termStarts(field: string): number[] {
  const chars = [...field];
  const starts: number[] = [];
  let offset = 0;
  chars.forEach((ch, i) => {
    const prev = chars[i - 1];
    if (!isSeparator(ch) && (CJK.test(ch) || prev === undefined || isSeparator(prev) || CJK.test(prev)))
      starts.push(offset);
    offset += ch.length;
  });
  return starts;
}

const matchesPart = (field: string, text: string) => termStarts(field).some((i) => field.startsWith(text, i));

/**
 * Rank of a person for a text query, as the server orders them: 0 the whole name, 1 the name starts with it, 2 a part
 * of the name (a given name, a family name), 3, 4, 5 the institution exactly, starting with it, or a part of it.
 * Null when neither matches.
 */
export function searchRank(name: string, affiliation: string, text: string): number | null {
  const n = foldCase(name);
  const a = foldCase(affiliation);
  if (n === text) return 0;
  if (n.startsWith(text)) return 1;
  if (matchesPart(n, text)) return 2;
  if (a === text) return 3;
  if (a.startsWith(text)) return 4;
  if (matchesPart(a, text)) return 5;
  return null;
}

/** What the desk shows of contact details: enough to tell two people apart, never enough to contact them. */
export function maskPhone(phone: string): string {
  const digits = phone.replace(/\D/g, '');
  // A no-break space: the dots and the digits stay on one line in a narrow result list.
  return digits.length <= 4 ? (digits ? '••••' : '') : `••••\u00a0${digits.slice(-4)}`;
}

export function maskEmail(email: string): string {
  const at = email.lastIndexOf('@');
  if (at < 1) return email ? '••••' : '';
  return `${email.slice(0, Math.min(2, at - 1))}••••${email.slice(at)}`;
}

/**
 * Someone who cancelled and registered again has two rows of one name: the one that admits comes first, the cancelled
 * one under it (the offline desk orders its saved list the same way).
 */
export const cancelledLast = (a: { status: string }, b: { status: string }) =>
  Number(a.status === 'cancelled') - Number(b.status === 'cancelled');

/**
 * The offline desk's search of its saved list (names and institutions only): searchRank()'s order, ties by the folded
 * name, code unit by code unit, then a cancelled row last, as the server orders them; SEARCH_LIMIT of them.
 */
export function rankSaved<T extends { name: string; affiliation: string; status: string }>(tickets: T[], text: string) {
  const ranked: { t: T; rank: number; key: string }[] = [];
  for (const t of tickets) {
    const rank = searchRank(t.name, t.affiliation, text);
    if (rank !== null) ranked.push({ t, rank, key: foldCase(t.name) });
  }
  return ranked
    .sort((a, b) => a.rank - b.rank || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0) || cancelledLast(a.t, b.t))
    .slice(0, SEARCH_LIMIT)
    .map(({ t }) => t);
}
