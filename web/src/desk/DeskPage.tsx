// The front desk at /desk and /desk/:slug: scan or find a guest, check them in (offline too), register walk-ins, watch arrivals.
import { useLocation, useNavigate, useParams } from '@solidjs/router';
import { createEffect, createResource, createSignal, ErrorBoundary, For, onCleanup, onMount, Show } from 'solid-js';
import { locale, pick } from '../i18n';
import { type DeskKey, t } from './text';
import {
  type CheckinResponse,
  deviceId,
  newScan,
  type Outcome,
  saveDeskName,
  savedDeskName,
  submitAdmit,
  submitWalkIn,
  ticketCode,
  uuid,
  type WalkInResponse,
} from './checkin';
import { type Attendee, type EventInfo, getEventInfo, getMe, signOut, type Staff } from './desk-api';
import { feedback } from './feedback';
import { createOfflineDesk } from './offline';
import { ACTIONS, deskLabel, ResultOverlay, TONES } from './ResultOverlay';
import { createPoint, type PointResponse, submitPointScan } from './point';
import { PointPicker } from './PointPicker';
import { PointResultOverlay, POINT_TONES } from './PointResultOverlay';
import { ScanPanel } from './ScanPanel';
import { SearchPanel } from './SearchPanel';
import { registerShell } from './service-worker';
import { StatsPanel } from './StatsPanel';
import { SyncStatus } from './SyncStatus';
import { type WalkInFields, WalkInForm } from './WalkInForm';
import './desk.css';

const DESKS = Array.from({ length: 8 }, (_, i) => `Desk ${i + 1}`);
/** Long enough to read a name; a problem stays longer because someone has to act on it. */
const SHOW_OK_MS = 3000;
const SHOW_PROBLEM_MS = 5000;
/** A result that offers the admit action stays long enough to decide, ask the guest and tap. */
const SHOW_ACTION_MS = 15000;
/** A camera sees the same QR many times a second; the same code within this window is the same scan. */
const SAME_CODE_MS = 3000;

export default function DeskPage() {
  const params = useParams();
  const navigate = useNavigate();
  const location = useLocation();
  const [me, { refetch }] = createResource(getMe);
  createEffect(() => {
    document.title = `${t('desk.title')} · Colloquy`;
  });

  createEffect(() => {
    if (me.state === 'ready' && me() === null)
      navigate(`/sign-in?next=${encodeURIComponent(location.pathname)}`, { replace: true });
  });
  const slug = () => params.slug ?? me()?.roles[0]?.eventSlug;
  const [event, { refetch: refetchEvent }] = createResource(() => (me() ? slug() : undefined), getEventInfo);

  return (
    <ErrorBoundary
      fallback={(_, reset) => (
        <Unreachable
          retry={() => {
            reset();
            void refetch();
          }}
        />
      )}
    >
      <Show when={me()}>
        {(staff) => (
          <Show when={slug()} fallback={<DeskMessage staff={staff()} text="desk.noEvents" />}>
            {(s) => (
              <Show
                when={staff().roles.some((r) => r.eventSlug === s())}
                fallback={<DeskMessage staff={staff()} text="desk.forbidden" />}
              >
                <Show
                  when={event.state === 'ready' ? (event() ?? draftEvent(s())) : undefined}
                  keyed
                  fallback={
                    <Show
                      when={event.error}
                      fallback={
                        <p class="loading" role="status">
                          {t('loading')}
                        </p>
                      }
                    >
                      <Unreachable retry={refetchEvent} />
                    </Show>
                  }
                >
                  {(ev) => <Desk staff={staff()} event={ev} />}
                </Show>
              </Show>
            )}
          </Show>
        )}
      </Show>
    </ErrorBoundary>
  );
}

function Unreachable(props: { retry: () => void }) {
  return (
    <section class="card narrow" role="alert">
      <p>{t('desk.offline')}</p>
      <button type="button" onClick={() => props.retry()}>
        {t('retry')}
      </button>
    </section>
  );
}

/** An event the public API does not show (a draft) still has a desk; its slug stands in for the title. */
const draftEvent = (slug: string): EventInfo => ({
  slug,
  title: { zh: slug, en: slug },
  timezone: Intl.DateTimeFormat().resolvedOptions().timeZone,
});

function DeskMessage(props: { staff: Staff; text: DeskKey }) {
  return (
    <section class="card narrow">
      <h1>{t('desk.title')}</h1>
      <p>{t(props.text)}</p>
      <p class="muted">{t('desk.signedInAs', { who: props.staff.name || props.staff.email })}</p>
      <SignOutButton />
    </section>
  );
}

function SignOutButton(props: { beforeSignOut?: () => Promise<void> }) {
  const navigate = useNavigate();
  const [busy, setBusy] = createSignal(false);
  async function out() {
    setBusy(true);
    try {
      await props.beforeSignOut?.();
    } catch {
      /* the saved list stays; signing out matters more */
    }
    try {
      await signOut();
    } catch {
      /* the cookie may already be gone; leave anyway */
    }
    navigate('/sign-in', { replace: true });
  }
  return (
    <button type="button" class="secondary" disabled={busy()} onClick={() => void out()}>
      {t('desk.signOut')}
    </button>
  );
}

