// The devices tab: pairing codes that turn phones into front desks (a QR shown once), their use and revocation, and offline double admissions.
import { createSignal, createUniqueId, For, onCleanup, onMount, Show } from 'solid-js';
import { locale } from '../i18n';
import { formatDateTime } from '../lib/time';
import {
  badgesUrl,
  type CheckinConflict,
  type ConsoleEvent,
  createPairing,
  getConflicts,
  listPairings,
  type NewPairing,
  type Pairing,
  revokePairing,
} from './console-api';
import type { QrSvgReply } from './qr-svg-worker';
import { ct } from './text';
import { deskLabel } from './desk-label';
import {
  busyLabel,
  ConfirmButton,
  createSubmit,
  createValues,
  DataTable,
  Field,
  FormError,
  useFailure,
  useToast,
} from './ui';

const TTLS = [30, 60, 240, 720, 1440] as const;
type Values = { label: string; maxUses: string; ttlMinutes: string };

const statusOf = (p: Pairing) =>
  p.revoked ? 'revoked' : p.active ? 'active' : p.uses >= p.maxUses ? 'usedUp' : 'expired';
const labelOf = (p: { label: string }) => p.label || ct('dev.noLabel');

export function DevicesTab(props: { event: ConsoleEvent; onConflicts: (n: number) => void }) {
  const slug = props.event.slug;
  const fail = useFailure();
  const [pairings, setPairings] = createSignal<Pairing[] | null>(null);
  const [conflicts, setConflicts] = createSignal<CheckinConflict[] | null>(null);
  const [error, setError] = createSignal<string | null>(null);
  const [created, setCreated] = createSignal<NewPairing | null>(null);
  let createdHeading: HTMLHeadingElement | undefined;
  let listHeading!: HTMLHeadingElement;

  async function load() {
    try {
      const [p, c] = await Promise.all([listPairings(slug), getConflicts(slug)]);
      setPairings(p);
      setConflicts(c);
      props.onConflicts(c.length);
      setError(null);
    } catch (e) {
      setError(fail(e));
    }
  }
  onMount(() => void load());
  // Uses and expiry change as devices pair, so the list catches up while the tab is open.
  const timer = setInterval(() => {
    if (!document.hidden) void load();
  }, 15_000);
  onCleanup(() => clearInterval(timer));

  return (
    <div class="devices-tab">
      <div class="tab-tools">
        <p class="muted tab-intro">{ct('dev.intro')}</p>
        <a class="button secondary" href={badgesUrl(slug)} target="_blank" rel="noopener">
          {ct('dev.printAll')}
          <span class="sr-only"> ({ct('newWindow')})</span>
        </a>
      </div>
      <div class="devices-grid">
        <section class="card" aria-labelledby="dev-pair-title">
          <h3 id="dev-pair-title">{ct('dev.pairTitle')}</h3>
          <PairForm
            slug={slug}
            onCreated={async (p) => {
              setCreated(p);
              queueMicrotask(() => createdHeading?.focus());
              await load();
            }}
          />
        </section>
        <Show when={created()}>
          {(p) => (
            <NewCode
              event={props.event}
              created={p()}
              headingRef={(el) => (createdHeading = el)}
              onHide={() => {
                setCreated(null);
                listHeading.focus();
              }}
            />
          )}
        </Show>
      </div>
      <FormError error={error()} />
      <section class="dev-list" aria-labelledby="dev-list-title">
        <h3 id="dev-list-title" tabindex="-1" ref={listHeading}>
          {ct('dev.listTitle')}
        </h3>
        <Show
          when={pairings()}
          fallback={
            <Show when={!error()}>
              <p class="loading">{ct('loading')}</p>
            </Show>
          }
        >
          {(list) => (
            <Show when={list().length} fallback={<p class="muted">{ct('dev.none')}</p>}>
              <PairingTable
                event={props.event}
                list={list()}
                justCreated={created()?.pairing.id}
                onRevoked={async () => {
                  await load();
                  listHeading.focus();
                }}
              />
            </Show>
          )}
        </Show>
      </section>
      <section class="dev-conflicts" aria-labelledby="dev-conflicts-title">
        <h3 id="dev-conflicts-title">{ct('dev.conflictsTitle')}</h3>
        <p class="muted">{ct('dev.conflictsIntro')}</p>
        <Show when={conflicts()}>
          {(list) => (
            <Show when={list().length} fallback={<p>{ct('dev.conflictsNone')}</p>}>
              <ConflictTable event={props.event} list={list()} />
            </Show>
          )}
        </Show>
      </section>
    </div>
  );
}

