// A person's stored files: photos (PHOTOS) are kept only while the person or a change awaiting approval refers to them; a removed person's materials go from FILES too.
import type { Bindings } from '../env';

const PHOTO_PATH = '/api/photos/';
/** Uploads in progress longer than this are abandoned (a 100 MB file at 1 Mbit/s takes about 14 minutes). */
export const STALE_UPLOAD_MS = 6 * 3_600_000;

const photoKey = (url: unknown) =>
  typeof url === 'string' && url.startsWith(PHOTO_PATH) ? url.slice(PHOTO_PATH.length) : null;

/**
 * Deletes every photo under the person's prefix that neither their profile nor their pending change names: a
 * replaced or refused photo stops being served (its address was public), and a removed person's photos all go.
 */
export async function prunePhotos(env: Pick<Bindings, 'DB' | 'PHOTOS'>, eventId: string, personId: string) {
  const row = await env.DB.prepare(
    `SELECT p.photo_url AS photoUrl, fp.pending FROM people p
     LEFT JOIN faculty_profiles fp ON fp.person_id = p.id WHERE p.id = ?1 AND p.event_id = ?2`,
  )
    .bind(personId, eventId)
    .first<{ photoUrl: string | null; pending: string | null }>();
  const keep = new Set<string>();
  const current = photoKey(row?.photoUrl);
  if (current) keep.add(current);
  if (row?.pending) {
    const waiting = photoKey((JSON.parse(row.pending) as { photoUrl?: unknown }).photoUrl);
    if (waiting) keep.add(waiting);
  }
  const prefix = `${eventId}/${personId}/`;
  let cursor: string | undefined;
  do {
    const page = await env.PHOTOS.list({ prefix, cursor });
    const gone = page.objects.map((o) => o.key).filter((k) => !keep.has(k));
    if (gone.length) await env.PHOTOS.delete(gone);
    cursor = page.truncated ? page.cursor : undefined;
  } while (cursor);
}

/** The cron's sweep: an upload whose request died without its cleanup (the isolate was evicted) leaves no row or object behind. */
export async function sweepStaleUploads(env: Pick<Bindings, 'DB' | 'FILES'>, now: number) {
  const { results } = await env.DB.prepare(
    `DELETE FROM materials WHERE status = 'uploading' AND created_at < ?1 RETURNING r2_key AS key`,
  )
    .bind(now - STALE_UPLOAD_MS)
    .all<{ key: string | null }>();
  const keys = results.map((r) => r.key).filter((k): k is string => !!k);
  if (keys.length) await env.FILES.delete(keys);
  return keys.length;
}
