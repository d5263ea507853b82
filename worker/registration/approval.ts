// Approval events: the organiser approves or rejects pending registrations, one by one or many at once.
import { sql } from 'drizzle-orm';
import { Hono } from 'hono';
import { auditEntry } from '../audit/log';
import { requireEventRole } from '../auth/session';
import { atomically } from '../db';
import { deliverSoon } from '../email/outbox';
import type { AppEnv } from '../env';
import { ApiError, notFound } from '../http/errors';
import { publicOrigin } from '../http/origin';
import { ORGANISER_ROLES, rule } from '../http/contract';
import { decisionInput } from './input';
import { takenSeatsSql } from './statements';

export type Decision = 'approve' | 'reject';
/** What became of each registration asked about: a seat, the waitlist, a rejection, or nothing (it was not pending). */
export type DecisionOutcome = 'confirmed' | 'waitlisted' | 'rejected' | 'unchanged';

const ids = (list: string[]) => sql`(SELECT value FROM json_each(${JSON.stringify(list)}))`;

/**
 * Approval, in one batch: the earliest of the chosen pending (or rejected) registrations take the free seats,
 * under the registration rule (no seat while anyone waits), and the rest join the waitlist. D1 runs a batch as
 * one transaction, so approvals racing for the last seats never oversell. Each person gets the ticket (or the
 * waitlist notice), queued in the same batch; a retried approval changes nothing and sends nothing twice.
 */
export function approveStatements(eventId: string, list: string[], origin: string, now: number) {
  const ev = sql`${eventId}`;
  return [
    sql`UPDATE registrations SET status = 'confirmed', updated_at = ${now}, promoted_origin = ${origin}
        WHERE id IN (
          SELECT p.id FROM registrations p
          WHERE p.event_id = ${eventId} AND p.status IN ('pending', 'rejected') AND p.id IN ${ids(list)}
            AND NOT EXISTS (SELECT 1 FROM registrations w WHERE w.event_id = ${eventId} AND w.status = 'waitlisted' AND w.role = 'attendee')
          ORDER BY p.created_at, p.id
          LIMIT coalesce(max(0, (SELECT capacity FROM events WHERE id = ${eventId}) - ${takenSeatsSql(ev)}), 0))`,
    sql`UPDATE registrations SET status = 'waitlisted', updated_at = ${now}, promoted_origin = ${origin}
        WHERE event_id = ${eventId} AND status IN ('pending', 'rejected') AND id IN ${ids(list)}`,
    sql`INSERT INTO emails (id, event_id, registration_id, kind, "to", locale, payload, created_at)
        SELECT 'eml_' || lower(hex(randomblob(16))), r.event_id, r.id, CASE r.status WHEN 'confirmed' THEN 'approved' ELSE 'waitlisted' END,
          r.email, r.locale, json_object('origin', ${origin}), ${now}
        FROM registrations r
        WHERE r.event_id = ${eventId} AND r.id IN ${ids(list)} AND r.updated_at = ${now} AND r.status IN ('confirmed', 'waitlisted')
          AND r.email != '' AND NOT EXISTS (SELECT 1 FROM emails m WHERE m.registration_id = r.id AND m.kind IN ('approved', 'waitlisted'))`,
  ];
}

/** Rejection: only a pending registration; it keeps its place in the list (and its address) but no seat, and gets a polite email. */
export function rejectStatements(eventId: string, list: string[], origin: string, now: number) {
  return [
    sql`UPDATE registrations SET status = 'rejected', updated_at = ${now}
        WHERE event_id = ${eventId} AND status = 'pending' AND id IN ${ids(list)}`,
    sql`INSERT INTO emails (id, event_id, registration_id, kind, "to", locale, payload, created_at)
        SELECT 'eml_' || lower(hex(randomblob(16))), r.event_id, r.id, 'rejected', r.email, r.locale, json_object('origin', ${origin}), ${now}
        FROM registrations r
        WHERE r.event_id = ${eventId} AND r.id IN ${ids(list)} AND r.updated_at = ${now} AND r.status = 'rejected'
          AND r.email != '' AND NOT EXISTS (SELECT 1 FROM emails m WHERE m.registration_id = r.id AND m.kind = 'rejected')`,
  ];
}

/** The outcome per id, from the row before and after: a plain rule, so the route and the tests read alike. */
export function decisionOutcome(before: string | undefined, after: string | undefined): DecisionOutcome {
  if (!before || !after || before === after) return 'unchanged';
  if (after === 'confirmed' || after === 'waitlisted' || after === 'rejected') return after;
  return 'unchanged';
}

type Row = { id: string; status: string };

