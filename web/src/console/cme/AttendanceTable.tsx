// The CME tab's attendance: minutes, eligibility with its reason, credits, and the override per person.
import { For, Show } from 'solid-js';
import { labelCells } from '../ui/table';
import type { AttendanceRow } from './cme-api';
import { mt } from './cme-text';

export function AttendanceTable(props: {
  rows: AttendanceRow[];
  next: string | null;
  onRoster: () => void;
  onOverride: (row: AttendanceRow, eligible: boolean | null, reason: string) => void;
  onMore: (after: string) => void;
}) {
  return (
    <section class="card cme-attendance">
      <h3>{mt('cme.attendance')}</h3>
      <button type="button" class="secondary" onClick={props.onRoster}>
        {mt('cme.roster')}
      </button>
      <Show when={props.rows.length} fallback={<p class="muted">{mt('cme.notSet')}</p>}>
        <div class="table-wrap" role="region" aria-label={mt('cme.attendance')} tabindex="0">
          <table class="cme-table" ref={labelCells}>
            <thead>
              <tr>
                <th scope="col">{mt('cme.col.name')}</th>
                <th scope="col">{mt('cme.col.minutes')}</th>
                <th scope="col">{mt('cme.col.eligible')}</th>
                <th scope="col">{mt('cme.col.reason')}</th>
                <th scope="col">{mt('cme.col.credits')}</th>
                <th scope="col">{mt('cme.col.lecturer')}</th>
                <th scope="col">{mt('cme.col.override')}</th>
              </tr>
            </thead>
            <tbody>
              <For each={props.rows}>
                {(row) => {
                  let reason: HTMLInputElement | undefined;
                  return (
                    <tr data-eligible={String(row.eligible)}>
                      <th scope="row">
                        {row.name}
                        <span class="muted"> {row.affiliation}</span>
                      </th>
                      <td>
                        {row.minutes}/{row.of}
                      </td>
                      <td class="cme-verdict">{row.eligible ? mt('cme.yes') : mt('cme.no')}</td>
                      <td class="wide">
                        {row.override ? mt('cme.overridden', { reason: row.override.reason }) : row.reason}
                      </td>
                      <td>{row.credits}</td>
                      <td>{row.lecturerCredits || ''}</td>
                      <td class="actions">
                        <div class="cme-override">
                          <Show
                            when={row.override}
                            fallback={
                              <>
                                <input
                                  ref={reason}
                                  aria-label={mt('cme.override.reason', { name: row.name })}
                                  placeholder={mt('cme.override.placeholder')}
                                  maxlength="500"
                                />
                                <button
                                  type="button"
                                  class="secondary"
                                  onClick={() => props.onOverride(row, !row.eligible, reason?.value ?? '')}
                                >
                                  {mt(row.eligible ? 'cme.override.refuse' : 'cme.override.make')}
                                </button>
                              </>
                            }
                          >
                            <button type="button" class="secondary" onClick={() => props.onOverride(row, null, '')}>
                              {mt('cme.override.clear')}
                            </button>
                          </Show>
                        </div>
                      </td>
                    </tr>
                  );
                }}
              </For>
            </tbody>
          </table>
        </div>
        <Show when={props.next}>
          {(n) => (
            <button type="button" class="secondary" onClick={() => props.onMore(n())}>
              {mt('cme.more', { n: 50 })}
            </button>
          )}
        </Show>
      </Show>
    </section>
  );
}
