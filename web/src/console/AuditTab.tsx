// The audit tab: who changed what and when, newest first (the API keeps the last 200 entries).
import { createSignal, For, onMount, Show } from 'solid-js';
import { locale, type MessageKey, pick, t } from '../i18n';
import { formatDateTime } from '../lib/time';
import { type AuditEntry, type ConsoleEvent, getAudit } from './console-api';
import { auditDetail } from './audit-text';
import { ct, type ConsoleKey, ctOr } from './text';
import { DataTable, FormError, useFailure } from './ui';

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

  const names = () =>
    new Map([
      ...props.event.sessions.map((x) => [x.id, pick(x.title)] as const),
      ...props.event.people.map((x) => [x.id, pick(x.name)] as const),
    ]);
  const action = (a: string) => ctOr(`audit.${a}`, ct('audit.unknownAction', { code: a }));
  const tr = (key: string, params?: Record<string, string | number>) => ct(key as ConsoleKey, params);
  const role = (r: string) => t(`role.${r}` as MessageKey);

  return (
    <div class="audit-tab">
      <div class="tab-tools">
        <p class="muted">{ct('audit.intro')}</p>
        <button type="button" class="secondary" disabled={busy()} onClick={() => void load()}>
          {busy() ? ct('refreshing') : ct('refresh')}
        </button>
      </div>
      <FormError error={error()} />
      <Show
        when={entries()}
        fallback={
          <p class="muted" role="status">
            {ct('loading')}
          </p>
        }
      >
        {(list) => (
          <Show when={list().length} fallback={<p class="muted">{ct('audit.empty')}</p>}>
            <DataTable
              class="audit-table"
              caption={ct('audit.caption')}
              columns={[ct('audit.when'), ct('audit.who'), ct('audit.what'), ct('audit.detail')]}
            >
              <For each={list()}>
                {(e) => (
                  <tr>
                    <td class="nowrap">
                      <time dateTime={e.at}>{formatDateTime(e.at, props.event.timezone, locale())}</time>
                    </td>
                    <td>{e.by ?? ct('audit.system')}</td>
                    <td>{action(e.action)}</td>
                    <td class="audit-detail">{auditDetail(e.action, e.detail, names(), tr, role)}</td>
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
