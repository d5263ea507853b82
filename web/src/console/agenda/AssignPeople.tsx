// The form that puts people on an agenda item, one row per person with their role on it.
import { createUniqueId, For, Show } from 'solid-js';
import { createStore, unwrap } from 'solid-js/store';
import { type MessageKey, pick, t } from '../../i18n';
import { type Assignment, assignPeople, type ConsoleEvent, type Session } from '../console-api';
import { offeredRole, SESSION_ROLE_CHOICES } from '../session-roles';
import { ct } from '../text';
import { ConsoleForm, createSubmit, SelectField, useToast } from '../ui';

type Role = (typeof SESSION_ROLE_CHOICES)[number];

export function AssignPeople(props: {
  event: ConsoleEvent;
  session: Session;
  onSaved: () => Promise<void>;
  onCancel: () => void;
}) {
  const toast = useToast();
  const submit = createSubmit();
  const id = createUniqueId();
  const defaultRole = (): Role =>
    props.session.kind === 'panel' ? 'panelist' : props.session.kind === 'ceremony' ? 'moderator' : 'speaker';
  // Rows are store objects, so choosing a person updates that row in place (the For keeps it, and the focus).
  const [rows, setRows] = createStore<{ personId: string; role: Role }[]>(
    props.session.people.map((p) => ({ personId: p.id, role: offeredRole(p.role) })),
  );
  let list: HTMLFieldSetElement | undefined;
  const title = () => pick(props.session.title);
  const personId = (i: number) => `${id}-person-${i}`;

  function check() {
    const e: Record<string, string> = {};
    const seen = new Set<string>();
    rows.forEach((r, i) => {
      if (!r.personId) e[`person-${i}`] = ct('err.choosePerson');
      else if (seen.has(r.personId)) e[`person-${i}`] = ct('err.duplicatePerson');
      seen.add(r.personId);
    });
    return e;
  }

  async function save() {
    const people: Assignment[] = unwrap(rows).map((r) => ({ personId: r.personId, role: r.role }));
    const { warnings } = await assignPeople(props.event.slug, props.session.id, people);
    const mine = warnings.filter((w) => w.sessionIds.includes(props.session.id));
    if (mine.length) toast(ct('agenda.peopleSavedWarn', { title: title(), n: mine.length }), 'warn');
    else toast(ct('agenda.peopleSaved', { title: title() }));
    await props.onSaved();
  }

  function add() {
    setRows(rows.length, { personId: '', role: defaultRole() });
    document.getElementById(personId(rows.length - 1))?.focus();
  }

  function remove(i: number) {
    setRows(rows.filter((_, k) => k !== i));
    submit.reset();
    const next =
      document.getElementById(personId(Math.min(i, rows.length - 1))) ?? list?.querySelector<HTMLElement>('.add-row');
    next?.focus();
  }

  const personOptions = () => [
    { value: '', label: ct('agenda.choosePerson') },
    ...props.event.people.map((p) => ({
      value: p.id,
      label: `${pick(p.name)}${pick(p.institution) ? ` · ${pick(p.institution)}` : ''}`,
    })),
  ];
  const roleOptions = () => SESSION_ROLE_CHOICES.map((r) => ({ value: r, label: t(`role.${r}` as MessageKey) }));

  return (
    <ConsoleForm
      class="assign-form"
      form={submit}
      check={check}
      save={save}
      submit={ct('agenda.savePeople')}
      onCancel={() => props.onCancel()}
    >
      <fieldset ref={list}>
        <legend>{ct('agenda.peopleOn', { title: title() })}</legend>
        <Show when={props.event.people.length} fallback={<p class="muted">{ct('agenda.noPeopleYet')}</p>}>
          <Show when={rows.length} fallback={<p class="muted">{ct('agenda.nobody')}</p>}>
            <ul class="assign-rows">
              <For each={rows}>
                {(row, i) => (
                  <li class="assign-row">
                    <SelectField
                      id={personId(i())}
                      label={ct('agenda.personN', { n: i() + 1 })}
                      value={row.personId}
                      options={personOptions()}
                      error={submit.fieldErrors()[`person-${i()}`]}
                      onInput={(value) => {
                        setRows(i(), 'personId', value);
                        submit.clearField(`person-${i()}`);
                      }}
                    />
                    <SelectField
                      id={`${id}-role-${i()}`}
                      label={ct('agenda.roleN', { n: i() + 1 })}
                      value={row.role}
                      options={roleOptions()}
                      onInput={(value) => setRows(i(), 'role', value as Role)}
                    />
                    <button
                      type="button"
                      class="secondary remove"
                      onClick={() => remove(i())}
                      aria-label={ct('agenda.removeN', { n: i() + 1 })}
                    >
                      {ct('remove')}
                    </button>
                  </li>
                )}
              </For>
            </ul>
          </Show>
          <button type="button" class="secondary add-row" onClick={add}>
            {ct('agenda.addPerson')}
          </button>
        </Show>
      </fieldset>
    </ConsoleForm>
  );
}
