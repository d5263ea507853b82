// Invitations: the form to invite people, and who was invited and whether they registered, declined or have not answered.
import { For, Show } from 'solid-js';
import { locale } from '../../i18n';
import { formatDateTime } from '../../lib/time';
import type { ConsoleEvent } from '../console-api';
import { createLoaded } from '../resource';
import { ct } from '../text';
import { DataTable, FormError } from '../ui';
import { listInvitations } from './invitation-api';
import { InviteForm } from './InviteForm';

export function InvitationsTab(props: { event: ConsoleEvent }) {
  const loaded = createLoaded(() => props.event.slug, listInvitations);
  const list = loaded.value;
  return (
    <div class="invitations">
      <Show when={props.event.registrationMode !== 'invitation'}>
        <p class="notice">{ct('inv.notMode')}</p>
      </Show>
      <Show when={list()}>
        {(l) => (
          <p class="inv-counts" aria-live="polite">
            <strong>{ct('inv.counts', l().counts)}</strong>
          </p>
        )}
      </Show>
      <InviteForm slug={props.event.slug} onInvited={loaded.refetch} />
      <h3>{ct('inv.list')}</h3>
      <FormError error={loaded.error()} />
      <Show when={list()} fallback={<p class="muted">{ct('loading')}</p>}>
        {(l) => (
          <Show when={l().invitations.length} fallback={<p class="muted">{ct('inv.empty')}</p>}>
            <DataTable
              class="inv-table"
              caption={ct('inv.list')}
              columns={[ct('inv.name'), ct('inv.email'), ct('inv.state'), ct('inv.invitedAt')]}
            >
              <For each={l().invitations}>
                {(i) => (
                  <tr>
                    <td>{i.name}</td>
                    <td>{i.email}</td>
                    <td>
                      <span class={`inv-state state-${i.state}`}>{ct(`inv.state.${i.state}`)}</span>
                    </td>
                    <td>
                      <Show when={i.invitedAt}>
                        {(at) => <time dateTime={at()}>{formatDateTime(at(), props.event.timezone, locale())}</time>}
                      </Show>
                    </td>
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
