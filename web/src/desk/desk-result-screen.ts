// The result on the desk's screen (check-in or attendance point): how long it stays, Escape, and focus back to the scan box.
import { createSignal, onCleanup } from 'solid-js';
import type { CheckinResponse } from './checkin';
import { feedback } from './feedback';
import type { PointShown } from './point';
import { POINT_TONES } from './PointResultOverlay';
import { ACTIONS, TONES } from './ResultOverlay';

/** Long enough to read a name; a problem stays longer because someone has to act on it. */
const SHOW_OK_MS = 3000;
const SHOW_PROBLEM_MS = 5000;
/** A result that offers the admit action stays long enough to decide, ask the guest and tap. */
const SHOW_ACTION_MS = 15000;

export type ResultScreen = ReturnType<typeof createResultScreen>;

/** onShow: called for each new check-in result, so what belonged to the previous one (the admit action's state) resets. */
export function createResultScreen(onShow: () => void) {
  const [result, setResult] = createSignal<CheckinResponse | null>(null);
  const [pointResult, setPointResult] = createSignal<PointShown | null>(null);
  let scanInput: HTMLInputElement | undefined;
  let cameraOn = false;
  let resetTimer: ReturnType<typeof setTimeout> | undefined;

  function show(r: CheckinResponse) {
    clearTimeout(resetTimer);
    setResult(r);
    onShow();
    const ok = TONES[r.result] === 'ok';
    feedback(ok ? 'ok' : 'problem');
    // A walk-in's screen offers their badge, so it stays long enough to reach for it.
    // What the admit action did is a sentence to read; a result that offers it waits for a decision.
    resetTimer = setTimeout(
      dismiss,
      ACTIONS[r.result] ? SHOW_ACTION_MS : ok && !r.walkIn && !r.admitted ? SHOW_OK_MS : SHOW_PROBLEM_MS,
    );
  }

  function showPoint(r: PointShown) {
    clearTimeout(resetTimer);
    setResult(null);
    setPointResult(r);
    const ok = POINT_TONES[r.result] === 'in' || POINT_TONES[r.result] === 'out';
    feedback(ok ? 'ok' : 'problem');
    resetTimer = setTimeout(dismiss, ok ? SHOW_OK_MS : SHOW_PROBLEM_MS);
  }

  function dismiss() {
    clearTimeout(resetTimer);
    if (!result() && !pointResult()) return;
    setResult(null);
    setPointResult(null);
    // On a phone or tablet scanning by camera, focusing the box would pop the keyboard over the camera view.
    const keyboardWouldCover = cameraOn && matchMedia('(pointer: coarse)').matches;
    if (!keyboardWouldCover) scanInput?.focus({ preventScroll: true });
  }

  /** Takes the previous guest's screen away at once, without moving focus. */
  function clear() {
    clearTimeout(resetTimer);
    setResult(null);
    setPointResult(null);
  }

  const onKey = (e: KeyboardEvent) => {
    if (e.key === 'Escape' && (result() || pointResult())) {
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
    pointResult,
    show,
    showPoint,
    dismiss,
    clear,
    /** Keeps the result on screen while the admit action runs. */
    hold: () => clearTimeout(resetTimer),
    setScanInput: (el: HTMLInputElement) => (scanInput = el),
    setCameraOn: (on: boolean) => (cameraOn = on),
  };
}
