// A route's contract, declared once in its Hono chain: who may call it, what it is, and the schemas it validates with.
import type { MiddlewareHandler, ValidationTargets } from 'hono';
import { createMiddleware } from 'hono/factory';
import type { BlankInput } from 'hono/types';
import type { InferInput } from 'hono/validator';
import type { ZodType, z } from 'zod';
import { requireEventRole, requireStaff } from '../auth/session';
import { type AppEnv, isDevelopment } from '../env';
import { facultyFromToken } from '../faculty/link';
import { notFound } from './errors';
import { validate } from './validate';

/**
 * public: anyone. ticket: anyone holding the ticket code. staff: any signed-in staff member.
 * desk: desk staff or organisers of the event in the path. organiser: organisers of that event.
 * dev: local development only. webhook: callers proving a shared secret. faculty: anyone holding a person's portal
 * link (`:token` in the path), which opens that person on that event only (c.var.faculty).
 */
export type Access = 'public' | 'ticket' | 'staff' | 'desk' | 'organiser' | 'dev' | 'webhook' | 'faculty';

/** Who may work the desk of an event, and who may run it. */
export const DESK_ROLES = ['desk', 'organiser'] as const;
export const ORGANISER_ROLES = ['organiser'] as const;

export type Contract = {
  access: Access;
  /** One sentence for /api/docs. */
  summary: string;
  /** The group it is listed under in /api/docs. */
  tag: string;
  /** The JSON body schema: the route gets `c.req.valid('json')`, the document gets its JSON Schema. */
  json?: ZodType;
  /** The query schema, likewise with `c.req.valid('query')`. */
  query?: ZodType;
};

type Target = 'json' | 'query';
type Received<K extends Target, In> = [In] extends [ValidationTargets[K]] ? In : InferInput<In, K>;
/** The same input types zValidator gives, so `hc<AppType>` and `c.req.valid()` see the schema's types. */
type Validated<K extends Target, S> = S extends ZodType
  ? {
      in: undefined extends z.input<S> ? { [P in K]?: Received<K, z.input<S>> } : { [P in K]: Received<K, z.input<S>> };
      out: { [P in K]: z.output<S> };
    }
  : BlankInput;
type ContractInput<C extends Contract> = Validated<'json', C['json']> & Validated<'query', C['query']>;

const CONTRACTS = new WeakMap<object, Contract>();

/**
 * The first handler of a route: `const rules = { x: rule({ access: 'organiser', tag, summary, json }) }` above the
 * router, then `.post('/:slug/x', rules.x, async (c) => …)`. It decides access before anything else runs, then
 * validates with the same schemas the document shows; the handler's `c.req.valid()` and hc<AppType> get their types.
 */
export function rule<const C extends Contract, P extends string = string>(
  contract: C,
): MiddlewareHandler<AppEnv, P, ContractInput<C>> {
  const checks = [
    contract.json && validate('json', contract.json),
    contract.query && validate('query', contract.query),
  ].filter((v) => v !== undefined) as MiddlewareHandler<AppEnv>[];
  const middleware = createMiddleware<AppEnv>(async (c, next) => {
    authorize(c, contract.access, c.req.param('slug'));
    if (contract.access === 'faculty') c.set('faculty', await facultyFromToken(c.var.db, c.req.param('token') ?? ''));
    let i = 0;
    const step = async (): Promise<void> => {
      const check = checks[i++];
      if (check) await check(c, step);
      else await next();
    };
    await step();
  });
  CONTRACTS.set(middleware, contract);
  return middleware as MiddlewareHandler<AppEnv, P, ContractInput<C>>;
}

function authorize(c: Parameters<MiddlewareHandler<AppEnv>>[0], access: Access, slug: string | undefined) {
  if (access === 'dev' && !isDevelopment(c.env)) throw notFound('There is nothing at this address.');
  if (access === 'staff') requireStaff(c);
  if (access === 'desk') requireEventRole(c, slug ?? '', DESK_ROLES);
  if (access === 'organiser') requireEventRole(c, slug ?? '', ORGANISER_ROLES);
}

export type ServedRoute = { method: string; path: string; contracts: Contract[] };

/**
 * Every method and path an app serves, with the contracts its chain declares (exactly one when it is right).
 * Read from the app itself, so the access tests and /api/openapi.json see exactly what the routes use.
 */
export function servedRoutes(routes: readonly { method: string; path: string; handler: unknown }[]): ServedRoute[] {
  const served = new Map<string, ServedRoute>();
  for (const r of routes) {
    if (r.method === 'ALL') continue;
    const key = `${r.method} ${r.path}`;
    const entry = served.get(key) ?? { method: r.method, path: r.path, contracts: [] };
    // A sub-app with its own error handler wraps each handler and keeps the original here.
    const handler = r.handler as { __COMPOSED_HANDLER?: object } & object;
    const contract = CONTRACTS.get(handler.__COMPOSED_HANDLER ?? handler);
    if (contract) entry.contracts.push(contract);
    served.set(key, entry);
  }
  return [...served.values()];
}
