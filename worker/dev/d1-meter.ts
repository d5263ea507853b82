// Development only: counts D1 round trips and rows read/written per request, reported in a Server-Timing header
// so `npm run bench` can see what each route costs without touching production code paths.
/** `written`: each statement's rows written, in order, so the bench can say where a route's writes go. */
type Meter = { roundTrips: number; rowsRead: number; rowsWritten: number; written: number[] };

function addMeta(m: Meter, result: unknown) {
  const meta = (result as { meta?: { rows_read?: number; rows_written?: number } } | null)?.meta;
  if (meta) {
    m.rowsRead += meta.rows_read ?? 0;
    m.rowsWritten += meta.rows_written ?? 0;
    m.written.push(meta.rows_written ?? 0);
  }
}

/** Statements handed to batch() must be the runtime's own objects, so each proxy remembers its statement. */
const unwrap = new WeakMap<object, D1PreparedStatement>();

function meteredStatement(stmt: D1PreparedStatement, m: Meter): D1PreparedStatement {
  return new Proxy(stmt, {
    get(target, prop) {
      const value = Reflect.get(target, prop, target);
      if (prop === 'bind') {
        return (...args: unknown[]) => {
          const bound = target.bind(...args);
          const proxy = meteredStatement(bound, m);
          unwrap.set(proxy, bound);
          return proxy;
        };
      }
      if (prop === 'run' || prop === 'all' || prop === 'first' || prop === 'raw') {
        return async (...args: unknown[]) => {
          m.roundTrips++;
          const r = await (value as (...a: unknown[]) => Promise<unknown>).apply(target, args);
          addMeta(m, r);
          return r;
        };
      }
      return typeof value === 'function' ? value.bind(target) : value;
    },
  });
}

export function meteredD1(db: D1Database): { db: D1Database; meter: Meter } {
  const meter: Meter = { roundTrips: 0, rowsRead: 0, rowsWritten: 0, written: [] };
  const wrapped = new Proxy(db, {
    get(target, prop) {
      if (prop === 'prepare') {
        return (query: string) => {
          const raw = target.prepare(query);
          const proxy = meteredStatement(raw, meter);
          unwrap.set(proxy, raw);
          return proxy;
        };
      }
      if (prop === 'batch') {
        return async (stmts: D1PreparedStatement[]) => {
          meter.roundTrips++;
          const results = await target.batch(stmts.map((s) => unwrap.get(s) ?? s));
          for (const r of results) addMeta(meter, r);
          return results;
        };
      }
      const value = Reflect.get(target, prop, target);
      return typeof value === 'function' ? value.bind(target) : value;
    },
  });
  return { db: wrapped, meter };
}

/** The totals, then (for a request that wrote) each statement's rows written: `d1w;desc="0+7+3+0"`. */
export const serverTiming = (m: Meter) =>
  `d1;desc="round_trips=${m.roundTrips} rows_read=${m.rowsRead} rows_written=${m.rowsWritten}"` +
  (m.rowsWritten ? `, d1w;desc="${m.written.join('+')}"` : '');