function PairForm(props: { slug: string; onCreated: (p: NewPairing) => Promise<void> }) {
  const toast = useToast();
  const submit = createSubmit();
  const [v, setV] = createValues<Values>({ label: '', maxUses: '5', ttlMinutes: '720' });
  let form!: HTMLFormElement;
  const set =
    <K extends keyof Values>(k: K) =>
    (value: string) => {
      setV(k, value);
      submit.clearField(k);
    };

  function check() {
    const e: Record<string, string> = {};
    const n = Number(v().maxUses);
    if (!Number.isInteger(n) || n < 1 || n > 50) e.maxUses = ct('dev.maxUsesInvalid');
    return e;
  }

  async function save() {
    const result = await createPairing(props.slug, {
      label: v().label.trim(),
      maxUses: Number(v().maxUses),
      ttlMinutes: Number(v().ttlMinutes),
    });
    toast(ct('dev.created', { label: labelOf(result.pairing) }));
    setV('label', '');
    await props.onCreated(result);
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
      <Field
        label={ct('dev.label')}
        name="label"
        optional
        value={v().label}
        hint={ct('dev.labelHint')}
        error={submit.fieldErrors().label}
        onInput={set('label')}
      />
      <div class="pair">
        <Field
          label={ct('dev.maxUses')}
          name="maxUses"
          type="number"
          min={1}
          max={50}
          value={v().maxUses}
          hint={ct('dev.maxUsesHint')}
          error={submit.fieldErrors().maxUses}
          onInput={set('maxUses')}
        />
        <Field
          label={ct('dev.ttl')}
          name="ttlMinutes"
          value={v().ttlMinutes}
          error={submit.fieldErrors().ttlMinutes}
          options={TTLS.map((m) => ({ value: String(m), label: ct(`dev.ttl${m}`) }))}
          onInput={set('ttlMinutes')}
        />
      </div>
      <FormError error={submit.error()} />
      <button type="submit" disabled={submit.busy()}>
        {busyLabel(submit.busy(), ct('dev.create'), ct('creating'))}
      </button>
    </form>
  );
}

/** The encoder loads only when a code has just been made, in a worker of its own. */
function qrSvg(text: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(new URL('./qr-svg-worker.ts', import.meta.url), { type: 'module' });
    worker.onmessage = (e: MessageEvent<QrSvgReply>) => {
      worker.terminate();
      if ('svg' in e.data) resolve(e.data.svg);
      else reject(new Error(e.data.error));
    };
    worker.onerror = () => {
      worker.terminate();
      reject(new Error('The QR worker failed.'));
    };
    worker.postMessage(text);
  });
}

/** The new code's QR, drawn here from its link: the token is in the link's fragment and the server cannot show it again. */
function NewCode(props: {
  event: ConsoleEvent;
  created: NewPairing;
  headingRef: (el: HTMLHeadingElement) => void;
  onHide: () => void;
}) {
  const toast = useToast();
  const [svg, setSvg] = createSignal<string | null>(null);
  const [qrFailed, setQrFailed] = createSignal(false);
  const [copyFailed, setCopyFailed] = createSignal(false);
  const id = createUniqueId();
  let linkInput!: HTMLInputElement;
  const p = () => props.created.pairing;

  onMount(async () => {
    try {
      setSvg(await qrSvg(props.created.url));
    } catch {
      setQrFailed(true);
    }
  });

  async function copy() {
    setCopyFailed(false);
    try {
      await navigator.clipboard.writeText(props.created.url);
      toast(ct('dev.copied'));
    } catch {
      // No clipboard (an insecure origin, or permission refused): select the text for a manual copy.
      setCopyFailed(true);
      linkInput.focus();
      linkInput.select();
    }
  }

  return (
    <section class="card dev-new" aria-labelledby={`${id}-title`}>
      <h3 id={`${id}-title`} tabindex="-1" ref={(el) => props.headingRef(el)}>
        {ct('dev.newTitle', { label: labelOf(p()) })}
      </h3>
      <div class="dev-new-body">
        <div class="dev-qr">
          <Show when={svg()} fallback={<p class="muted">{qrFailed() ? ct('dev.qrFailed') : ct('dev.qrDrawing')}</p>}>
            {/* The SVG is the encoder's own output for our link, never user markup. */}
            <div class="dev-qr-code" role="img" aria-label={ct('dev.qr')} innerHTML={svg()!} />
          </Show>
        </div>
        <div class="dev-new-facts">
          <p>{ct('dev.scanHow')}</p>
          <ul>
            <li>{ct('dev.usesLeft', { left: p().maxUses - p().uses, max: p().maxUses })}</li>
            <li>{ct('dev.expires', { time: formatDateTime(p().expiresAt, props.event.timezone, locale()) })}</li>
          </ul>
          <p class="notice warn">{ct('dev.onlyNow')}</p>
          <div class="field">
            <label for={`${id}-link`}>{ct('dev.link')}</label>
            <input
              id={`${id}-link`}
              ref={linkInput}
              class="dev-link"
              readOnly
              value={props.created.url}
              aria-describedby={copyFailed() ? `${id}-copy` : undefined}
              onFocus={(e) => e.currentTarget.select()}
            />
          </div>
          <div role="alert">
            <Show when={copyFailed()}>
              <p class="field-error" id={`${id}-copy`}>
                {ct('dev.copyFailed')}
              </p>
            </Show>
          </div>
          <div class="form-actions">
            <button type="button" onClick={() => void copy()}>
              {ct('dev.copy')}
            </button>
            <button type="button" class="secondary" onClick={() => props.onHide()}>
              {ct('dev.hide')}
            </button>
          </div>
        </div>
      </div>
    </section>
  );
}

function PairingTable(props: {
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

function ConflictTable(props: { event: ConsoleEvent; list: CheckinConflict[] }) {
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
