// The measured routes: how each request is built (distinct codes, unique emails, varied searches) and what status it should get.
import { SLUG } from './seed.mjs';

const parse = (text) => {
  try {
    return JSON.parse(text);
  } catch {
    return null;
  }
};
const lines = (text) =>
  text
    .replace(/^\uFEFF/, '')
    .split('\r\n')
    .filter(Boolean);

/**
 * ctx: { origin, deskCookie, organiserCookie, loadRegs (check-in codes for the load), sampleRegs (for cost samples), searchQueries, runId, csvCursor, csvPageRows }
 * `judged`: a route with a throughput target, or a reference under one; measured in several windows (see run.mjs).
 * `outcome(text)`: what the first (probe) response must say beyond its status, as a problem or null: a route that
 * answers 200 without doing its job (a check-in that admits nobody) must not be measured as if it worked.
 * Returns the route list in the order they run: reads first, then writes (which change what the reads see).
 */
export function buildRoutes(ctx) {
  const { origin, deskCookie, organiserCookie, runId } = ctx;
  const json = { 'content-type': 'application/json', origin };
  const ev = `/api/events/${SLUG}`;

  let q = 0;
  const search = {
    key: 'search',
    name: 'Desk search',
    label: 'GET /api/events/:slug/attendees?q=…',
    path: `${ev}/attendees?q=wa`,
    headers: { cookie: deskCookie },
    expect: [200],
    next: () => ({
      path: `${ev}/attendees?q=${encodeURIComponent(ctx.searchQueries[q++ % ctx.searchQueries.length])}`,
    }),
    outcome: (text) =>
      parse(text)?.attendees?.length
        ? null
        : `found nobody for a query made from a seeded name, phone or e-mail: ${text.slice(0, 120)}`,
  };

  // Check-ins: every request scans a different seeded ticket (its QR URL) with a unique clientId. Cost samples use
  // their own tickets, so the load run starts on fresh ones; if the load outruns the list it wraps (repeat scans).
  const counts = { checked_in: 0, already_checked_in: 0, other: 0 };
  let c = 0;
  let sampled = 0;
  const checkinBody = (reg, n) =>
    JSON.stringify({
      code: `${origin}/t/${reg.ticketCode}`,
      deviceId: 'bench-device',
      clientId: `bench-${runId}-${n}`,
      deskId: 'Desk 1',
    });
  // Attendance (issue 17): a sign-in at the panel, each request a different ticket; compared with the entrance check-in.
  let cp = 0;
  const checkinPoint = {
    key: 'checkinPoint',
    name: 'Check-in at a point (sign-in to an agenda item)',
    label: 'POST /api/events/:slug/attendance/scans {sessionId, direction}',
    method: 'POST',
    path: `${ev}/attendance/scans`,
    headers: { ...json, cookie: deskCookie },
    expect: [200],
    judged: true,
    next: () => {
      const n = cp++;
      const reg = ctx.loadRegs[n % ctx.loadRegs.length];
      return {
        body: JSON.stringify({
          code: `${origin}/t/${reg.ticketCode}`,
          deviceId: 'bench-device',
          clientId: `bench-point-${runId}-${n}`,
          deskId: 'Desk 1',
          sessionId: 'ses_next_panel',
          direction: 'in',
        }),
      };
    },
    outcome: (text) =>
      ['signed_in', 'already_signed_in'].includes(parse(text)?.result)
        ? null
        : `a sign-in at the panel did not sign in: ${text.slice(0, 120)}`,
  };
  // A check-in's write without the check-in: a registration's row, found by its ticket code, changed (its updated_at
  // moved on by 1 ms; a development-only route). The tickets are the check-in's, in its order, so its rows lie where
  // the check-in's do; no check-in is recorded, so the check-in still finds them fresh.
  let rw = 0;
  const registrationRowWrite = {
    key: 'registrationRowWrite',
    name: "One registration's row changed (context, development only)",
    label: 'POST /api/dev/registration-row-write',
    method: 'POST',
    path: '/api/dev/registration-row-write',
    headers: json,
    expect: [200],
    judged: true,
    next: () => ({ body: JSON.stringify({ code: ctx.loadRegs[rw++ % ctx.loadRegs.length].ticketCode }) }),
    outcome: (text) => (parse(text)?.written === 1 ? null : `did not change one row: ${text.slice(0, 120)}`),
  };
  const checkin = {
    key: 'checkin',
    name: 'Check-in (fresh scans)',
    label: 'POST /api/events/:slug/checkins',
    method: 'POST',
    path: `${ev}/checkins`,
    headers: { ...json, cookie: deskCookie },
    expect: [200],
    judged: true,
    next: () => {
      const n = c++;
      return { body: checkinBody(ctx.loadRegs[n % ctx.loadRegs.length], n) };
    },
    sampleNext: () => ({ body: checkinBody(ctx.sampleRegs[sampled % ctx.sampleRegs.length], `s${sampled++}`) }),
    // The probe scans a ticket nobody has scanned: the desk must admit its holder.
    outcome: (text) =>
      parse(text)?.result === 'checked_in'
        ? null
        : `a first scan of a confirmed ticket did not admit: ${text.slice(0, 120)}`,
    onResponse: (_status, body) => {
      const m = /"result":"([a-z_]+)"/.exec(body ?? '');
      if (m && m[1] in counts) counts[m[1]]++;
      else counts.other++;
    },
    resetCounters: () => {
      for (const k of Object.keys(counts)) counts[k] = 0;
    },
    counts,
  };

  // The n-th person of a registering route: two in three with a Chinese name, each with a unique e-mail and phone.
  const registrant = (n, zh, en, mailbox, phonePrefix) => ({
    name: n % 3 ? `${zh}${n}` : `${en} ${n}`,
    email: `${mailbox}.${runId}.${n}@example.org`,
    phone: `${phonePrefix}${String(n % 10000).padStart(4, '0')}`,
    affiliation: '北京协和医院',
    locale: 'zh-CN',
  });
  let r = 0;
  const registration = {
    key: 'registration',
    name: 'Registration',
    label: 'POST /api/events/:slug/registrations',
    method: 'POST',
    path: `${ev}/registrations`,
    headers: json,
    expect: [201],
    judged: true,
    next: () => ({
      body: JSON.stringify({ ...registrant(r++, '测试', 'Bench Person', 'bench', '1380000'), consent: true }),
    }),
    outcome: (text) => {
      const reg = parse(text)?.registration;
      return ['confirmed', 'waitlisted'].includes(reg?.status) && reg.ticketCode
        ? null
        : `a new registration was neither confirmed nor waitlisted with a ticket: ${text.slice(0, 120)}`;
    },
  };
  // The registration's own statement (its row and, by trigger, its outbox email) bound as the route binds it, with no
  // route code around it: a development-only route, for context beside the registration's ratio (what its SQL alone
  // reaches).
  let rs = 0;
  const registrationStatements = {
    key: 'registrationStatements',
    name: "Registration's own statement alone (context, development only)",
    label: 'POST /api/dev/registration-statements',
    method: 'POST',
    path: '/api/dev/registration-statements',
    headers: json,
    expect: [200],
    judged: true,
    next: () => ({
      body: JSON.stringify({
        slug: SLUG,
        ...registrant(rs++, '语句', 'Bench Statement', 'bench.statements', '1370000'),
      }),
    }),
    outcome: (text) =>
      ['confirmed', 'waitlisted'].includes(parse(text)?.status)
        ? null
        : `the statements inserted no registration: ${text.slice(0, 120)}`,
  };
  // The same registration answering six questions (the clinical preset, a yes/no and one it shows): the answers are
  // checked in the Worker and stored by the same one INSERT.
  let ra = 0;
  const registrationAnswers = {
    ...registration,
    key: 'registrationAnswers',
    name: 'Registration with 6 answers',
    next: () => {
      const n = ra++;
      return {
        body: JSON.stringify({
          ...registrant(n, '答题', 'Bench Answerer', 'bench.answers', '1390000'),
          consent: true,
          answers: {
            department: '心血管内科',
            professional_title: n % 2 ? 'attending_physician' : 'chief_physician',
            practice_category: 'clinical',
            cme_number: `BJ2026-${String(n).padStart(5, '0')}`,
            dinner: true,
            diet: '清真',
          },
        }),
      };
    },
  };

  // Certificate verification (issue 17): public lookups by number, cycling through the certificates the run issued.
  let v = 0;
  const verify = {
    key: 'verify',
    name: 'Certificate verification',
    label: 'GET /api/certificates/:number',
    path: `/api/certificates/${encodeURIComponent(ctx.certificateNumbers?.[0] ?? 'none')}`,
    expect: [200],
    judged: true,
    next: () => ({
      path: `/api/certificates/${encodeURIComponent(ctx.certificateNumbers[v++ % ctx.certificateNumbers.length])}`,
    }),
    outcome: (text) =>
      parse(text)?.certificate?.status === 'valid' ? null : `not a valid certificate: ${text.slice(0, 120)}`,
  };

  return [
    { key: 'baseline', name: 'Baseline (health)', label: 'GET /api/health', path: '/api/health', expect: [200] },
    {
      key: 'd1',
      name: 'One D1 round trip (reference, development only)',
      label: 'GET /api/dev/d1-round-trip',
      path: '/api/dev/d1-round-trip',
      expect: [200],
      judged: true,
      outcome: (text) => (parse(text)?.one === 1 ? null : `did not answer { one: 1 }: ${text.slice(0, 120)}`),
    },
    devWrite('d1Write', 'One D1 write (reference, development only)', '/api/dev/d1-write-round-trip', 1),
    devWrite('d1Insert', 'One D1 insert (context, development only)', '/api/dev/d1-insert-round-trip', 2),
    {
      key: 'event',
      name: 'Event page data',
      label: 'GET /api/events/:slug',
      path: ev,
      expect: [200],
      judged: true,
      outcome: (text) =>
        parse(text)?.event?.slug === SLUG && parse(text).event.sessions?.length
          ? null
          : `not the seminar with its agenda: ${text.slice(0, 120)}`,
    },
    // Added by run.mjs when the event response has an ETag: { key: 'eventConditional', … If-None-Match … expect: [304] }
    search,
    ...(ctx.certificateNumbers?.length ? [verify] : []),
    {
      key: 'csv',
      name: 'CSV export, whole file in one request',
      label: 'GET /api/events/:slug/registrations.csv',
      path: `${ev}/registrations.csv`,
      headers: { cookie: organiserCookie },
      expect: [200],
      slow: true,
      outcome: (text) =>
        lines(text).length > ctx.loadRegs.length + ctx.sampleRegs.length
          ? null
          : `${lines(text).length} lines, fewer than the ${ctx.loadRegs.length + ctx.sampleRegs.length} seeded registrations and a header`,
    },
    {
      key: 'csvPage',
      name: 'CSV export, one page',
      label: 'GET /api/events/:slug/registrations.csv?limit=…&after=…',
      path: `${ev}/registrations.csv?limit=${ctx.csvPageRows}&after=${encodeURIComponent(ctx.csvCursor)}`,
      headers: { cookie: organiserCookie },
      expect: [200],
      outcome: (text) =>
        lines(text).length === ctx.csvPageRows
          ? null
          : `${lines(text).length} rows, not a full page of ${ctx.csvPageRows}`,
    },
    registrationRowWrite,
    checkin,
    checkinPoint,
    registration,
    registrationStatements,
    registrationAnswers,
  ];
}

