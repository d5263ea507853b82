// One person in the console: photo or initials, names in both languages, institution and agenda roles; edit and delete.
import { createSignal, createUniqueId, For, Show } from 'solid-js';
import { locale, type MessageKey, pick, t } from '../../i18n';
import { type ConsoleEvent, deletePerson, type Person } from '../console-api';
import { ct } from '../text';
import { ConfirmButton, createFormToggle, useToast } from '../ui';
import { MaterialsEditor } from '../../materials/MaterialsEditor';
import { mt } from '../../materials/words';
import { personMaterials } from './materials-api';
import { PersonForm } from './PersonForm';

const initials = (name: string) =>
  /[\u3400-\u9fff]/.test(name)
    ? name.slice(0, 1)
    : name
        .split(/\s+/)
        .map((w) => w[0] ?? '')
        .join('')
        .slice(0, 2);

export function PersonCard(props: {
  event: ConsoleEvent;
  person: Person;
  reload: () => Promise<void>;
  afterDelete: () => void;
}) {
  const toast = useToast();
  const id = createUniqueId();
  const editing = createFormToggle(props.reload);
  const [showMaterials, setShowMaterials] = createSignal(false);
  // The agenda items this person is on: slides belong to one of them and open when it ends.
  const sessions = () =>
    props.event.sessions
      .filter((s) => s.people.some((x) => x.id === props.person.id))
      .map((s) => ({ id: s.id, label: pick(s.title) }));
  const p = () => props.person;
  const name = () => pick(p().name);
  const other = () => (locale() === 'zh-CN' ? p().name.en : p().name.zh);
  return (
    <li class="card person-admin" aria-labelledby={`${id}-name`}>
      <div class="person-admin-row">
        <Show
          when={p().photoUrl}
          fallback={
            <div class="avatar" aria-hidden="true">
              {initials(name())}
            </div>
          }
        >
          <img class="avatar" src={p().photoUrl!} alt="" />
        </Show>
        <div class="person-admin-text">
          <h3 id={`${id}-name`}>
            {name()} <span class="honorific">{pick(p().honorific)}</span>
          </h3>
          <Show when={other() && other() !== name()}>
            <p class="muted other-lang" lang={locale() === 'zh-CN' ? 'en' : 'zh-CN'}>
              {other()}
            </p>
          </Show>
          <Show when={pick(p().institution)}>
            <p class="institution">{pick(p().institution)}</p>
          </Show>
          <p class="roles">
            <Show when={p().roles.length} fallback={<span class="muted">{ct('people.notOnAgenda')}</span>}>
              <span class="sr-only">{ct('people.onAgendaAs')} </span>
              <For each={p().roles}>{(r) => <span class={`badge role-${r}`}>{t(`role.${r}` as MessageKey)}</span>}</For>
            </Show>
          </p>
        </div>
      </div>
      <div class="person-admin-actions">
        <button
          type="button"
          class="secondary"
          ref={editing.buttonRef}
          aria-expanded={editing.open()}
          aria-label={ct('people.editNamed', { name: name() })}
          onClick={editing.toggle}
        >
          {ct('edit')}
        </button>
        <button
          type="button"
          class="secondary"
          aria-expanded={showMaterials()}
          aria-controls={`${id}-materials`}
          onClick={() => setShowMaterials(!showMaterials())}
        >
          {mt('heading')}
        </button>
        <ConfirmButton
          danger
          label={ct('delete')}
          ariaLabel={ct('people.deleteNamed', { name: name() })}
          title={ct('people.deleteTitle', { name: name() })}
          body={ct('people.deleteBody')}
          confirm={ct('people.deleteConfirm')}
          busy={ct('deleting')}
          onConfirm={async () => {
            await deletePerson(props.event.slug, p().id);
            toast(ct('people.deleted', { name: name() }));
            const after = props.afterDelete;
            await props.reload();
            return after;
          }}
        />
      </div>
      <div id={`${id}-materials`}>
        <Show when={showMaterials()}>
          <MaterialsEditor api={personMaterials(props.event.slug, p().id)} sessions={sessions()} />
        </Show>
      </div>
      <Show when={editing.open()}>
        <PersonForm
          event={props.event}
          person={p()}
          reload={props.reload}
          onCancel={editing.onCancel}
          onSaved={editing.onSaved}
        />
      </Show>
    </li>
  );
}
