// The registrations tab: search, filters, sortable headers, pages, row actions behind confirmations, and the CSV.
import { createEffect, createMemo, createSignal, createUniqueId, For, on, onCleanup, Show } from 'solid-js';
import { locale, type MessageKey, t } from '../i18n';
import {
  badgesUrl,
  type ConsoleEvent,
  downloadCsv,
  listRegistrations,
  type Registration,
  registrationAction,
  type RegistrationAction,
  type RegistrationPage,
  type RegistrationPatch,
  type RegistrationQuery,
  updateRegistration,
} from './console-api';
import { typedAscii } from '../../../worker/lib/normalize';
import { ct, type ConsoleKey } from './text';
import { deskLabel } from './desk-label';
import {
  busyLabel,
  changed,
  ConfirmButton,
  createDebounced,
  createSubmit,
  createValues,
  Field,
  FormError,
  labelCells,
  Modal,
  useFailure,
  useToast,
} from './ui';

const STATUSES = ['confirmed', 'waitlisted', 'cancelled'] as const;
const ROLES = ['attendee', 'speaker', 'guest', 'staff'] as const;
const PAGE_SIZE = 50;
const SEARCH_DELAY_MS = 300;

type Sort = 'created' | '-created' | 'name' | '-name';

/** "1月22日 14:05" / "Jan 22, 14:05": a table cell has no room for the year or the weekday. */
const shortTime = (iso: string, timeZone: string) =>
  new Intl.DateTimeFormat(locale(), {
    timeZone,
    month: 'short',
    day: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  }).format(new Date(iso));

