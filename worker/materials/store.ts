// Storing a faculty file: the request body streams to R2 (never held whole in memory), checked by its bytes and size;
// a refused or interrupted upload leaves neither a row nor an object behind.
import { sql } from 'drizzle-orm';
import type { MaterialVisibility } from '../../schema';
import { auditEntry } from '../audit/log';
import { atomically } from '../db';
import type { Bindings } from '../env';
import { ApiError, notFound } from '../http/errors';
import { newId, randomToken } from '../lib/random';
import {
  centralDirectory,
  HEAD_BYTES,
  isPresentation,
  PDF_TYPE,
  PPTX_TYPE,
  sniff,
  ZIP_TAIL_BYTES,
  zipEntryNames,
} from './sniff';

export const MATERIAL_MAX_BYTES = 100 * 1024 * 1024;
/** A presentation's central directory larger than this is not a slide deck anyone uploads. */
const MAX_DIRECTORY_BYTES = 4 * 1024 * 1024;

export const TOO_LARGE = 'Files may be at most 100 MB.';
export const WRONG_TYPE = 'Upload a PDF or a PowerPoint (.pptx) file.';
export const NEEDS_LENGTH = 'Send the file with its size (Content-Length).';
export const EMPTY = 'The file is empty.';
export const LONGER = 'The file is larger than the size it was sent with.';
export const INTERRUPTED = 'The upload was interrupted before the whole file arrived; nothing was stored. Try again.';

/** Who uploads what, for whom. `staffId` is null for an upload through the person's own portal link. */
export type MaterialUpload = {
  eventId: string;
  personId: string;
  sessionId?: string | null;
  title: string;
  visibility: MaterialVisibility;
  filename: string;
  staffId: string | null;
};

export type StoredMaterial = {
  id: string;
  kind: 'pdf' | 'pptx';
  title: string;
  filename: string;
  contentType: string;
  bytes: number;
  visibility: MaterialVisibility;
  sessionId: string | null;
};

/** The row, written first as 'uploading' and only if the person (and the session, if named) belong to the event. */
function pendingRow(d1: D1Database, id: string, key: string, u: MaterialUpload) {
  const session = u.sessionId ?? null;
  return d1
    .prepare(
      `INSERT INTO materials (id, event_id, person_id, session_id, kind, title, filename, r2_key, visibility, status, uploaded_by)
       SELECT ?1, ?2, ?3, ?4, 'pdf', ?5, ?6, ?7, ?8, 'uploading', ?9
       FROM people p WHERE p.id = ?3 AND p.event_id = ?2
         AND (?4 IS NULL OR EXISTS (SELECT 1 FROM sessions s WHERE s.id = ?4 AND s.event_id = ?2))`,
    )
    .bind(id, u.eventId, u.personId, session, u.title, u.filename, key, u.visibility, uploader(u));
}

export const uploader = (u: { staffId: string | null; personId: string }) =>
  u.staffId ? `staff:${u.staffId}` : `person:${u.personId}`;

/**
 * Streams `body` (of `declared` bytes, from Content-Length) into FILES under a fresh random key. Refuses early on a
 * missing or too large length, refuses a body longer than declared or than the limit while counting, decides the type
 * from the first bytes (and, for a PPTX, from the ZIP's central directory read back from R2). Any failure deletes the
 * object and the row and throws an ApiError; success marks the row ready and audits it in one batch.
 */
