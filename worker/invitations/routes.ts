// Invitations: the organiser invites a list and sees who registered or declined; an invitee opens or declines their link.
import { sql } from 'drizzle-orm';
import { Hono } from 'hono';
import { auditEntry } from '../audit/log';
import { requireEventRole } from '../auth/session';
import { atomically } from '../db';
import { deliverSoon } from '../email/outbox';
import type { AppEnv, Db } from '../env';
import { ApiError, notFound } from '../http/errors';
import { chinese, requestLocale } from '../http/messages';
import { publicOrigin } from '../http/origin';
import { ORGANISER_ROLES, rule } from '../http/contract';
import { isoOrNull } from '../lib/time';
import { newId, randomToken, sha256 } from '../lib/random';
import { invitationUrl } from '../email/invitation';
import { inviteInput } from './input';
import { invitationState, parseInvitees } from './rules';

const MAX_INVITEES = 500;

type ListRow = {
  id: string;
  name: string;
  email: string;
  locale: string;
  declinedAt: number | null;
  createdAt: number;
  registrationId: string | null;
  registrationStatus: string | null;
};

/** An invitation joined to the live registration of its address, if any: registered is read, never stored. */
const withRegistration = sql`FROM invitations i
  LEFT JOIN registrations r ON r.event_id = i.event_id AND r.email_key = i.email_key AND r.status != 'cancelled'`;

/** Each route's contract: who may call it, what it is, what it validates (read by the access test and /api/docs). */
const rules = {
  invite: rule({
    access: 'organiser',
    tag: 'invitations',
    summary:
      'Invite a list (lines or CSV: name, email); each new address gets a personal link, an address already invited is not invited twice.',
    json: inviteInput,
  }),
  list: rule({
    access: 'organiser',
    tag: 'invitations',
    summary: 'The invitations with invited / registered / declined counts.',
  }),
  open: rule({
    access: 'public',
    tag: 'invitations',
    summary: 'Who an invitation link is for (its name and address, and whether they registered or declined).',
  }),
  decline: rule({ access: 'public', tag: 'invitations', summary: 'Decline an invitation from its link.' }),
};

