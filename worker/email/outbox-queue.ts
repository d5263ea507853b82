// Handing a job to the outbox queue, for callers that can do the work themselves when the queue is not there.
import type { Bindings } from '../env';
import { loggable } from '../http/errors';
import type { OutboxBody } from './consumer';

/** True once the queue has the job; false without a queue or when it refused (logged): the caller then does it. */
export async function handedToQueue(env: Pick<Bindings, 'OUTBOX'>, body: OutboxBody): Promise<boolean> {
  if (!env.OUTBOX) return false;
  try {
    await env.OUTBOX.send(body);
    return true;
  } catch (e) {
    console.error('queue send failed', loggable(e));
    return false;
  }
}
