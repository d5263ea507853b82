// Faculty materials: uploads checked by their bytes and size and streamed to R2, nothing left behind by a refused or
// interrupted upload, unguessable keys, and every read of a file checked (organisers, ticket holders, public after the session).
import { env } from 'cloudflare:workers';
import { beforeAll, describe, expect, it } from 'vitest';
import { docxBytes, pdfBytes, pngBytes, pptxBytes } from '../fakes/files';
import { STALE_UPLOAD_MS, sweepStaleUploads } from '../../worker/people/files';
import { makeEvent } from './fixtures';
import { call, ORIGIN, signIn } from './helpers';

const HOUR = 3_600_000;
let org: string;
let otherOrg: string;
let past: { id: string; slug: string };
let live: { id: string; slug: string };
let draft: { id: string; slug: string };
let other: { id: string; slug: string };
const ticket = {
  past: 'tkt_past_holder_000001',
  live: 'tkt_live_holder_000001',
  other: 'tkt_other_holder_00001',
  cancelled: 'tkt_live_cancelled_0001',
};

async function addPerson(eventId: string, id: string) {
  await env.DB.prepare(`INSERT INTO people (id, event_id, name_zh, name_en) VALUES (?, ?, '王嘉宾', 'Wang Guest')`)
    .bind(id, eventId)
    .run();
}
async function addTicket(eventId: string, code: string, status = 'confirmed') {
  await env.DB.prepare(
    `INSERT INTO registrations (id, event_id, ticket_code, name, email, email_key, status, role) VALUES (?, ?, ?, 'x', ?, ?, ?, 'attendee')`,
  )
    .bind(`reg_${code}`, eventId, code, `${code}@example.org`, `${code}@example.org`, status)
    .run();
}

beforeAll(async () => {
  const now = Date.now();
  // Ended an hour ago; its one talk ended four hours ago.
  past = await makeEvent(100, { startsAt: now - 5 * HOUR, endsAt: now - HOUR });
  // Under way: its first talk ended an hour ago; a second one runs until later.
  live = await makeEvent(100, { startsAt: now - 2 * HOUR, endsAt: now + 2 * HOUR });
  await env.DB.prepare(
    `INSERT INTO sessions (id, event_id, kind, title_zh, title_en, starts_at, ends_at) VALUES (?, ?, 'panel', '讨论', 'Panel', ?, ?)`,
  )
    .bind(`ses_later_${live.id}`, live.id, now + HOUR, now + 2 * HOUR)
    .run();
  draft = await makeEvent(100, { status: 'draft', startsAt: now - 5 * HOUR, endsAt: now - HOUR });
  other = await makeEvent(100, { startsAt: now - 5 * HOUR, endsAt: now - HOUR });
  await env.DB.batch([
    env.DB.prepare(
      `INSERT INTO staff (id, email, name) VALUES ('stf_mat', 'mat-org@colloquy.test', 'Materials organiser')`,
    ),
    env.DB.prepare(
      `INSERT INTO staff (id, email, name) VALUES ('stf_mat_other', 'mat-other@colloquy.test', 'Other organiser')`,
    ),
    ...[past, live, draft].map((e) =>
      env.DB.prepare(`INSERT INTO staff_roles (staff_id, event_id, role) VALUES ('stf_mat', ?, 'organiser')`).bind(
        e.id,
      ),
    ),
    env.DB.prepare(`INSERT INTO staff_roles (staff_id, event_id, role) VALUES ('stf_mat_other', ?, 'organiser')`).bind(
      other.id,
    ),
  ]);
  for (const [e, p] of [
    [past, 'per_past'],
    [live, 'per_live'],
    [draft, 'per_draft'],
    [other, 'per_other'],
  ] as const)
    await addPerson(e.id, p);
  await addTicket(past.id, ticket.past);
  await addTicket(live.id, ticket.live);
  await addTicket(other.id, ticket.other);
  await addTicket(live.id, ticket.cancelled, 'cancelled');
  org = await signIn('mat-org@colloquy.test');
  otherOrg = await signIn('mat-other@colloquy.test');
});