export function RegistrationsTab(props: { event: ConsoleEvent }) {
  const fail = useFailure();
  const [typed, setTyped] = createSignal('');
  const [q, setQ] = createSignal('');
  const [status, setStatus] = createSignal('');
  const [role, setRole] = createSignal('');
  const [checkedIn, setCheckedIn] = createSignal('');
  const [sort, setSort] = createSignal<Sort>('-created');
  const [page, setPage] = createSignal(1);
  const [data, setData] = createSignal<RegistrationPage | null>(null);
  const [loading, setLoading] = createSignal(false);
  const [error, setError] = createSignal<string | null>(null);
  const [reloadTick, setReloadTick] = createSignal(0);
  // Chosen for printing badges; kept across pages and searches, so a sheet can gather people from several.
  const [selected, setSelected] = createSignal<string[]>([]);
  const isSelected = (id: string) => selected().includes(id);
  const toggle = (id: string, on: boolean) =>
    setSelected((list) => (on ? [...list.filter((x) => x !== id), id] : list.filter((x) => x !== id)));
  const printable = () => (data()?.registrations ?? []).filter((r) => r.status === 'confirmed').map((r) => r.id);
  const allOnPage = () => printable().length > 0 && printable().every(isSelected);
  const captionId = createUniqueId();
  let controller: AbortController | undefined;
  onCleanup(() => controller?.abort());
  const applySearch = createDebounced((value: string) => {
    setQ(value.trim());
    setPage(1);
  }, SEARCH_DELAY_MS);

  function onSearch(value: string) {
    setTyped(value);
    applySearch(value);
  }

  createEffect(
    on([q, status, role, checkedIn, sort, page, reloadTick], async () => {
      controller?.abort();
      const mine = (controller = new AbortController());
      const query: RegistrationQuery = { sort: sort(), page: String(page()), pageSize: String(PAGE_SIZE) };
      if (q()) query.q = q();
      if (status()) query.status = status() as RegistrationQuery['status'];
      if (role()) query.role = role() as RegistrationQuery['role'];
      if (checkedIn()) query.checkedIn = checkedIn() as RegistrationQuery['checkedIn'];
      setLoading(true);
      try {
        const result = await listRegistrations(props.event.slug, query, mine.signal);
        if (mine.signal.aborted) return;
        setData(result);
        setError(null);
      } catch (e) {
        if (mine.signal.aborted) return;
        setError(fail(e));
      } finally {
        if (controller === mine) setLoading(false);
      }
    }),
  );

  const reload = () => setReloadTick((n) => n + 1);
  const pages = () => Math.max(1, Math.ceil((data()?.total ?? 0) / PAGE_SIZE));
  const filtered = () => Boolean(q() || status() || role() || checkedIn());
  const tz = () => props.event.timezone;

  function toggleSort(column: 'name' | 'created') {
    const current = sort();
    // Names read A→Z first; dates newest first.
    const next: Sort =
      current === column
        ? (`-${column}` as Sort)
        : current === `-${column}`
          ? column
          : column === 'name'
            ? 'name'
            : '-created';
    setSort(next);
    setPage(1);
  }
  const ariaSort = (column: 'name' | 'created') =>
    sort() === column ? 'ascending' : sort() === `-${column}` ? 'descending' : 'none';
  const arrow = (column: 'name' | 'created') => (sort() === column ? '▲' : sort() === `-${column}` ? '▼' : '↕');

  function clearFilters() {
    applySearch.cancel();
    setTyped('');
    setQ('');
    setStatus('');
    setRole('');
    setCheckedIn('');
    setPage(1);
  }

  const statusOptions = () => [
    { value: '', label: ct('regs.all') },
    ...STATUSES.map((s) => ({ value: s, label: ct(`regStatus.${s}`) })),
  ];
  const roleOptions = () => [
    { value: '', label: ct('regs.all') },
    ...ROLES.map((r) => ({ value: r, label: t(`role.${r}` as MessageKey) })),
  ];
  const checkedOptions = () => [
    { value: '', label: ct('regs.all') },
    { value: 'true', label: ct('regs.checkedInYes') },
    { value: 'false', label: ct('regs.checkedInNo') },
  ];

  return (
    <div class="registrations-tab">
      <div class="regs-tools" role="search" aria-label={ct('regs.searchRegion')}>
        <Field
          class="regs-search"
          label={ct('regs.search')}
          name="q"
          type="search"
          value={typed()}
          hint={ct('regs.searchHint')}
          onInput={onSearch}
        />
        <Field
          label={ct('regs.status')}
          name="status"
          value={status()}
          options={statusOptions()}
          onInput={(x) => {
            setStatus(x);
            setPage(1);
          }}
        />
        <Field
          label={ct('regs.role')}
          name="role"
          value={role()}
          options={roleOptions()}
          onInput={(x) => {
            setRole(x);
            setPage(1);
          }}
        />
        <Field
          label={ct('regs.checkedIn')}
          name="checkedIn"
          value={checkedIn()}
          options={checkedOptions()}
          onInput={(x) => {
            setCheckedIn(x);
            setPage(1);
          }}
        />
        <div class="regs-buttons">
          <Show when={filtered() || typed()}>
            <button type="button" class="secondary" onClick={clearFilters}>
              {ct('regs.clear')}
            </button>
          </Show>
          <Show when={selected().length}>
            <a class="button" href={badgesUrl(props.event.slug, selected())} target="_blank" rel="noopener">
              {ct('regs.printSelected', { n: selected().length })}
              <span class="sr-only"> ({ct('newWindow')})</span>
            </a>
            <button type="button" class="secondary" onClick={() => setSelected([])}>
              {ct('regs.clearSelection')}
            </button>
          </Show>
          <a class="button secondary" href={badgesUrl(props.event.slug)} target="_blank" rel="noopener">
            {ct('regs.printAll')}
            <span class="sr-only"> ({ct('newWindow')})</span>
          </a>
          <CsvButton slug={props.event.slug} />
        </div>
      </div>
      <FormError error={error()} />
      <p class="muted regs-count" role="status">
        <Show when={data()} fallback={ct('loading')}>
          {(d) => (
            <>
              {d().total === 0
                ? ct(filtered() ? 'regs.noneMatch' : 'regs.none')
                : ct(filtered() ? 'regs.countFiltered' : 'regs.count', {
                    n: d().total,
                    from: (d().page - 1) * d().pageSize + 1,
                    to: Math.min(d().total, d().page * d().pageSize),
                  })}
            </>
          )}
        </Show>
        <Show when={loading() && data()}> · {ct('loading')}</Show>
      </p>
      <div class="table-wrap" role="region" aria-labelledby={captionId} tabindex="0">
        <table class="regs-table registrations" aria-busy={loading() ? 'true' : undefined} ref={labelCells}>
          <caption id={captionId} class="sr-only">
            {ct('regs.caption')}
          </caption>
          <thead>
            <tr>
              <td class="select-cell">
                <input
                  type="checkbox"
                  aria-label={ct('regs.selectPage')}
                  checked={allOnPage()}
                  disabled={!printable().length}
                  onChange={(e) => {
                    const on = e.currentTarget.checked;
                    for (const id of printable()) toggle(id, on);
                  }}
                />
              </td>
              <th scope="col" aria-sort={ariaSort('name')}>
                <button type="button" class="sort" onClick={() => toggleSort('name')}>
                  {ct('regs.name')} <span aria-hidden="true">{arrow('name')}</span>
                </button>
              </th>
              <th scope="col">{ct('regs.contact')}</th>
              <th scope="col">{ct('regs.institution')}</th>
              <th scope="col">{ct('regs.status')}</th>
              <th scope="col">{ct('regs.role')}</th>
              <th scope="col" class="col-registered" aria-sort={ariaSort('created')}>
                <button type="button" class="sort" onClick={() => toggleSort('created')}>
                  {ct('regs.registered')} <span aria-hidden="true">{arrow('created')}</span>
                </button>
              </th>
              <th scope="col">{ct('regs.checkedIn')}</th>
              <th scope="col">{ct('regs.actions')}</th>
            </tr>
          </thead>
          <tbody>
            {/* Keyed by id, so a refresh after an action keeps each row (and the focus on its buttons) in place. */}
            <For each={(data()?.registrations ?? []).map((x) => x.id)}>
              {(rowId) => {
                const find = () => data()?.registrations.find((x) => x.id === rowId);
                const r = createMemo<Registration>((prev) => find() ?? prev, find()!);
                return (
                  <tr class={`status-${r().status}`}>
                    <td class="select-cell">
                      <Show when={r().status === 'confirmed'}>
                        <input
                          type="checkbox"
                          aria-label={ct('regs.selectNamed', { name: r().name })}
                          checked={isSelected(r().id)}
                          onChange={(e) => toggle(r().id, e.currentTarget.checked)}
                        />
                      </Show>
                    </td>
                    <th scope="row">
                      {r().name}
                      <Show when={r().jobTitle}>
                        <span class="muted small"> · {r().jobTitle}</span>
                      </Show>
                    </th>
                    <td class="contact">
                      <span class="email">{r().email}</span>
                      <Show when={r().phone}>
                        <br />
                        <span class="nowrap muted">{r().phone}</span>
                      </Show>
                    </td>
                    <td class="institution">{r().affiliation}</td>
                    <td class="nowrap">
                      <span class={`pill status-${r().status}`}>{ct(`regStatus.${r().status}` as ConsoleKey)}</span>
                    </td>
                    <td class="nowrap">{t(`role.${r().role}` as MessageKey)}</td>
                    <td class="nowrap col-registered">
                      <Show when={r().createdAt}>{(at) => <time dateTime={at()}>{shortTime(at(), tz())}</time>}</Show>
                    </td>
                    <td class="nowrap">
                      <Show
                        when={r().checkedInAt}
                        fallback={
                          <span class="muted">
                            —<span class="sr-only">{ct('regs.checkedInNo')}</span>
                          </span>
                        }
                      >
                        {(at) => (
                          <>
                            <time dateTime={at()}>{shortTime(at(), tz())}</time>
                            <Show when={r().deskId}>
                              {(desk) => (
                                <>
                                  <br />
                                  <span class="muted small">{deskLabel(desk())}</span>
                                </>
                              )}
                            </Show>
                          </>
                        )}
                      </Show>
                    </td>
                    <td class="actions">
                      <RowActions event={props.event} registration={r()} onDone={reload} />
                    </td>
                  </tr>
                );
              }}
            </For>
          </tbody>
        </table>
      </div>
      <Show when={pages() > 1}>
        <nav class="pager" aria-label={ct('regs.pages')}>
          <button
            type="button"
            class="secondary"
            disabled={page() <= 1 || loading()}
            onClick={() => setPage(page() - 1)}
          >
            {ct('regs.prev')}
          </button>
          <span>{ct('regs.pageOf', { page: page(), pages: pages() })}</span>
          <button
            type="button"
            class="secondary"
            disabled={page() >= pages() || loading()}
            onClick={() => setPage(page() + 1)}
          >
            {ct('regs.next')}
          </button>
        </nav>
      </Show>
    </div>
  );
}

