// Enforces ROUTE_RULES before any route runs (and before body validation), so access is decided in one table.
import { createMiddleware } from 'hono/factory';
import { requireEventRole, requireStaff } from '../auth/session';
import { type AppEnv, isDevelopment } from '../env';
import { notFound } from './errors';
import { type RouteRule, ROUTE_RULES } from './route-rules';

const compiled = Object.entries(ROUTE_RULES).map(([key, rule]) => {
  const [method, path] = key.split(' ') as [string, string];
  const names: string[] = [];
  const pattern = new RegExp(
    `^${path.replace(/[.]/g, '\\.').replace(/:([A-Za-z]+)/g, (_, n: string) => {
      names.push(n);
      return '([^/]+)';
    })}$`,
  );
  return { method, pattern, names, rule };
});

/** A malformed %-escape is the caller's mistake: an address that leads nowhere, not a crash. */
function safeDecode(segment: string) {
  try {
    return decodeURIComponent(segment);
  } catch {
    throw notFound('There is nothing at this address.');
  }
}

export function ruleFor(method: string, path: string): { rule: RouteRule; params: Record<string, string> } | null {
  for (const r of compiled) {
    if (r.method !== method) continue;
    const m = r.pattern.exec(path);
    if (m) return { rule: r.rule, params: Object.fromEntries(r.names.map((n, i) => [n, safeDecode(m[i + 1]!)])) };
  }
  return null;
}

export const enforceAccess = createMiddleware<AppEnv>(async (c, next) => {
  const found = ruleFor(c.req.method === 'HEAD' ? 'GET' : c.req.method, c.req.path);
  if (found) {
    const { rule, params } = found;
    if (rule.access === 'dev' && !isDevelopment(c.env)) throw notFound('There is nothing at this address.');
    if (rule.access === 'staff') requireStaff(c);
    if (rule.access === 'desk') requireEventRole(c, params.slug!, ['desk', 'organiser']);
    if (rule.access === 'organiser') requireEventRole(c, params.slug!, ['organiser']);
  }
  await next();
});