type Upload = { title?: string; visibility?: string; sessionId?: string; filename?: string };
/** Uploads as the console does: the file's bytes as the body, what goes with them in the query. */
function upload(
  slug: string,
  personId: string,
  body: Uint8Array | ReadableStream<Uint8Array>,
  q: Upload = {},
  length?: number,
  lang = 'zh-CN',
) {
  const query = new URLSearchParams({ title: 'Slides', visibility: 'organisers', ...q } as Record<string, string>);
  const size = length ?? (body instanceof Uint8Array ? body.byteLength : 0);
  return call(`/api/events/${slug}/people/${personId}/materials/file?${query}`, {
    method: 'POST',
    body: body as BodyInit,
    headers: {
      cookie: org,
      origin: ORIGIN,
      'content-length': String(size),
      'content-type': 'application/octet-stream',
      'accept-language': lang,
    },
  });
}
const uploaded = (r: { status: number; body: unknown }) => {
  if (r.status !== 201) throw new Error(`upload answered ${r.status}: ${JSON.stringify(r.body)}`);
  return (r.body as { material: { id: string; href: string; kind: string; contentType: string } }).material;
};
const objects = async () => (await env.FILES.list({ prefix: 'materials/' })).objects.map((o) => o.key);
const rows = async () =>
  (
    await env.DB.prepare(`SELECT id, status, r2_key AS key FROM materials`).all<{
      id: string;
      status: string;
      key: string | null;
    }>()
  ).results;
const keyOf = async (id: string) =>
  (await env.DB.prepare(`SELECT r2_key AS key FROM materials WHERE id = ?`).bind(id).first<{ key: string }>())?.key;
const listOf = async (slug: string, personId: string, cookie = org) =>
  (await call(`/api/events/${slug}/people/${personId}/materials`, { headers: { cookie } })).body as {
    materials: { id: string; title: string; visibility: string }[];
  };
/** A stream that sends `chunks`, then either ends or fails (the client went away). */
function streamOf(chunks: Uint8Array[], fail: boolean) {
  let i = 0;
  return new ReadableStream<Uint8Array>({
    pull(controller) {
      if (i < chunks.length) controller.enqueue(chunks[i++]!);
      else if (fail) controller.error(new Error('connection reset'));
      else controller.close();
    },
  });
}

describe('the type is decided by the bytes, not the name', () => {
  it('stores a PDF, and lists it for the organiser', async () => {
    const m = uploaded(await upload(past.slug, 'per_past', pdfBytes(2000), { title: '讲稿', filename: '讲稿.pdf' }));
    expect([m.kind, m.contentType]).toEqual(['pdf', 'application/pdf']);
    const list = await listOf(past.slug, 'per_past');
    expect(list.materials.map((x) => x.title)).toContain('讲稿');
    const file = await call(m.href, { headers: { cookie: org } });
    expect(file.status).toBe(200);
    expect(file.headers.get('content-type')).toBe('application/pdf');
    expect(file.headers.get('content-disposition')).toContain("filename*=UTF-8''%E8%AE%B2%E7%A8%BF.pdf");
    expect(file.body).toContain('%PDF-1.4');
  });

  it('refuses a PNG named .pdf with a clear message in both languages, keeping nothing', async () => {
    const [before, beforeRows] = [await objects(), await rows()];
    const r = await upload(past.slug, 'per_past', pngBytes(), { filename: 'slides.pdf' });
    expect(r.status).toBe(415);
    expect((r.body as any).error.message).toBe('请上传 PDF 或 PowerPoint（.pptx）文件。');
    const en = await upload(past.slug, 'per_past', pngBytes(), { filename: 'slides.pdf' }, undefined, 'en');
    expect((en.body as any).error).toEqual({
      code: 'unsupported_media_type',
      message: 'Upload a PDF or a PowerPoint (.pptx) file.',
    });
    expect(await objects()).toEqual(before);
    expect(await rows()).toEqual(beforeRows);
  });

  it('accepts a PowerPoint file named .bin', async () => {
    const m = uploaded(await upload(past.slug, 'per_past', pptxBytes(), { filename: 'deck.bin' }));
    expect([m.kind, m.contentType]).toEqual([
      'pptx',
      'application/vnd.openxmlformats-officedocument.presentationml.presentation',
    ]);
  });

  it('refuses a Word file (a ZIP without a presentation) after reading its directory back, and deletes it', async () => {
    const before = await objects();
    const r = await upload(past.slug, 'per_past', docxBytes(), { filename: 'slides.pptx' });
    expect(r.status).toBe(415);
    expect(await objects()).toEqual(before);
    expect((await rows()).filter((x) => x.status !== 'ready')).toEqual([]);
  });
});

