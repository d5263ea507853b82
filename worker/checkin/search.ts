// Desk search in D1: the one bounded statement that finds a query's people in the registration_search index.
import { type SQL, sql } from 'drizzle-orm';
import { type DeskQuery, SEARCH_LIMIT, TERM_CHARS } from './search-rules';

const upTo = (s: string) => `${s}\u{10FFFF}`;

/**
 * The candidates: each branch one index range capped at SEARCH_LIMIT, so a search reads a bounded number of rows
 * whatever the event's size. The device's rate limit is checked before the statement runs (in memory: see rate-limit.ts), so a search is one pure read.
 */
export function searchStatement(eventId: string, query: DeskQuery): SQL {
  const branches: SQL[] = [];
  const termRange = (kind: 'n' | 'a', text: string, weight: number) => {
    const lo = [...text].slice(0, TERM_CHARS).join('');
    branches.push(sql`SELECT id, ${weight} AS w FROM (SELECT DISTINCT registration_id AS id FROM registration_search
      WHERE event_id = ${eventId} AND kind = ${kind} AND term >= ${lo} AND term < ${upTo(lo)} LIMIT ${SEARCH_LIMIT})`);
  };
  const exact = (kinds: ('e' | 'p' | 't')[], terms: string[]) => {
    branches.push(sql`SELECT id, 0 AS w FROM (SELECT DISTINCT registration_id AS id FROM registration_search
      WHERE event_id = ${eventId} AND kind IN (${sql.join(
        kinds.map((k) => sql`${k}`),
        sql`, `,
      )}) AND term IN (${sql.join(
        terms.map((t) => sql`${t}`),
        sql`, `,
      )})
      LIMIT ${SEARCH_LIMIT})`);
  };
  let text = '';
  if (query.kind === 'email') exact(['e'], [query.email]);
  else {
    text = query.text;
    branches.push(sql`SELECT id, 1 AS w FROM (SELECT id FROM registrations
      WHERE event_id = ${eventId} AND lower(name) >= ${text} AND lower(name) < ${upTo(text)} LIMIT ${SEARCH_LIMIT})`);
    termRange('n', text, 2);
    termRange('a', text, 3);
    if (query.phones.length) exact(['p'], query.phones);
    if (query.phoneTail) exact(['t'], [query.phoneTail]);
  }
  // Terms are cut at 16 characters: a longer query is checked against the whole name or institution here.
  return sql`
    SELECT r.id, r.name, r.affiliation, r.role, r.status, r.phone, r.email, c.scanned_at AS scannedAt,
      CASE WHEN min(h.w) = 0 OR lower(r.name) = ${text} THEN 0 WHEN min(h.w) = 1 THEN 1 WHEN min(h.w) = 2 THEN 2
        WHEN lower(r.affiliation) = ${text} THEN 3 WHEN substr(lower(r.affiliation), 1, length(${text})) = ${text} THEN 4 ELSE 5 END AS rank
    FROM (${sql.join(branches, sql` UNION ALL `)}) h JOIN registrations r ON r.id = h.id LEFT JOIN checkins c ON c.registration_id = r.id
    WHERE h.w < 2 OR h.w = 2 AND instr(lower(r.name), ${text}) > 0 OR h.w = 3 AND instr(lower(r.affiliation), ${text}) > 0
    GROUP BY r.id ORDER BY rank, lower(r.name), r.id LIMIT ${SEARCH_LIMIT}`;
}
