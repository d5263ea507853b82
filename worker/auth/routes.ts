// Passwordless staff sign-in: a one-time emailed link (15 minutes) starts a cookie session.
import { and, eq, gt, isNull, sql } from 'drizzle-orm';
import { Hono } from 'hono';
import { z } from 'zod';
import { emails, signInTokens, staff } from '../../schema';
import { atomically } from '../db';
import { deliverSoon } from '../email/outbox';
import type { AppEnv } from '../env';
import { clientIp } from '../http/client';
import { ApiError } from '../http/errors';
import { countRequest, limitPerMinute } from '../http/rate-limit';
import { validate } from '../http/validate';
import { newId, randomToken, sha256 } from '../lib/random';
import { sameSitePath } from './next-path';
import { endSession, requireStaff, startSession } from './session';
import { publicOrigin } from '../http/origin';

export const SIGN_IN_TTL_MS = 15 * 60_000;

const BAD_NEXT = 'Choose a page on this site.';

export const signInInput = z.object({
  email: z.string().trim().max(254).pipe(z.email('Enter a valid email address.')),
  locale: z.enum(['zh-CN', 'en']).optional().default('zh-CN'),
  next: z.string().max(200).optional().refine((n) => sameSitePath(n) !== null, BAD_NEXT),
});

export const authRoutes = new Hono<AppEnv>()
  .post('/sign-in', validate('json', signInInput), async (c) => {
    const { email, locale, next } = c.req.valid('json');
    const key = email.toLowerCase();
    const now = Date.now();
    const ip = clientIp(c) ?? 'local';
    const [ipCount, emailCount] = await atomically(c.env.DB, [countRequest(`sign-in:ip:${ip}`, now), countRequest(`sign-in:email:${key}`, now)]);
    if (Number(ipCount[0]?.count) > limitPerMinute(c.env) || Number(emailCount[0]?.count) > Number(c.env.SIGN_IN_PER_EMAIL_PER_MINUTE || 5)) {
      throw new ApiError(429, 'rate_limited', 'Too many sign-in requests. Wait a minute and try again.');
    }
    const db = c.var.db;
    let [person] = await db.select({ id: staff.id }).from(staff).where(eq(staff.email, key));
    if (!person && c.env.OWNER_EMAIL && key === c.env.OWNER_EMAIL.trim().toLowerCase()) {
      [person] = await db.insert(staff).values({ id: newId('stf'), email: key, name: 'Owner', isOwner: true })
        .onConflictDoNothing().returning({ id: staff.id });
    }
    if (person) {
      const token = randomToken();
      const link = `${publicOrigin(c)}/api/auth/verify?token=${token}&next=${encodeURIComponent(sameSitePath(next)!)}`;
      const emailId = newId('eml');
      await atomically(c.env.DB, [
        db.insert(signInTokens).values({ tokenHash: await sha256(token), staffId: person.id, expiresAt: now + SIGN_IN_TTL_MS }),
        db.insert(emails).values({ id: emailId, kind: 'sign_in', to: key, locale, payload: JSON.stringify({ link }), createdAt: now }),
      ]);
      deliverSoon(c, [emailId]);
    }
    // The same answer whether or not the address belongs to staff.
    return c.json({}, 202);
  })
  .get('/verify', async (c) => {
    const token = c.req.query('token') ?? '';
    // Checked before the token is spent: a tampered link must not use up a good one.
    const next = sameSitePath(c.req.query('next'));
    if (next === null) throw new ApiError(400, 'invalid', BAD_NEXT, { next: BAD_NEXT });
    const now = Date.now();
    const [used] = await c.var.db.update(signInTokens).set({ usedAt: now })
      .where(and(eq(signInTokens.tokenHash, await sha256(token)), isNull(signInTokens.usedAt), gt(signInTokens.expiresAt, sql`${now}`)))
      .returning({ staffId: signInTokens.staffId });
    if (!used) return c.redirect(`/sign-in?error=link_expired&next=${encodeURIComponent(next)}`, 302);
    await startSession(c, used.staffId);
    return c.redirect(next, 302);
  })
  .get('/me', (c) => {
    const who = requireStaff(c);
    return c.json({ staff: { email: who.email, name: who.name, roles: Object.entries(who.roles).map(([eventSlug, g]) => ({ eventSlug, role: g.role })) } }, 200);
  })
  .post('/sign-out', async (c) => {
    await endSession(c);
    return c.json({}, 200);
  });