describe('size', () => {
  it('refuses a declared size over 100 MB before reading the body', async () => {
    const r = await upload(past.slug, 'per_past', pdfBytes(), {}, 100 * 1024 * 1024 + 1);
    expect(r.status).toBe(413);
    expect((r.body as any).error.message).toBe('文件不能超过 100 MB。');
  });

  it('refuses a body longer than its Content-Length while counting, keeping nothing', async () => {
    const [before, beforeRows] = [await objects(), await rows()];
    const r = await upload(past.slug, 'per_past', streamOf([pdfBytes(4000), pdfBytes(4000)], false), {}, 5000);
    expect(r.status).toBe(400);
    expect((r.body as any).error.message).toBe('文件比上传时声明的大小更大。');
    expect(await objects()).toEqual(before);
    expect(await rows()).toEqual(beforeRows);
  });

  it('refuses an upload without a Content-Length', async () => {
    const r = await call(`/api/events/${past.slug}/people/per_past/materials/file?title=x`, {
      method: 'POST',
      body: streamOf([pdfBytes()], false),
      headers: { cookie: org, origin: ORIGIN },
    });
    expect(r.status).toBe(411);
  });
});

describe('an interrupted upload', () => {
  it('that fails mid-way leaves no row and no object', async () => {
    const [before, beforeRows] = [await objects(), await rows()];
    const head = pdfBytes(60_000);
    const r = await upload(past.slug, 'per_past', streamOf([head, head], true), { title: 'Half' }, 500_000);
    expect(r.status).toBe(400);
    expect((r.body as any).error.message).toBe('上传中断，文件未完整送达，未保存任何内容。请重试。');
    expect(await objects()).toEqual(before);
    expect(await rows()).toEqual(beforeRows);
    expect((await listOf(past.slug, 'per_past')).materials.map((m) => m.title)).not.toContain('Half');
  });

  it('that ends before its declared size leaves nothing either', async () => {
    const [before, beforeRows] = [await objects(), await rows()];
    const r = await upload(past.slug, 'per_past', streamOf([pdfBytes(1000)], false), {}, 50_000);
    expect(r.status).toBe(400);
    expect(await objects()).toEqual(before);
    expect(await rows()).toEqual(beforeRows);
  });
});

describe('keys', () => {
  it('are 128 random bits, derived from nothing about the upload', async () => {
    const bytes = pdfBytes();
    const a = uploaded(await upload(past.slug, 'per_past', bytes, { title: 'Same', filename: 'same.pdf' }));
    const b = uploaded(await upload(past.slug, 'per_past', bytes, { title: 'Same', filename: 'same.pdf' }));
    const [ka, kb] = [await keyOf(a.id), await keyOf(b.id)];
    expect(ka).toMatch(/^materials\/[A-Za-z0-9_-]{22}$/);
    expect(ka).not.toBe(kb);
    for (const k of [ka!, kb!])
      for (const known of [past.id, past.slug, 'per_past', 'same', 'Same', a.id.slice(4), b.id.slice(4)])
        expect(k).not.toContain(known);
  });
});

