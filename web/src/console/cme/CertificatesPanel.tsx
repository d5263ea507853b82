// The CME tab's Certificates panel: issue with progress, the organiser's name and seal, and the list with corrections.
import { createSignal, For, Show } from 'solid-js';
import { createPolled } from '../resource';
import { ConfirmButton, DataTable, FormError, useFailure } from '../ui';
import {
  type CertificateRow,
  getCertificates,
  issueAll,
  pdfUrl,
  reissue,
  removeSeal,
  revoke,
  SEAL_MAX_BYTES,
  sealUrl,
  setOrganiser,
  uploadSeal,
} from './certificates-api';
import { cert } from './certificates-text';
import './certificates.css';

export function CertificatesPanel(props: { slug: string }) {
  const fail = useFailure();
  const [issuing, setIssuing] = createSignal<number | null>(null);
  const [error, setError] = createSignal<string | null>(null);
  const [note, setNote] = createSignal<string | null>(null);
  const [more, setMore] = createSignal<CertificateRow[]>([]);
  const [next, setNext] = createSignal<string | null>(null);
  // Polled while any certificate is still being drawn, so the progress reaches "ready" without a reload.
  const list = createPolled(
    () => props.slug,
    async (slug, signal) => {
      const page = await getCertificates(slug, '', signal);
      setMore([]);
      setNext(page.next);
      return page;
    },
    (v) => v.counts.pending > 0,
    1500,
  );
  const counts = () => list.value()?.counts;
  const total = () => {
    const c = counts();
    return c ? c.pending + c.ready + c.failed : 0;
  };
  const rows = () => [...(list.value()?.certificates ?? []), ...more()];
  const [sealVersion, setSealVersion] = createSignal(0);

  async function act(work: () => Promise<unknown>, done?: string) {
    try {
      setError(null);
      setNote(null);
      await work();
      if (done) setNote(done);
      list.refetch();
    } catch (e) {
      setError(fail(e));
    }
  }

  async function issue() {
    setIssuing(0);
    await act(async () => {
      const n = await issueAll(props.slug, setIssuing);
      setNote(cert('cert.issued', { n }));
    });
    setIssuing(null);
  }

  async function loadMore(after: string) {
    try {
      const page = await getCertificates(props.slug, after);
      setMore([...more(), ...page.certificates]);
      setNext(page.next);
    } catch (e) {
      setError(fail(e));
    }
  }

  function pickSeal(input: HTMLInputElement) {
    const file = input.files?.[0];
    input.value = '';
    if (!file) return;
    if (!['image/png', 'image/jpeg'].includes(file.type)) return setError(cert('cert.sealType'));
    if (file.size > SEAL_MAX_BYTES) return setError(cert('cert.sealTooBig'));
    void act(async () => {
      await uploadSeal(props.slug, file);
      setSealVersion(sealVersion() + 1);
    }, cert('cert.saved'));
  }

  let organiserInput!: HTMLInputElement;
  const statusText = (r: CertificateRow) => cert(`cert.${r.status}`);

  return (
    <section class="card cert-panel" aria-labelledby="cert-title">
      <h3 id="cert-title">{cert('cert.title')}</h3>
      <p class="muted">{cert('cert.lead')}</p>
      <FormError error={error() ?? list.error()} />
      <div class="cert-issue">
        <button type="button" disabled={issuing() !== null} onClick={() => void issue()}>
          {issuing() !== null ? cert('cert.issuing', { n: issuing()! }) : cert('cert.issue')}
        </button>
        <Show when={counts()}>
          {(c) => (
            <div class="cert-progress" role="status" aria-live="polite">
              <Show when={total()} fallback={<span>{cert('cert.none')}</span>}>
                <progress
                  max={total()}
                  value={c().ready}
                  aria-label={cert('cert.progress', { done: c().ready, total: total() })}
                />
                <span>
                  {c().pending || c().failed
                    ? cert('cert.progress', { done: c().ready, total: total() })
                    : cert('cert.done', { total: total() })}
                </span>
              </Show>
              <Show when={note()}>
                <span>{note()}</span>
              </Show>
            </div>
          )}
        </Show>
      </div>
      <Show when={counts()}>
        {(c) => (
          <dl class="cert-counts">
            <For each={['pending', 'ready', 'failed', 'revoked'] as const}>
              {(k) => (
                <div data-status={k}>
                  <dt>{cert(`cert.${k}`)}</dt>
                  <dd>{c()[k]}</dd>
                </div>
              )}
            </For>
          </dl>
        )}
      </Show>
      <Show when={counts()?.failed}>
        <p class="cert-failed">{cert('cert.failedHint')}</p>
      </Show>
      <Show when={list.value()?.project}>
        {(p) => (
          <div class="cert-settings">
            <form
              class="cert-organiser"
              onSubmit={(e) => {
                e.preventDefault();
                void act(() => setOrganiser(props.slug, organiserInput.value), cert('cert.saved'));
              }}
            >
              <label>
                {cert('cert.organiser')}
                <input ref={organiserInput} value={p().organiserName} maxlength="120" required />
              </label>
              <button type="submit" class="secondary">
                {cert('cert.organiserSave')}
              </button>
            </form>
            <div class="cert-seal">
              <label>
                {cert('cert.seal')}
                <input type="file" accept="image/png,image/jpeg" onChange={(e) => pickSeal(e.currentTarget)} />
              </label>
              <Show when={p().hasSeal}>
                <img src={`${sealUrl(props.slug)}?v=${sealVersion()}`} alt={cert('cert.sealPreview')} />
                <button
                  type="button"
                  class="secondary"
                  onClick={() => void act(() => removeSeal(props.slug), cert('cert.saved'))}
                >
                  {cert('cert.sealRemove')}
                </button>
              </Show>
            </div>
          </div>
        )}
      </Show>
      <Show when={rows().length}>
        <DataTable
          class="cert-table"
          caption={cert('cert.list')}
          columns={[
            cert('cert.col.number'),
            cert('cert.col.holder'),
            cert('cert.col.kind'),
            cert('cert.col.credits'),
            cert('cert.col.status'),
            cert('cert.col.actions'),
          ]}
        >
          <For each={rows()}>
            {(r) => {
              let reason!: HTMLInputElement;
              const [revoking, setRevoking] = createSignal(false);
              return (
                <tr data-status={r.status}>
                  <td class="cert-number">{r.number}</td>
                  <th scope="row">
                    {r.holderName}
                    <span class="muted"> {r.holderAffiliation}</span>
                  </th>
                  <td class="nowrap">{cert(`cert.kind.${r.kind}`)}</td>
                  <td>{r.credits}</td>
                  <td>
                    {statusText(r)}
                    <Show when={r.replacedBy}>
                      <span class="muted"> ({cert('cert.replacedBy', { number: r.replacedBy! })})</span>
                    </Show>
                    <Show when={r.status === 'failed' && r.lastError}>
                      <span class="muted"> {r.lastError}</span>
                    </Show>
                  </td>
                  <td class="actions">
                    <div class="cert-actions">
                      <Show when={r.status === 'ready'}>
                        <a
                          href={pdfUrl(props.slug, r.number)}
                          download=""
                          aria-label={cert('cert.downloadOf', { name: r.holderName })}
                        >
                          {cert('cert.download')}
                        </a>
                      </Show>
                      <Show when={r.status !== 'revoked'}>
                        <ConfirmButton
                          label={cert('cert.reissue')}
                          ariaLabel={cert('cert.reissueOf', { name: r.holderName })}
                          title={cert('cert.reissueTitle')}
                          body={cert('cert.reissueBody', { number: r.number })}
                          confirm={cert('cert.reissue')}
                          busy={cert('cert.reissueBusy')}
                          onConfirm={async () => {
                            await reissue(props.slug, r.number);
                            list.refetch();
                          }}
                        />
                        {/* Revoking asks for a reason: the row shows one button until the organiser opens the form. */}
                        <Show
                          when={revoking()}
                          fallback={
                            <button
                              type="button"
                              class="danger-outline"
                              aria-label={cert('cert.revokeOf', { name: r.holderName })}
                              onClick={() => {
                                setRevoking(true);
                                queueMicrotask(() => reason.focus());
                              }}
                            >
                              {cert('cert.revoke')}
                            </button>
                          }
                        >
                          <form
                            class="cert-revoke"
                            onSubmit={(e) => {
                              e.preventDefault();
                              void act(() => revoke(props.slug, r.number, reason.value));
                            }}
                          >
                            <input
                              ref={reason}
                              aria-label={cert('cert.revokeReason', { name: r.holderName })}
                              placeholder={cert('cert.reason')}
                              maxlength="500"
                              required
                            />
                            <button type="submit" class="danger-outline">
                              {cert('cert.revokeConfirm')}
                            </button>
                            <button type="button" class="secondary" onClick={() => setRevoking(false)}>
                              {cert('cert.cancel')}
                            </button>
                          </form>
                        </Show>
                      </Show>
                    </div>
                  </td>
                </tr>
              );
            }}
          </For>
        </DataTable>
        <Show when={next()}>
          {(n) => (
            <button type="button" class="secondary" onClick={() => void loadMore(n())}>
              {cert('cert.more')}
            </button>
          )}
        </Show>
      </Show>
    </section>
  );
}
