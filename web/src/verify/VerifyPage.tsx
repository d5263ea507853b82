// The public verification page at /verify and /verify/:number: valid, revoked (with the new number) or not found.
import { useNavigate, useParams } from '@solidjs/router';
import { createEffect, createResource, Match, Show, Switch } from 'solid-js';
import { api, ApiFailure, read } from '../api';
import { locale } from '../i18n';
import { vt } from './verify-text';
import './verify.css';

type Outcome =
  | { kind: 'found'; certificate: Awaited<ReturnType<typeof lookup>>['certificate'] }
  | { kind: 'notFound' }
  | { kind: 'limited' }
  | { kind: 'failed' };

const lookup = (number: string) => read(api.api.certificates[':number'].$get({ param: { number } }));

async function check(number: string): Promise<Outcome> {
  try {
    return { kind: 'found', certificate: (await lookup(number)).certificate };
  } catch (e) {
    if (e instanceof ApiFailure && e.status === 404) return { kind: 'notFound' };
    if (e instanceof ApiFailure && e.status === 429) return { kind: 'limited' };
    return { kind: 'failed' };
  }
}

const day = (iso: string | null) => (iso ? iso.slice(0, 10) : '');
const zh = () => locale() === 'zh-CN';
/** Ⅰ and Ⅱ are how the CME office writes the classes in Chinese. */
const roman = (c: 'I' | 'II') => (zh() ? (c === 'I' ? 'Ⅰ' : 'Ⅱ') : c);

export default function VerifyPage() {
  const params = useParams<{ number?: string }>();
  const navigate = useNavigate();
  const number = () => (params.number ? decodeURIComponent(params.number) : '');
  const [outcome] = createResource(() => number() || false, check);
  let input!: HTMLInputElement;
  createEffect(() => {
    document.title = `${vt('verify.title')} · Colloquy`;
  });

  return (
    <section class="card narrow verify-page">
      <h1>{vt('verify.title')}</h1>
      <Show when={outcome.state === 'ready' && outcome()}>
        {(o) => (
          <Switch>
            <Match when={o().kind === 'found' && (o() as Extract<Outcome, { kind: 'found' }>).certificate}>
              {(c) => (
                <div class={`verify-result verify-${c().status}`} role="status">
                  <p class="verify-verdict">
                    <span aria-hidden="true">{c().status === 'valid' ? '✓' : '✕'}</span>{' '}
                    <span>{c().status === 'valid' ? vt('verify.valid') : vt('verify.revoked')}</span>
                  </p>
                  <p>{c().status === 'valid' ? vt('verify.validBody') : vt('verify.revokedBody')}</p>
                  <Show when={c().replacedBy}>
                    {(n) => (
                      <p>
                        {vt('verify.replaced', { number: n() })}{' '}
                        <a href={`/verify/${encodeURIComponent(n())}`}>{vt('verify.replacedLink')}</a>
                      </p>
                    )}
                  </Show>
                  <dl class="verify-facts">
                    <dt>{vt('verify.holder')}</dt>
                    <dd>
                      <span class="verify-holder">{c().holder}</span>
                      <span class="muted verify-masked">{vt('verify.masked')}</span>
                    </dd>
                    <dt>{vt('verify.kind')}</dt>
                    <dd>{vt(`verify.kind.${c().kind}`)}</dd>
                    <dt>{vt('verify.event')}</dt>
                    <dd>{zh() ? c().event.titleZh : c().event.titleEn}</dd>
                    <dt>{vt('verify.dates')}</dt>
                    <dd>
                      {day(c().event.startsAt)}
                      {day(c().event.endsAt) !== day(c().event.startsAt) ? ` – ${day(c().event.endsAt)}` : ''}
                    </dd>
                    {/* As the PDF: a certificate of attendance states credits when the rule awarded some. */}
                    <Show when={c().kind !== 'attendance' || c().credits > 0}>
                      <dt>{vt('verify.credits')}</dt>
                      <dd>
                        {c().credits}
                        <Show when={c().creditClass}>
                          {(k) => <span class="muted"> · {vt('verify.creditClass', { c: roman(k()) })}</span>}
                        </Show>
                      </dd>
                    </Show>
                    <Show when={c().projectNumber}>
                      <dt>{vt('verify.project')}</dt>
                      <dd>{c().projectNumber}</dd>
                    </Show>
                    <dt>{vt('verify.issued')}</dt>
                    <dd>{day(c().issuedAt)}</dd>
                    <Show when={c().revokedAt}>
                      <dt>{vt('verify.revokedAt')}</dt>
                      <dd>{day(c().revokedAt)}</dd>
                    </Show>
                    <dt>{vt('verify.number')}</dt>
                    <dd class="verify-number">{c().number}</dd>
                  </dl>
                </div>
              )}
            </Match>
            <Match when={o().kind === 'notFound'}>
              <div class="verify-result verify-unknown" role="status">
                <p class="verify-verdict">{vt('verify.notFound')}</p>
                <p>
                  <code class="verify-number">{number()}</code>
                </p>
                <p>{vt('verify.notFoundBody')}</p>
              </div>
            </Match>
            <Match when={o().kind === 'limited'}>
              <p role="alert">{vt('verify.limited')}</p>
            </Match>
            <Match when={o().kind === 'failed'}>
              <p role="alert">{vt('verify.failed')}</p>
            </Match>
          </Switch>
        )}
      </Show>
      <Show when={outcome.loading}>
        <p role="status">{vt('verify.checking')}</p>
      </Show>
      <form
        class="verify-form"
        onSubmit={(e) => {
          e.preventDefault();
          const typed = input.value.trim();
          if (typed) navigate(`/verify/${encodeURIComponent(typed)}`);
        }}
      >
        <h2 class={number() ? '' : 'sr-only'}>{number() ? vt('verify.another') : vt('verify.title')}</h2>
        <Show when={!number()}>
          <p>{vt('verify.lead')}</p>
        </Show>
        <label for="verify-number">{vt('verify.number')}</label>
        <div class="verify-row">
          <input
            id="verify-number"
            ref={input}
            name="number"
            autocomplete="off"
            autocapitalize="characters"
            spellcheck={false}
            inputmode="text"
            maxlength="64"
            required
          />
          <button type="submit">{vt('verify.check')}</button>
        </div>
      </form>
    </section>
  );
}
