// The attendee certificate after a pass: the download as soon as its PDF is drawn, a note until then.
import { createSignal, Match, onCleanup, Switch } from 'solid-js';
import { certificateReady, certificateUrl } from './evaluation-api';
import { et } from './evaluation-text';

export function Certificate(props: { code: string; number: string; status: string }) {
  const [ready, setReady] = createSignal(props.status === 'ready');
  // The queue draws the PDF a few seconds after the pass; ask until it is there (for at most five minutes).
  let tries = 0;
  const timer = setInterval(async () => {
    if (ready() || props.status === 'failed' || ++tries > 150) return clearInterval(timer);
    try {
      if (await certificateReady(props.code, props.number)) setReady(true);
    } catch {
      /* asked again on the next tick */
    }
  }, 2000);
  onCleanup(() => clearInterval(timer));
  return (
    <section class="card eval-certificate" aria-labelledby="eval-cert-title">
      <h2 id="eval-cert-title">{et('c.title')}</h2>
      <div role="status">
        <Switch fallback={<p>{et('c.preparing')}</p>}>
          <Match when={props.status === 'failed'}>
            <p>{et('c.failed')}</p>
          </Match>
          <Match when={ready()}>
            <p>
              <a class="button" href={certificateUrl(props.code, props.number)} download="">
                {et('c.download')}
              </a>
            </p>
          </Match>
        </Switch>
      </div>
    </section>
  );
}
