// Public certificate routes: verification by number (rate-limited per client) and the attendee's own download.
import { sql } from 'drizzle-orm';
import { Hono } from 'hono';
import type { CertificateKindName, CertificateStatus } from '../../schema/certificates';
import { ticketCredit, ticketCreditReads } from '../attendance/ticket-credit';
import { atomically } from '../db';
import type { AppEnv } from '../env';
import { clientIp } from '../http/client';
import { rule } from '../http/contract';
import { ApiError, notFound } from '../http/errors';
import { requestLocale } from '../http/messages';
import { type Bucket, secondsToWait, takeMemoryToken } from '../http/rate-limit';
import { isoOrNull } from '../lib/time';
import { pdfResponse } from './download';
import { maskName } from './mask';
import { parseCertificateNumber } from './number';

export const UNKNOWN_CERTIFICATE =
  'No certificate has this number. Check it against the number printed on the certificate.';
const NO_CERTIFICATE = 'There is no certificate for this ticket yet.';
const NOT_READY = 'Your certificate is being prepared. Try again in a few minutes.';
const CODE = /^[A-Za-z0-9_-]{16,64}$/;

/**
 * Per client address, in the isolate's memory (as desk search): a lookup stays one pure D1 read. Enough for a CME
 * office checking a pile of certificates (a burst of 30, then one every 2 s), far too slow to walk the number space,
 * which has ≥ 80 bits anyway. VERIFY_BURST and VERIFY_PER_MINUTE (optional vars) let the bench measure the lookup.
 */
function verifyBucket(env: object, key: string): Bucket {
  const { VERIFY_BURST, VERIFY_PER_MINUTE } = env as { VERIFY_BURST?: string; VERIFY_PER_MINUTE?: string };
  return {
    key,
    burst: Number(VERIFY_BURST || 30),
    intervalMs: Math.max(1, Math.round(60_000 / Number(VERIFY_PER_MINUTE || 30))),
  };
}

type VerifyRow = {
  number: string;
  kind: CertificateKindName;
  status: CertificateStatus;
  replacedBy: string | null;
  holderName: string;
  credits: number;
  issuedAt: number;
  revokedAt: number | null;
  slug: string;
  titleZh: string;
  titleEn: string;
  startsAt: number;
  endsAt: number;
  timezone: string;
  projectNumber: string | null;
  level: string | null;
  creditClass: string | null;
};

const rules = {
  verify: rule({
    access: 'public',
    tag: 'certificates',
    summary:
      'Verify a certificate by its number: valid or revoked (with the replacement), the masked holder, event, credits and issue date; rate-limited per client (429).',
  }),
  ticketCertificates: rule({
    access: 'ticket',
    tag: 'certificates',
    summary:
      "The certificates of this ticket's holder (not revoked), with their state; after an event with a CME project, the attendee's credit and why.",
  }),
  ticketPdf: rule({
    access: 'ticket',
    tag: 'certificates',
    summary: "Download this ticket holder's certificate (?number= picks one when there are several).",
  }),
};

export const certificateVerifyRoutes = new Hono<AppEnv>().get('/:number', rules.verify, async (c) => {
  const bucket = verifyBucket(c.env, `verify:${clientIp(c) ?? 'unknown'}`);
  const refused = takeMemoryToken(bucket, Date.now());
  if (refused !== null) {
    c.header('retry-after', String(secondsToWait(bucket, refused, Date.now())));
    throw new ApiError(429, 'rate_limited', 'Too many lookups from this address. Wait a minute, then try again.');
  }
  const number = parseCertificateNumber(c.req.param('number'));
  if (!number) throw notFound(UNKNOWN_CERTIFICATE);
  const [rows] = await atomically(c.env.DB, [
    sql`SELECT c.number, c.kind, c.status, c.replaced_by AS replacedBy, c.holder_name AS holderName, c.credits,
          c.issued_at AS issuedAt, c.revoked_at AS revokedAt, e.slug, e.title_zh AS titleZh, e.title_en AS titleEn,
          e.starts_at AS startsAt, e.ends_at AS endsAt, e.timezone,
          json_extract(p.settings, '$.projectNumber') AS projectNumber, json_extract(p.settings, '$.level') AS level,
          json_extract(p.settings, '$.creditClass') AS creditClass
        FROM certificates c JOIN events e ON e.id = c.event_id LEFT JOIN cme_projects p ON p.event_id = c.event_id
        WHERE c.number = ${number}`,
  ]);
  const r = rows[0] as VerifyRow | undefined;
  if (!r) throw notFound(UNKNOWN_CERTIFICATE);
  c.header('cache-control', 'no-store');
  return c.json(
    {
      certificate: {
        number: r.number,
        // Issued is valid whether or not its PDF has been drawn yet: the number is the record.
        status: r.status === 'revoked' ? ('revoked' as const) : ('valid' as const),
        replacedBy: r.replacedBy,
        holder: maskName(r.holderName),
        kind: r.kind,
        credits: r.credits,
        creditClass: r.creditClass === 'II' ? ('II' as const) : r.creditClass === 'I' ? ('I' as const) : null,
        projectNumber: r.projectNumber,
        level: r.level,
        issuedAt: isoOrNull(r.issuedAt, r.timezone),
        revokedAt: isoOrNull(r.revokedAt, r.timezone),
        event: {
          slug: r.slug,
          titleZh: r.titleZh,
          titleEn: r.titleEn,
          startsAt: isoOrNull(r.startsAt, r.timezone),
          endsAt: isoOrNull(r.endsAt, r.timezone),
        },
      },
    },
    200,
  );
});

const ticketCertificates = (code: string) =>
  sql`SELECT c.number, c.kind, c.status, c.credits, c.r2_key AS r2Key
      FROM certificates c JOIN registrations r ON r.id = c.registration_id
      WHERE r.ticket_code = ${code} AND c.status != 'revoked' ORDER BY c.kind = 'teaching', c.issued_at`;

type TicketCert = {
  number: string;
  kind: CertificateKindName;
  status: CertificateStatus;
  credits: number;
  r2Key: string;
};

export const certificateTicketRoutes = new Hono<AppEnv>()
  .get('/:code/certificates', rules.ticketCertificates, async (c) => {
    const code = c.req.param('code');
    if (!CODE.test(code)) throw notFound('No ticket has this code.');
    const [rows, ...credit] = await atomically(c.env.DB, [ticketCertificates(code), ...ticketCreditReads(code)]);
    c.header('cache-control', 'no-store');
    return c.json(
      {
        certificates: (rows as TicketCert[]).map((r) => ({
          number: r.number,
          kind: r.kind,
          ready: r.status === 'ready',
          credits: r.credits,
        })),
        credit: ticketCredit(credit, requestLocale(c), Date.now()),
      },
      200,
    );
  })
  .get('/:code/certificate.pdf', rules.ticketPdf, async (c) => {
    const code = c.req.param('code');
    if (!CODE.test(code)) throw notFound('No ticket has this code.');
    const [rows] = await atomically(c.env.DB, [ticketCertificates(code)]);
    const wanted = c.req.query('number');
    const list = rows as TicketCert[];
    const cert = wanted ? list.find((r) => r.number === parseCertificateNumber(wanted)) : list[0];
    if (!cert) throw notFound(NO_CERTIFICATE);
    const object = cert.status === 'ready' ? await c.env.FILES.get(cert.r2Key) : null;
    if (!object) throw notFound(NOT_READY);
    return pdfResponse(object, cert.kind, cert.number);
  });
