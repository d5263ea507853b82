// Device pairing: an organiser shows a QR; a phone that scans it becomes a desk for that event, for a limited
// time and a bounded number of devices, until the organiser revokes it.
import { and, eq, sql } from 'drizzle-orm';
import { Hono } from 'hono';
import { events, pairings, staff, staffRoles } from '../../schema';
import { auditEntry } from '../audit/log';
import { atomically } from '../db';
import type { AppEnv } from '../env';
import { clientIp } from '../http/client';
import { ApiError, notFound } from '../http/errors';
import { countRequest, limitPerMinute } from '../http/rate-limit';
import { newId, randomToken, sha256 } from '../lib/random';
import { requireEventRole, revokeAllSessions, startSession } from './session';
import { publicOrigin } from '../http/origin';
import { rule } from '../http/contract';
import { createPairingInput, pairInput } from './input';

const present = (p: typeof pairings.$inferSelect) => ({
  id: p.id,
  label: p.label,
  maxUses: p.maxUses,
  uses: p.uses,
  expiresAt: new Date(p.expiresAt).toISOString(),
  revoked: p.revokedAt !== null,
  active: p.revokedAt === null && p.expiresAt > Date.now() && p.uses < p.maxUses,
});

/** Each route's contract: who may call it, what it is, what it validates (read by the access test and /api/docs). */
const rules = {
  createPairing: rule({
    access: 'organiser',
    tag: 'desk',
    summary: 'Create a device pairing code (limited time and uses).',
    json: createPairingInput,
  }),
  listPairings: rule({ access: 'organiser', tag: 'desk', summary: 'Pairing codes and their use.' }),
  revokePairing: rule({ access: 'organiser', tag: 'desk', summary: 'Revoke a pairing code and sign its devices out.' }),
  pairDevice: rule({
    access: 'public',
    tag: 'auth',
    summary: 'Pair this device as a desk with a scanned pairing code.',
    json: pairInput,
  }),
};

export const pairingAdminRoutes = new Hono<AppEnv>()
  .post('/:slug/pairings', rules.createPairing, async (c) => {
    const { eventId, staff: who } = requireEventRole(c, c.req.param('slug'), ['organiser']);
    const b = c.req.valid('json');
    const token = randomToken();
    const row = {
      id: newId('pair'),
      eventId,
      tokenHash: await sha256(token),
      label: b.label,
      maxUses: b.maxUses,
      expiresAt: Date.now() + b.ttlMinutes * 60_000,
      createdBy: who.id,
    };
    await atomically(c.env.DB, [
      c.var.db.insert(pairings).values(row),
      auditEntry(eventId, who.id, 'pairing.create', { id: row.id, label: b.label, maxUses: b.maxUses }),
    ]);
    // The token rides in the fragment, so it never reaches server logs or a Referer header.
    return c.json(
      {
        pairing: present({ ...row, uses: 0, revokedAt: null, createdAt: Date.now() }),
        token,
        url: `${publicOrigin(c)}/pair#${token}`,
      },
      201,
    );
  })
  .get('/:slug/pairings', rules.listPairings, async (c) => {
    const { eventId } = requireEventRole(c, c.req.param('slug'), ['organiser']);
    const rows = await c.var.db
      .select()
      .from(pairings)
      .where(eq(pairings.eventId, eventId))
      .orderBy(sql`${pairings.createdAt} DESC`);
    return c.json({ pairings: rows.map(present) }, 200);
  })
  .delete('/:slug/pairings/:id', rules.revokePairing, async (c) => {
    const { eventId, staff: who } = requireEventRole(c, c.req.param('slug'), ['organiser']);
    const id = c.req.param('id');
    const [revoked] = await c.var.db
      .update(pairings)
      .set({ revokedAt: Date.now() })
      .where(and(eq(pairings.id, id), eq(pairings.eventId, eventId)))
      .returning();
    if (!revoked) throw notFound('No such pairing code.');
    // Devices already paired through it are signed out too.
    const devices = await c.var.db.select({ id: staff.id }).from(staff).where(eq(staff.pairingId, id));
    for (const d of devices) await revokeAllSessions(c.var.db, d.id);
    await c.var.db.run(auditEntry(eventId, who.id, 'pairing.revoke', { id, devices: devices.length }));
    return c.json({ revokedDevices: devices.length }, 200);
  });

export const pairRoutes = new Hono<AppEnv>().post('/pair', rules.pairDevice, async (c) => {
  const { token, deviceName } = c.req.valid('json');
  const now = Date.now();
  const [count] = await atomically(c.env.DB, [countRequest(`pair:${clientIp(c) ?? 'local'}`, now)]);
  if (Number(count[0]?.count) > limitPerMinute(c.env))
    throw new ApiError(429, 'rate_limited', 'Too many attempts. Wait a minute.');
  // Claiming a use is one statement, so two phones cannot both take the last one.
  const [claimed] = await c.var.db
    .update(pairings)
    .set({ uses: sql`${pairings.uses} + 1` })
    .where(
      and(
        eq(pairings.tokenHash, await sha256(token)),
        sql`${pairings.revokedAt} IS NULL`,
        sql`${pairings.expiresAt} > ${now}`,
        sql`${pairings.uses} < ${pairings.maxUses}`,
      ),
    )
    .returning();
  if (!claimed)
    throw new ApiError(
      410,
      'pairing_unavailable',
      'This pairing code has expired, been used up or been revoked. Ask the organiser for a new one.',
    );
  const deviceId = newId('stf');
  const name = deviceName || `${claimed.label || 'Desk'} #${claimed.uses}`;
  await atomically(c.env.DB, [
    c.var.db.insert(staff).values({
      id: deviceId,
      email: `${deviceId.toLowerCase()}@devices.colloquy.invalid`,
      name,
      pairingId: claimed.id,
    }),
    c.var.db.insert(staffRoles).values({ staffId: deviceId, eventId: claimed.eventId, role: 'desk' }),
    auditEntry(claimed.eventId, null, 'pairing.use', { id: claimed.id, device: name }),
  ]);
  await startSession(c, deviceId, claimed.expiresAt);
  const [ev] = await c.var.db.select({ slug: events.slug }).from(events).where(eq(events.id, claimed.eventId));
  return c.json({ eventSlug: ev!.slug, deviceName: name }, 200);
});
