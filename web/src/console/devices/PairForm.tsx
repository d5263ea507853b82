// The form that makes a pairing code: an optional label, how many phones may use it, and for how long.
import { createPairing, type NewPairing } from '../console-api';
import { ct } from '../text';
import { ConsoleForm, createForm, SelectField, TextField, useToast } from '../ui';
import { labelOf } from './pairing-text';

const TTLS = [30, 60, 240, 720, 1440] as const;
type Values = { label: string; maxUses: string; ttlMinutes: string };

export function PairForm(props: { slug: string; onCreated: (p: NewPairing) => Promise<void> }) {
  const toast = useToast();
  const f = createForm<Values>({ label: '', maxUses: '5', ttlMinutes: '720' });

  function check() {
    const e: Record<string, string> = {};
    const n = Number(f.draft.maxUses);
    if (!Number.isInteger(n) || n < 1 || n > 50) e.maxUses = ct('dev.maxUsesInvalid');
    return e;
  }

  async function save() {
    const result = await createPairing(props.slug, {
      label: f.draft.label.trim(),
      maxUses: Number(f.draft.maxUses),
      ttlMinutes: Number(f.draft.ttlMinutes),
    });
    toast(ct('dev.created', { label: labelOf(result.pairing) }));
    f.setDraft('label', '');
    await props.onCreated(result);
  }

  return (
    <ConsoleForm form={f} check={check} save={save} submit={ct('dev.create')} working={ct('creating')} plain>
      <TextField label={ct('dev.label')} {...f.bind('label')} optional hint={ct('dev.labelHint')} />
      <div class="pair">
        <TextField
          label={ct('dev.maxUses')}
          {...f.bind('maxUses')}
          type="number"
          min={1}
          max={50}
          hint={ct('dev.maxUsesHint')}
        />
        <SelectField
          label={ct('dev.ttl')}
          {...f.bind('ttlMinutes')}
          options={TTLS.map((m) => ({ value: String(m), label: ct(`dev.ttl${m}`) }))}
        />
      </div>
    </ConsoleForm>
  );
}
