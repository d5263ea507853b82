// The faculty board: one row per person with their answers, bio, photo, slides, disclosure, consent, logistics, reminders.
import { createSignal, For, Show } from 'solid-js';
import { locale, pick } from '../../i18n';
import { formatDateTime } from '../../lib/time';
import type { ConsoleEvent } from '../console-api';
import { createLoaded } from '../resource';
import { DataTable, FormError, useFailure, useToast } from '../ui';
import { type BoardPerson, loadBoard, revealBank, sendLink } from './faculty-api';
import { FacultySettings } from './FacultySettings';
import { PendingChanges } from './PendingChanges';
import { type FacultyKey, ft } from './text';
import './faculty.css';

const FILTERS = ['all', 'confirmation', 'disclosure', 'bio_photo', 'consent', 'logistics', 'pending'] as const;
type Filter = (typeof FILTERS)[number];

const shown = (p: BoardPerson, f: Filter) =>
  f === 'all' ? true : f === 'pending' ? !!p.pending : p.onProgramme && p.missing.includes(f);

function Mark(props: { ok: boolean; text?: string }) {
  return <span class={props.ok ? 'fac-ok' : 'fac-missing'}>{props.text ?? ft(props.ok ? 'yes' : 'no')}</span>;
}

export function FacultyTab(props: { event: ConsoleEvent }) {
  const loaded = createLoaded(() => props.event.slug, loadBoard);
  const board = loaded.value;
  const [filter, setFilter] = createSignal<Filter>('all');
  const [revealed, setRevealed] = createSignal<Record<string, string>>({});
  const [busy, setBusy] = createSignal<string | null>(null);
  const fail = useFailure();
  const toast = useToast();
  const tz = () => props.event.timezone;
  const when = (iso: string) => formatDateTime(iso, tz(), locale());

  async function link(p: BoardPerson) {
    setBusy(p.id);
    try {
      const sent = await sendLink(props.event.slug, p.id);
      toast(ft('linkSentTo', { email: sent.sentTo }));
      loaded.refetch();
    } catch (e) {
      toast(fail(e));
    } finally {
      setBusy(null);
    }
  }
  async function reveal(p: BoardPerson) {
    try {
      const r = await revealBank(props.event.slug, p.id);
      setRevealed((m) => ({ ...m, [p.id]: r.bankAccount }));
    } catch (e) {
      toast(fail(e));
    }
  }

  return (
    <div class="faculty">
      <p class="muted">{ft('intro')}</p>
      <FormError error={loaded.error()} />
      <Show when={board()} fallback={<p class="muted">…</p>}>
        {(b) => (
          <>
            <FacultySettings slug={props.event.slug} settings={b().settings} onSaved={loaded.refetch} />
            <PendingChanges slug={props.event.slug} people={b().people} onDecided={loaded.refetch} />
            <h3>{ft('people')}</h3>
            <div class="faculty-tools">
              <label>
                {ft('filter')}{' '}
                <select value={filter()} onChange={(e) => setFilter(e.currentTarget.value as Filter)}>
                  <For each={FILTERS}>{(f) => <option value={f}>{ft(`filter.${f}` as FacultyKey)}</option>}</For>
                </select>
              </label>
              <span class="muted" aria-live="polite">
                {ft('count', { shown: b().people.filter((p) => shown(p, filter())).length, total: b().people.length })}
              </span>
              <a href={`/api/events/${encodeURIComponent(props.event.slug)}/faculty.csv`} download="">
                {ft('csv')}
              </a>
            </div>
            <Show when={b().people.some((p) => shown(p, filter()))} fallback={<p class="muted">{ft('empty')}</p>}>
              <DataTable
                class="faculty-table"
                caption={ft('people')}
                columns={[
                  ft('col.name'),
                  ft('col.invitation'),
                  ft('col.bio'),
                  ft('col.photo'),
                  ft('col.slides'),
                  ft('col.disclosure'),
                  ft('col.consent'),
                  ft('col.logistics'),
                  ft('col.reminders'),
                  ft('col.link'),
                ]}
              >
                <For each={b().people.filter((p) => shown(p, filter()))}>
                  {(p) => (
                    <tr>
                      <th scope="row">
                        {pick(p.name)}
                        <Show when={p.email}>
                          <br />
                          <span class="muted small">{p.email}</span>
                        </Show>
                      </th>
                      <td>
                        <span class={`fac-inv inv-${p.invitation}`}>{ft(`inv.${p.invitation}` as FacultyKey)}</span>
                        <Show when={p.notes.length}>
                          <br />
                          <span class="muted small">
                            {ft('notes')}：{p.notes.join(' / ')}
                          </span>
                        </Show>
                      </td>
                      <td>
                        <Mark ok={p.bio} />
                      </td>
                      <td>
                        <Mark ok={!!p.photoUrl} />
                      </td>
                      <td>
                        <Mark ok={p.slides > 0} text={String(p.slides)} />
                      </td>
                      <td>
                        <Show when={p.disclosure} fallback={<Mark ok={false} />}>
                          {(d) => (
                            <Mark
                              ok
                              text={d().nothing ? ft('nothing') : ft('relationships', { n: d().items.length })}
                            />
                          )}
                        </Show>
                      </td>
                      <td>
                        <Show when={p.consent} fallback={<Mark ok={false} />}>
                          {(c) => (
                            <Mark
                              ok
                              text={ft('consent.given', {
                                recording: c().recording ? '✓' : '✗',
                                slides: c().slides ? '✓' : '✗',
                              })}
                            />
                          )}
                        </Show>
                      </td>
                      <td>
                        <Show when={p.logistics} fallback={<Mark ok={false} />}>
                          {(l) => (
                            <>
                              <Mark ok text={ft('given')} />
                              <Show when={l().hotel}> · {ft('hotel')}</Show>
                              <Show when={l().bankAccount}>
                                {(masked) => (
                                  <>
                                    <br />
                                    <span class="small">{revealed()[p.id] ?? masked()}</span>{' '}
                                    <Show when={!revealed()[p.id]}>
                                      <button type="button" class="secondary small" onClick={() => reveal(p)}>
                                        {ft('reveal')}
                                      </button>
                                    </Show>
                                  </>
                                )}
                              </Show>
                            </>
                          )}
                        </Show>
                      </td>
                      <td>{ft('remindersSent', { n: p.reminders })}</td>
                      <td>
                        <Show when={p.email} fallback={<span class="muted">{ft('noEmail')}</span>}>
                          <button
                            type="button"
                            class="secondary small"
                            disabled={busy() === p.id}
                            onClick={() => link(p)}
                          >
                            {p.linkSentAt ? ft('renewLink') : ft('sendLink')}
                          </button>
                          <Show when={p.linkSentAt}>
                            {(at) => <span class="muted small">{ft('linkSent', { date: when(at()) })}</span>}
                          </Show>
                        </Show>
                      </td>
                    </tr>
                  )}
                </For>
              </DataTable>
            </Show>
          </>
        )}
      </Show>
    </div>
  );
}