function Desk(props: { staff: Staff; event: EventInfo }) {
  const location = useLocation();
  const slug = () => props.event.slug;
  const [deskName, setDeskName] = createSignal(savedDeskName());
  const [result, setResult] = createSignal<CheckinResponse | null>(null);
  const [offline, setOffline] = createSignal(false);
  const [notSaved, setNotSaved] = createSignal(false);
  const [problem, setProblem] = createSignal<DeskKey | null>(null);
  const [sessionEnded, setSessionEnded] = createSignal(false);
  const [refresh, setRefresh] = createSignal(0);
  const [admitting, setAdmitting] = createSignal(false);
  const [admitError, setAdmitError] = createSignal<DeskKey | null>(null);
  const desk = createOfflineDesk(slug(), { onUnauthorized: () => setSessionEnded(true) });
  // Attendance (issue 17): what this desk scans for; null is the entrance check-in as before.
  const place = createPoint(slug());
  const [pointResult, setPointResult] = createSignal<PointResponse | null>(null);
  onMount(registerShell);
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

  function showPoint(r: PointResponse) {
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

  /** Applies an outcome to the page; true when it was dealt with (by the server, or by the saved list offline). */
  function settle<T>(outcome: Outcome<T> | { kind: 'not_saved' }, onOk: (value: T) => void): boolean {
    setNotSaved(false);
    // The previous guest's screen (maybe a green welcome) must not stand beside this one's error.
    if (outcome.kind !== 'ok') {
      clearTimeout(resetTimer);
      setResult(null);
      setPointResult(null);
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
    const scan = newScan(slug(), { code: text.trim() }, deskName(), 'scan');
    const p = place.point();
    if (p) return settle(await submitPointScan(scan, p), showPoint);
    return settle(await desk.check(scan), show);
  }

  function onCameraCode(text: string) {
    const code = ticketCode(text);
    if (cameraBusy) return;
    if (code === lastCode && (Date.now() - lastCodeAt < SAME_CODE_MS || result() || pointResult())) return;
    cameraBusy = true;
    void checkInCode(text).finally(() => {
      cameraBusy = false;
      lastCodeAt = Date.now();
    });
  }

  async function checkInAttendee(a: Attendee) {
    const p = place.point();
    if (p)
      return settle(
        await submitPointScan(newScan(slug(), { registrationId: a.id }, deskName(), 'search'), p),
        showPoint,
      );
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

  const deskOptions = () => (DESKS.includes(deskName()) ? DESKS : [...DESKS, deskName()]);
  const signInAgain = () => `/sign-in?next=${encodeURIComponent(location.pathname)}`;

  return (
    <div class="desk">
      <header class="desk-head">
        <div>
          <h1>{t('desk.title')}</h1>
          <p class="desk-event">{pick(props.event.title)}</p>
        </div>
        <div class="desk-head-tools">
          <div class="desk-name">
            <label for="desk-name">{t('desk.name')}</label>
            <select
              id="desk-name"
              value={deskName()}
              onChange={(e) => {
                setDeskName(e.currentTarget.value);
                saveDeskName(e.currentTarget.value);
              }}
            >
              <For each={deskOptions()}>{(d) => <option value={d}>{deskLabel(d)}</option>}</For>
            </select>
          </div>
          <Show when={props.staff.roles.length > 1}>
            <nav class="desk-events" aria-label={t('desk.chooseEvent')}>
              <For each={props.staff.roles}>
                {(r) => (
                  <a
                    href={`/desk/${encodeURIComponent(r.eventSlug)}`}
                    aria-current={r.eventSlug === slug() ? 'page' : undefined}
                  >
                    {r.eventSlug}
                  </a>
                )}
              </For>
            </nav>
          </Show>
          <p class="desk-who muted">{t('desk.signedInAs', { who: props.staff.name || props.staff.email })}</p>
          <SignOutButton beforeSignOut={desk.forget} />
        </div>
      </header>

      <SyncStatus desk={desk} timezone={props.event.timezone} />

      <div class="desk-banners" role="alert">
        <Show when={sessionEnded()}>
          <p class="notice error">
            {t('desk.sessionEnded')} <a href={signInAgain()}>{t('desk.signInAgain')}</a>
          </p>
        </Show>
        <Show when={offline()}>
          <p class="notice error desk-offline">{t('desk.offline')}</p>
        </Show>
        <Show when={notSaved()}>
          <p class="notice error desk-offline">{t('desk.notSaved')}</p>
        </Show>
        <Show when={problem()}>{(p) => <p class="notice error">{t(p())}</p>}</Show>
      </div>

      <div class="desk-grid">
        <div class="desk-col-scan">
          {/* Above the scanner, so whoever scans sees whether it signs people in or out. */}
          <PointPicker
            slug={slug()}
            timezone={props.event.timezone}
            point={place.point()}
            onChoose={place.choose}
            refresh={refresh()}
            offline={!desk.online()}
          />
          <ScanPanel
            onSubmit={checkInCode}
            onCameraCode={onCameraCode}
            inputRef={(el) => (scanInput = el)}
            onCameraChange={(on) => (cameraOn = on)}
          />
        </div>
        <div class="desk-col-side">
          <StatsPanel
            slug={slug()}
            timezone={props.event.timezone}
            refresh={refresh()}
            offline={!desk.online()}
            onReachable={desk.markReachable}
            onUnauthorized={() => setSessionEnded(true)}
          />
          <SearchPanel
            slug={slug()}
            timezone={props.event.timezone}
            refresh={refresh()}
            onCheckIn={checkInAttendee}
            offline={!desk.online()}
            searchSaved={desk.searchSaved}
            onReachable={desk.markReachable}
            onUnauthorized={() => setSessionEnded(true)}
          />
        </div>
        <div class="desk-col-walkin">
          <WalkInForm slug={slug()} offline={!desk.online()} register={registerWalkIn} />
        </div>
      </div>

      <PointResultOverlay result={pointResult()} timezone={props.event.timezone} onDismiss={dismiss} />
      <ResultOverlay
        result={result()}
        slug={slug()}
        timezone={props.event.timezone}
        onDismiss={dismiss}
        action={{ offline: !desk.online(), busy: admitting(), error: admitError(), run: (id) => void admit(id) }}
      />
    </div>
  );
}
