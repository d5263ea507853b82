// The faculty rules: what a person still owes the organiser, who counts as on the programme, and how bank details are masked.
import { type SQL, sql } from 'drizzle-orm';
import type { SQLiteColumn } from 'drizzle-orm/sqlite-core';
import type { MissingItem } from './input';

type PersonRef = SQL | SQLiteColumn;

const profile = (column: string, person: PersonRef) =>
  sql`(SELECT fp.${sql.raw(column)} FROM faculty_profiles fp WHERE fp.person_id = ${person})`;

/**
 * On the programme: on at least one agenda item they have not declined. Someone who declined everything is not
 * reminded of anything, nor counted in "missing X".
 */
export const onProgrammeSql = (person: PersonRef) => sql`EXISTS (SELECT 1 FROM session_people sp
  WHERE sp.person_id = ${person} AND NOT EXISTS (SELECT 1 FROM faculty_responses fr
    WHERE fr.session_id = sp.session_id AND fr.person_id = sp.person_id AND fr.status = 'declined'))`;

/**
 * True in SQL when the person still owes this item. The one definition the board, the message audiences and the
 * cron's reminders all read, so "missing disclosure" means the same everywhere.
 */
export function missingSql(item: MissingItem, person: PersonRef): SQL {
  switch (item) {
    case 'confirmation':
      return sql`EXISTS (SELECT 1 FROM session_people sp WHERE sp.person_id = ${person}
        AND NOT EXISTS (SELECT 1 FROM faculty_responses fr WHERE fr.session_id = sp.session_id AND fr.person_id = sp.person_id))`;
    case 'disclosure':
      return sql`${profile('disclosure_signed_at', person)} IS NULL`;
    case 'bio_photo':
      return sql`EXISTS (SELECT 1 FROM people pp WHERE pp.id = ${person} AND (pp.photo_url IS NULL OR (pp.bio_zh = '' AND pp.bio_en = '')))`;
    case 'consent':
      return sql`${profile('consent_at', person)} IS NULL`;
    case 'logistics':
      return sql`${profile('logistics_at', person)} IS NULL`;
  }
}

/** Only the last four digits, whatever the caller: the board, the CSV and the person's own page. */
export function maskAccount(account: string | null): string | null {
  if (!account) return null;
  const digits = account.replace(/\D/g, '');
  return `•••• ${digits.slice(-4)}`;
}

/** A signature is the person's name as printed, in either language, whatever the spacing or case. */
export function signatureMatches(signature: string, names: string[]): boolean {
  const norm = (s: string) => s.normalize('NFKC').replace(/\s+/g, '').toLowerCase();
  return names.some((n) => n && norm(n) === norm(signature));
}

/** The invitation's state on the board: every item answered yes, any answered no, or still open. */
export function invitationStatus(answers: (string | null)[]): 'confirmed' | 'declined' | 'partly' | 'waiting' {
  if (!answers.length || answers.every((a) => a === null)) return 'waiting';
  if (answers.every((a) => a === 'confirmed')) return 'confirmed';
  if (answers.every((a) => a === 'declined')) return 'declined';
  return 'partly';
}

/** The local calendar day (YYYY-MM-DD) a moment falls on in a time zone. */
export function localDay(ms: number, timeZone: string): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(ms);
}
