// A code just made: its QR drawn here from its link (the token is in the link's fragment and the server cannot show it
// again), its limits, and its link to copy.
import { createSignal, createUniqueId, onMount, Show } from 'solid-js';
import { locale } from '../../i18n';
import { formatDateTime } from '../../lib/time';
import type { ConsoleEvent, NewPairing } from '../console-api';
import type { QrSvgReply } from '../qr-svg-worker';
import { ct } from '../text';
import { useToast } from '../ui';
import { labelOf } from './pairing-text';

/** The encoder loads only when a code has just been made, in a worker of its own. */
function qrSvg(text: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(new URL('../qr-svg-worker.ts', import.meta.url), { type: 'module' });
    worker.onmessage = (e: MessageEvent<QrSvgReply>) => {
      worker.terminate();
      if ('svg' in e.data) resolve(e.data.svg);
      else reject(new Error(e.data.error));
    };
    worker.onerror = () => {
      worker.terminate();
      reject(new Error('The QR worker failed.'));
    };
    worker.postMessage(text);
  });
}

export function NewCode(props: {
  event: ConsoleEvent;
  created: NewPairing;
  headingRef: (el: HTMLHeadingElement) => void;
  onHide: () => void;
}) {
  const toast = useToast();
  const [svg, setSvg] = createSignal<string | null>(null);
  const [qrFailed, setQrFailed] = createSignal(false);
  const [copyFailed, setCopyFailed] = createSignal(false);
  const id = createUniqueId();
  let linkInput!: HTMLInputElement;
  const p = () => props.created.pairing;

  onMount(async () => {
    try {
      setSvg(await qrSvg(props.created.url));
    } catch {
      setQrFailed(true);
    }
  });

  async function copy() {
    setCopyFailed(false);
    try {
      await navigator.clipboard.writeText(props.created.url);
      toast(ct('dev.copied'));
    } catch {
      // No clipboard (an insecure origin, or permission refused): select the text for a manual copy.
      setCopyFailed(true);
      linkInput.focus();
      linkInput.select();
    }
  }

  return (
    <section class="card dev-new" aria-labelledby={`${id}-title`}>
      <h3 id={`${id}-title`} tabindex="-1" ref={(el) => props.headingRef(el)}>
        {ct('dev.newTitle', { label: labelOf(p()) })}
      </h3>
      <div class="dev-new-body">
        <div class="dev-qr">
          <Show when={svg()} fallback={<p class="muted">{qrFailed() ? ct('dev.qrFailed') : ct('dev.qrDrawing')}</p>}>
            {/* The SVG is the encoder's own output for our link, never user markup. */}
            <div class="dev-qr-code" role="img" aria-label={ct('dev.qr')} innerHTML={svg()!} />
          </Show>
        </div>
        <div class="dev-new-facts">
          <p>{ct('dev.scanHow')}</p>
          <ul>
            <li>{ct('dev.usesLeft', { left: p().maxUses - p().uses, max: p().maxUses })}</li>
            <li>{ct('dev.expires', { time: formatDateTime(p().expiresAt, props.event.timezone, locale()) })}</li>
          </ul>
          <p class="notice warn">{ct('dev.onlyNow')}</p>
          <div class="field">
            <label for={`${id}-link`}>{ct('dev.link')}</label>
            <input
              id={`${id}-link`}
              ref={linkInput}
              class="dev-link"
              readOnly
              value={props.created.url}
              aria-describedby={copyFailed() ? `${id}-copy` : undefined}
              onFocus={(e) => e.currentTarget.select()}
            />
          </div>
          <div role="alert">
            <Show when={copyFailed()}>
              <p class="field-error" id={`${id}-copy`}>
                {ct('dev.copyFailed')}
              </p>
            </Show>
          </div>
          <div class="form-actions">
            <button type="button" onClick={() => void copy()}>
              {ct('dev.copy')}
            </button>
            <button type="button" class="secondary" onClick={() => props.onHide()}>
              {ct('dev.hide')}
            </button>
          </div>
        </div>
      </div>
    </section>
  );
}
