// The attendance ledger's rules as plain functions: pair scans into intervals, and say what one scan did.

export type Direction = 'in' | 'out';
export type LedgerScan = {
  clientId: string;
  direction: Direction;
  /** UTC epoch ms. */
  at: number;
  deskId: string;
  deviceId: string;
  /** auto: closed by the cron at the block's end. */
  source: 'scan' | 'search' | 'auto';
};

/** in null: a sign-out with no sign-in before it (recorded and flagged). out null: still signed in. */
export type Interval = { in: LedgerScan | null; out: LedgerScan | null };

/** What a scan did in the ledger, once every scan is put in time order. */
export type ScanRole = 'opened' | 'closed' | 'repeat_in' | 'repeat_out' | 'orphan_out';

const order = (a: LedgerScan, b: LedgerScan) =>
  a.at - b.at || (a.direction === b.direction ? (a.clientId < b.clientId ? -1 : 1) : a.direction === 'in' ? -1 : 1);

/**
 * Pairs scans in time order, whatever order they arrived in (offline desks sync late). While signed in, a
 * further sign-in is a repeat (the first, earliest scan wins); after a sign-out, a further sign-out is a repeat;
 * a sign-in after a sign-out opens a new interval. A sign-out before any sign-in is kept as a flagged interval.
 */
export function pairScans(scans: readonly LedgerScan[]): { intervals: Interval[]; roles: Map<string, ScanRole> } {
  const intervals: Interval[] = [];
  const roles = new Map<string, ScanRole>();
  let open: Interval | null = null;
  let last: Direction | null = null;
  for (const s of [...scans].sort(order)) {
    if (s.direction === 'in') {
      if (open) roles.set(s.clientId, 'repeat_in');
      else {
        open = { in: s, out: null };
        intervals.push(open);
        roles.set(s.clientId, 'opened');
        last = 'in';
      }
    } else if (open) {
      open.out = s;
      open = null;
      roles.set(s.clientId, 'closed');
      last = 'out';
    } else if (last === 'out') {
      roles.set(s.clientId, 'repeat_out');
    } else {
      intervals.push({ in: null, out: s });
      roles.set(s.clientId, 'orphan_out');
      last = 'out';
    }
  }
  return { intervals, roles };
}

export type AttendanceResult =
  | 'signed_in'
  | 'already_signed_in'
  | 'signed_out'
  | 'already_signed_out'
  | 'not_signed_in'
  | 'cancelled'
  | 'waitlisted'
  | 'pending'
  | 'rejected'
  | 'unknown_ticket'
  | 'wrong_event';

export type ScanOutcome = {
  result: AttendanceResult;
  /** The scan the desk should show the time and desk of: this one, or the earlier one that makes it a repeat. */
  shown: LedgerScan | null;
  /** A sign-in after an earlier interval at this point (re-entering). */
  again: boolean;
  /** Minutes inside at this point so far: closed intervals, plus the open one up to `now`. */
  minutesInside: number;
  /** The interval this sign-out closed, in minutes. */
  intervalMinutes: number | null;
  signedIn: boolean;
};

const minutes = (ms: number) => Math.max(0, Math.floor(ms / 60_000));

/** Minutes inside so far at one point (open interval counted up to now; flagged sign-outs count nothing). */
export function minutesInside(intervals: readonly Interval[], now: number): number {
  let ms = 0;
  for (const i of intervals) if (i.in) ms += Math.max(0, (i.out ? i.out.at : Math.max(now, i.in.at)) - i.in.at);
  return minutes(ms);
}

/** What the desk sees for the scan `clientId`, given every scan of the registration at this point (its own included). */
export function scanOutcome(scans: readonly LedgerScan[], clientId: string, now: number): ScanOutcome {
  const { intervals, roles } = pairScans(scans);
  const role = roles.get(clientId);
  const me = scans.find((s) => s.clientId === clientId) ?? null;
  const inside = minutesInside(intervals, now);
  const signedIn = intervals.some((i) => i.in && !i.out);
  const base = { again: false, minutesInside: inside, intervalMinutes: null, signedIn };
  if (!me || !role) return { ...base, result: 'unknown_ticket', shown: null };
  const mine = intervals.findIndex((i) => i.in?.clientId === clientId || i.out?.clientId === clientId);
  if (role === 'opened') return { ...base, result: 'signed_in', shown: me, again: mine > 0 };
  if (role === 'closed') {
    const i = intervals[mine]!;
    return { ...base, result: 'signed_out', shown: me, intervalMinutes: minutes(me.at - i.in!.at) };
  }
  if (role === 'orphan_out') return { ...base, result: 'not_signed_in', shown: me };
  // A repeat: show the scan that decided the state at that moment (the open sign-in, or the last sign-out before it).
  const before = intervals.filter((i) => (i.in?.at ?? i.out!.at) <= me.at);
  const current = before.at(-1) ?? null;
  if (role === 'repeat_in') return { ...base, result: 'already_signed_in', shown: current?.in ?? null };
  return { ...base, result: 'already_signed_out', shown: current?.out ?? null };
}