describe('reading a file', () => {
  it('organisers-only: 404 (not 403) for anyone but the event’s organisers, whatever they hold', async () => {
    const m = uploaded(await upload(past.slug, 'per_past', pdfBytes(), { visibility: 'organisers' }));
    const answers = await Promise.all([
      call(m.href),
      call(`${m.href}?ticket=${ticket.past}`),
      call(m.href, { headers: { cookie: otherOrg } }),
      call(`/api/materials/mat_AAAAAAAAAAAAAAAAAAAAAA/file`),
    ]);
    expect(answers.map((r) => r.status)).toEqual([404, 404, 404, 404]);
    // The same answer as for an address that holds nothing: the material's existence is not confirmed.
    expect(answers.map((r) => r.body)).toEqual(Array(4).fill(answers[3]!.body));
    expect((await call(m.href, { headers: { cookie: org } })).status).toBe(200);
    // Another event's organiser cannot list or change it either.
    const theirs = await call(`/api/events/${past.slug}/people/per_past/materials/${m.id}`, {
      method: 'PATCH',
      json: { visibility: 'public_after_event' },
      headers: { cookie: otherOrg },
    });
    expect(theirs.status).toBe(403);
  });

  it('public after the event: open to anyone once its session has ended, not before', async () => {
    const ended = uploaded(
      await upload(live.slug, 'per_live', pdfBytes(), {
        title: 'Ended talk',
        visibility: 'public_after_event',
        sessionId: `ses_${live.id}`,
      }),
    );
    const later = uploaded(
      await upload(live.slug, 'per_live', pdfBytes(), {
        title: 'Later panel',
        visibility: 'public_after_event',
        sessionId: `ses_later_${live.id}`,
      }),
    );
    const wholeEvent = uploaded(
      await upload(live.slug, 'per_live', pdfBytes(), { title: 'Event pack', visibility: 'public_after_event' }),
    );
    expect((await call(ended.href)).status).toBe(200);
    expect((await call(later.href)).status).toBe(404);
    expect((await call(wholeEvent.href)).status).toBe(404);
    const published = await call(`/api/events/${live.slug}/materials`);
    expect((published.body as any).materials.map((m: any) => m.title)).toEqual(['Ended talk']);
  });

  it('public after the event: never for a draft event', async () => {
    await addPerson(draft.id, 'per_draft2');
    const m = uploaded(await upload(draft.slug, 'per_draft2', pdfBytes(), { visibility: 'public_after_event' }));
    expect((await call(m.href)).status).toBe(404);
    expect((await call(m.href, { headers: { cookie: org } })).status).toBe(200);
  });

  it("attendees: confirmed ticket holders of that event from the session's start; nobody else", async () => {
    const m = uploaded(
      await upload(live.slug, 'per_live', pdfBytes(), {
        title: 'For attendees',
        visibility: 'attendees',
        sessionId: `ses_${live.id}`,
      }),
    );
    const notYet = uploaded(
      await upload(live.slug, 'per_live', pdfBytes(), {
        title: 'Not yet',
        visibility: 'attendees',
        sessionId: `ses_later_${live.id}`,
      }),
    );
    expect((await call(`${m.href}?ticket=${ticket.live}`)).status).toBe(200);
    expect((await call(`${notYet.href}?ticket=${ticket.live}`)).status).toBe(404);
    for (const bad of ['', `?ticket=${ticket.other}`, `?ticket=${ticket.cancelled}`])
      expect((await call(`${m.href}${bad}`)).status).toBe(404);
    const mine = await call(`/api/tickets/${ticket.live}/materials`);
    const titles = (mine.body as any).materials.map((x: any) => x.title);
    expect(titles).toContain('For attendees');
    expect(titles).toContain('Ended talk');
    expect(titles).not.toContain('Not yet');
    expect((mine.body as any).materials.find((x: any) => x.title === 'For attendees').href).toBe(
      `${m.href}?ticket=${ticket.live}`,
    );
    expect((await call(`/api/tickets/${ticket.other}/materials`)).body).toEqual({ materials: [] });
  });
});

describe('organisers manage them', () => {
  it('change visibility (opening it at once), delete (removing the object), and every step is audited', async () => {
    const m = uploaded(await upload(past.slug, 'per_past', pdfBytes(), { title: 'Audited' }));
    expect((await call(m.href)).status).toBe(404);
    const patched = await call(`/api/events/${past.slug}/people/per_past/materials/${m.id}`, {
      method: 'PATCH',
      json: { visibility: 'public_after_event' },
      headers: { cookie: org },
    });
    expect(patched.status).toBe(200);
    expect((await call(m.href)).status).toBe(200);
    const key = await keyOf(m.id);
    expect(await env.FILES.head(key!)).not.toBeNull();
    const gone = await call(`/api/events/${past.slug}/people/per_past/materials/${m.id}`, {
      method: 'DELETE',
      headers: { cookie: org, origin: ORIGIN },
    });
    expect(gone.status).toBe(200);
    expect(await env.FILES.head(key!)).toBeNull();
    expect((await call(m.href)).status).toBe(404);
    const again = await call(`/api/events/${past.slug}/people/per_past/materials/${m.id}`, {
      method: 'DELETE',
      headers: { cookie: org, origin: ORIGIN },
    });
    expect(again.status).toBe(404);
    const { results } = await env.DB.prepare(
      `SELECT action, staff_id AS staff, detail FROM audit WHERE detail LIKE ? ORDER BY id`,
    )
      .bind(`%${m.id}%`)
      .all<{ action: string; staff: string; detail: string }>();
    expect(results.map((r) => [r.action, r.staff])).toEqual([
      ['material.upload', 'stf_mat'],
      ['material.update', 'stf_mat'],
      ['material.delete', 'stf_mat'],
    ]);
    expect(JSON.parse(results[1]!.detail).visibility).toBe('public_after_event');
  });

  it('refuse an agenda item or person of another event, with nothing stored', async () => {
    const before = await objects();
    expect((await upload(past.slug, 'per_other', pdfBytes())).status).toBe(404);
    expect((await upload(past.slug, 'per_past', pdfBytes(), { sessionId: `ses_${other.id}` })).status).toBe(404);
    expect(await objects()).toEqual(before);
  });

  it('add video links: http(s) only; the link opens through the same access check', async () => {
    const path = `/api/events/${past.slug}/people/per_past/materials/link`;
    for (const url of ['javascript:alert(1)', 'data:text/html,x', 'ftp://example.org/v', 'not a url']) {
      const r = await call(path, {
        method: 'POST',
        json: { title: 'Video', url, visibility: 'public_after_event' },
        headers: { cookie: org },
      });
      expect(r.status).toBe(400);
      expect((r.body as any).error.fields.url).toBeDefined();
    }
    const ok = await call(path, {
      method: 'POST',
      json: { title: 'Recording', url: 'https://video.example.org/talk', visibility: 'public_after_event' },
      headers: { cookie: org },
    });
    expect(ok.status).toBe(201);
    const published = (await call(`/api/events/${past.slug}/materials`)).body as any;
    const link = published.materials.find((m: any) => m.title === 'Recording');
    expect(link.href).toBe('https://video.example.org/talk');
    const opened = await call(`/api/materials/${link.id}/file`, { redirect: 'manual' });
    expect([opened.status, opened.headers.get('location')]).toEqual([302, 'https://video.example.org/talk']);
  });
});

