// A registration's own buttons: edit, print its badge, promote from the waiting list, reissue or cancel the ticket.
import { createSignal, Show } from 'solid-js';
import {
  badgesUrl,
  type ConsoleEvent,
  type Registration,
  type RegistrationAction,
  registrationAction,
} from '../console-api';
import { type ConsoleKey, ct } from '../text';
import { ConfirmButton, useToast } from '../ui';
import { EditRegistration } from './EditRegistration';

export function RowActions(props: { event: ConsoleEvent; registration: Registration; onDone: () => void }) {
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
        <ActionButton name="promote" registration={r()} onConfirm={act('promote', 'regs.promoted')} />
      </Show>
      <Show when={r().status !== 'cancelled'}>
        <ActionButton name="reissue" danger registration={r()} onConfirm={act('reissue', 'regs.reissued')} />
        <ActionButton name="cancel" danger registration={r()} onConfirm={act('cancel', 'regs.cancelled')} />
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

/** One action behind a confirmation that names the person it is for. */
function ActionButton(props: {
  name: 'promote' | 'reissue' | 'cancel';
  danger?: boolean;
  registration: Registration;
  onConfirm: () => Promise<() => void>;
}) {
  const named = () => ({ name: props.registration.name });
  return (
    <ConfirmButton
      class={props.danger ? 'danger-outline small' : 'secondary small'}
      danger={props.danger}
      label={ct(`regs.${props.name}`)}
      ariaLabel={ct(`regs.${props.name}Named`, named())}
      title={ct(`regs.${props.name}Title`, named())}
      body={ct(`regs.${props.name}Body`)}
      confirm={ct(`regs.${props.name}Confirm`)}
      busy={ct('working')}
      onConfirm={props.onConfirm}
    />
  );
}
