// What the desk does with a scan, a search pick, a walk-in or the admit action, and the result and banners that follow.
import { createSignal, onCleanup } from 'solid-js';
import { locale } from '../i18n';
import {
  type CheckinResponse,
  deviceId,
  newScan,
  type Outcome,
  submitAdmit,
  submitWalkIn,
  ticketCode,
  uuid,
  type WalkInResponse,
} from './checkin';
import type { Attendee } from './desk-api';
import { feedback } from './feedback';
import type { OfflineDesk } from './offline';
import { ACTIONS, TONES } from './ResultOverlay';
import type { DeskKey } from './text';
import type { WalkInFields } from './WalkInForm';

/** Long enough to read a name; a problem stays longer because someone has to act on it. */
const SHOW_OK_MS = 3000;
const SHOW_PROBLEM_MS = 5000;
/** A result that offers the admit action stays long enough to decide, ask the guest and tap. */
const SHOW_ACTION_MS = 15000;
/** A camera sees the same QR many times a second; the same code within this window is the same scan. */
const SAME_CODE_MS = 3000;

export type DeskActions = ReturnType<typeof createDeskActions>;

export function createDeskActions(slug: () => string, deskName: () => string, desk: OfflineDesk) {
  const [result, setResult] = createSignal<CheckinResponse | null>(null);
  const [offline, setOffline] = createSignal(false);
  const [notSaved, setNotSaved] = createSignal(false);
  const [problem, setProblem] = createSignal<DeskKey | null>(null);
  const [sessionEnded, setSessionEnded] = createSignal(false);
  const [refresh, setRefresh] = createSignal(0);
  const [admitting, setAdmitting] = createSignal(false);
  const [admitError, setAdmitError] = createSignal<DeskKey | null>(null);
  let scanInput: HTMLInputElement | undefined;
  let cameraOn = false;
  let resetTimer: ReturnType<typeof setTimeout> | undefined;
  let lastCode: string | null = null;
  let lastCodeAt = 0;
  let cameraBusy = false;
  /** One id per result on screen: tapping the action again after a lost answer is the same admission, not a second. */
  let admitClientId = uuid();

  function show(r: CheckinResponse) {
    clearTimeout(resetTimer);
    setResult(r);
    setAdmitError(null);
    admitClientId = uuid();
    const ok = TONES[r.result] === 'ok';
    feedback(ok ? 'ok' : 'problem');
    // A walk-in's screen offers their badge, so it stays long enough to reach for it.
    // What the admit action did is a sentence to read; a result that offers it waits for a decision.
    resetTimer = setTimeout(
      dismiss,
      ACTIONS[r.result] ? SHOW_ACTION_MS : ok && !r.walkIn && !r.admitted ? SHOW_OK_MS : SHOW_PROBLEM_MS,
    );
  }

  function dismiss() {
    clearTimeout(resetTimer);
    if (!result()) return;
    setResult(null);
    // On a phone or tablet scanning by camera, focusing the box would pop the keyboard over the camera view.
    const keyboardWouldCover = cameraOn && matchMedia('(pointer: coarse)').matches;
    if (!keyboardWouldCover) scanInput?.focus({ preventScroll: true });
  }

  /** Applies an outcome to the page; true when it was dealt with (by the server, or by the saved list offline). */
  function settle<T>(outcome: Outcome<T> | { kind: 'not_saved' }, onOk: (value: T) => void): boolean {
    setNotSaved(false);
    // The previous guest's screen (maybe a green welcome) must not stand beside this one's error.
    if (outcome.kind !== 'ok') {
      clearTimeout(resetTimer);
      setResult(null);
    }
    switch (outcome.kind) {
      case 'ok':
        setOffline(false);
        setProblem(null);
        onOk(outcome.value);
        setRefresh((n) => n + 1);
        return true;
      case 'not_saved':
        feedback('problem');
        setNotSaved(true);
        return false;
      case 'offline':
        desk.markReachable(false);
        setOffline(true);
        return false;
      case 'unauthorized':
        setSessionEnded(true);
        return false;
      case 'forbidden':
        setProblem('desk.forbidden');
        return false;
      case 'failed':
        setOffline(false);
        setProblem('desk.serverError');
        return false;
    }
  }

  async function checkInCode(text: string): Promise<boolean> {
    const code = ticketCode(text);
    lastCode = code;
    lastCodeAt = Date.now();
    return settle(await desk.check(newScan(slug(), { code: text.trim() }, deskName(), 'scan')), show);
  }

  function onCameraCode(text: string) {
    const code = ticketCode(text);
    if (cameraBusy) return;
    if (code === lastCode && (Date.now() - lastCodeAt < SAME_CODE_MS || result())) return;
    cameraBusy = true;
    void checkInCode(text).finally(() => {
      cameraBusy = false;
      lastCodeAt = Date.now();
    });
  }

  async function checkInAttendee(a: Attendee) {
    return settle(await desk.check(newScan(slug(), { registrationId: a.id }, deskName(), 'search')), show);
  }

  /** A walk-in gets a ticket from the server, so it cannot be done offline; the form says so instead of waiting. */
  async function registerWalkIn(fields: WalkInFields): Promise<Outcome<WalkInResponse>> {
    if (!navigator.onLine) {
      desk.markReachable(false);
      return { kind: 'offline' };
    }
    const optional = (s: string) => s.trim() || undefined;
    const outcome = await submitWalkIn({
      slug: slug(),
      name: fields.name.trim(),
      phone: optional(fields.phone),
      email: optional(fields.email),
      affiliation: optional(fields.affiliation),
      locale: locale(),
      deviceId: deviceId(),
      clientId: uuid(),
      deskId: deskName(),
    });
    if (outcome.kind === 'offline') {
      desk.markReachable(false);
      return outcome;
    }
    desk.markReachable(true);
    settle(outcome, (w) =>
      show({
        result: w.result,
        registration: w.registration,
        checkedInAt: w.checkedInAt,
        deskId: deskName(),
        walkIn: true,
      }),
    );
    return outcome;
  }

  /** The result screen's action for a cancelled or waitlisted ticket; it needs the server, so offline it is not offered. */
  async function admit(registrationId: string) {
    if (admitting()) return;
    clearTimeout(resetTimer);
    setAdmitError(null);
    if (!navigator.onLine) {
      desk.markReachable(false);
      setAdmitError('result.action.needsNetwork');
      return;
    }
    setAdmitting(true);
    const outcome = await submitAdmit(slug(), registrationId, {
      deviceId: deviceId(),
      clientId: admitClientId,
      deskId: deskName(),
    });
    setAdmitting(false);
    switch (outcome.kind) {
      case 'ok':
        desk.markReachable(true);
        setOffline(false);
        setProblem(null);
        show(outcome.value);
        setRefresh((n) => n + 1);
        return;
      case 'offline':
        desk.markReachable(false);
        setAdmitError('result.action.needsNetwork');
        return;
      case 'unauthorized':
        setSessionEnded(true);
        setAdmitError('result.action.failed');
        return;
      default:
        setAdmitError('result.action.failed');
    }
  }

  const onKey = (e: KeyboardEvent) => {
    if (e.key === 'Escape' && result()) {
      e.preventDefault();
      dismiss();
    }
  };
  document.addEventListener('keydown', onKey);
  onCleanup(() => {
    document.removeEventListener('keydown', onKey);
    clearTimeout(resetTimer);
  });

  return {
    result,
    offline,
    notSaved,
    problem,
    sessionEnded,
    endSession: () => setSessionEnded(true),
    /** Goes up after each check-in, so the counts and search results refresh. */
    refresh,
    admitting,
    admitError,
    dismiss,
    checkInCode,
    onCameraCode,
    checkInAttendee,
    registerWalkIn,
    admit,
    /** The scan box, focused again when a result goes away. */
    setScanInput: (el: HTMLInputElement) => (scanInput = el),
    setCameraOn: (on: boolean) => (cameraOn = on),
  };
}
