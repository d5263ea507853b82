// A Resend test double (the class; tests/fakes/resend.ts installs it in vitest, bench/rush.mjs in Node): checks every request against Resend's published OpenAPI description
// (tests/fakes/contracts/resend.openapi.yaml, a copy of ../shared/contracts/resend/openapi.yaml) and the rules
// its descriptions state, keeps Resend's idempotency semantics, injects 500s, 429s with retry-after, and
// timeouts on demand, and can enforce a team's rate limit (429 past it, ratelimit-* headers on every answer).
import { Validator } from '@cfworker/json-schema';
import { parse } from 'yaml';
import specText from './contracts/resend.openapi.yaml?raw';

type Spec = { paths: Record<string, Record<string, Operation>>; components: Record<string, unknown> };
type Operation = {
  parameters?: { in: string; name: string; required?: boolean; schema?: object; $ref?: string }[];
  requestBody?: { content: Record<string, { schema: object }> };
};

export const resendSpec = parse(specText) as Spec;
const routes = Object.entries(resendSpec.paths).map(([path, ops]) => ({
  path,
  pattern: new RegExp(`^${path.replace(/\{[^}]+\}/g, '[^/]+')}$`),
  ops,
}));

/** Validates a value against a schema from the spec, resolving its $refs against the whole document. */
function validateAgainst(schema: object, value: unknown): string[] {
  const v = new Validator({ ...schema, components: resendSpec.components } as never, '2020-12', false);
  const r = v.validate(value);
  return r.valid ? [] : r.errors.map((e) => `${e.instanceLocation} ${e.error}`);
}

