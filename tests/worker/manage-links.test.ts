// A new registration's management link: derived from the link secret, so its email (queued by a trigger in the
// registration's own statement) keeps no copy of it, and the email carries the very link the registrant was given.
import { env } from 'cloudflare:workers';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { deliverDue } from '../../worker/email/outbox';
import { emailIdOf } from '../../worker/registration/statements';
import { installResendDouble } from '../fakes/resend';
import { makeEvent, person } from './fixtures';
import { call } from './helpers';

afterEach(() => vi.restoreAllMocks());

// The queue is replaced by a recorder, so delivery happens only when a test drives it.
const queue = { send: async () => {}, sendBatch: async () => {} };
const register = (slug: string, who: string, bindings: Record<string, string> = {}) =>
  call(
    `/api/events/${slug}/registrations`,
    { method: 'POST', json: person(who) },
    { OUTBOX: queue as never, ...bindings },
  );

type Row = { id: string; kind: string; payload: string; status: string; html: string | null; text: string | null };
const outbox = async (registrationId: string) =>
  (
    await env.DB.prepare(
      'SELECT id, kind, payload, status, html, text FROM emails WHERE registration_id = ? ORDER BY created_at, id',
    )
      .bind(registrationId)
      .all<Row>()
  ).results;
const storedTokens = async (registrationId: string) =>
  (await env.DB.prepare('SELECT count(*) AS n FROM manage_tokens WHERE registration_id = ?')
    .bind(registrationId)
    .first<{ n: number }>())!.n;
/** The management token in a link of an email's text (…/t/CODE?m=TOKEN). */
const tokenIn = (text: string) => decodeURIComponent(/\/t\/[^?\s]+\?m=([^\s#&"]+)/.exec(text)?.[1] ?? '');
const tokenOf = (manageUrl: string) => new URL(manageUrl).searchParams.get('m')!;
/** Whether a token manages the ticket: the answers behind it open only to its management link. */
const manages = async (code: string, token: string) =>
  (await call(`/api/tickets/${code}/answers/view`, { method: 'POST', json: { token } })).status === 200;

describe("a new registration's management link (issue 21: one statement, no token kept in the outbox)", () => {
  it('its confirmation is queued with the origin only, and goes out with the link the registrant was given', async () => {
    const resend = installResendDouble();
    const { slug } = await makeEvent(5);
    const res = await register(slug, 'derived');
    expect(res.status).toBe(201);
    const { id, ticketCode, manageUrl } = res.body.registration;
    const [queued] = await outbox(id);
    expect(queued).toMatchObject({ id: emailIdOf(id), kind: 'confirmation', status: 'pending' });
    expect(JSON.parse(queued!.payload)).toEqual({ origin: 'http://localhost:8787' });
    await deliverDue(
      { ...env, RESEND_API_KEY: 're_test_key_123' },
      { now: Date.now(), timeoutMs: 50, ids: [queued!.id] },
    );
    const [sent] = resend.deliveredTo('attendeederived@example.org');
    expect((sent!.body as { text: string }).text).toContain(manageUrl);
    // Sent: the stored copy has the token redacted, and no token row was written for it.
    const [after] = await outbox(id);
    expect(after!.status).toBe('sent');
    expect(after!.text).not.toContain(tokenOf(manageUrl));
    expect(after!.text).toContain('REDACTED');
    expect(await storedTokens(id)).toBe(0);
    expect(await manages(ticketCode, tokenOf(manageUrl))).toBe(true);
  });

  it('without a link secret (a production install that set none) the email gets a token of its own, and both work', async () => {
    const production = { APP_ENV: 'production', LINK_SECRET: '' };
    const { slug } = await makeEvent(5);
    const res = await register(slug, 'nosecret', production);
    expect(res.status).toBe(201);
    const { id, ticketCode, manageUrl } = res.body.registration;
    const [queued] = await outbox(id);
    await deliverDue({ ...env, ...production }, { now: Date.now(), ids: [queued!.id] });
    const [captured] = await outbox(id);
    expect(captured!.status).toBe('captured');
    const emailed = tokenIn(captured!.text!);
    expect(emailed).toMatch(/^[\w-]{22}$/);
    expect(emailed).not.toBe(tokenOf(manageUrl));
    expect(await storedTokens(id)).toBe(1);
    expect(await manages(ticketCode, emailed)).toBe(true);
    expect(await manages(ticketCode, tokenOf(manageUrl))).toBe(true);
  });

  it('a link secret changed before the email went out: the email gets a token of its own, and both work', async () => {
    const { slug } = await makeEvent(5);
    const res = await register(slug, 'rotated', { LINK_SECRET: 'the first secret' });
    const { id, ticketCode, manageUrl } = res.body.registration;
    const [queued] = await outbox(id);
    await deliverDue({ ...env, LINK_SECRET: 'the second secret' }, { now: Date.now(), ids: [queued!.id] });
    const emailed = tokenIn((await outbox(id))[0]!.text!);
    expect(emailed).not.toBe(tokenOf(manageUrl));
    expect(await storedTokens(id)).toBe(1);
    expect(await manages(ticketCode, emailed)).toBe(true);
    expect(await manages(ticketCode, tokenOf(manageUrl))).toBe(true);
    // A token derived with another secret manages nothing.
    const other = await register(slug, 'rotated-other', { LINK_SECRET: 'the second secret' });
    expect(await manages(ticketCode, tokenOf(other.body.registration.manageUrl))).toBe(false);
  });

  it('the waitlisted, then promoted: both emails carry the link the registrant was given, and no token row', async () => {
    const { slug } = await makeEvent(1);
    const first = (await register(slug, 'seat')).body.registration;
    const waiting = (await register(slug, 'waiting')).body.registration;
    expect(waiting.status).toBe('waitlisted');
    const cancel = await call(`/api/tickets/${first.ticketCode}/cancel`, {
      method: 'POST',
      json: { token: tokenOf(first.manageUrl) },
    });
    expect(cancel.status).toBe(200);
    const rows = await outbox(waiting.id);
    expect(rows.map((r) => r.kind)).toEqual(['waitlisted', 'promoted']);
    await deliverDue(env, { now: Date.now(), ids: rows.map((r) => r.id) });
    for (const r of await outbox(waiting.id)) {
      expect(r.status).toBe('captured');
      expect(tokenIn(r.text!)).toBe(tokenOf(waiting.manageUrl));
    }
    expect(await storedTokens(waiting.id)).toBe(0);
  });
});
