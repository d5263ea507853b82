// The devices tab: pairing codes that turn phones into front desks (a QR shown once), their use and revocation, and offline double admissions.
import { createSignal, onCleanup, Show } from 'solid-js';
import { badgesUrl, type ConsoleEvent, getConflicts, listPairings, type NewPairing } from './console-api';
import { NewCode } from './devices/NewCode';
import { PairForm } from './devices/PairForm';
import { ConflictTable, PairingTable } from './devices/tables';
import { ct } from './text';
import { createLoad, FormError, useFailure } from './ui';

export function DevicesTab(props: { event: ConsoleEvent; onConflicts: (n: number) => void }) {
  const slug = props.event.slug;
  const lists = createLoad(
    () => slug,
    async (s) => {
      const [pairings, conflicts] = await Promise.all([listPairings(s), getConflicts(s)]);
      props.onConflicts(conflicts.length);
      return { pairings, conflicts };
    },
    useFailure(),
  );
  const [created, setCreated] = createSignal<NewPairing | null>(null);
  let createdHeading: HTMLHeadingElement | undefined;
  let listHeading!: HTMLHeadingElement;

  // Uses and expiry change as devices pair, so the list catches up while the tab is open.
  const timer = setInterval(() => {
    if (!document.hidden) void lists.refetch();
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
              await lists.refetch();
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
      <FormError error={lists.error()} />
      <section class="dev-list" aria-labelledby="dev-list-title">
        <h3 id="dev-list-title" tabindex="-1" ref={listHeading}>
          {ct('dev.listTitle')}
        </h3>
        <Show
          when={lists.current()?.pairings}
          fallback={
            <Show when={!lists.error()}>
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
                  await lists.refetch();
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
        <Show when={lists.current()?.conflicts}>
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