function RowActions(props: { event: ConsoleEvent; registration: Registration; onDone: () => void }) {
  const toast = useToast();
  const [editing, setEditing] = createSignal(false);
  const r = () => props.registration;
  let editButton!: HTMLButtonElement;
  // The button that was pressed may vanish with the new status (a cancelled row has no "cancel"); its Edit button stays.
  const act = (action: RegistrationAction, done: ConsoleKey) => async () => {
    await registrationAction(props.event.slug, r().id, action);
    toast(ct(done, { name: r().name, email: r().email }));
    props.onDone();
    return () => editButton.focus();
  };
  return (
    <div class="row-actions">
      <button
        type="button"
        ref={editButton}
        class="secondary small"
        aria-haspopup="dialog"
        aria-label={ct('regs.editNamed', { name: r().name })}
        onClick={() => setEditing(true)}
      >
        {ct('edit')}
      </button>
      <Show when={r().status === 'confirmed'}>
        <a
          class="button secondary small"
          href={badgesUrl(props.event.slug, [r().id])}
          target="_blank"
          rel="noopener"
          aria-label={ct('regs.printBadgeNamed', { name: r().name })}
        >
          {ct('regs.printBadge')}
        </a>
      </Show>
      <Show when={r().status === 'waitlisted'}>
        <ConfirmButton
          class="secondary small"
          label={ct('regs.promote')}
          ariaLabel={ct('regs.promoteNamed', { name: r().name })}
          title={ct('regs.promoteTitle', { name: r().name })}
          body={ct('regs.promoteBody')}
          confirm={ct('regs.promoteConfirm')}
          busy={ct('working')}
          onConfirm={act('promote', 'regs.promoted')}
        />
      </Show>
      <Show when={r().status !== 'cancelled'}>
        <ConfirmButton
          class="danger-outline small"
          danger
          label={ct('regs.reissue')}
          ariaLabel={ct('regs.reissueNamed', { name: r().name })}
          title={ct('regs.reissueTitle', { name: r().name })}
          body={ct('regs.reissueBody')}
          confirm={ct('regs.reissueConfirm')}
          busy={ct('working')}
          onConfirm={act('reissue', 'regs.reissued')}
        />
        <ConfirmButton
          class="danger-outline small"
          danger
          label={ct('regs.cancel')}
          ariaLabel={ct('regs.cancelNamed', { name: r().name })}
          title={ct('regs.cancelTitle', { name: r().name })}
          body={ct('regs.cancelBody')}
          confirm={ct('regs.cancelConfirm')}
          busy={ct('working')}
          onConfirm={act('cancel', 'regs.cancelled')}
        />
      </Show>
      <EditRegistration
        event={props.event}
        registration={r()}
        open={editing()}
        onClose={() => setEditing(false)}
        onSaved={props.onDone}
      />
    </div>
  );
}