/** A development-only write probe: a POST with no body, which must answer with the rows it wrote. */
function devWrite(key, name, path, written) {
  return {
    key,
    name,
    label: `POST ${path}`,
    method: 'POST',
    path,
    expect: [200],
    judged: true,
    next: () => ({ body: undefined }),
    outcome: (text) =>
      parse(text)?.written === written ? null : `did not answer { written: ${written} }: ${text.slice(0, 120)}`,
  };
}

/** The desk search's per-device rate limit, raised so the bench measures the search rather than the limit. */
export const UNLIMITED_SEARCH = {
  SEARCH_PER_SECOND: '100000000',
  SEARCH_BURST: '100000000',
  // The verification lookup's per-address limit, likewise.
  VERIFY_PER_MINUTE: '100000000',
  VERIFY_BURST: '100000000',
};

/**
 * Issues certificates on the bench's database the way an organiser does (the CME project, overrides for the first
 * `count` registrations, then every page of POST …/certificates) and returns their numbers for the verify row.
 */
export async function issueBenchCertificates(origin, organiserCookie, regs, count) {
  const ev = `${origin}/api/events/${SLUG}`;
  const json = { 'content-type': 'application/json', origin, cookie: organiserCookie };
  const set = await fetch(`${ev}/cme`, {
    method: 'PUT',
    headers: json,
    body: JSON.stringify({
      projectName: 'Bench',
      projectNumber: 'BENCH-1',
      level: 'national',
      creditClass: 'I',
      accreditedSessionIds: ['ses_next_breakthroughs', 'ses_next_panel'],
      attendee: { mode: 'per_hours', hoursPerCredit: 3 },
      lecturerCreditsPerHour: 2,
    }),
  });
  if (!set.ok) throw new Error(`CME project: HTTP ${set.status}`);
  for (const r of regs.slice(0, count)) {
    const res = await fetch(`${ev}/attendance/${r.id}/override`, {
      method: 'PUT',
      headers: json,
      body: JSON.stringify({ eligible: true, reason: 'bench' }),
    });
    if (!res.ok) throw new Error(`override: HTTP ${res.status}`);
  }
  let after = '';
  do {
    const res = await fetch(`${ev}/certificates?limit=50${after ? `&after=${encodeURIComponent(after)}` : ''}`, {
      method: 'POST',
      headers: { origin, cookie: organiserCookie },
    });
    if (!res.ok) throw new Error(`issuing certificates: HTTP ${res.status}`);
    after = (await res.json()).next ?? '';
  } while (after);
  const numbers = [];
  after = '';
  do {
    const res = await fetch(`${ev}/certificates?limit=200${after ? `&after=${encodeURIComponent(after)}` : ''}`, {
      headers: { cookie: organiserCookie },
    });
    const page = await res.json();
    numbers.push(...page.certificates.map((c) => c.number));
    after = page.next ?? '';
  } while (after);
  return numbers;
}