type ObjectSchema = { properties: Record<string, unknown> };
const schemas = resendSpec.components.schemas as Record<string, ObjectSchema>;
const SEND_KEYS = new Set(Object.keys(schemas.SendEmailRequest!.properties));
const ATTACHMENT_KEYS = new Set(Object.keys(schemas.Attachment!.properties));
const TAG_KEYS = new Set(Object.keys(schemas.Tag!.properties));
/** "Trigger up to 100 batch emails at once." (POST /emails/batch) */
export const MAX_BATCH = 100;
const ADDRESS = /^[^\s@<>",;]+@[^\s@<>",;]+\.[^\s@<>",;]+$/;
/** "Sender email address. To include a friendly name, use the format "Your Name <sender@domain.com>"." */
function isSender(v: string) {
  const named = /^[^<>]*<([^<>]+)>$/.exec(v);
  return ADDRESS.test(named ? named[1]! : v);
}
/** Tag names and values: "ASCII letters, numbers, underscores, or dashes … no more than 256 characters". */
const TAG_TEXT = /^[A-Za-z0-9_-]{1,256}$/;

/**
 * What the schema cannot say but Resend's descriptions do: no keys beyond the documented ones (the API would
 * ignore a misspelt `replyTo`, and the reply-to would be lost), a body (html, text or a template, never a
 * template with html or text), real addresses, and tags in the allowed alphabet.
 */
function documentedRules(email: unknown, where: string): string[] {
  if (typeof email !== 'object' || email === null || Array.isArray(email)) return [];
  const e = email as Record<string, unknown>;
  const problems = Object.keys(e)
    .filter((k) => !SEND_KEYS.has(k))
    .map((k) => `${where}/${k} is not a field of SendEmailRequest`);
  const hasBody = typeof e.html === 'string' || typeof e.text === 'string';
  if (!hasBody && e.template === undefined) problems.push(`${where} has neither html, text nor template`);
  if (hasBody && e.template !== undefined) problems.push(`${where} has a template and also html or text`);
  if (typeof e.from === 'string' && !isSender(e.from))
    problems.push(`${where}/from "${e.from}" is not an address or "Name <address>"`);
  for (const field of ['to', 'cc', 'bcc', 'reply_to']) {
    const list = typeof e[field] === 'string' ? [e[field]] : Array.isArray(e[field]) ? e[field] : [];
    for (const a of list as unknown[])
      if (typeof a === 'string' && !ADDRESS.test(a)) problems.push(`${where}/${field} "${a}" is not an address`);
  }
  for (const [i, a] of (Array.isArray(e.attachments) ? e.attachments : []).entries()) {
    if (typeof a !== 'object' || a === null) continue;
    problems.push(
      ...Object.keys(a)
        .filter((k) => !ATTACHMENT_KEYS.has(k))
        .map((k) => `${where}/attachments/${i}/${k} is not a field of Attachment`),
    );
    if ((a as Record<string, unknown>).content === undefined && (a as Record<string, unknown>).path === undefined)
      problems.push(`${where}/attachments/${i} has neither content nor path`);
  }
  for (const [i, t] of (Array.isArray(e.tags) ? e.tags : []).entries()) {
    if (typeof t !== 'object' || t === null) continue;
    problems.push(
      ...Object.keys(t)
        .filter((k) => !TAG_KEYS.has(k))
        .map((k) => `${where}/tags/${i}/${k} is not a field of Tag`),
    );
    for (const k of ['name', 'value'] as const) {
      const v = (t as Record<string, unknown>)[k];
      if (typeof v !== 'string' || !TAG_TEXT.test(v))
        problems.push(`${where}/tags/${i}/${k} must be 1-256 ASCII letters, digits, _ or -`);
    }
  }
  return problems;
}

export type Fault = 'ok' | 500 | 503 | 429 | 'timeout' | 'lost-response';
export type Delivery = { id: string; idempotencyKey: string | null; body: Record<string, unknown> };

export class ResendDouble {
  /** Every call, with how many emails it carried (a batch's length; 1 for a single send). */
  readonly calls: { method: string; path: string; status: number | 'timeout'; emails: number }[] = [];
  readonly violations: string[] = [];
  readonly deliveries: Delivery[] = [];
  private readonly byKey = new Map<string, unknown>();
  private plan: Fault[] = [];
  /** Probability (0..1) of a random fault on any call, on top of the plan. */
  randomFaultRate = 0;
  private seq = 0;
  private rng = 42;
  private recent: number[] = [];
  /**
   * Resend's per-team limit, when set: at most `rps` calls in any one second (a sliding window, the strictest
   * reading), 429 with retry-after past it, and ratelimit-limit/-remaining/-reset on every answer. `now` is the
   * clock the calls arrive by (simulated in the rush tests and the bench).
   */
  rateLimit: { rps: number; now: () => number } | null = null;

  /** The rate-limit verdict for a call arriving now, and the headers to answer with. */
  private admit(): { ok: boolean; headers: Record<string, string> } {
    if (!this.rateLimit) return { ok: true, headers: {} };
    const { rps, now } = this.rateLimit;
    const t = now();
    this.recent = this.recent.filter((at) => at > t - 1000);
    const ok = this.recent.length < rps;
    if (ok) this.recent.push(t);
    const reset = this.recent.length ? Math.max(1, Math.ceil((this.recent[0]! + 1000 - t) / 1000)) : 1;
    const headers: Record<string, string> = {
      'ratelimit-limit': String(rps),
      'ratelimit-remaining': String(Math.max(0, rps - this.recent.length)),
      'ratelimit-reset': String(reset),
    };
    if (!ok) headers['retry-after'] = String(reset);
    return { ok, headers };
  }

  /** The next calls fail in this order; later calls succeed. */
  failNext(...faults: Fault[]) {
    this.plan.push(...faults);
  }

  private random() {
    this.rng = (this.rng * 1103515245 + 12345) & 0x7fffffff;
    return this.rng / 0x7fffffff;
  }

  private nextFault(): Fault {
    const planned = this.plan.shift();
    if (planned) return planned;
    if (this.randomFaultRate && this.random() < this.randomFaultRate) {
      const kinds: Fault[] = [500, 429, 'timeout', 'lost-response'];
      return kinds[Math.floor(this.random() * kinds.length)]!;
    }
    return 'ok';
  }

  /** Deliveries of emails to this address. */
  deliveredTo(address: string) {
    return this.deliveries.filter((d) => {
      const to = d.body.to;
      return Array.isArray(to) ? to.includes(address) : to === address;
    });
  }

  async handle(request: Request): Promise<Response> {
    const url = new URL(request.url);
    const method = request.method.toLowerCase();
    // A literal path (/emails/batch) wins over a templated one (/emails/{email_id}), as in any router.
    const route = routes.find((r) => r.path === url.pathname) ?? routes.find((r) => r.pattern.test(url.pathname));
    const op = route?.ops[method];
    const problems: string[] = [];
    if (!op) problems.push(`${request.method} ${url.pathname} is not in Resend's API`);
    if (!/^Bearer re_\S+$/.test(request.headers.get('authorization') ?? ''))
      problems.push('missing or malformed bearer API key');
    let body: unknown;
    if (op?.requestBody) {
      if (!(request.headers.get('content-type') ?? '').startsWith('application/json'))
        problems.push('request body is not JSON');
      let parsed = false;
      try {
        body = JSON.parse(await request.text());
        parsed = true;
      } catch {
        problems.push('request body does not parse as JSON');
      }
      const schema = op.requestBody.content['application/json']?.schema;
      if (parsed && schema) problems.push(...validateAgainst(schema, body));
      if (parsed && url.pathname === '/emails') problems.push(...documentedRules(body, ''));
      if (parsed && url.pathname === '/emails/batch' && Array.isArray(body)) {
        if (body.length > MAX_BATCH) problems.push(`a batch of ${body.length} emails; at most ${MAX_BATCH}`);
        for (const [i, item] of body.entries()) problems.push(...documentedRules(item, `/${i}`));
      }
    }
    const emails = Array.isArray(body) ? body.length : body === undefined ? 0 : 1;
    for (const p of op?.parameters ?? []) {
      if (p.in !== 'header') continue;
      const value = request.headers.get(p.name);
      if (value === null) {
        if (p.required) problems.push(`missing header ${p.name}`);
        continue;
      }
      if (p.schema) problems.push(...validateAgainst(p.schema, value).map((e) => `header ${p.name}: ${e}`));
    }
    if (problems.length) {
      this.violations.push(...problems.map((p) => `${request.method} ${url.pathname}: ${p}`));
      this.calls.push({ method: request.method, path: url.pathname, status: 422, emails });
      return Response.json(
        { statusCode: 422, name: 'validation_error', message: problems.join('; ') },
        { status: 422 },
      );
    }

    const limited = this.admit();
    if (!limited.ok) {
      this.calls.push({ method: request.method, path: url.pathname, status: 429, emails });
      return Response.json(
        { statusCode: 429, name: 'rate_limit_exceeded', message: 'Too many requests' },
        { status: 429, headers: limited.headers },
      );
    }
    const fault = this.nextFault();
    if (fault === 'timeout') {
      this.calls.push({ method: request.method, path: url.pathname, status: 'timeout', emails });
      // Hang until the client gives up (its AbortSignal), as a stalled connection would.
      return new Promise<Response>((_, reject) => {
        const signal = request.signal;
        if (signal.aborted) reject(signal.reason);
        signal.addEventListener('abort', () => reject(signal.reason));
        setTimeout(() => reject(new Error('timed out')), 15_000);
      });
    }
    if (fault === 500 || fault === 503) {
      this.calls.push({ method: request.method, path: url.pathname, status: fault, emails });
      return Response.json(
        { statusCode: fault, name: 'internal_server_error', message: 'Injected failure' },
        { status: fault },
      );
    }
    if (fault === 429) {
      this.calls.push({ method: request.method, path: url.pathname, status: 429, emails });
      return Response.json(
        { statusCode: 429, name: 'rate_limit_exceeded', message: 'Too many requests' },
        { status: 429, headers: { 'retry-after': '1' } },
      );
    }

    const key = request.headers.get('idempotency-key');
    let result = key ? this.byKey.get(`${url.pathname}|${key}`) : undefined;
    if (!result) {
      const items =
        url.pathname === '/emails/batch' ? (body as Record<string, unknown>[]) : [body as Record<string, unknown>];
      const ids = items.map((item) => {
        const id = `fake_${++this.seq}`;
        this.deliveries.push({ id, idempotencyKey: key, body: item });
        return id;
      });
      result = url.pathname === '/emails/batch' ? { data: ids.map((id) => ({ id })) } : { id: ids[0] };
      if (key) this.byKey.set(`${url.pathname}|${key}`, result);
    }
    this.calls.push({
      method: request.method,
      path: url.pathname,
      status: fault === 'lost-response' ? 'timeout' : 200,
      emails,
    });
    // The email went out, but the answer never reached the client: only the idempotency key prevents a duplicate.
    if (fault === 'lost-response') throw new TypeError('Network connection lost.');
    return Response.json(result, { status: 200, headers: limited.headers });
  }
}
