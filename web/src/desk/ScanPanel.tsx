// Where codes come in: the camera, and the scan box that USB (keyboard-wedge) scanners and people type into.
import { createSignal, onCleanup, onMount, Show } from 'solid-js';
import { type DeskKey, t } from './text';
import { unlockAudio } from './feedback';
import { cameraErrorOf, type Scanner, startScanner } from './scanner';

/** Wedge scanners type a whole code within a few ms per key; people are far slower. */
const WEDGE_KEY_GAP_MS = 50;
const WEDGE_MIN_LENGTH = 4;

type CameraState = 'off' | 'starting' | 'on' | 'denied' | 'missing' | 'failed';
const CAMERA_MESSAGES: Partial<Record<CameraState, DeskKey>> = {
  starting: 'scan.cameraStarting',
  on: 'scan.cameraOn',
  denied: 'scan.cameraDenied',
  missing: 'scan.cameraMissing',
  failed: 'scan.cameraFailed',
};

export function ScanPanel(props: {
  /** Resolves true when the code was dealt with (so the box empties), false to keep it for another try. */
  onSubmit: (text: string) => Promise<boolean>;
  onCameraCode: (text: string) => void;
  inputRef: (el: HTMLInputElement) => void;
  onCameraChange?: (on: boolean) => void;
}) {
  const [code, setCode] = createSignal('');
  const [busy, setBusy] = createSignal(false);
  const [empty, setEmpty] = createSignal(false);
  const [camera, setCamera] = createSignal<CameraState>('off');
  const [decoder, setDecoder] = createSignal<Scanner['decoder'] | null>(null);
  let input!: HTMLInputElement;
  let video!: HTMLVideoElement;
  let scanner: Scanner | undefined;
  /** Bumped by every start and stop, so a start that finishes after a stop turns its camera off again. */
  let generation = 0;

  async function submit(text: string) {
    if (!text.trim()) {
      setEmpty(true);
      input.focus();
      return;
    }
    if (busy()) return;
    setEmpty(false);
    setBusy(true);
    try {
      if (await props.onSubmit(text)) setCode('');
    } finally {
      setBusy(false);
    }
  }

  async function startCamera() {
    unlockAudio();
    const mine = ++generation;
    setCamera('starting');
    try {
      const started = await startScanner(video, (text) => props.onCameraCode(text));
      if (mine !== generation) {
        started.stop();
        return;
      }
      scanner = started;
      setDecoder(started.decoder);
      setCamera('on');
      props.onCameraChange?.(true);
    } catch (e) {
      if (mine === generation) setCamera(cameraErrorOf(e));
    }
  }
  function stopCamera() {
    generation++;
    scanner?.stop();
    scanner = undefined;
    setCamera('off');
    props.onCameraChange?.(false);
  }

  // Outside any text field a wedge scanner's keys would go nowhere; collect them here when they come scanner-fast.
  let buffer = '';
  let lastKeyAt = 0;
  const onKeyDown = (e: KeyboardEvent) => {
    const el = e.target as HTMLElement | null;
    if (e.ctrlKey || e.metaKey || e.altKey || e.isComposing) return;
    if (el && (el.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(el.tagName))) return;
    const now = performance.now();
    if (now - lastKeyAt > WEDGE_KEY_GAP_MS) buffer = '';
    lastKeyAt = now;
    if (e.key === 'Enter') {
      if (buffer.length >= WEDGE_MIN_LENGTH) {
        e.preventDefault();
        const text = buffer;
        buffer = '';
        setCode(text);
        input.focus({ preventScroll: true });
        void submit(text);
      }
      buffer = '';
    } else if (e.key.length === 1) {
      buffer += e.key;
    }
  };
  onMount(() => document.addEventListener('keydown', onKeyDown, true));
  onCleanup(() => {
    document.removeEventListener('keydown', onKeyDown, true);
    stopCamera();
  });

  const cameraMessage = () => CAMERA_MESSAGES[camera()];
  const cameraProblem = () => ['denied', 'missing', 'failed'].includes(camera());

  return (
    <section class="desk-scan card" aria-labelledby="desk-scan-title">
      <h2 id="desk-scan-title">{t('scan.title')}</h2>
      <form
        class="desk-scan-form"
        onSubmit={(e) => {
          e.preventDefault();
          unlockAudio();
          void submit(code());
        }}
      >
        <label for="desk-scan-code">{t('scan.input')}</label>
        <p class="hint field-hint" id="desk-scan-hint">
          {t('scan.inputHint')}
        </p>
        <div class="desk-scan-row">
          <input
            id="desk-scan-code"
            name="code"
            type="text"
            autocomplete="off"
            autocapitalize="off"
            spellcheck={false}
            enterkeyhint="go"
            aria-describedby={empty() ? 'desk-scan-hint desk-scan-empty' : 'desk-scan-hint'}
            aria-invalid={empty() ? 'true' : undefined}
            value={code()}
            onInput={(e) => {
              setCode(e.currentTarget.value);
              setEmpty(false);
            }}
            ref={(el) => {
              input = el;
              props.inputRef(el);
            }}
          />
          <button type="submit" disabled={busy()}>
            {busy() ? t('scan.checking') : t('scan.submit')}
          </button>
        </div>
        <Show when={empty()}>
          <p class="field-error" id="desk-scan-empty">
            {t('scan.empty')}
          </p>
        </Show>
      </form>
      <div class={`desk-camera state-${camera()}`} data-decoder={decoder() ?? undefined}>
        <video
          ref={video}
          muted
          playsinline
          aria-label={t('scan.cameraLabel')}
          hidden={camera() !== 'on' && camera() !== 'starting'}
        />
        <Show when={camera() === 'on'}>
          <div class="desk-viewfinder" aria-hidden="true" />
        </Show>
      </div>
      <p class={cameraProblem() ? 'notice error' : 'desk-camera-status muted'} role="status">
        {cameraMessage() ? t(cameraMessage()!) : ''}
      </p>
      <Show
        when={camera() === 'on' || camera() === 'starting'}
        fallback={
          <button type="button" class="desk-camera-toggle" onClick={() => void startCamera()}>
            {t('scan.startCamera')}
          </button>
        }
      >
        <button type="button" class="desk-camera-toggle secondary" onClick={stopCamera}>
          {t('scan.stopCamera')}
        </button>
      </Show>
    </section>
  );
}
