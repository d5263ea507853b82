// Certificates: issuing to the eligible and the lecturers, the queue drawing them into FILES, verification with
// masking and rate limits, the attendee's download, reissue and revocation in the audit log, the roster's numbers.
import { createExecutionContext, createMessageBatch, getQueueResult } from 'cloudflare:test';
import { env } from 'cloudflare:workers';
import { and, eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { emails } from '../../schema';
import { UPCOMING_EVENT_ID, UPCOMING_SLUG } from '../../schema/seed/demo';
import { renderCertificateEmail } from '../../worker/email/certificate';
import { renderOutboxRow } from '../../worker/email/outbox';
import { dbFor } from '../../worker/db';
import { newCertificateNumber } from '../../worker/certificates/number';
import { type RenderMessage, renderCertificates } from '../../worker/certificates/render';
import worker from '../../worker/index';
import { endUpcomingAgendaAnHourAgo, NATIONAL_RULE, person, TALKS } from './fixtures';
import { call, eraseTicket, signIn } from './helpers';
// The consumer imports the PDF module when it first runs: load it with the file, outside any test's clock.
import '../../worker/certificates/pdf';

const SLUG = UPCOMING_SLUG;
const national = NATIONAL_RULE;

/** The CERTIFICATES queue, replaced by a recorder: drawing happens when a test delivers the messages. */
const sent: RenderMessage[] = [];
const queue = {
  send: async (body: RenderMessage) => void sent.push(body),
  sendBatch: async (messages: { body: RenderMessage }[]) => void sent.push(...messages.map((m) => m.body)),
};
const quietOutbox = { send: async () => {}, sendBatch: async () => {} };
const bindings = { CERTIFICATES: queue as never, OUTBOX: quietOutbox as never };

let org: string;
let desk: string;
type Reg = { id: string; ticketCode: string; manageUrl: string };
let full: Reg;
let forgiven: Reg;
let absent: Reg;
let english: Reg;

const register = async (i: string, extra: Record<string, unknown> = {}) =>
  (await call(`/api/events/${SLUG}/registrations`, { method: 'POST', json: person(i, extra) })).body
    .registration as Reg;
const override = (id: string, eligible: boolean) =>
  call(`/api/events/${SLUG}/attendance/${id}/override`, {
    method: 'PUT',
    headers: { cookie: org },
    json: { eligible, reason: 'Signed the paper list' },
  });

/** Issues page after page as the console does, collecting what each page answered. */
async function issueAll() {
  let after = '';
  let issued = 0;
  do {
    const res = await call(
      `/api/events/${SLUG}/certificates?limit=20${after ? `&after=${after}` : ''}`,
      { method: 'POST', headers: { cookie: org } },
      bindings,
    );
    expect(res.status).toBe(200);
    const body = res.body as { issued: number; next: string | null };
    issued += body.issued;
    after = body.next ?? '';
  } while (after);
  return issued;
}

/** Delivers what the recorder holds to the Worker's queue handler, as the queue would. */
async function deliver() {
  const messages = sent.splice(0).map((body, i) => ({ id: `m${i}`, timestamp: Date.now(), attempts: 1, body }));
  const batch = createMessageBatch('colloquy-certificates', messages);
  const ctx = createExecutionContext();
  await worker.queue(batch as never, { ...env, ...bindings }, ctx);
  return getQueueResult(batch, ctx);
}

type CertRow = {
  id: string;
  number: string;
  kind: string;
  status: string;
  credits: number;
  holder_name: string;
  r2_key: string;
  registration_id: string | null;
  person_id: string | null;
  replaced_by: string | null;
  last_error: string | null;
};
const rows = async () =>
  (
    await env.DB.prepare(`SELECT * FROM certificates WHERE event_id = ? ORDER BY issued_at`)
      .bind(UPCOMING_EVENT_ID)
      .all<CertRow>()
  ).results;
const certOf = async (registrationId: string) =>
  (await rows()).find((r) => r.registration_id === registrationId && r.kind !== 'teaching' && r.status !== 'revoked');

const certificateEmails = (registrationId: string) =>
  dbFor(env.DB)
    .select()
    .from(emails)
    .where(and(eq(emails.kind, 'certificate'), eq(emails.registrationId, registrationId)));

const verify = (number: string, ip = '203.0.113.1', lang = 'en') =>
  call(`/api/certificates/${encodeURIComponent(number)}`, {
    headers: { 'cf-connecting-ip': ip, 'accept-language': lang },
  });

beforeAll(async () => {
  org = await signIn('organiser@colloquy.test');
  desk = await signIn('desk@colloquy.test');
  // The upcoming edition's agenda ended an hour ago, so its sign-ins can be synced.
  await endUpcomingAgendaAnHourAgo();
  expect(
    (await call(`/api/events/${SLUG}/cme`, { method: 'PUT', headers: { cookie: org }, json: national })).status,
  ).toBe(200);
  full = await register('cert-full', { name: '张晓林' });
  forgiven = await register('cert-forgiven');
  absent = await register('cert-absent');
  english = await register('cert-en', { name: 'John Smith', locale: 'en' });
  const { results } = await env.DB.prepare(`SELECT starts_at AS s, ends_at AS e FROM sessions WHERE id IN (?, ?)`)
    .bind(...TALKS)
    .all<{ s: number; e: number }>();
  const start = Math.min(...results.map((r) => r.s));
  const end = Math.max(...results.map((r) => r.e));
  const iso = (ms: number) => new Date(ms).toISOString();
  const synced = await call(`/api/events/${SLUG}/checkins/batch`, {
    method: 'POST',
    headers: { cookie: desk },
    json: {
      deviceId: 'dev-cert',
      deskId: 'Desk 1',
      scans: [
        { clientId: 'c-in', code: full.ticketCode, scannedAt: iso(start - 60_000), direction: 'in' },
        { clientId: 'c-out', code: full.ticketCode, scannedAt: iso(end + 60_000), direction: 'out' },
        { clientId: 'c-en-in', code: english.ticketCode, scannedAt: iso(start - 60_000), direction: 'in' },
        { clientId: 'c-en-out', code: english.ticketCode, scannedAt: iso(end + 60_000), direction: 'out' },
      ],
    },
  });
  expect(synced.status).toBe(200);
  expect((await override(forgiven.id, true)).status).toBe(200);
});

describe('issuing', () => {
  it('gives a credit certificate to each eligible attendee and a teaching certificate to each lecturer, nobody else', async () => {
    const report = await call(`/api/events/${SLUG}/attendance?limit=500&lang=en`, { headers: { cookie: org } });
    const eligible = report.body.registrations.filter((r: any) => r.eligible);
    expect(eligible.map((r: any) => r.id)).toEqual(expect.arrayContaining([full.id, forgiven.id, english.id]));
    const issued = await issueAll();
    const all = await rows();
    expect(issued).toBe(all.length);
    const attendee = all.filter((r) => r.kind !== 'teaching');
    expect(attendee.map((r) => r.registration_id).sort()).toEqual(eligible.map((r: any) => r.id).sort());
    expect(attendee.every((r) => r.kind === 'credit')).toBe(true);
    expect(await certOf(absent.id)).toBeUndefined();
    const credits = eligible.find((r: any) => r.id === full.id)!.credits;
    expect(credits).toBeGreaterThan(0);
    expect((await certOf(full.id))!.credits).toBe(credits);
    // One teaching certificate per speaker, moderator and panel guest of the accredited items, with their credits.
    const teaching = all.filter((r) => r.kind === 'teaching');
    expect(teaching.map((r) => r.person_id).sort()).toEqual(report.body.lecturers.map((l: any) => l.personId).sort());
    for (const l of report.body.lecturers)
      expect(teaching.find((r) => r.person_id === l.personId)!.credits).toBe(l.credits);
    // Every new certificate was queued for drawing, at most 10 to a message.
    expect(sent.flatMap((m) => m.certificateIds).sort()).toEqual(all.map((r) => r.id).sort());
    expect(Math.max(...sent.map((m) => m.certificateIds.length))).toBeLessThanOrEqual(10);
    // Numbers are unique, and every PDF key is unguessable.
    expect(new Set(all.map((r) => r.number)).size).toBe(all.length);
    for (const r of all) expect(r.r2_key).toMatch(/^certificates\/evt_next_cell_therapy\/[A-Za-z0-9_-]{22}\.pdf$/);
    const list = await call(`/api/events/${SLUG}/certificates`, { headers: { cookie: org } });
    expect(list.body.counts).toEqual({ pending: all.length, ready: 0, failed: 0, revoked: 0 });
  });

  it('issuing again adds only the newly eligible', async () => {
    const before = (await rows()).length;
    sent.splice(0);
    expect(await issueAll()).toBe(0);
    expect((await rows()).length).toBe(before);
    expect(sent).toEqual([]);
    await override(absent.id, true);
    expect(await issueAll()).toBe(1);
    expect(await certOf(absent.id)).toBeDefined();
    expect(sent.flatMap((m) => m.certificateIds)).toEqual([(await certOf(absent.id))!.id]);
  });

  it('needs the CME project, and only organisers of the event may issue', async () => {
    const asDesk = await call(
      `/api/events/${SLUG}/certificates`,
      { method: 'POST', headers: { cookie: desk } },
      bindings,
    );
    expect(asDesk.status).toBe(403);
    const none = await call(
      '/api/events/cell-therapy-autoimmune-2026/certificates',
      { method: 'POST', headers: { cookie: org, 'accept-language': 'zh-CN' } },
      bindings,
    );
    expect(none.status).toBe(409);
    expect(none.body.error.message).toBe('请先设置继续医学教育项目。');
  });
});

describe('the certificate email', () => {
  const event = { titleZh: '细胞治疗研讨会', titleEn: 'Cell therapy seminar' } as never;
  const payload = { origin: 'https://c.example', number: 'C-1', name: '王小明', code: 'abc' };

  it('states the credits of an attendance certificate (a Ⅱ类 project), a teaching one, in both languages', () => {
    const attendance = { ...payload, kind: 'attendance', credits: 1, creditClass: 'II' } as const;
    const zh = renderCertificateEmail('zh-CN', event, attendance);
    expect(zh.html).toContain('<p>学分：1（Ⅱ类）</p>');
    expect(zh.text).toContain('证书编号 C-1。\n学分：1（Ⅱ类）\n\n下载证书：https://c.example/t/abc\n');
    expect(zh.text).toContain('任何人都可以在此核验证书：https://c.example/verify/C-1');
    expect(zh.html).toContain('任何人都可以在此核验证书：<a href="https://c.example/verify/C-1">');
    expect(renderCertificateEmail('en', event, attendance).html).toContain('<p>Credits: 1 (Class II)</p>');
    const teaching = { ...payload, kind: 'teaching', credits: 2.5, creditClass: 'I' } as const;
    expect(renderCertificateEmail('zh-CN', event, teaching).text).toContain('\n授课学分：2.5（Ⅰ类）\n');
    expect(renderCertificateEmail('en', event, teaching).text).toContain('\nTeaching credits: 2.5 (Class I)\n');
  });

  it('leaves no blank line where a certificate without credits would state them', () => {
    const none = renderCertificateEmail('zh-CN', event, { ...payload, kind: 'attendance', credits: 0 });
    expect(none.text).toContain('证书编号 C-1。\n\n下载证书');
    expect(none.text).not.toContain('学分');
    expect(none.text).not.toMatch(/\n\n\n/);
  });
});

describe('the queue consumer', () => {
  it('draws each certificate into FILES, marks it ready and emails the holder a link to the ticket page', async () => {
    // Everything issued so far, queued again: drawing is idempotent.
    sent.push({ certificateIds: (await rows()).map((r) => r.id), origin: 'http://localhost:8787' });
    const result = await deliver();
    expect(result.retryMessages).toEqual([]);
    const all = await rows();
    expect(all.every((r) => r.status === 'ready')).toBe(true);
    for (const r of all.slice(0, 3)) {
      const object = await env.FILES.get(r.r2_key);
      expect(object!.httpMetadata!.contentType).toBe('application/pdf');
      expect(new TextDecoder().decode((await object!.arrayBuffer()).slice(0, 5))).toBe('%PDF-');
    }
    const cert = (await certOf(full.id))!;
    const email = await certificateEmails(full.id);
    expect(email).toHaveLength(1);
    expect(email[0]!.to).toBe('attendeecert-full@example.org');
    const rendered = await renderOutboxRow(dbFor(env.DB), email[0]!);
    expect(rendered.subject).toContain('学分证书');
    expect(rendered.text).toContain(`http://localhost:8787/t/${full.ticketCode}`);
    expect(rendered.text).toContain(cert.number);
    // The credits, with the project's class as the PDF gives it.
    expect(rendered.text).toContain(`\n学分：${cert.credits}（Ⅰ类）\n`);
    const [en] = await certificateEmails(english.id);
    const renderedEn = await renderOutboxRow(dbFor(env.DB), en!);
    expect(renderedEn.subject).toContain('Your credit certificate');
    expect(renderedEn.html).toContain(`<p>Credits: ${(await certOf(english.id))!.credits} (Class I)</p>`);
    // Delivered twice (a queue redelivers): no second email.
    sent.push({ certificateIds: [cert.id], origin: 'http://localhost:8787' });
    await deliver();
    expect(await certificateEmails(full.id)).toHaveLength(1);
    const list = await call(`/api/events/${SLUG}/certificates`, { headers: { cookie: org } });
    expect(list.body.counts).toMatchObject({ pending: 0, ready: all.length, failed: 0 });
  });

  it('retries a failed drawing, then marks it failed with the error, and issuing again gives it another run', async () => {
    const reg = await register('cert-fails');
    await override(reg.id, true);
    await issueAll();
    const id = (await certOf(reg.id))!.id;
    sent.splice(0);
    const broken = { ...env, FILES: { put: async () => Promise.reject(new Error('R2 unavailable')) } } as never;
    expect([...(await renderCertificates(broken, [id], 'http://localhost:8787'))]).toEqual([id]);
    await renderCertificates(broken, [id], 'http://localhost:8787');
    expect((await renderCertificates(broken, [id], 'http://localhost:8787')).size).toBe(0);
    const row = (await certOf(reg.id))!;
    expect(row.status).toBe('failed');
    expect(row.last_error).toContain('R2 unavailable');
    const list = await call(`/api/events/${SLUG}/certificates?status=failed`, { headers: { cookie: org } });
    expect(list.body.counts.failed).toBe(1);
    expect(list.body.certificates.map((c: any) => c.lastError)).toEqual([expect.stringContaining('R2 unavailable')]);
    await issueAll();
    expect(sent.flatMap((m) => m.certificateIds)).toContain(id);
    await deliver();
    expect((await certOf(reg.id))!.status).toBe('ready');
  });
});

describe('verification', () => {
  it('shows a valid certificate with the holder partly masked, the event, credits and issue date', async () => {
    const cert = (await certOf(full.id))!;
    const res = await verify(cert.number);
    expect(res.status).toBe(200);
    expect(res.body.certificate).toMatchObject({
      number: cert.number,
      status: 'valid',
      holder: '张*林',
      kind: 'credit',
      credits: cert.credits,
      projectNumber: '2026-04-01-123 (国)',
      event: { slug: SLUG },
    });
    expect(res.body.certificate.issuedAt).toMatch(/^\d{4}-\d\d-\d\dT/);
    expect(JSON.stringify(res.body)).not.toContain('张晓林');
    const en = await verify((await certOf(english.id))!.number);
    expect(en.body.certificate.holder).toBe('J*** S***');
  });

  it('says not found, in the caller’s language, for an unknown or mistyped number', async () => {
    const unknown = await verify(newCertificateNumber(), '203.0.113.2', 'zh-CN');
    expect(unknown.status).toBe(404);
    expect(unknown.body.error.message).toBe('没有此编号的证书。请与证书上印的编号核对。');
    const typo = await verify('not-a-number', '203.0.113.2');
    expect(typo.status).toBe(404);
    expect(typo.body.error.message).toContain('No certificate has this number');
  });

  it('is rate-limited per client address', async () => {
    const number = (await certOf(full.id))!.number;
    let last = await verify(number, '198.51.100.7');
    for (let i = 0; i < 30 && last.status === 200; i++) last = await verify(number, '198.51.100.7');
    expect(last.status).toBe(429);
    expect(last.headers.get('retry-after')).toMatch(/^\d+$/);
    expect((await verify(number, '198.51.100.8')).status).toBe(200);
  });
});

describe('the attendee’s download', () => {
  it('streams the ticket holder’s PDF with a file name WeChat keeps; another ticket gets none', async () => {
    const cert = (await certOf(full.id))!;
    const listed = await call(`/api/tickets/${full.ticketCode}/certificates`);
    expect(listed.body.certificates).toEqual([
      { number: cert.number, kind: 'credit', ready: true, credits: cert.credits },
    ]);
    const res = await call(`/api/tickets/${full.ticketCode}/certificate.pdf`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('application/pdf');
    expect((res.body as string).startsWith('%PDF-')).toBe(true);
    const disposition = res.headers.get('content-disposition')!;
    expect(disposition).toContain(`filename="credit-certificate-${cert.number}.pdf"`);
    expect(disposition).toContain(`filename*=UTF-8''${encodeURIComponent('学分证书')}`);
    const other = await register('cert-other');
    const none = await call(`/api/tickets/${other.ticketCode}/certificate.pdf`, {
      headers: { 'accept-language': 'zh-CN' },
    });
    expect(none.status).toBe(404);
    expect(none.body.error.message).toBe('此电子票暂无证书。');
    expect((await call(`/api/tickets/${other.ticketCode}/certificates`)).body.certificates).toEqual([]);
  });
});

/** A person's portal link, as the organiser sends it and the person reads it in their email. */
async function portalLink(personId: string) {
  const sent = await call(`/api/events/${SLUG}/faculty/${personId}/link`, { method: 'POST', headers: { cookie: org } });
  expect(sent.status).toBe(202);
  const mail = await env.DB.prepare(
    `SELECT text FROM emails WHERE kind = 'faculty_link' AND json_extract(payload, '$.personId') = ? ORDER BY created_at DESC LIMIT 1`,
  )
    .bind(personId)
    .first<{ text: string }>();
  return /\/portal\/([A-Za-z0-9_-]{22})/.exec(mail?.text ?? '')![1]!;
}

describe('the lecturer’s download in the portal', () => {
  it('their link offers and streams their teaching certificate; someone without one gets a 404 in their language', async () => {
    const teaching = (await rows()).find((r) => r.kind === 'teaching' && r.status === 'ready')!;
    const token = await portalLink(teaching.person_id!);
    expect((await call(`/api/portal/${token}`)).body.teachingCertificate).toEqual({ number: teaching.number });
    const res = await call(`/api/portal/${token}/certificate.pdf`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('application/pdf');
    expect((res.body as string).startsWith('%PDF-')).toBe(true);
    expect(res.headers.get('content-disposition')).toContain(`teaching-certificate-${teaching.number}.pdf`);

    // Someone on the event who teaches nothing accredited.
    await env.DB.prepare(
      `INSERT INTO people (id, event_id, name_zh, name_en, email) VALUES ('per_cert_guest', ?, '访客', 'Guest', 'cert-guest@example.org')`,
    )
      .bind(UPCOMING_EVENT_ID)
      .run();
    const theirs = await portalLink('per_cert_guest');
    expect((await call(`/api/portal/${theirs}`)).body.teachingCertificate).toBeNull();
    const none = await call(`/api/portal/${theirs}/certificate.pdf`, { headers: { 'accept-language': 'zh-CN' } });
    expect(none.status).toBe(404);
    expect(none.body.error.message).toBe('您在本会议暂无授课证明。');
    const english = await call(`/api/portal/${theirs}/certificate.pdf`, { headers: { 'accept-language': 'en' } });
    expect(english.body.error.message).toBe('There is no teaching certificate for you at this event yet.');
  });
});

describe('corrections', () => {
  it('reissue after a name fix: the old number is revoked and points to the new one, which carries the new name', async () => {
    const old = (await certOf(full.id))!;
    const fix = await call(`/api/events/${SLUG}/registrations/${full.id}`, {
      method: 'PATCH',
      headers: { cookie: org },
      json: { name: '张小林' },
    });
    expect(fix.status).toBe(200);
    const res = await call(
      `/api/events/${SLUG}/certificates/${old.number}/reissue`,
      { method: 'POST', headers: { cookie: org }, json: { reason: '姓名有误' } },
      bindings,
    );
    expect(res.status).toBe(200);
    const next = res.body.certificate.number;
    expect(res.body.revoked).toBe(old.number);
    const was = await verify(old.number, '203.0.113.3');
    expect(was.body.certificate).toMatchObject({ status: 'revoked', replacedBy: next });
    await deliver();
    const now = await verify(next, '203.0.113.3');
    expect(now.body.certificate).toMatchObject({ status: 'valid', holder: '张*林', credits: old.credits });
    const fresh = (await certOf(full.id))!;
    expect(fresh).toMatchObject({ number: next, holder_name: '张小林', status: 'ready' });
    // The ticket now downloads the new certificate; the old number cannot be reissued twice.
    const pdf = await call(`/api/tickets/${full.ticketCode}/certificate.pdf`);
    expect(pdf.headers.get('content-disposition')).toContain(next);
    const twice = await call(
      `/api/events/${SLUG}/certificates/${old.number}/reissue`,
      { method: 'POST', headers: { cookie: org }, json: {} },
      bindings,
    );
    expect(twice.status).toBe(409);
    const audit = await env.DB.prepare(`SELECT detail FROM audit WHERE action = 'certificate.reissue'`).first<{
      detail: string;
    }>();
    expect(JSON.parse(audit!.detail)).toMatchObject({ number: old.number, replacedBy: next, reason: '姓名有误' });
  });

  it('revoke needs a reason, is audited, and the number then verifies as revoked; the ticket has no download', async () => {
    const cert = (await certOf(forgiven.id))!;
    const bare = await call(`/api/events/${SLUG}/certificates/${cert.number}/revoke`, {
      method: 'POST',
      headers: { cookie: org },
      json: { reason: ' ' },
    });
    expect(bare.status).toBe(400);
    const res = await call(`/api/events/${SLUG}/certificates/${cert.number}/revoke`, {
      method: 'POST',
      headers: { cookie: org },
      json: { reason: 'Left before the panel' },
    });
    expect(res.status).toBe(200);
    expect((await verify(cert.number, '203.0.113.4')).body.certificate).toMatchObject({
      status: 'revoked',
      replacedBy: null,
    });
    expect((await call(`/api/tickets/${forgiven.ticketCode}/certificate.pdf`)).status).toBe(404);
    const audit = await env.DB.prepare(`SELECT detail FROM audit WHERE action = 'certificate.revoke'`).first<{
      detail: string;
    }>();
    expect(JSON.parse(audit!.detail)).toEqual({ number: cert.number, reason: 'Left before the panel' });
    const unknown = await call(`/api/events/${SLUG}/certificates/${newCertificateNumber()}/revoke`, {
      method: 'POST',
      headers: { cookie: org },
      json: { reason: 'x' },
    });
    expect(unknown.status).toBe(404);
  });

  it('the roster CSV fills 证书编号', async () => {
    const cert = (await certOf(full.id))!;
    const res = await call(`/api/events/${SLUG}/attendance.csv?lang=zh-CN&limit=500`, { headers: { cookie: org } });
    const line = (res.body as string).split('\r\n').find((l) => l.includes('张小林'))!;
    expect(line).toContain(cert.number);
  });
});

describe('the seal', () => {
  const png = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0]);
  const upload = (body: BodyInit, type = 'image/png') =>
    call(`/api/events/${SLUG}/certificates/seal`, {
      method: 'PUT',
      headers: { cookie: org, 'content-type': type, origin: 'http://localhost:8787' },
      body,
    });

  it('takes a PNG or JPEG of at most 1 MB, checked by its bytes, and shows it back', async () => {
    const gif = await upload(new TextEncoder().encode('GIF89a....'), 'image/png');
    expect(gif.status).toBe(415);
    const big = new Uint8Array(1024 * 1024 + 1);
    big.set(png);
    expect((await upload(big)).status).toBe(413);
    const ok = await upload(png);
    expect(ok.status).toBe(200);
    const shown = await call(`/api/events/${SLUG}/certificates/seal`, { headers: { cookie: org } });
    expect(shown.headers.get('content-type')).toBe('image/png');
    const list = await call(`/api/events/${SLUG}/certificates`, { headers: { cookie: org } });
    expect(list.body.project).toMatchObject({ hasSeal: true });
    const named = await call(`/api/events/${SLUG}/certificates/organiser`, {
      method: 'PUT',
      headers: { cookie: org },
      json: { organiserName: '北京协和医院风湿免疫科' },
    });
    expect(named.status).toBe(200);
    const removed = await call(`/api/events/${SLUG}/certificates/seal`, { method: 'DELETE', headers: { cookie: org } });
    expect(removed.status).toBe(200);
    const after = await call(`/api/events/${SLUG}/certificates`, { headers: { cookie: org } });
    expect(after.body.project).toEqual({ organiserName: '北京协和医院风湿免疫科', hasSeal: false, creditClass: 'I' });
  });
});

describe('erasure', () => {
  it('“delete my data” leaves an issued certificate on record: it still verifies, masked; the ticket offers it no more', async () => {
    const cert = (await certOf(english.id))!;
    expect((await eraseTicket(english)).status).toBe(200);
    const res = await verify(cert.number);
    expect(res.status).toBe(200);
    expect(res.body.certificate).toMatchObject({ number: cert.number, status: 'valid', holder: 'J*** S***' });
    expect((await call(`/api/tickets/${english.ticketCode}/certificates`)).body).toEqual({
      certificates: [],
      credit: null,
    });
    expect((await call(`/api/tickets/${english.ticketCode}/certificate.pdf`)).status).toBe(404);
  });
});
