// The result screen's admit action for a cancelled or waitlisted ticket; it needs the server, so offline it is not offered.
import { createSignal } from 'solid-js';
import { deviceId, submitAdmit, uuid } from './checkin';
import type { DeskStatus } from './desk-status';
import type { ResultScreen } from './desk-result-screen';
import type { OfflineDesk } from './offline';
import type { DeskKey } from './text';

export function createAdmit(ctx: {
  slug: () => string;
  deskName: () => string;
  desk: OfflineDesk;
  screen: ResultScreen;
  status: DeskStatus;
}) {
  const [admitting, setAdmitting] = createSignal(false);
  const [admitError, setAdmitError] = createSignal<DeskKey | null>(null);
  /** One id per result on screen: tapping the action again after a lost answer is the same admission, not a second. */
  let admitClientId = uuid();

  async function admit(registrationId: string) {
    if (admitting()) return;
    ctx.screen.hold();
    setAdmitError(null);
    if (!navigator.onLine) {
      ctx.desk.markReachable(false);
      setAdmitError('result.action.needsNetwork');
      return;
    }
    setAdmitting(true);
    const outcome = await submitAdmit(ctx.slug(), registrationId, {
      deviceId: deviceId(),
      clientId: admitClientId,
      deskId: ctx.deskName(),
    });
    setAdmitting(false);
    switch (outcome.kind) {
      case 'ok':
        ctx.desk.markReachable(true);
        ctx.status.succeeded(() => ctx.screen.show(outcome.value));
        return;
      case 'offline':
        ctx.desk.markReachable(false);
        setAdmitError('result.action.needsNetwork');
        return;
      case 'unauthorized':
        ctx.status.endSession();
        setAdmitError('result.action.failed');
        return;
      default:
        setAdmitError('result.action.failed');
    }
  }

  return {
    admitting,
    admitError,
    admit,
    /** A new result on screen: a fresh admission id and no error from the previous one. */
    reset: () => {
      setAdmitError(null);
      admitClientId = uuid();
    },
  };
}
