// The devices tab's two tables: pairing codes with their use and a revoke button, and offline double admissions.
import { For, Show } from 'solid-js';
import { locale } from '../../i18n';
import { formatDateTime } from '../../lib/time';
import { type CheckinConflict, type ConsoleEvent, type Pairing, revokePairing } from '../console-api';
import { deskLabel } from '../desk-label';
import { ct } from '../text';
import { ConfirmButton, DataTable, useToast } from '../ui';
import { labelOf, statusOf } from './pairing-text';

export function PairingTable(props: {
  event: ConsoleEvent;
  list: Pairing[];
  justCreated?: string;
  onRevoked: () => Promise<void>;
}) {
  const toast = useToast();
  return (
    <DataTable
      class="regs-table pairing-table"
      caption={ct('dev.listCaption')}
      columns={[
        ct('dev.col.label'),
        ct('dev.col.uses'),
        ct('dev.col.expires'),
        ct('dev.col.status'),
        ct('dev.col.actions'),
      ]}
    >
      <For each={props.list}>
        {(p) => (
          <tr class={`pairing-${statusOf(p)}`} aria-current={props.justCreated === p.id ? 'true' : undefined}>
            <th scope="row">{labelOf(p)}</th>
            <td class="num">{ct('dev.usesOf', { uses: p.uses, max: p.maxUses })}</td>
            <td class="nowrap">
              <time dateTime={p.expiresAt}>{formatDateTime(p.expiresAt, props.event.timezone, locale())}</time>
            </td>
            <td>
              <span class={`pill pairing-status-${statusOf(p)}`}>{ct(`dev.status.${statusOf(p)}`)}</span>
            </td>
            <td>
              <Show when={!p.revoked}>
                <ConfirmButton
                  class="danger-outline small"
                  danger
                  label={ct('dev.revoke')}
                  ariaLabel={ct('dev.revokeNamed', { label: labelOf(p) })}
                  title={ct('dev.revokeTitle', { label: labelOf(p) })}
                  body={ct('dev.revokeBody', { n: p.uses })}
                  confirm={ct('dev.revokeConfirm')}
                  busy={ct('dev.revoking')}
                  onConfirm={async () => {
                    const n = await revokePairing(props.event.slug, p.id);
                    toast(ct('dev.revoked', { label: labelOf(p), n }));
                    const done = props.onRevoked;
                    return () => void done();
                  }}
                />
              </Show>
            </td>
          </tr>
        )}
      </For>
    </DataTable>
  );
}

export function ConflictTable(props: { event: ConsoleEvent; list: CheckinConflict[] }) {
  const at = (time: string | null, desk: string) =>
    ct('dev.atDesk', {
      time: time ? formatDateTime(time, props.event.timezone, locale()) : '—',
      desk: desk ? deskLabel(desk) : ct('dev.unknownDesk'),
    });
  return (
    <DataTable
      class="regs-table conflict-table"
      caption={ct('dev.conflictsCaption')}
      columns={[ct('dev.col.person'), ct('regs.institution'), ct('dev.col.kept'), ct('dev.col.other')]}
    >
      <For each={props.list}>
        {(c) => (
          <tr>
            <th scope="row">{c.name}</th>
            <td>{c.affiliation}</td>
            <td>{at(c.keptAt, c.keptDeskId)}</td>
            <td>{at(c.otherAt, c.otherDeskId)}</td>
          </tr>
        )}
      </For>
    </DataTable>
  );
}
