// The approval queue: pending registrations with approve / reject, one by one or selected in bulk, with progress and counts.
import { createSignal, For, Show } from 'solid-js';
import { type ConsoleEvent, listRegistrations, type Registration } from '../console-api';
import { createLoaded } from '../resource';
import { ct } from '../text';
import { ConfirmButton, DataTable, FormError, useFailure, useToast } from '../ui';
import { type Decision, type DecisionCounts, decideMany } from './approval-api';
import { ApprovalRow } from './ApprovalRow';

/** One request per chunk, so a long selection shows its progress and a failure stops with what is done kept. */
const CHUNK = 50;

export function ApprovalQueue(props: { event: ConsoleEvent }) {
  const toast = useToast();
  const fail = useFailure();
  const pending = createLoaded(
    () => props.event.slug,
    async (slug, signal) =>
      (await listRegistrations(slug, { status: 'pending', pageSize: '200', sort: 'created' }, signal)).registrations,
  );
  const [selected, setSelected] = createSignal<Set<string>>(new Set());
  const [progress, setProgress] = createSignal<{ done: number; total: number } | null>(null);
  const [result, setResult] = createSignal<DecisionCounts | null>(null);
  const [seatsLeft, setSeatsLeft] = createSignal<number | null>(null);
  const [error, setError] = createSignal<string | null>(null);
  const rows = () => pending.value() ?? [];
  const chosen = () => rows().filter((r) => selected().has(r.id));
  const seats = () => seatsLeft() ?? props.event.seatsLeft;

  function toggle(id: string, on: boolean) {
    const next = new Set(selected());
    if (on) next.add(id);
    else next.delete(id);
    setSelected(next);
  }

  /** Runs a decision over the given registrations in chunks, adding up what became of them. */
  async function run(decision: Decision, list: Registration[]) {
    if (!list.length || progress()) return;
    setError(null);
    setResult(null);
    const total: DecisionCounts = { confirmed: 0, waitlisted: 0, rejected: 0, unchanged: 0 };
    setProgress({ done: 0, total: list.length });
    try {
      for (let i = 0; i < list.length; i += CHUNK) {
        const part = list.slice(i, i + CHUNK);
        const answer = await decideMany(
          props.event.slug,
          decision,
          part.map((r) => r.id),
        );
        for (const k of Object.keys(total) as (keyof DecisionCounts)[]) total[k] += answer.counts[k];
        setSeatsLeft(answer.seatsLeft);
        setProgress({ done: i + part.length, total: list.length });
      }
      setResult(total);
      toast(ct('appr.done', total));
    } catch (e) {
      setError(fail(e));
      setResult(total);
    } finally {
      setProgress(null);
      setSelected(new Set<string>());
      pending.refetch();
    }
  }

  return (
    <div class="approval-queue">
      <Show when={props.event.registrationMode !== 'approval'}>
        <p class="notice">{ct('appr.notMode')}</p>
      </Show>
      <p class="appr-summary" aria-live="polite">
        <strong>{ct('appr.summary', { n: rows().length, seats: seats() })}</strong>
      </p>
      <div role="status" class="appr-progress">
        <Show when={progress()}>
          {(p) => (
            <>
              <progress max={p().total} value={p().done} />{' '}
              <span>{ct('appr.working', { done: p().done, total: p().total })}</span>
            </>
          )}
        </Show>
        <Show when={!progress() && result()}>{(c) => <p class="notice ok">{ct('appr.done', c())}</p>}</Show>
      </div>
      <FormError error={error() ?? pending.error()} />
      <Show when={pending.value()} fallback={<p class="muted">{ct('loading')}</p>}>
        <Show when={rows().length} fallback={<p class="muted">{ct('appr.empty')}</p>}>
          <div class="appr-bulk">
            <label class="radio">
              <input
                type="checkbox"
                checked={chosen().length === rows().length}
                disabled={!!progress()}
                onChange={(e) => setSelected(new Set(e.currentTarget.checked ? rows().map((r) => r.id) : []))}
              />
              <span>{ct('appr.selectAll')}</span>
            </label>
            <button
              type="button"
              disabled={!chosen().length || !!progress()}
              onClick={() => void run('approve', chosen())}
            >
              {ct('appr.approveSelected', { n: chosen().length })}
            </button>
            <ConfirmButton
              label={ct('appr.rejectSelected', { n: chosen().length })}
              title={ct('appr.rejectTitle', { n: chosen().length })}
              body={ct('appr.rejectBody')}
              confirm={ct('appr.reject')}
              busy={ct('working')}
              danger
              disabled={!chosen().length || !!progress()}
              onConfirm={() => run('reject', chosen())}
            />
          </div>
          <DataTable
            class="appr-table"
            caption={ct('tab.approvals')}
            columns={[
              <span class="sr-only">{ct('appr.selectColumn')}</span>,
              ct('inv.name'),
              ct('inv.email'),
              ct('appr.registered'),
              <span class="sr-only">{ct('appr.actions')}</span>,
            ]}
          >
            <For each={rows()}>
              {(r) => (
                <ApprovalRow
                  registration={r}
                  timezone={props.event.timezone}
                  selected={selected().has(r.id)}
                  busy={!!progress()}
                  onSelect={(on) => toggle(r.id, on)}
                  onDecide={(decision) => run(decision, [r])}
                />
              )}
            </For>
          </DataTable>
        </Show>
      </Show>
    </div>
  );
}