type Values = {
  name: string;
  email: string;
  phone: string;
  affiliation: string;
  jobTitle: string;
  locale: 'zh-CN' | 'en';
  role: (typeof ROLES)[number];
};
const EMAIL = /^[^\s@]+@[^\s@.]+(\.[^\s@.]+)+$/;

function EditRegistration(props: {
  event: ConsoleEvent;
  registration: Registration;
  open: boolean;
  onClose: () => void;
  onSaved: () => void;
}) {
  const [busy, setBusy] = createSignal(false);
  return (
    <Modal
      title={ct('regs.editTitle', { name: props.registration.name })}
      open={props.open}
      busy={busy()}
      onClose={() => props.onClose()}
    >
      <EditRegistrationForm
        event={props.event}
        registration={props.registration}
        onBusy={setBusy}
        onClose={props.onClose}
        onSaved={props.onSaved}
      />
    </Modal>
  );
}

/** Made afresh each time the dialog opens, from the row as it is now; kept while open, so a failed save loses nothing. */
function EditRegistrationForm(props: {
  event: ConsoleEvent;
  registration: Registration;
  onBusy: (busy: boolean) => void;
  onClose: () => void;
  onSaved: () => void;
}) {
  const toast = useToast();
  const submit = createSubmit();
  const r = props.registration;
  const original: Values = {
    name: r.name,
    email: r.email,
    phone: r.phone,
    affiliation: r.affiliation,
    jobTitle: r.jobTitle,
    locale: r.locale as Values['locale'],
    role: r.role as Values['role'],
  };
  const [v, setV] = createValues<Values>(original);
  let form!: HTMLFormElement;
  const set =
    <K extends keyof Values>(k: K) =>
    (value: string) => {
      setV(k, value as Values[K]);
      submit.clearField(k);
    };
  const err = (k: keyof Values) => submit.fieldErrors()[k];
  createEffect(() => props.onBusy(submit.busy()));

  function check() {
    const e: Record<string, string> = {};
    if (!v().name.trim()) e.name = ct('err.required');
    if (v().email !== original.email && !EMAIL.test(typedAscii(v().email))) e.email = ct('err.email');
    if (v().phone.trim() && !/^[0-9+()\-\s]*$/.test(typedAscii(v().phone))) e.phone = ct('err.phone');
    return e;
  }

  async function save() {
    const patch: RegistrationPatch = changed({ ...v() }, original);
    if (Object.keys(patch).length) await updateRegistration(props.event.slug, r.id, patch);
    toast(ct('regs.saved', { name: v().name }));
    props.onClose();
    props.onSaved();
  }

  return (
    <form
      ref={form}
      class="console-form"
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        void submit.run(form, check, save);
      }}
    >
      <Field label={ct('regs.name')} name="name" value={v().name} required error={err('name')} onInput={set('name')} />
      <Field
        label={ct('regs.email')}
        name="email"
        type="email"
        value={v().email}
        error={err('email')}
        onInput={set('email')}
      />
      <Field
        label={ct('regs.phone')}
        name="phone"
        type="tel"
        optional
        value={v().phone}
        error={err('phone')}
        onInput={set('phone')}
      />
      <Field
        label={ct('regs.institution')}
        name="affiliation"
        optional
        value={v().affiliation}
        error={err('affiliation')}
        onInput={set('affiliation')}
      />
      <Field
        label={ct('regs.jobTitle')}
        name="jobTitle"
        optional
        value={v().jobTitle}
        error={err('jobTitle')}
        onInput={set('jobTitle')}
      />
      <div class="pair">
        <Field
          label={ct('regs.locale')}
          name="locale"
          value={v().locale}
          options={[
            { value: 'zh-CN', label: '中文' },
            { value: 'en', label: 'English' },
          ]}
          onInput={set('locale')}
        />
        <Field
          label={ct('regs.role')}
          name="role"
          value={v().role}
          options={ROLES.map((x) => ({ value: x, label: t(`role.${x}` as MessageKey) }))}
          onInput={set('role')}
        />
      </div>
      <FormError error={submit.error()} />
      <div class="actions">
        <button type="button" class="secondary" disabled={submit.busy()} onClick={() => props.onClose()}>
          {ct('cancel')}
        </button>
        <button type="submit" disabled={submit.busy()}>
          {busyLabel(submit.busy(), ct('save'))}
        </button>
      </div>
    </form>
  );
}