describe("a person's files go when they are no longer named", () => {
  const photos = async (eventId: string, personId: string) =>
    (await env.PHOTOS.list({ prefix: `${eventId}/${personId}/` })).objects.map((o) => o.key);
  const putPhoto = (slug: string, personId: string) =>
    call(`/api/events/${slug}/people/${personId}/photo`, {
      method: 'POST',
      body: pngBytes() as BodyInit,
      headers: { cookie: org, origin: ORIGIN, 'content-type': 'image/png' },
    });

  it('a replaced photo stops being served; only the current one stays', async () => {
    await addPerson(live.id, 'per_photo_swap');
    const first = (await putPhoto(live.slug, 'per_photo_swap')).body as { photoUrl: string };
    expect((await call(first.photoUrl)).status).toBe(200);
    const second = (await putPhoto(live.slug, 'per_photo_swap')).body as { photoUrl: string };
    expect(second.photoUrl).not.toBe(first.photoUrl);
    expect((await call(first.photoUrl)).status).toBe(404);
    expect((await call(second.photoUrl)).status).toBe(200);
    expect(await photos(live.id, 'per_photo_swap')).toEqual([second.photoUrl.replace('/api/photos/', '')]);
  });

  it('removing a person removes their photo and their materials’ files, not another person’s', async () => {
    await addPerson(live.id, 'per_leaving');
    await addPerson(live.id, 'per_staying');
    const photo = (await putPhoto(live.slug, 'per_leaving')).body as { photoUrl: string };
    const leaving = uploaded(await upload(live.slug, 'per_leaving', pdfBytes()));
    const staying = uploaded(await upload(live.slug, 'per_staying', pdfBytes()));
    const [leavingKey, stayingKey] = [await keyOf(leaving.id), await keyOf(staying.id)];
    expect(await env.FILES.head(leavingKey!)).not.toBeNull();

    const gone = await call(`/api/events/${live.slug}/people/per_leaving`, {
      method: 'DELETE',
      headers: { cookie: org, origin: ORIGIN },
    });
    expect(gone.status).toBe(200);
    expect(await env.FILES.head(leavingKey!)).toBeNull();
    expect(await keyOf(leaving.id)).toBeUndefined();
    expect((await call(photo.photoUrl)).status).toBe(404);
    expect(await photos(live.id, 'per_leaving')).toEqual([]);
    expect(await env.FILES.head(stayingKey!)).not.toBeNull();
  });

  it('the cron sweeps an upload abandoned mid-way (row and object), and leaves a recent one alone', async () => {
    const now = Date.now();
    const insert = (id: string, key: string, at: number) =>
      env.DB.prepare(
        `INSERT INTO materials (id, event_id, person_id, kind, title, filename, r2_key, visibility, status, uploaded_by, created_at)
         VALUES (?, ?, 'per_live', 'pdf', 't', 't.pdf', ?, 'organisers', 'uploading', 'staff:stf_mat', ?)`,
      )
        .bind(id, live.id, key, at)
        .run();
    await insert('mat_abandoned', 'materials/abandoned-object', now - STALE_UPLOAD_MS - 60_000);
    await insert('mat_in_flight', 'materials/in-flight-object', now - 60_000);
    await env.FILES.put('materials/abandoned-object', 'partial');
    await env.FILES.put('materials/in-flight-object', 'partial');

    expect(await sweepStaleUploads(env, now)).toBe(1);
    expect(await keyOf('mat_abandoned')).toBeUndefined();
    expect(await env.FILES.head('materials/abandoned-object')).toBeNull();
    expect(await keyOf('mat_in_flight')).toBe('materials/in-flight-object');
    expect(await env.FILES.head('materials/in-flight-object')).not.toBeNull();
  });
});
