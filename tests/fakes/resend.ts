// Installs the Resend test double (tests/fakes/resend-double.ts) in place of api.resend.com for a vitest test.
import { vi } from 'vitest';
import { ResendDouble } from './resend-double';

export { MAX_BATCH, ResendDouble, resendSpec, type Delivery, type Fault } from './resend-double';

/** Routes the Worker's calls to api.resend.com to a fresh double; other fetches pass through. */
export function installResendDouble() {
  const double = new ResendDouble();
  const realFetch = globalThis.fetch;
  vi.spyOn(globalThis, 'fetch').mockImplementation(async (input: RequestInfo | URL, init?: RequestInit) => {
    const request = new Request(input, init);
    if (new URL(request.url).hostname !== 'api.resend.com') return realFetch(input, init);
    return double.handle(request);
  });
  return double;
}