export const invitationAdminRoutes = new Hono<AppEnv>()
  .post('/:slug/invitations', rules.invite, async (c) => {
    const slug = c.req.param('slug');
    const { eventId, staff } = requireEventRole(c, slug, ORGANISER_ROLES);
    const { text, locale } = c.req.valid('json');
    const { invitees, errors } = parseInvitees(text);
    const zh = requestLocale(c) === 'zh-CN';
    if (!invitees.length)
      throw new ApiError(400, 'invalid', 'Paste at least one line: name, email.', {
        text: 'Paste at least one line: name, email.',
      });
    if (invitees.length > MAX_INVITEES)
      throw new ApiError(400, 'invalid', 'At most 500 people per list.', { text: 'At most 500 people per list.' });
    const origin = publicOrigin(c);
    const now = Date.now();
    const rows = await Promise.all(
      invitees.map(async (p) => {
        const token = randomToken();
        return {
          id: newId('inv'),
          name: p.name,
          email: p.email,
          key: p.email.toLowerCase(),
          hash: await sha256(token),
          payload: JSON.stringify({
            link: invitationUrl(origin, slug, token),
            invite: token,
            name: p.name,
            email: p.email,
          }),
        };
      }),
    );
    const json = JSON.stringify(rows);
    // One round trip: an address already invited keeps its invitation (and link); only new ones are emailed.
    const [inserted] = await atomically(c.env.DB, [
      sql`INSERT INTO invitations (id, event_id, name, email, email_key, token_hash, locale, created_at)
          SELECT j.value ->> 'id', ${eventId}, j.value ->> 'name', j.value ->> 'email', j.value ->> 'key', j.value ->> 'hash', ${locale}, ${now}
          FROM json_each(${json}) j WHERE true
          ON CONFLICT DO NOTHING RETURNING id`,
      sql`INSERT INTO emails (id, event_id, kind, "to", locale, payload, created_at)
          SELECT 'eml_' || lower(hex(randomblob(16))), ${eventId}, 'invitation', i.email, i.locale, j.value ->> 'payload', ${now}
          FROM json_each(${json}) j JOIN invitations i ON i.id = j.value ->> 'id'`,
      auditEntry(eventId, staff.id, 'invitation.create', { count: rows.length }),
    ]);
    const created = new Set((inserted as { id: string }[]).map((r) => r.id));
    deliverSoon(c);
    return c.json(
      {
        invited: created.size,
        alreadyInvited: rows.filter((r) => !created.has(r.id)).map((r) => r.email),
        // Line problems in the organiser's language, like every other message.
        errors: errors.map((e) => ({ ...e, message: zh ? (chinese(e.message) ?? e.message) : e.message })),
      },
      201,
    );
  })
  .get('/:slug/invitations', rules.list, async (c) => {
    const { eventId, timezone } = requireEventRole(c, c.req.param('slug'), ORGANISER_ROLES);
    const rows = await c.var.db.all<ListRow>(sql`
      SELECT i.id, i.name, i.email, i.locale, i.declined_at AS declinedAt, i.created_at AS createdAt,
        r.id AS registrationId, r.status AS registrationStatus
      ${withRegistration} WHERE i.event_id = ${eventId} ORDER BY i.created_at, i.rowid LIMIT 5000`);
    const invitations = rows.map((r) => ({
      id: r.id,
      name: r.name,
      email: r.email,
      locale: r.locale,
      state: invitationState(!!r.registrationId, r.declinedAt),
      registrationStatus: r.registrationStatus,
      invitedAt: isoOrNull(r.createdAt, timezone),
      declinedAt: isoOrNull(r.declinedAt, timezone),
    }));
    const count = (s: string) => invitations.filter((i) => i.state === s).length;
    return c.json(
      {
        invitations,
        counts: {
          invited: invitations.length,
          registered: count('registered'),
          declined: count('declined'),
          waiting: count('invited'),
        },
      },
      200,
    );
  });

/** Who the link is for: the invitee's own name and address, which the form then shows fixed. */
async function readInvitation(db: Db, token: string) {
  return db.get<{
    id: string;
    name: string;
    email: string;
    locale: string;
    declinedAt: number | null;
    registrationId: string | null;
    slug: string;
  }>(sql`
    SELECT i.id, i.name, i.email, i.locale, i.declined_at AS declinedAt, r.id AS registrationId, e.slug
    ${withRegistration} JOIN events e ON e.id = i.event_id
    WHERE i.token_hash = ${await sha256(token)} AND e.status != 'draft'`);
}

export const invitationRoutes = new Hono<AppEnv>()
  .get('/:token', rules.open, async (c) => {
    const found = await readInvitation(c.var.db, c.req.param('token'));
    if (!found) throw notFound('This invitation link is not valid.');
    return c.json(
      {
        invitation: {
          name: found.name,
          email: found.email,
          locale: found.locale,
          slug: found.slug,
          state: invitationState(!!found.registrationId, found.declinedAt),
        },
      },
      200,
    );
  })
  .post('/:token/decline', rules.decline, async (c) => {
    const token = c.req.param('token');
    const found = await readInvitation(c.var.db, token);
    if (!found) throw notFound('This invitation link is not valid.');
    if (found.registrationId)
      throw new ApiError(
        409,
        'invitation_registered',
        'You are registered. To cancel, use the link in your confirmation email.',
      );
    await c.var.db.run(
      sql`UPDATE invitations SET declined_at = coalesce(declined_at, ${Date.now()}) WHERE id = ${found.id}`,
    );
    return c.json({ invitation: { state: 'declined' as const } }, 200);
  });
