// Paces calls to Resend to RESEND_MAX_RPS and slows down when Resend's rate-limit headers say less is left.
// One outbox consumer runs at a time (max_concurrency = 1 in wrangler.toml) and every sender (confirmations, bulk
// messages, the cron's sweep) runs inside it, so one pacer per run, settled before the run ends, paces them all.

/** Time as the pacer sees it: the real clock in the Worker, a simulated one in the bench and the tests. */
export type Clock = { now(): number; sleep(ms: number): Promise<void> };

export const realClock: Clock = {
  now: () => Date.now(),
  sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
};

/** Resend's documented default is 2 requests per second per team. */
export const DEFAULT_RPS = 2;
/**
 * Calls leave 10 % further apart than the rate strictly allows: requests reach Resend with network jitter, and two
 * sent exactly 1/rps apart could arrive closer than that.
 */
const MARGIN = 1.1;
/** A run waits at most this long for its next slot; past it, the rest is left for a later run. */
const MAX_WAIT_MS = 30_000;

export function configuredRps(env: { RESEND_MAX_RPS?: string }) {
  const n = Number(env.RESEND_MAX_RPS);
  return Number.isFinite(n) && n > 0 ? n : DEFAULT_RPS;
}

export class Pacer {
  /** The earliest time the next call may leave. */
  private next = 0;
  private last = -Infinity;
  private rps: number;
  calls = 0;

  constructor(
    rps: number,
    readonly clock: Clock = realClock,
  ) {
    this.rps = rps;
  }

  get intervalMs() {
    return (1000 * MARGIN) / this.rps;
  }

  /** Waits for the next slot and takes it; false when that slot is too far off for this run. */
  async take(): Promise<boolean> {
    const now = this.clock.now();
    const wait = this.next - now;
    if (wait > MAX_WAIT_MS) return false;
    if (wait > 0) await this.clock.sleep(wait);
    this.last = Math.max(now, this.next);
    this.next = this.last + this.intervalMs;
    this.calls++;
    return true;
  }

  /** When the next call could leave (for rescheduling what a run leaves behind). */
  nextSlot() {
    return Math.max(this.next, this.clock.now());
  }

  /**
   * Reads an answer's headers: `retry-after` (a 429) and `ratelimit-remaining: 0` with `ratelimit-reset` hold every
   * call until then, and a `ratelimit-limit` below the configured rate lowers the rate (adapting down, never up).
   */
  observe(headers: Record<string, string> | null | undefined) {
    if (!headers) return;
    const now = this.clock.now();
    const seconds = (name: string) => {
      const v = Number(headers[name]);
      return Number.isFinite(v) && v >= 0 ? v : null;
    };
    const retryAfter = seconds('retry-after');
    if (retryAfter !== null) this.next = Math.max(this.next, now + retryAfter * 1000);
    const limit = seconds('ratelimit-limit');
    if (limit && limit < this.rps) {
      this.rps = limit;
      this.next = Math.max(this.next, this.last + this.intervalMs);
    }
    const reset = seconds('ratelimit-reset');
    if (seconds('ratelimit-remaining') === 0 && reset !== null) this.next = Math.max(this.next, now + reset * 1000);
  }

  /** Holds the run until its next slot, so the next run (one at a time) starts at the pace too. */
  async settle() {
    if (!this.calls) return;
    const wait = Math.min(this.next - this.clock.now(), MAX_WAIT_MS);
    if (wait > 0) await this.clock.sleep(wait);
  }
}
