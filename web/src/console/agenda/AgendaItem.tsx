// One agenda item in the console: what it says, and its edit, people, move and delete actions with their forms.
import { createSignal, createUniqueId, Show } from 'solid-js';
import { pick } from '../../i18n';
import { type ConsoleEvent, deleteSession, moveSession, type Session } from '../console-api';
import { ct } from '../text';
import { ConfirmButton, createFormToggle, useFailure, useToast } from '../ui';
import { hoursText, type ItemWarning } from './agenda-text';
import { AssignPeople } from './AssignPeople';
import { ItemSummary } from './ItemSummary';
import { SessionForm } from './SessionForm';

export function AgendaItem(props: {
  event: ConsoleEvent;
  session: Session;
  index: number;
  warnings: ItemWarning[];
  reload: () => Promise<void>;
  afterDelete: () => void;
}) {
  const toast = useToast();
  const fail = useFailure();
  const id = createUniqueId();
  const editing = createFormToggle(props.reload);
  const assigning = createFormToggle(props.reload);
  const [moving, setMoving] = createSignal(false);
  const [moveError, setMoveError] = createSignal<string | null>(null);
  const s = () => props.session;
  const title = () => pick(s().title);
  const count = () => props.event.sessions.length;

  /**
   * Moving an item earlier or later swaps it with its neighbour in time: the pair keeps its span, each item keeps its length.
   * Items that start together only swap places in the list.
   */
  async function move(delta: -1 | 1) {
    const j = props.index + delta;
    if (j < 0 || j >= props.event.sessions.length || moving()) return;
    setMoving(true);
    setMoveError(null);
    let movedOk: string | null = null;
    try {
      // The server swaps the pair in one statement; a failure leaves both items as they were.
      const movedId = s().id;
      const { session: moved } = await moveSession(props.event.slug, movedId, delta < 0 ? 'earlier' : 'later');
      await props.reload();
      toast(
        ct(delta < 0 ? 'agenda.movedUp' : 'agenda.movedDown', {
          title: pick(s().title),
          time: hoursText(moved, props.event.timezone),
        }),
      );
      movedOk = movedId;
    } catch (e) {
      setMoveError(fail(e));
      await props.reload().catch(() => {});
    } finally {
      setMoving(false);
    }
    // Keep the keyboard where it was (the buttons were disabled while moving): on the same arrow of the moved item,
    // or on its other arrow once it reaches the end of the list.
    const focusId = movedOk ?? s().id;
    const target =
      document.querySelector<HTMLButtonElement>(`[data-move="${focusId}:${delta}"]:not(:disabled)`) ??
      document.querySelector<HTMLButtonElement>(`[data-move="${focusId}:${-delta}"]`);
    target?.focus();
  }

  return (
    <li class={`card agenda-admin-item kind-${s().kind}`} aria-labelledby={`${id}-title`}>
      <div class="agenda-row">
        <ItemSummary event={props.event} session={s()} warnings={props.warnings} titleId={`${id}-title`} />
        <div class="agenda-actions">
          <button
            type="button"
            class="secondary"
            ref={editing.buttonRef}
            aria-expanded={editing.open()}
            aria-label={ct('agenda.editNamed', { title: title() })}
            onClick={editing.toggle}
          >
            {ct('edit')}
          </button>
          <button
            type="button"
            class="secondary"
            ref={assigning.buttonRef}
            aria-expanded={assigning.open()}
            aria-label={ct('agenda.peopleNamed', { title: title() })}
            onClick={assigning.toggle}
          >
            {ct('agenda.people')}
          </button>
          <button
            type="button"
            class="secondary icon"
            data-move={`${s().id}:-1`}
            disabled={props.index === 0 || moving()}
            aria-label={ct('agenda.moveUpNamed', { title: title() })}
            title={ct('agenda.moveUp')}
            onClick={() => void move(-1)}
          >
            ↑
          </button>
          <button
            type="button"
            class="secondary icon"
            data-move={`${s().id}:1`}
            disabled={props.index === count() - 1 || moving()}
            aria-label={ct('agenda.moveDownNamed', { title: title() })}
            title={ct('agenda.moveDown')}
            onClick={() => void move(1)}
          >
            ↓
          </button>
          <ConfirmButton
            danger
            label={ct('delete')}
            ariaLabel={ct('agenda.deleteNamed', { title: title() })}
            title={ct('agenda.deleteTitle', { title: title() })}
            body={ct('agenda.deleteBody')}
            confirm={ct('agenda.deleteConfirm')}
            busy={ct('deleting')}
            onConfirm={async () => {
              await deleteSession(props.event.slug, s().id);
              toast(ct('agenda.deleted', { title: title() }));
              const after = props.afterDelete;
              await props.reload();
              return after;
            }}
          />
        </div>
      </div>
      <div role="alert" class="form-message">
        <Show when={moveError()}>
          <p class="notice error">{moveError()}</p>
        </Show>
      </div>
      <p class="sr-only" role="status">
        {moving() ? ct('moving') : ''}
      </p>
      <Show when={editing.open()}>
        <SessionForm event={props.event} session={s()} onCancel={editing.onCancel} onSaved={editing.onSaved} />
      </Show>
      <Show when={assigning.open()}>
        <AssignPeople event={props.event} session={s()} onCancel={assigning.onCancel} onSaved={assigning.onSaved} />
      </Show>
    </li>
  );
}
