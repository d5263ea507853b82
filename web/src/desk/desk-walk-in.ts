// Registers a walk-in from the desk's form; it gets a ticket from the server, so it cannot be done offline.
import { locale } from '../i18n';
import { deviceId, type Outcome, submitWalkIn, uuid, type WalkInResponse } from './checkin';
import type { DeskStatus } from './desk-status';
import type { ResultScreen } from './desk-result-screen';
import type { OfflineDesk } from './offline';
import type { WalkInFields } from './WalkInForm';

/** Offline the form says so at once instead of waiting for the request to fail. */
export async function registerWalkIn(
  ctx: { slug: () => string; deskName: () => string; desk: OfflineDesk; screen: ResultScreen; status: DeskStatus },
  fields: WalkInFields,
): Promise<Outcome<WalkInResponse>> {
  if (!navigator.onLine) {
    ctx.desk.markReachable(false);
    return { kind: 'offline' };
  }
  const optional = (s: string) => s.trim() || undefined;
  const outcome = await submitWalkIn({
    slug: ctx.slug(),
    name: fields.name.trim(),
    phone: optional(fields.phone),
    email: optional(fields.email),
    affiliation: optional(fields.affiliation),
    locale: locale(),
    deviceId: deviceId(),
    clientId: uuid(),
    deskId: ctx.deskName(),
  });
  if (outcome.kind === 'offline') {
    ctx.desk.markReachable(false);
    return outcome;
  }
  ctx.desk.markReachable(true);
  ctx.status.settle(outcome, (w) =>
    ctx.screen.show({
      result: w.result,
      registration: w.registration,
      checkedInAt: w.checkedInAt,
      deskId: ctx.deskName(),
      walkIn: true,
    }),
  );
  return outcome;
}
