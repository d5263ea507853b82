// Passwordless staff sign-in: a one-time emailed link (15 minutes) starts a cookie session.
import { and, eq, gt, isNull, sql } from 'drizzle-orm';
import { Hono } from 'hono';
import { signInTokens } from '../../schema';
import { atomically } from '../db';
import { deliverSoon } from '../email/outbox';
import type { AppEnv } from '../env';
import { clientIp } from '../http/client';
import { ApiError } from '../http/errors';
import { countRequest, limitPerMinute } from '../http/rate-limit';
import { newId, randomToken, sha256 } from '../lib/random';
import { isoInZone } from '../lib/time';
import { sameSitePath } from './next-path';
import { endSession, requireStaff, startSession } from './session';
import { publicOrigin } from '../http/origin';
import { rule } from '../http/contract';
import { BAD_NEXT, signInInput } from './input';

export const SIGN_IN_TTL_MS = 15 * 60_000;

/** Each route's contract: who may call it, what it is, what it validates (read by the access test and /api/docs). */
const rules = {
  signIn: rule({
    access: 'public',
    tag: 'auth',
    summary: 'Email a one-time sign-in link to a staff member (always 202).',
    json: signInInput,
  }),
  verifyLink: rule({ access: 'public', tag: 'auth', summary: 'Open a sign-in link: starts a session and redirects.' }),
  me: rule({ access: 'staff', tag: 'auth', summary: 'The signed-in staff member and their roles.' }),
  signOut: rule({ access: 'public', tag: 'auth', summary: 'End the session.' }),
};

export const authRoutes = new Hono<AppEnv>()
  .post('/sign-in', rules.signIn, async (c) => {
    const { email, locale, next } = c.req.valid('json');
    const key = email.toLowerCase();
    const now = Date.now();
    const ip = clientIp(c) ?? 'local';
    const keys = { ip: `sign-in:ip:${ip}`, minute: `sign-in:email:${key}`, hour: `sign-in:email-hour:${key}` };
    const limits = {
      ip: limitPerMinute(c.env),
      minute: Number(c.env.SIGN_IN_PER_EMAIL_PER_MINUTE || 5),
      hour: Number(c.env.SIGN_IN_PER_EMAIL_PER_HOUR || 20),
    };
    const count = (k: string) => sql`coalesce((SELECT count FROM rate_limits WHERE key = ${k}), 0)`;
    const allowed = sql`${count(keys.ip)} <= ${limits.ip} AND ${count(keys.minute)} <= ${limits.minute} AND ${count(keys.hour)} <= ${limits.hour}`;
    const token = randomToken();
    const link = `${publicOrigin(c)}/api/auth/verify?token=${token}&next=${encodeURIComponent(sameSitePath(next)!)}`;
    const emailId = newId('eml');
    const owner = c.env.OWNER_EMAIL?.trim().toLowerCase();
    // One batch of the same statements for every address, staff or not: the token and the email are written only
    // when the address is staff and under its limits, decided inside the statements, so neither the answer nor
    // its timing tells a staff address from another.
    const [ipCount, minuteCount, hourCount] = await atomically(c.env.DB, [
      countRequest(keys.ip, now),
      countRequest(keys.minute, now),
      countRequest(keys.hour, now, 3_600_000),
      ...(owner && key === owner
        ? [
            sql`INSERT INTO staff (id, email, name, is_owner) VALUES (${newId('stf')}, ${key}, 'Owner', 1) ON CONFLICT DO NOTHING`,
          ]
        : []),
      sql`INSERT INTO sign_in_tokens (token_hash, staff_id, expires_at) SELECT ${await sha256(token)}, id, ${now + SIGN_IN_TTL_MS} FROM staff WHERE email = ${key} AND ${allowed}`,
      sql`INSERT INTO emails (id, kind, "to", locale, payload, created_at) SELECT ${emailId}, 'sign_in', ${key}, ${locale}, ${JSON.stringify({ link })}, ${now}
        FROM staff WHERE email = ${key} AND ${allowed}`,
    ]);
    const counted = (rows: unknown[]) => Number((rows[0] as { count?: number } | undefined)?.count);
    if (counted(ipCount) > limits.ip || counted(minuteCount) > limits.minute) {
      throw new ApiError(429, 'rate_limited', 'Too many sign-in requests. Wait a minute and try again.');
    }
    if (counted(hourCount) > limits.hour)
      throw new ApiError(
        429,
        'hourly_limit',
        'Too many sign-in links for this address this hour. Use a link already sent, or try again later.',
      );
    deliverSoon(c, [emailId]);
    // The same answer whether or not the address belongs to staff; "recently" counts every request for the address.
    return c.json({ recentlySent: counted(hourCount) > 1 }, 202);
  })
  .get('/verify', rules.verifyLink, async (c) => {
    const token = c.req.query('token') ?? '';
    // Checked before the token is spent: a tampered link must not use up a good one.
    const next = sameSitePath(c.req.query('next'));
    if (next === null) throw new ApiError(400, 'invalid', BAD_NEXT, { next: BAD_NEXT });
    const now = Date.now();
    const [used] = await c.var.db
      .update(signInTokens)
      .set({ usedAt: now })
      .where(
        and(
          eq(signInTokens.tokenHash, await sha256(token)),
          isNull(signInTokens.usedAt),
          gt(signInTokens.expiresAt, sql`${now}`),
        ),
      )
      .returning({ staffId: signInTokens.staffId });
    if (!used) return c.redirect(`/sign-in?error=link_expired&next=${encodeURIComponent(next)}`, 302);
    await startSession(c, used.staffId);
    return c.redirect(next, 302);
  })
  .get('/me', rules.me, (c) => {
    const who = requireStaff(c);
    return c.json(
      {
        staff: {
          email: who.email,
          name: who.name,
          // The title and start (in the event's zone) let the desk name each event rather than show its address.
          roles: Object.entries(who.roles).map(([eventSlug, g]) => ({
            eventSlug,
            role: g.role,
            title: g.title,
            startsAt: isoInZone(g.startsAt, g.timezone),
            timezone: g.timezone,
          })),
        },
      },
      200,
    );
  })
  .post('/sign-out', rules.signOut, async (c) => {
    await endSession(c);
    return c.json({}, 200);
  });
