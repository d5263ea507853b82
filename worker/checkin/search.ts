// Desk search in D1: one bounded read of the event's range of registrations_event_created, which carries the search columns.
import { type SQL, sql } from 'drizzle-orm';
import { cancelledLast, type DeskQuery, foldCase, SEARCH_LIMIT, searchRank } from './search-rules';

/**
 * How many candidates the statement hands back at most: matches ranked by SQL's approximation of searchRank(), so
 * the ones searchRank() keeps come first and SEARCH_LIMIT of them are among these.
 */
export const SEARCH_CANDIDATES = 200;

/**
 * The search's expressions, exactly as registrations_event_created indexes them (migration 0018): SQLite reads an
 * indexed expression from the index only when the query spells it the same, and then the scan is covering.
 */
export const SEARCH_EXPRESSIONS = {
  name: 'lower(`name`)',
  affiliation: 'lower(`affiliation`)',
  /** char(29) phone digits char(28) email key char(31); nothing for the email of an erased registration. */
  contact:
    "char(29) || replace(replace(replace(replace(replace(replace(replace(`phone`, ' ', ''), '-', ''), '+', ''), '(', ''), ')', ''), char(9), ''), char(160), '') || char(28) || CASE WHEN `email` = '' OR substr(`email`, 1, 7) = 'erased+' THEN '' ELSE `email_key` END || char(31)",
};
const SEARCH_NAME = sql.raw(SEARCH_EXPRESSIONS.name);
const SEARCH_AFFILIATION = sql.raw(SEARCH_EXPRESSIONS.affiliation);
const SEARCH_CONTACT = sql.raw(SEARCH_EXPRESSIONS.contact);

const CJK_START = /^[\u3040-\u9fff\uac00-\ud7af\uf900-\ufaff\u{20000}-\u{2ffff}]/u;

/**
 * The candidates for a query. Every registration of the event is one entry of registrations_event_created, which
 * holds the three expressions above (migration 0018): the statement reads
 * that index range and no table row, then joins the at most SEARCH_CANDIDATES kept. Its rows read grow with the
 * event (10,000 index entries at 10,000 registrations); a term index would read ~20 but write ~12 rows per
 * registration, and D1 bills a row written like 1,000 rows read.
 */
export function searchStatement(eventId: string, query: DeskQuery): SQL {
  let match: SQL;
  let rank: SQL;
  let text = '';
  if (query.kind === 'email') {
    match = sql`instr(${SEARCH_CONTACT}, char(28) || ${query.email} || char(31)) > 0`;
    rank = sql`0`;
  } else {
    text = query.text;
    const contacts = [
      ...query.phones.map((p) => sql`instr(${SEARCH_CONTACT}, char(29) || ${p} || char(28)) > 0`),
      ...(query.phoneTail ? [sql`instr(${SEARCH_CONTACT}, ${query.phoneTail} || char(28)) > 0`] : []),
    ];
    const contact = contacts.length ? sql.join(contacts, sql` OR `) : sql`0`;
    // A CJK query starts a term wherever it occurs; a Latin one must start a word (searchRank has the last word).
    const part = (col: SQL) =>
      CJK_START.test(text)
        ? sql`instr(${col}, ${text}) > 0`
        : sql`(substr(${col}, 1, length(${text})) = ${text} OR instr(${col}, ' ' || ${text}) > 0)`;
    match = sql`(${contact} OR instr(${SEARCH_NAME}, ${text}) > 0 OR instr(${SEARCH_AFFILIATION}, ${text}) > 0)`;
    const [n, a] = [SEARCH_NAME, SEARCH_AFFILIATION];
    rank = sql`CASE WHEN ${contact} OR ${n} = ${text} THEN 0 WHEN substr(${n}, 1, length(${text})) = ${text} THEN 1
      WHEN ${part(n)} THEN 2 WHEN ${a} = ${text} THEN 3
      WHEN substr(${a}, 1, length(${text})) = ${text} THEN 4 WHEN ${part(a)} THEN 5 ELSE 6 END`;
  }
  return sql`
    SELECT r.id, r.name, r.affiliation, r.role, r.status, r.phone, r.email, r.checked_in_at AS scannedAt, h.rank = 0 AS exact
    FROM (SELECT id, ${rank} AS rank, ${SEARCH_NAME} AS sortName FROM registrations INDEXED BY registrations_event_created
      WHERE event_id = ${eventId} AND ${match} ORDER BY rank, sortName, id LIMIT ${SEARCH_CANDIDATES}) h
    JOIN registrations r ON r.id = h.id
    ORDER BY h.rank, h.sortName, h.id`;
}

/**
 * The people a desk sees, in order: a whole email or phone (or its last 4 digits) first, then searchRank()'s order
 * (the offline desk's own rule), then the name, a cancelled row after a live one; SEARCH_LIMIT of them.
 */
export function rankFound<R extends { name: string; affiliation: string; id: string; exact: number; status: string }>(
  rows: R[],
  query: DeskQuery,
): R[] {
  const ranked: { row: R; rank: number; key: string }[] = [];
  for (const row of rows) {
    // SQL's rank 0 is exact: a whole email or phone, its last 4 digits, or the whole name.
    const rank = row.exact ? 0 : query.kind === 'text' ? searchRank(row.name, row.affiliation, query.text) : null;
    if (rank !== null) ranked.push({ row, rank, key: foldCase(row.name) });
  }
  ranked.sort((a, b) => a.rank - b.rank || cmp(a.key, b.key) || cancelledLast(a.row, b.row) || cmp(a.row.id, b.row.id));
  return ranked.slice(0, SEARCH_LIMIT).map((r) => r.row);
}

const cmp = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
