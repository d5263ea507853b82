// The development mailbox at /dev/mailbox: the emails the app wrote, each readable in a sandboxed frame.
import { createMemo, createResource, createSignal, For, Show } from 'solid-js';
import type { InferResponseType } from 'hono/client';
import { api, ApiFailure, read } from '../api';
import { locale, t } from '../i18n';
import { mt } from './mailbox-text';

type Email = InferResponseType<typeof api.api.dev.mailbox.$get, 200>['emails'][number];

async function loadMailbox(): Promise<Email[] | null> {
  try {
    const { emails } = await read(api.api.dev.mailbox.$get());
    return emails;
  } catch (e) {
    if (e instanceof ApiFailure && e.status === 404) return null;
    throw e;
  }
}

/** Links in an email, read with DOMParser (which runs no script and loads nothing). */
function linksIn(html: string | null): { href: string; text: string }[] {
  if (!html) return [];
  const doc = new DOMParser().parseFromString(html, 'text/html');
  return [...doc.querySelectorAll('a[href]')].map((a) => ({
    href: a.getAttribute('href')!,
    text: (a.textContent ?? '').trim(),
  }));
}

/** The frame cannot resolve cid: references, so inline images are previewed from the address they are attached from. */
function previewHtml(m: Email): string {
  let out = m.html ?? '';
  for (const a of m.attachments) if (a.contentId && a.path) out = out.replaceAll(`cid:${a.contentId}`, a.path);
  return out;
}

const when = (at: string) =>
  new Intl.DateTimeFormat(locale(), { dateStyle: 'medium', timeStyle: 'medium' }).format(new Date(at));

export default function Mailbox() {
  document.title = `${mt('mail.title')} · Colloquy`;
  const [emails, { refetch }] = createResource(loadMailbox);
  const [selectedId, setSelectedId] = createSignal<string | null>(null);
  const [filter, setFilter] = createSignal('');
  const shown = createMemo(() => {
    const q = filter().trim().toLowerCase();
    return (emails.latest ?? []).filter(
      (m) => !q || m.to.toLowerCase().includes(q) || (m.subject ?? '').toLowerCase().includes(q),
    );
  });
  const selected = () => (emails.latest ?? []).find((m) => m.id === selectedId());
  let reader: HTMLHeadingElement | undefined;

  function open(id: string) {
    setSelectedId(id);
    queueMicrotask(() => reader?.focus());
  }

  return (
    <section class="mailbox" aria-labelledby="mailbox-title">
      <h1 id="mailbox-title">{mt('mail.title')}</h1>
      <Show
        when={!emails.error}
        fallback={
          <div class="notice error" role="alert">
            <p>{t('loadFailed')}</p>
            <button type="button" onClick={() => refetch()}>
              {t('retry')}
            </button>
          </div>
        }
      >
        {/* .latest keeps the list on screen while Refresh loads, instead of suspending the page again */}
        <Show when={emails.latest !== undefined}>
          <Show
            when={emails.latest}
            fallback={
              <p class="notice" role="status">
                {mt('mail.devOnly')}
              </p>
            }
          >
            {(list) => (
              <>
                <p class="muted">{mt('mail.intro')}</p>
                <div class="mail-tools">
                  <label for="mail-filter">{mt('mail.filter')}</label>
                  <input
                    id="mail-filter"
                    type="search"
                    value={filter()}
                    onInput={(e) => setFilter(e.currentTarget.value)}
                  />
                  <button type="button" class="secondary" onClick={() => refetch()} disabled={emails.loading}>
                    {mt('mail.refresh')}
                  </button>
                </div>
                <p role="status" class="sr-only">
                  {emails.loading ? t('loading') : `${shown().length} / ${list().length}`}
                </p>
                <div class="mail-layout">
                  <nav aria-label={mt('mail.list')} class="mail-list">
                    <Show when={shown().length > 0} fallback={<p class="muted">{mt('mail.empty')}</p>}>
                      <ul>
                        <For each={shown()}>
                          {(m) => (
                            <li>
                              <button
                                type="button"
                                class="mail-item"
                                aria-current={selectedId() === m.id ? 'true' : undefined}
                                onClick={() => open(m.id)}
                              >
                                <span class="subject">{m.subject}</span>
                                <span class="to">
                                  <span class="sr-only">{mt('mail.to')}: </span>
                                  {m.to}
                                </span>
                                <time dateTime={new Date(m.createdAt).toISOString()}>{when(m.createdAt)}</time>
                              </button>
                            </li>
                          )}
                        </For>
                      </ul>
                    </Show>
                  </nav>
                  <div class="mail-reader">
                    <Show when={selected()} fallback={<p class="muted">{mt('mail.choose')}</p>}>
                      {(m) => (
                        <article aria-labelledby="mail-subject">
                          <h2 id="mail-subject" tabindex="-1" ref={reader}>
                            {m().subject}
                          </h2>
                          <dl class="mail-meta">
                            <dt>{mt('mail.to')}</dt>
                            <dd class="mail-to">{m().to}</dd>
                            <dt>{mt('mail.time')}</dt>
                            <dd>{when(m().createdAt)}</dd>
                          </dl>
                          <Show when={m().html}>
                            <h3>{mt('mail.html')}</h3>
                            <iframe
                              class="mail-html"
                              sandbox=""
                              srcdoc={previewHtml(m())}
                              title={mt('mail.preview', { subject: m().subject })}
                            />
                          </Show>
                          <Show when={linksIn(m().html).length > 0}>
                            <h3>{mt('mail.links')}</h3>
                            <ul class="mail-links">
                              <For each={linksIn(m().html)}>
                                {(l) => (
                                  <li>
                                    <a href={l.href} rel="noopener noreferrer">
                                      {l.text || l.href}
                                    </a>{' '}
                                    <span class="muted">{l.href}</span>
                                  </li>
                                )}
                              </For>
                            </ul>
                          </Show>
                          <Show when={m().attachments.length > 0}>
                            <h3>{mt('mail.attachments')}</h3>
                            <ul>
                              <For each={m().attachments}>
                                {(a) => (
                                  <li>
                                    {a.filename} <span class="muted">({a.contentType})</span>
                                  </li>
                                )}
                              </For>
                            </ul>
                          </Show>
                          <Show when={m().text}>
                            <h3>{mt('mail.text')}</h3>
                            <pre class="mail-text">{m().text}</pre>
                          </Show>
                        </article>
                      )}
                    </Show>
                  </div>
                </div>
              </>
            )}
          </Show>
        </Show>
      </Show>
    </section>
  );
}
