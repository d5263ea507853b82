// The audit log: who changed what and when, written in the same batch as the change.
import { sql } from 'drizzle-orm';

export function auditEntry(
  eventId: string | null,
  staffId: string | null,
  action: string,
  detail: Record<string, unknown> = {},
) {
  return sql`INSERT INTO audit (event_id, staff_id, action, detail, created_at) VALUES (${eventId}, ${staffId}, ${action}, ${JSON.stringify(detail)}, ${Date.now()})`;
}
