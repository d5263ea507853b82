// The CME tab: the project and credit rule (with presets), attendance with reasons and overrides, and the roster download.
import { createSignal, For, onMount, Show } from 'solid-js';
import { api, readJson } from '../api';
import { locale } from '../i18n';
import { type CmeKey, mt } from './cme-text';
import { FormError, useFailure } from './ui';
import './cme.css';

type Rule = {
  projectName: string;
  projectNumber: string;
  level: 'national' | 'provincial' | 'municipal' | 'hospital';
  creditClass: 'I' | 'II';
  accreditedSessionIds: string[];
  attendee: { mode: 'per_hours'; hoursPerCredit: number } | { mode: 'fixed'; credits: number };
  lecturerCreditsPerHour: number;
  cap: number;
  minPresencePercent: number;
  requireSignOut: boolean;
  countAutomaticSignOut: boolean;
  assessmentRequired: false;
  rounding: 'whole' | 'half';
};
type Item = { id: string; titleZh: string; titleEn: string };
type Row = {
  id: string;
  name: string;
  affiliation: string;
  minutes: number;
  of: number;
  eligible: boolean;
  reason: string;
  override: { eligible: boolean; reason: string } | null;
  credits: number;
  lecturerCredits: number;
};

export function CmeTab(props: { event: { slug: string } }) {
  const fail = useFailure();
  const [rule, setRule] = createSignal<Rule | null>(null);
  const [presets, setPresets] = createSignal<
    Record<string, Omit<Rule, 'projectName' | 'projectNumber' | 'accreditedSessionIds'>>
  >({});
  const [items, setItems] = createSignal<Item[]>([]);
  const [rows, setRows] = createSignal<Row[]>([]);
  const [next, setNext] = createSignal<string | null>(null);
  const [error, setError] = createSignal<string | null>(null);
  const [saved, setSaved] = createSignal(false);
  const title = (i: Item) => (locale() === 'zh-CN' ? i.titleZh : i.titleEn);

  async function loadRule() {
    const res = await readJson<{ cme: Rule | null; presets: Record<string, Rule>; sessions: Item[] }>(
      await api.api.events[':slug'].cme.$get({ param: { slug: props.event.slug } }),
    );
    setPresets(res.presets);
    setItems(res.sessions);
    setRule(
      res.cme ?? {
        ...res.presets.national!,
        projectName: '',
        projectNumber: '',
        accreditedSessionIds: res.sessions.map((s) => s.id),
      },
    );
  }
  async function loadRows(after = '') {
    const res = await fetch(
      `/api/events/${encodeURIComponent(props.event.slug)}/attendance?lang=${locale()}${after ? `&after=${encodeURIComponent(after)}` : ''}`,
    );
    if (res.status === 409) return setRows([]);
    const body = await readJson<{ registrations: Row[]; next: string | null }>(res);
    setRows(after ? [...rows(), ...body.registrations] : body.registrations);
    setNext(body.next);
  }
  onMount(async () => {
    try {
      await loadRule();
      await loadRows();
    } catch (e) {
      setError(fail(e));
    }
  });

  const patch = (p: Partial<Rule>) => {
    setSaved(false);
    setRule({ ...rule()!, ...p });
  };
  async function save(e: Event) {
    e.preventDefault();
    try {
      await readJson(await api.api.events[':slug'].cme.$put({ param: { slug: props.event.slug }, json: rule()! }));
      setError(null);
      setSaved(true);
      await loadRows();
    } catch (err) {
      setError(fail(err));
    }
  }
  async function override(r: Row, eligible: boolean | null, reason: string) {
    try {
      const path = `/api/events/${encodeURIComponent(props.event.slug)}/attendance/${encodeURIComponent(r.id)}/override`;
      await readJson(
        await fetch(path, {
          method: eligible === null ? 'DELETE' : 'PUT',
          headers: { 'content-type': 'application/json', 'accept-language': locale() },
          body: eligible === null ? undefined : JSON.stringify({ eligible, reason }),
        }),
      );
      setError(null);
      await loadRows();
    } catch (err) {
      setError(fail(err));
    }
  }
  /** The roster comes in pages (each within the CPU budget); the browser joins them into one file. */
  async function roster() {
    let after = '';
    let text = '';
    for (;;) {
      const res = await fetch(
        `/api/events/${encodeURIComponent(props.event.slug)}/attendance.csv?lang=zh-CN&limit=200${after ? `&after=${encodeURIComponent(after)}` : ''}`,
      );
      if (!res.ok) return setError(fail(await readJson(res).catch((e) => e)));
      text += await res.text();
      after = res.headers.get('x-next-cursor') ?? '';
      if (!after) break;
    }
    const a = document.createElement('a');
    a.href = URL.createObjectURL(new Blob([`\uFEFF${text.replace(/^\uFEFF/, '')}`], { type: 'text/csv' }));
    a.download = `${props.event.slug}-cme-roster.csv`;
    a.click();
  }

  const num = (v: string) => Number(v) || 0;
  return (
    <div class="cme-tab">
      <FormError error={error()} />
      <Show when={rule()}>
        {(r) => (
          <form class="card cme-form" onSubmit={save}>
            <h3>{mt('cme.project')}</h3>
            <fieldset>
              <legend>{mt('cme.preset')}</legend>
              <For each={['national', 'provincial'] as const}>
                {(p) => (
                  <button type="button" class="secondary" onClick={() => presets()[p] && patch({ ...presets()[p]! })}>
                    {mt(`cme.preset.${p}`)}
                  </button>
                )}
              </For>
            </fieldset>
            <label>
              {mt('cme.name')}
              <input value={r().projectName} onInput={(e) => patch({ projectName: e.currentTarget.value })} required />
            </label>
            <label>
              {mt('cme.number')}
              <input value={r().projectNumber} onInput={(e) => patch({ projectNumber: e.currentTarget.value })} />
            </label>
            <label>
              {mt('cme.level')}
              <select value={r().level} onChange={(e) => patch({ level: e.currentTarget.value as Rule['level'] })}>
                <For each={['national', 'provincial', 'municipal', 'hospital'] as const}>
                  {(l) => <option value={l}>{mt(`cme.level.${l}`)}</option>}
                </For>
              </select>
            </label>
            <label>
              {mt('cme.class')}
              <select
                value={r().creditClass}
                onChange={(e) => patch({ creditClass: e.currentTarget.value as 'I' | 'II' })}
              >
                <option value="I">{mt('cme.class.I')}</option>
                <option value="II">{mt('cme.class.II')}</option>
              </select>
            </label>
            <fieldset>
              <legend>{mt('cme.items')}</legend>
              <For each={items()}>
                {(i) => (
                  <label class="check">
                    <input
                      type="checkbox"
                      checked={r().accreditedSessionIds.includes(i.id)}
                      onChange={(e) =>
                        patch({
                          accreditedSessionIds: e.currentTarget.checked
                            ? [...r().accreditedSessionIds, i.id]
                            : r().accreditedSessionIds.filter((x) => x !== i.id),
                        })
                      }
                    />
                    {title(i)}
                  </label>
                )}
              </For>
            </fieldset>
            <fieldset class="cme-numbers">
              <legend>{mt('cme.attendeeRule')}</legend>
              <label>
                {mt('cme.perHours')}
                <input
                  type="number"
                  min="0.25"
                  step="0.25"
                  value={
                    r().attendee.mode === 'per_hours' ? (r().attendee as { hoursPerCredit: number }).hoursPerCredit : ''
                  }
                  onInput={(e) =>
                    patch({ attendee: { mode: 'per_hours', hoursPerCredit: num(e.currentTarget.value) } })
                  }
                />
              </label>
              <label>
                {mt('cme.fixed')}
                <input
                  type="number"
                  min="0"
                  step="0.5"
                  value={r().attendee.mode === 'fixed' ? (r().attendee as { credits: number }).credits : 0}
                  onInput={(e) =>
                    num(e.currentTarget.value) > 0 &&
                    patch({ attendee: { mode: 'fixed', credits: num(e.currentTarget.value) } })
                  }
                />
              </label>
              <For
                each={
                  [
                    ['cme.lecturer', 'lecturerCreditsPerHour', '0.5'],
                    ['cme.cap', 'cap', '0.5'],
                    ['cme.presence', 'minPresencePercent', '1'],
                  ] as const
                }
              >
                {([label, field, step]) => (
                  <label>
                    {mt(label as CmeKey)}
                    <input
                      type="number"
                      min="0"
                      step={step}
                      value={r()[field]}
                      onInput={(e) => patch({ [field]: num(e.currentTarget.value) } as Partial<Rule>)}
                    />
                  </label>
                )}
              </For>
              <label>
                {mt('cme.rounding')}
                <select
                  value={r().rounding}
                  onChange={(e) => patch({ rounding: e.currentTarget.value as 'whole' | 'half' })}
                >
                  <option value="half">{mt('cme.rounding.half')}</option>
                  <option value="whole">{mt('cme.rounding.whole')}</option>
                </select>
              </label>
            </fieldset>
            <label class="check">
              <input
                type="checkbox"
                checked={r().requireSignOut}
                onChange={(e) => patch({ requireSignOut: e.currentTarget.checked })}
              />
              {mt('cme.requireSignOut')}
            </label>
            <label class="check">
              <input
                type="checkbox"
                checked={r().countAutomaticSignOut}
                onChange={(e) => patch({ countAutomaticSignOut: e.currentTarget.checked })}
              />
              {mt('cme.countAuto')}
            </label>
            <div class="cme-actions">
              <button type="submit">{mt('cme.save')}</button>
              <Show when={saved()}>
                <span role="status">{mt('cme.saved')}</span>
              </Show>
            </div>
          </form>
        )}
      </Show>
      <section class="card cme-attendance">
        <h3>{mt('cme.attendance')}</h3>
        <button type="button" class="secondary" onClick={() => void roster()}>
          {mt('cme.roster')}
        </button>
        <Show when={rows().length} fallback={<p class="muted">{mt('cme.notSet')}</p>}>
          <div class="table-wrap" role="region" aria-label={mt('cme.attendance')} tabindex="0">
            <table class="cme-table">
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
                <For each={rows()}>
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
                        <td>{row.eligible ? mt('cme.yes') : mt('cme.no')}</td>
                        <td>{row.override ? mt('cme.overridden', { reason: row.override.reason }) : row.reason}</td>
                        <td>{row.credits}</td>
                        <td>{row.lecturerCredits || ''}</td>
                        <td class="cme-override">
                          <Show
                            when={row.override}
                            fallback={
                              <>
                                <input
                                  ref={reason}
                                  aria-label={mt('cme.override.reason', { name: row.name })}
                                  maxlength="500"
                                />
                                <button
                                  type="button"
                                  class="secondary"
                                  onClick={() => void override(row, !row.eligible, reason?.value ?? '')}
                                >
                                  {mt(row.eligible ? 'cme.override.refuse' : 'cme.override.make')}
                                </button>
                              </>
                            }
                          >
                            <button type="button" class="secondary" onClick={() => void override(row, null, '')}>
                              {mt('cme.override.clear')}
                            </button>
                          </Show>
                        </td>
                      </tr>
                    );
                  }}
                </For>
              </tbody>
            </table>
          </div>
          <Show when={next()}>
            {(n) => (
              <button type="button" class="secondary" onClick={() => void loadRows(n())}>
                {mt('cme.more', { n: 50 })}
              </button>
            )}
          </Show>
        </Show>
      </section>
    </div>
  );
}
