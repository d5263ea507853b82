// What the desk does with a scan, a search pick, a walk-in or the admit action, and the result and banners that follow.
import { newScan, ticketCode } from './checkin';
import { createAdmit } from './desk-admit';
import type { Attendee } from './desk-api';
import { createResultScreen } from './desk-result-screen';
import { createDeskStatus } from './desk-status';
import { registerWalkIn } from './desk-walk-in';
import type { OfflineDesk } from './offline';
import type { Point } from './point';
import type { WalkInFields } from './WalkInForm';

/** A camera sees the same QR many times a second; the same code within this window is the same scan. */
const SAME_CODE_MS = 3000;

export type DeskActions = ReturnType<typeof createDeskActions>;

/** point: what the desk scans for (attendance, issue 17); null is the entrance check-in. */
export function createDeskActions(
  slug: () => string,
  deskName: () => string,
  desk: OfflineDesk,
  point: () => Point = () => null,
) {
  // The admission is made below; a result only shows after both exist.
  const screen = createResultScreen(() => admission.reset());
  const status = createDeskStatus(desk, screen);
  const admission = createAdmit({ slug, deskName, desk, screen, status });
  let lastCode: string | null = null;
  let lastCodeAt = 0;
  let cameraBusy = false;

  /** At an attendance point the scan signs in or out; otherwise it is the entrance check-in. */
  async function check(scan: ReturnType<typeof newScan>) {
    const p = point();
    if (p) return status.settle(await desk.checkPoint(scan, p), screen.showPoint);
    return status.settle(await desk.check(scan), screen.show);
  }

  async function checkInCode(text: string): Promise<boolean> {
    lastCode = ticketCode(text);
    lastCodeAt = Date.now();
    return check(newScan(slug(), { code: text.trim() }, deskName(), 'scan'));
  }

  function onCameraCode(text: string) {
    const code = ticketCode(text);
    if (cameraBusy) return;
    if (code === lastCode && (Date.now() - lastCodeAt < SAME_CODE_MS || screen.result() || screen.pointResult()))
      return;
    cameraBusy = true;
    void checkInCode(text).finally(() => {
      cameraBusy = false;
      lastCodeAt = Date.now();
    });
  }

  const checkInAttendee = (a: Attendee) => check(newScan(slug(), { registrationId: a.id }, deskName(), 'search'));

  return {
    result: screen.result,
    /** The answer to a sign-in or sign-out at an attendance point. */
    pointResult: screen.pointResult,
    offline: status.offline,
    notSaved: status.notSaved,
    problem: status.problem,
    sessionEnded: status.sessionEnded,
    endSession: status.endSession,
    /** Goes up after each check-in, so the counts and search results refresh. */
    refresh: status.refresh,
    admitting: admission.admitting,
    admitError: admission.admitError,
    dismiss: screen.dismiss,
    checkInCode,
    onCameraCode,
    checkInAttendee,
    registerWalkIn: (fields: WalkInFields) => registerWalkIn({ slug, deskName, desk, screen, status }, fields),
    admit: admission.admit,
    /** The scan box, focused again when a result goes away. */
    setScanInput: screen.setScanInput,
    setCameraOn: screen.setCameraOn,
  };
}
