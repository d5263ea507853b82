// The audit tab: who changed what and when, newest first (the API keeps the last 200 entries).
import { createSignal, For, onMount, Show } from 'solid-js';
import { locale, pick } from '../i18n';
import { formatDateTime } from '../lib/time';
import { type AuditEntry, type ConsoleEvent, getAudit } from './console-api';
import { ct, type ConsoleKey } from './text';
import { DataTable, FormError, useFailure } from './ui';

const KNOWN = new Set([
  'event.create', 'event.update', 'session.create', 'session.update', 'session.delete', 'session.reorder', 'session.people',
  'person.create', 'person.update', 'person.delete', 'person.photo', 'registration.update', 'registration.cancel',
  'registration.promote', 'registration.reissue',
]);

/** The detail as short "key: value" text, with agenda items and people named rather than shown by id. */
function describe(detail: unknown, names: Map<string, string>): string {
  if (detail === null || detail === undefined) return '';
  const one = (x: unknown): string => (typeof x === 'string' ? names.get(x) ?? x : typeof x === 'object' && x !== null ? JSON.stringify(x, (_, v) => (typeof v === 'string' ? names.get(v) ?? v : v)) : String(x));
  if (typeof detail !== 'object') return one(detail);
  return Object.entries(detail as Record<string, unknown>).map(([k, v]) => `${k}: ${Array.isArray(v) ? v.map(one).join(', ') : one(v)}`).join(' · ');
}

export function AuditTab(props: { event: ConsoleEvent }) {
  const fail = useFailure();
  const [entries, setEntries] = createSignal<AuditEntry[] | null>(null);
  const [busy, setBusy] = createSignal(false);
  const [error, setError] = createSignal<string | null>(null);

  async function load() {
    setBusy(true);
    try {
      setEntries(await getAudit(props.event.slug));
      setError(null);
    } catch (e) {
      setError(fail(e));
    } finally {
      setBusy(false);
    }
  }
  onMount(() => void load());

  const names = () => new Map([
    ...props.event.sessions.map((x) => [x.id, pick(x.title)] as const),
    ...props.event.people.map((x) => [x.id, pick(x.name)] as const),
  ]);
  const action = (a: string) => (KNOWN.has(a) ? ct(`audit.${a}` as ConsoleKey) : a);

  return (
    <div class="audit-tab">
      <div class="tab-tools">
        <p class="muted">{ct('audit.intro')}</p>
        <button type="button" class="secondary" disabled={busy()} onClick={() => void load()}>{busy() ? ct('refreshing') : ct('refresh')}</button>
      </div>
      <FormError error={error()} />
      <Show when={entries()} fallback={<p class="muted" role="status">{ct('loading')}</p>}>
        {(list) => (
          <Show when={list().length} fallback={<p class="muted">{ct('audit.empty')}</p>}>
            <DataTable class="audit-table" caption={ct('audit.caption')}
              columns={[ct('audit.when'), ct('audit.who'), ct('audit.what'), ct('audit.detail')]}>
              <For each={list()}>
                {(e) => (
                  <tr>
                    <td class="nowrap"><time dateTime={e.at}>{formatDateTime(e.at, props.event.timezone, locale())}</time></td>
                    <td>{e.by ?? ct('audit.system')}</td>
                    <td>{action(e.action)}</td>
                    <td class="audit-detail">{describe(e.detail, names())}</td>
                  </tr>
                )}
              </For>
            </DataTable>
          </Show>
        )}
      </Show>
    </div>
  );
}