/** Runs a decision on the listed registrations in one round trip, and says what happened to each. */
async function runDecision(
  d1: D1Database,
  eventId: string,
  staffId: string,
  decision: Decision,
  list: string[],
  origin: string,
) {
  const now = Date.now();
  const unique = [...new Set(list)];
  const change =
    decision === 'approve'
      ? approveStatements(eventId, unique, origin, now)
      : rejectStatements(eventId, unique, origin, now);
  const read = sql`SELECT id, status FROM registrations WHERE event_id = ${eventId} AND id IN ${ids(unique)}`;
  const results = await atomically(d1, [
    read,
    ...change,
    auditEntry(eventId, staffId, `registration.${decision}`, { ids: unique }),
    read,
    sql`SELECT max(0, capacity - seats_taken) AS seatsLeft FROM events WHERE id = ${eventId}`,
  ]);
  const before = new Map((results[0] as Row[]).map((r) => [r.id, r.status]));
  const after = new Map((results.at(-2) as Row[]).map((r) => [r.id, r.status]));
  const outcomes = unique.map((id) => ({
    id,
    found: after.has(id),
    status: after.get(id) ?? null,
    outcome: decisionOutcome(before.get(id), after.get(id)),
  }));
  const seatsLeft = Number((results.at(-1) as { seatsLeft: number }[])[0]?.seatsLeft ?? 0);
  return { outcomes, seatsLeft };
}

const counts = (outcomes: { outcome: DecisionOutcome }[]) => ({
  confirmed: outcomes.filter((o) => o.outcome === 'confirmed').length,
  waitlisted: outcomes.filter((o) => o.outcome === 'waitlisted').length,
  rejected: outcomes.filter((o) => o.outcome === 'rejected').length,
  unchanged: outcomes.filter((o) => o.outcome === 'unchanged').length,
});

/** The single route's answer: 404 for another event's id, 409 when the registration was not waiting for this. */
function singleOutcome(decision: Decision, o: { found: boolean; outcome: DecisionOutcome }) {
  if (!o.found) throw notFound('No such registration in this event.');
  if (o.outcome === 'unchanged')
    throw new ApiError(
      409,
      'not_pending',
      decision === 'approve'
        ? 'This registration is not awaiting approval.'
        : 'Only a registration awaiting approval can be rejected.',
    );
}

/** Each route's contract: who may call it, what it is, what it validates (read by the access test and /api/docs). */
const rules = {
  approve: rule({
    access: 'organiser',
    tag: 'registrations',
    summary:
      'Approve a pending registration: a seat, or the waitlist when full, by the registration rule; emails the ticket.',
  }),
  reject: rule({
    access: 'organiser',
    tag: 'registrations',
    summary: 'Reject a pending registration; emails a polite note.',
  }),
  approveMany: rule({
    access: 'organiser',
    tag: 'registrations',
    summary:
      'Approve many pending registrations at once (earliest first take the free seats); says what became of each.',
    json: decisionInput,
  }),
  rejectMany: rule({
    access: 'organiser',
    tag: 'registrations',
    summary: 'Reject many pending registrations at once.',
    json: decisionInput,
  }),
};

export const approvalRoutes = new Hono<AppEnv>()
  .post('/:slug/registrations/:id/approve', rules.approve, async (c) => {
    const { eventId, staff } = requireEventRole(c, c.req.param('slug'), ORGANISER_ROLES);
    const id = c.req.param('id');
    const { outcomes, seatsLeft } = await runDecision(c.env.DB, eventId, staff.id, 'approve', [id], publicOrigin(c));
    const o = outcomes[0]!;
    singleOutcome('approve', o);
    deliverSoon(c);
    return c.json({ registration: { id, status: o.status }, outcome: o.outcome, seatsLeft }, 200);
  })
  .post('/:slug/registrations/:id/reject', rules.reject, async (c) => {
    const { eventId, staff } = requireEventRole(c, c.req.param('slug'), ORGANISER_ROLES);
    const id = c.req.param('id');
    const { outcomes, seatsLeft } = await runDecision(c.env.DB, eventId, staff.id, 'reject', [id], publicOrigin(c));
    const o = outcomes[0]!;
    singleOutcome('reject', o);
    deliverSoon(c);
    return c.json({ registration: { id, status: o.status }, outcome: o.outcome, seatsLeft }, 200);
  })
  .post('/:slug/registrations/approve', rules.approveMany, async (c) => {
    const { eventId, staff } = requireEventRole(c, c.req.param('slug'), ORGANISER_ROLES);
    const list = c.req.valid('json').ids;
    const { outcomes, seatsLeft } = await runDecision(c.env.DB, eventId, staff.id, 'approve', list, publicOrigin(c));
    deliverSoon(c);
    return c.json({ results: outcomes.map(({ found: _, ...o }) => o), counts: counts(outcomes), seatsLeft }, 200);
  })
  .post('/:slug/registrations/reject', rules.rejectMany, async (c) => {
    const { eventId, staff } = requireEventRole(c, c.req.param('slug'), ORGANISER_ROLES);
    const list = c.req.valid('json').ids;
    const { outcomes, seatsLeft } = await runDecision(c.env.DB, eventId, staff.id, 'reject', list, publicOrigin(c));
    deliverSoon(c);
    return c.json({ results: outcomes.map(({ found: _, ...o }) => o), counts: counts(outcomes), seatsLeft }, 200);
  });