/**
 * Desk searches that find people, in the kinds a desk types: one CJK character (a surname), a given name, a Latin
 * family name, the start of a name, a part of an institution, a phone's last 4 digits, a whole email address.
 */
export const SEARCH_KINDS = ['surname1', 'given', 'family', 'namePrefix', 'institution', 'phoneLast4', 'email'];

export function searchQueryFor(kind, reg, rnd = Math.random) {
  const latin = reg.name.charCodeAt(0) < 128;
  switch (kind) {
    case 'surname1':
      return latin ? reg.name.split(' ')[1].slice(0, 2) : reg.name.slice(0, 1);
    case 'given':
      return latin ? reg.name.split(' ')[0] : reg.name.slice(reg.name.length > 3 ? 2 : 1);
    case 'family':
      return latin ? reg.name.split(' ')[1] : reg.name; // a Chinese name typed whole
    case 'namePrefix':
      return latin ? reg.name.slice(0, 3).toLowerCase() : reg.name.slice(0, 2);
    case 'institution': {
      // A word of a Latin institution, or 2–4 characters from inside a Chinese one (协和, 华西医院, …).
      if (reg.affiliation.charCodeAt(0) < 128) {
        const words = reg.affiliation.split(' ').filter((w) => w.length > 3);
        return words[Math.floor(rnd() * words.length)];
      }
      const len = 2 + Math.floor(rnd() * 3);
      const at = Math.floor(rnd() * Math.max(1, reg.affiliation.length - len));
      return reg.affiliation.slice(at, at + len);
    }
    case 'phoneLast4':
      return reg.phone ? reg.phone.slice(-4) : null;
    case 'email':
      return reg.email;
    default:
      throw new Error(`unknown search kind ${kind}`);
  }
}

export function searchQueriesFrom(regs, count, rnd = Math.random, kinds = SEARCH_KINDS) {
  const out = [];
  for (let i = 0; out.length < count && i < count * 10; i++) {
    const q = searchQueryFor(kinds[i % kinds.length], regs[Math.floor(rnd() * regs.length)], rnd);
    if (q) out.push(q);
  }
  return out;
}
