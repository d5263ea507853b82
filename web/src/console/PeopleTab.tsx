// The people tab: speakers, panel guests and moderators as cards; add, edit and remove them, and upload a photo with a preview.
import { createMemo, For, Show } from 'solid-js';
import type { ConsoleEvent, Person } from './console-api';
import { PersonCard } from './people/PersonCard';
import { PersonForm } from './people/PersonForm';
import { ct } from './text';
import { createFormToggle } from './ui';

export function PeopleTab(props: { event: ConsoleEvent; reload: () => Promise<void> }) {
  const adding = createFormToggle(props.reload);
  let listHeading!: HTMLHeadingElement;
  return (
    <div class="people-tab">
      <div class="tab-tools">
        <p class="muted">{ct('people.intro')}</p>
        <button type="button" ref={adding.buttonRef} aria-expanded={adding.open()} onClick={adding.toggle}>
          {ct('people.add')}
        </button>
      </div>
      <Show when={adding.open()}>
        <section class="card" aria-labelledby="people-add-title">
          <h3 id="people-add-title">{ct('people.addTitle')}</h3>
          <PersonForm event={props.event} reload={props.reload} onCancel={adding.onCancel} onSaved={adding.onSaved} />
        </section>
      </Show>
      <h3 class="sr-only" tabindex="-1" ref={listHeading}>
        {ct('people.list')}
      </h3>
      <Show when={props.event.people.length} fallback={<p class="muted">{ct('people.empty')}</p>}>
        <ul class="people-admin">
          {/* Keyed by id, so a reload keeps each card (and any form open on it) in place. */}
          <For each={props.event.people.map((p) => p.id)}>
            {(personId) => {
              const find = () => props.event.people.find((p) => p.id === personId);
              // While a deleted person is on their way out, the card keeps its last data.
              const person = createMemo<Person>((prev) => find() ?? prev, find()!);
              return (
                <PersonCard
                  event={props.event}
                  person={person()}
                  reload={props.reload}
                  afterDelete={() => listHeading.focus()}
                />
              );
            }}
          </For>
        </ul>
      </Show>
    </div>
  );
}