export async function storeMaterial(
  env: Bindings,
  upload: MaterialUpload,
  body: ReadableStream<Uint8Array> | null,
  declared: number | null,
): Promise<StoredMaterial> {
  if (declared === null || !Number.isSafeInteger(declared) || declared < 0)
    throw new ApiError(411, 'bad_request', NEEDS_LENGTH);
  if (declared > MATERIAL_MAX_BYTES) throw new ApiError(413, 'payload_too_large', TOO_LARGE);
  if (declared === 0 || !body) throw new ApiError(400, 'bad_request', EMPTY);

  const id = newId('mat');
  // Random, and nothing else: the key cannot be derived from the event, the person, the title or the file name.
  const key = `materials/${randomToken()}`;
  const reader = body.getReader();
  const pending = await pendingRow(env.DB, id, key, upload).run();
  if (!pending.meta.changes) {
    await reader.cancel().catch(() => {});
    throw notFound('No such person (or agenda item) in this event.');
  }

  let put: Promise<R2Object | null> | null = null;
  try {
    let received = 0;
    const count = (chunk: Uint8Array) => {
      received += chunk.byteLength;
      if (received > MATERIAL_MAX_BYTES) throw new ApiError(413, 'payload_too_large', TOO_LARGE);
      // More bytes than Content-Length said: the length lied, so the size check above it cannot be trusted.
      if (received > declared) throw new ApiError(400, 'bad_request', LONGER);
    };

    // The first bytes decide the type before anything is stored.
    const head: Uint8Array[] = [];
    let headLength = 0;
    let done = false;
    while (headLength < Math.min(HEAD_BYTES, declared) && !done) {
      const next = await reader.read();
      done = next.done;
      if (next.value) {
        count(next.value);
        head.push(next.value);
        headLength += next.value.byteLength;
      }
    }
    const kind = sniff(concat(head, headLength));
    if (!kind) throw new ApiError(415, 'unsupported_media_type', WRONG_TYPE);
    const contentType = kind === 'pdf' ? PDF_TYPE : PPTX_TYPE;

    // R2 needs the length of a stream up front: FixedLengthStream carries Content-Length through, and errors if the
    // bytes that arrive are fewer or more.
    const { readable, writable } = new FixedLengthStream(declared);
    put = env.FILES.put(key, readable, { httpMetadata: { contentType } });
    put.catch(() => {}); // its failure surfaces through the writer below, or when awaited
    const writer = writable.getWriter();
    try {
      for (const chunk of head) await writer.write(chunk);
      while (!done) {
        const next = await reader.read();
        done = next.done;
        if (next.value) {
          count(next.value);
          // Awaiting each write is the backpressure: at most a chunk or two is in memory at any time.
          await writer.write(next.value);
        }
      }
      if (received !== declared) throw new ApiError(400, 'bad_request', INTERRUPTED);
      await writer.close();
    } catch (e) {
      await writer.abort(e).catch(() => {});
      throw e;
    }
    await put;

    if (kind === 'pptx' && !(await presentationInR2(env.FILES, key, declared)))
      throw new ApiError(415, 'unsupported_media_type', WRONG_TYPE);

    await atomically(env.DB, [
      sql`UPDATE materials SET status = 'ready', kind = ${kind}, content_type = ${contentType}, bytes = ${declared} WHERE id = ${id}`,
      auditEntry(upload.eventId, upload.staffId, 'material.upload', {
        id,
        personId: upload.personId,
        kind,
        title: upload.title,
        bytes: declared,
        visibility: upload.visibility,
        by: uploader(upload),
      }),
    ]);
    return {
      id,
      kind,
      title: upload.title,
      filename: upload.filename,
      contentType,
      bytes: declared,
      visibility: upload.visibility,
      sessionId: upload.sessionId ?? null,
    };
  } catch (e) {
    await reader.cancel().catch(() => {});
    if (put) await put.catch(() => {});
    await Promise.allSettled([
      env.FILES.delete(key),
      env.DB.prepare(`DELETE FROM materials WHERE id = ?`).bind(id).run(),
    ]);
    if (e instanceof ApiError) throw e;
    // The body's stream failed (the client went away, or the runtime cut it): nothing half-stored remains.
    throw new ApiError(400, 'bad_request', INTERRUPTED);
  }
}

function concat(chunks: Uint8Array[], length: number): Uint8Array {
  if (chunks.length === 1) return chunks[0]!;
  const all = new Uint8Array(length);
  let at = 0;
  for (const c of chunks) {
    all.set(c, at);
    at += c.byteLength;
  }
  return all;
}

/** Reads the ZIP's end record and central directory back from R2 by range: a few KB, whatever the file's size. */
async function presentationInR2(bucket: R2Bucket, key: string, size: number): Promise<boolean> {
  const tailLength = Math.min(size, ZIP_TAIL_BYTES);
  const tailObject = await bucket.get(key, { range: { offset: size - tailLength, length: tailLength } });
  if (!tailObject) return false;
  const tail = new Uint8Array(await tailObject.arrayBuffer());
  const dir = centralDirectory(tail);
  if (!dir || dir.size > MAX_DIRECTORY_BYTES || dir.offset + dir.size > size) return false;
  const tailStart = size - tailLength;
  let directory: Uint8Array;
  if (dir.offset >= tailStart) directory = tail.subarray(dir.offset - tailStart, dir.offset - tailStart + dir.size);
  else {
    const part = await bucket.get(key, { range: { offset: dir.offset, length: dir.size } });
    if (!part) return false;
    directory = new Uint8Array(await part.arrayBuffer());
  }
  return isPresentation(zipEntryNames(directory));
}
