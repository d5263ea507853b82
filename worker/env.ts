// The Worker's bindings and per-request variables, shared by every route.
import type { DrizzleD1Database } from 'drizzle-orm/d1';
import type { Faculty } from './faculty/link';

/** Bindings from wrangler.toml (generated into worker-configuration.d.ts) plus optional secrets. */
export type Bindings = Env & {
  RESEND_API_KEY?: string;
  /** The secret new registrations' management tokens are derived from (worker/tickets/manage.ts#linkSecret). */
  LINK_SECRET?: string;
  RESEND_FROM?: string;
  RESEND_WEBHOOK_SECRET?: string;
  /** The site's public origin, for links in emails sent from the cron (requests use their own origin). */
  PUBLIC_URL?: string;
  /** Calls per second the outbox makes to Resend, across all invocations (wrangler.toml; worker/email/pace.ts). */
  RESEND_MAX_RPS?: string;
  /** Development only: "true" makes the outbox queue's consumer take its messages and send nothing (the bench). */
  OUTBOX_PAUSED?: string;
  /** Sign-in links one address may ask for per hour (wrangler.toml). */
  SIGN_IN_PER_EMAIL_PER_HOUR?: string;
};

export type Db = DrizzleD1Database;

export type StaffContext = {
  id: string;
  email: string;
  name: string;
  roles: Record<
    string,
    {
      eventId: string;
      timezone: string;
      role: 'organiser' | 'desk';
      /** For the lists a staff member picks an event from: its title and when it starts. */
      title: { zh: string; en: string };
      startsAt: number;
    }
  >;
};

export type AppEnv = {
  Bindings: Bindings;
  /** faculty: set by the 'faculty' access rule, for portal routes only. */
  Variables: { db: Db; staff: StaffContext | null; faculty?: Faculty };
};

export const isDevelopment = (env: Bindings) => env.APP_ENV === 'development';