/**
 * Downloads every registration as CSV, CSV_PAGE_ROWS rows per request, with the progress announced; the file is saved
 * only once it is whole.
 */
function CsvButton(props: { slug: string }) {
  const submit = createSubmit();
  const [progress, setProgress] = createSignal<{ rows: number; total: number } | null>(null);
  let controller: AbortController | undefined;
  onCleanup(() => controller?.abort());

  const download = () =>
    submit.run(
      undefined,
      () => ({}),
      async () => {
        controller = new AbortController();
        setProgress({ rows: 0, total: 0 });
        const blob = await downloadCsv(props.slug, (rows, total) => setProgress({ rows, total }), controller.signal);
        const url = URL.createObjectURL(blob);
        const a = document.createElement('a');
        a.href = url;
        a.download = `${props.slug}-registrations.csv`;
        document.body.append(a);
        a.click();
        a.remove();
        setTimeout(() => URL.revokeObjectURL(url), 60_000);
      },
    );

  return (
    <>
      <button type="button" class="secondary" aria-busy={submit.busy()} disabled={submit.busy()} onClick={download}>
        {busyLabel(submit.busy(), ct('regs.csv'), ct('regs.csvBusy'))}
      </button>
      <span class="csv-progress muted" role="status">
        <Show when={submit.busy() && progress()}>
          {(p) =>
            ct('regs.csvProgress', {
              rows: p().rows.toLocaleString(locale()),
              total: p().total.toLocaleString(locale()),
            })
          }
        </Show>
        <Show when={!submit.busy() && progress() && !submit.error()}>
          {ct('regs.csvDone', { n: progress()!.total.toLocaleString(locale()) })}
        </Show>
      </span>
      <FormError error={submit.error() && `${ct('regs.csvFailed')} ${submit.error()}`} />
    </>
  );
}
