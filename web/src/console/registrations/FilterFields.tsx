// The registrations search box and its three filters.
import { type MessageKey, t } from '../../i18n';
import { ct } from '../text';
import { Field } from '../ui';
import { type Filters, ROLES, STATUSES } from './filters';

export function FilterFields(props: { filters: Filters }) {
  const f = () => props.filters.f;
  const all = () => ({ value: '', label: ct('regs.all') });
  return (
    <>
      <Field
        class="regs-search"
        label={ct('regs.search')}
        name="q"
        type="search"
        value={f().typed}
        hint={ct('regs.searchHint')}
        onInput={(x) => props.filters.search(x)}
      />
      <Field
        label={ct('regs.status')}
        name="status"
        value={f().status}
        options={[all(), ...STATUSES.map((s) => ({ value: s, label: ct(`regStatus.${s}`) }))]}
        onInput={(x) => props.filters.narrow('status', x)}
      />
      <Field
        label={ct('regs.role')}
        name="role"
        value={f().role}
        options={[all(), ...ROLES.map((r) => ({ value: r, label: t(`role.${r}` as MessageKey) }))]}
        onInput={(x) => props.filters.narrow('role', x)}
      />
      <Field
        label={ct('regs.checkedIn')}
        name="checkedIn"
        value={f().checkedIn}
        options={[
          all(),
          { value: 'true', label: ct('regs.checkedInYes') },
          { value: 'false', label: ct('regs.checkedInNo') },
        ]}
        onInput={(x) => props.filters.narrow('checkedIn', x)}
      />
    </>
  );
}
