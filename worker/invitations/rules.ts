// The invitation rules: who may register for an invitation-only event, and what an invitation's state is.
import { sql } from 'drizzle-orm';
import type { Bindable } from '../db';
import { ApiError } from '../http/errors';

/**
 * True in SQL (inside insertRegistration, alias `e` = the event) when the event is not invitation-only, or when
 * the link's invitation belongs to this event and this very address: a forwarded link registers nobody else.
 */
export const invitedSql = (
  invitationHash: Bindable<string> | null,
  emailKey: Bindable<string>,
) => sql`(e.registration_mode != 'invitation'
  OR EXISTS (SELECT 1 FROM invitations i WHERE i.event_id = e.id AND i.token_hash = ${invitationHash ?? ''} AND i.email_key = ${emailKey}))`;

/** The address an invitation link was made for, read in the registration's first statement (alias-free). */
export const invitedKeySql = (eventIdExpr: ReturnType<typeof sql>, invitationHash: string | null) =>
  sql`(SELECT email_key FROM invitations i WHERE i.event_id = ${eventIdExpr} AND i.token_hash = ${invitationHash ?? ''})`;

/** Why an invitation-only event refused a registration, if it did: no link (or a wrong one), or another address. */
export function invitationRefusal(mode: string, invitedKey: string | null, emailKey: string): ApiError | null {
  if (mode !== 'invitation') return null;
  if (!invitedKey)
    return new ApiError(
      403,
      'invitation_required',
      'This event is by invitation only. Register through the link in your invitation email.',
    );
  if (invitedKey !== emailKey)
    return new ApiError(403, 'invitation_email_mismatch', 'This invitation is for another email address.', {
      email: 'This invitation is for another email address.',
    });
  return null;
}

export type InvitationState = 'invited' | 'registered' | 'declined';

/** Registered wins over declined: a person who declined and changed their mind is simply registered. */
export function invitationState(registered: boolean, declinedAt: number | null): InvitationState {
  if (registered) return 'registered';
  return declinedAt ? 'declined' : 'invited';
}

export type InviteeLine = { line: number; name: string; email: string };
export type InviteeError = { line: number; text: string; message: string };

const EMAIL = /^[^\s@,;<>"]+@[^\s@,;<>"]+\.[^\s@,;<>"]+$/;

/**
 * Reads pasted lines or a CSV: "name, email" (either order; a comma, tab, semicolon or full-width comma between),
 * skipping blank lines and a header row. Duplicate addresses in one list count once.
 */
export function parseInvitees(text: string): { invitees: InviteeLine[]; errors: InviteeError[] } {
  const invitees: InviteeLine[] = [];
  const errors: InviteeError[] = [];
  const seen = new Set<string>();
  const lines = text.replace(/^\uFEFF/, '').split(/\r?\n/);
  lines.forEach((raw, i) => {
    const line = raw.trim();
    if (!line) return;
    const cells = line
      .split(/[,\t;，；]/)
      .map((c) =>
        c
          .trim()
          .replace(/^"(.*)"$/, '$1')
          .trim(),
      )
      .filter(Boolean);
    const emailAt = cells.findIndex((c) => EMAIL.test(c));
    if (emailAt < 0) {
      // A header row ("name,email" / "姓名,邮箱") is not a mistake.
      if (i === 0 && /e-?mail|邮箱|邮件/i.test(line)) return;
      errors.push({ line: i + 1, text: line.slice(0, 200), message: 'No valid email address on this line.' });
      return;
    }
    const email = cells[emailAt]!;
    const name = cells.filter((_, k) => k !== emailAt).join(' ') || email.split('@')[0]!;
    if (email.length > 254 || name.length > 120) {
      errors.push({ line: i + 1, text: line.slice(0, 200), message: 'This line is too long.' });
      return;
    }
    const key = email.toLowerCase();
    if (seen.has(key)) return;
    seen.add(key);
    invitees.push({ line: i + 1, name, email });
  });
  return { invitees, errors };
}
