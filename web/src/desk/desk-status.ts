// The desk's standing after each request: offline, not saved, a problem, the session ended, and the refresh counter.
import { createSignal } from 'solid-js';
import type { Outcome } from './checkin';
import { feedback } from './feedback';
import type { OfflineDesk } from './offline';
import type { ResultScreen } from './desk-result-screen';
import type { DeskKey } from './text';

export type DeskStatus = ReturnType<typeof createDeskStatus>;

export function createDeskStatus(desk: OfflineDesk, screen: ResultScreen) {
  const [offline, setOffline] = createSignal(false);
  const [notSaved, setNotSaved] = createSignal(false);
  const [problem, setProblem] = createSignal<DeskKey | null>(null);
  const [sessionEnded, setSessionEnded] = createSignal(false);
  const [refresh, setRefresh] = createSignal(0);

  /** The server (or the saved list offline) took it: the banners go and the counts refresh. */
  function succeeded(show: () => void) {
    setOffline(false);
    setProblem(null);
    show();
    setRefresh((n) => n + 1);
  }

  /** Applies an outcome to the page; true when it was dealt with (by the server, or by the saved list offline). */
  function settle<T>(outcome: Outcome<T> | { kind: 'not_saved' }, onOk: (value: T) => void): boolean {
    setNotSaved(false);
    // The previous guest's screen (maybe a green welcome) must not stand beside this one's error.
    if (outcome.kind !== 'ok') screen.clear();
    switch (outcome.kind) {
      case 'ok':
        succeeded(() => onOk(outcome.value));
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

  return {
    offline,
    notSaved,
    problem,
    sessionEnded,
    endSession: () => setSessionEnded(true),
    refresh,
    succeeded,
    settle,
  };
}
