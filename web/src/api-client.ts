// The runtime behind the typed API client. The types stay hono's (hc<AppType>, see api.ts); this does at run time
// what hc's proxy does for the calls the app makes, path parameters, query, JSON body, headers and fetch init, the
// same way (URL, method, headers and body are built as hc builds them), without hc's 5 KB of code in every page.
// Not supported, since no page uses them: form bodies, cookies, $url(), $path() and $ws().
type HeaderValues = Record<string, string | undefined>;
type HeaderOption = HeaderValues | (() => HeaderValues | Promise<HeaderValues>);
type CallArgs = { param?: Record<string, string>; query?: Record<string, unknown>; json?: unknown };
type CallOptions = { headers?: HeaderOption; init?: RequestInit };

const headerValues = async (h: HeaderOption | undefined) => (typeof h === 'function' ? await h() : h);

/** A client for the routes under `/`: `client.api.events[':slug'].$get({ param: { slug } })` fetches /api/events/<slug>. */
export function apiClient<T>(defaults: { headers: HeaderOption }): T {
  async function send(path: string[], args: CallArgs = {}, options: CallOptions = {}): Promise<Response> {
    const method = path.at(-1)!.slice(1).toUpperCase();
    let url = `/${path.slice(0, -1).join('/')}`.replace(/\/index$/, '');
    for (const [k, v] of Object.entries(args.param ?? {}))
      url = url.replace(new RegExp(`/:${k}(?:{[^/]+})?\\??(?=/|$)`), () => (v ? `/${v}` : ''));
    const query = new URLSearchParams();
    for (const [k, v] of Object.entries(args.query ?? {}))
      for (const one of Array.isArray(v) ? v : [v]) if (one !== undefined) query.append(k, String(one));
    const search = query.toString();
    if (search) url += `?${search}`;
    const values: HeaderValues = {
      ...(await headerValues(defaults.headers)),
      ...(await headerValues(options.headers)),
    };
    const json = args.json !== undefined;
    if (json) values['Content-Type'] = 'application/json';
    const headers = new Headers();
    for (const [k, v] of Object.entries(values)) if (v !== undefined) headers.set(k, v);
    return fetch(url, {
      body: json && method !== 'GET' && method !== 'HEAD' ? JSON.stringify(args.json) : undefined,
      method,
      headers,
      ...options.init,
    });
  }
  const at = (path: string[]): unknown =>
    new Proxy(() => {}, {
      // Not thenable, so awaiting a route object by mistake does not call it.
      get: (_, key) => (typeof key === 'string' && key !== 'then' ? at([...path, key]) : undefined),
      apply: (_, __, [args, options]: [CallArgs?, CallOptions?]) => send(path, args, options),
    });
  return at([]) as T;
}
