// Staff sessions: an opaque cookie whose hash is stored in D1, checked once and then cached briefly per isolate.
import { and, eq, gt, isNull, sql } from 'drizzle-orm';
import type { Context } from 'hono';
import { deleteCookie, getCookie, setCookie } from 'hono/cookie';
import { createMiddleware } from 'hono/factory';
import { events, staff, staffRoles, staffSessions } from '../../schema';
import type { AppEnv, Db, StaffContext } from '../env';
import { ApiError } from '../http/errors';
import { randomToken, sha256 } from '../lib/random';

export const SESSION_COOKIE = 'colloquy_session';
export const SESSION_TTL_MS = 12 * 60 * 60_000;
/**
 * How long an isolate trusts a session it has checked; sign-out clears it here at once, elsewhere within this.
 * Keyed by the cookie itself (memory only), so a cached request skips hashing too.
 */
const CACHE_MS = 30_000;
const cache = new Map<string, { staff: StaffContext; expiresAt: number; checkedAt: number }>();

/** Events not yet over first, soonest first; then those that have ended, most recent first. */
export const byRelevance =
  (now: number) => (a: { startsAt: number; endsAt: number }, b: { startsAt: number; endsAt: number }) => {
    const aOver = a.endsAt <= now;
    const bOver = b.endsAt <= now;
    if (aOver !== bOver) return aOver ? 1 : -1;
    return aOver ? b.endsAt - a.endsAt : a.startsAt - b.startsAt;
  };

export async function loadStaff(db: Db, staffId: string): Promise<StaffContext | null> {
  const [person] = await db.select().from(staff).where(eq(staff.id, staffId));
  if (!person) return null;
  const columns = {
    slug: events.slug,
    eventId: events.id,
    timezone: events.timezone,
    titleZh: events.titleZh,
    titleEn: events.titleEn,
    startsAt: events.startsAt,
    endsAt: events.endsAt,
  };
  const rows = person.isOwner
    ? (await db.select(columns).from(events)).map((e) => ({ ...e, role: 'organiser' as const }))
    : await db
        .select({ ...columns, role: staffRoles.role })
        .from(staffRoles)
        .innerJoin(events, eq(events.id, staffRoles.eventId))
        .where(eq(staffRoles.staffId, staffId));
  // The desk and console open the first event by default: the next one still to come, not an event long over.
  rows.sort(byRelevance(Date.now()));
  return {
    id: person.id,
    email: person.email,
    name: person.name,
    roles: Object.fromEntries(
      rows.map((r) => [
        r.slug,
        {
          eventId: r.eventId,
          timezone: r.timezone,
          role: r.role,
          title: { zh: r.titleZh, en: r.titleEn },
          startsAt: r.startsAt,
        },
      ]),
    ),
  };
}

export async function startSession(c: Context<AppEnv>, staffId: string, expiresAt = Date.now() + SESSION_TTL_MS) {
  const token = randomToken();
  const now = Date.now();
  await c.var.db.insert(staffSessions).values({ tokenHash: await sha256(token), staffId, expiresAt, createdAt: now });
  setCookie(c, SESSION_COOKIE, token, {
    httpOnly: true,
    sameSite: 'Lax',
    path: '/',
    maxAge: Math.max(1, Math.floor((expiresAt - now) / 1000)),
    secure: new URL(c.req.url).protocol === 'https:' || c.env.APP_ENV === 'production',
  });
}

export async function endSession(c: Context<AppEnv>) {
  const token = getCookie(c, SESSION_COOKIE);
  if (token) {
    cache.delete(token);
    await c.var.db
      .update(staffSessions)
      .set({ revokedAt: Date.now() })
      .where(eq(staffSessions.tokenHash, await sha256(token)));
  }
  deleteCookie(c, SESSION_COOKIE, { path: '/' });
}

/** Revokes every session of a staff member (e.g. a lost phone), in this isolate at once. */
export async function revokeAllSessions(db: Db, staffId: string) {
  for (const [k, v] of cache) if (v.staff.id === staffId) cache.delete(k);
  await db
    .update(staffSessions)
    .set({ revokedAt: Date.now() })
    .where(and(eq(staffSessions.staffId, staffId), isNull(staffSessions.revokedAt)));
}

/** The last Cookie header and the session token in it: a desk sends the same header with every scan. */
let lastCookies: { header: string; token: string | undefined } | null = null;

function sessionToken(c: Context<AppEnv>): string | undefined {
  const header = c.req.header('cookie');
  if (!header) return undefined;
  if (lastCookies?.header !== header) lastCookies = { header, token: getCookie(c, SESSION_COOKIE) };
  return lastCookies.token;
}

/** Sets c.var.staff from the session cookie, or null. Never fails the request by itself. */
export const withStaff = createMiddleware<AppEnv>(async (c, next) => {
  c.set('staff', null);
  const token = sessionToken(c);
  if (token) {
    const now = Date.now();
    const hit = cache.get(token);
    if (hit && hit.expiresAt > now && now - hit.checkedAt < CACHE_MS) {
      c.set('staff', hit.staff);
    } else {
      const [session] = await c.var.db
        .select({ staffId: staffSessions.staffId, expiresAt: staffSessions.expiresAt })
        .from(staffSessions)
        .where(
          and(
            eq(staffSessions.tokenHash, await sha256(token)),
            isNull(staffSessions.revokedAt),
            gt(staffSessions.expiresAt, sql`${now}`),
          ),
        );
      const who = session ? await loadStaff(c.var.db, session.staffId) : null;
      if (who && session) cache.set(token, { staff: who, expiresAt: session.expiresAt, checkedAt: now });
      else cache.delete(token);
      c.set('staff', who);
    }
  }
  await next();
});

export function requireStaff(c: Context<AppEnv>): StaffContext {
  const who = c.var.staff;
  if (!who) throw new ApiError(401, 'unauthorized', 'Sign in to continue.');
  return who;
}

/** The caller's role on the event in the path; 401 without a session, 403 without a role there. */
export function requireEventRole(c: Context<AppEnv>, slug: string, allowed: ReadonlyArray<'organiser' | 'desk'>) {
  const who = requireStaff(c);
  const grant = who.roles[slug];
  if (!grant || !allowed.includes(grant.role))
    throw new ApiError(403, 'forbidden', 'You do not have access to this event.');
  return { staff: who, eventId: grant.eventId, timezone: grant.timezone, role: grant.role };
}

/** Forget cached sessions (tests, and after role changes). */
export const clearSessionCache = () => cache.clear();
