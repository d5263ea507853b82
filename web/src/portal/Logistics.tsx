// Travel, hotel, dietary needs and honorarium details, seen only by organisers; the bank account comes back masked.
import { createSignal, Show } from 'solid-js';
import { areaTranslator } from '../i18n';
import { type LogisticsInput, type Portal, saveLogistics } from './portal-api';
import { createSave, FieldError, SaveBar } from './save';
import { pt } from './text';

/** The form's own strings ship with it (it loads on request), so the portal's first load stays within budget. */
const lt = areaTranslator(
  {
    arrival: 'Arrival',
    departure: 'Departure',
    hotel: 'I need a hotel room',
    dietary: 'Dietary needs',
    payee: 'Honorarium payee name',
    bankName: 'Bank and branch',
    bankAccount: 'Bank account number',
    bankOnFile: 'On file: {masked}. Leave empty to keep it.',
  },
  {
    arrival: '到达时间',
    departure: '离开时间',
    hotel: '我需要住宿',
    dietary: '饮食要求',
    payee: '劳务费收款人姓名',
    bankName: '开户银行及支行',
    bankAccount: '银行账号',
    bankOnFile: '已登记：{masked}。留空则保持不变。',
  },
);

type Text = 'arrival' | 'departure' | 'dietary' | 'payee' | 'bankName';

export function Logistics(props: { token: string; data: Portal }) {
  const l = props.data.logistics;
  const [form, setForm] = createSignal<Omit<LogisticsInput, 'bankAccount'>>({
    arrival: l?.arrival ?? '',
    departure: l?.departure ?? '',
    hotel: l?.hotel ?? false,
    dietary: l?.dietary ?? '',
    payee: l?.payee ?? '',
    bankName: l?.bankName ?? '',
  });
  const [account, setAccount] = createSignal('');
  const [masked, setMasked] = createSignal(l?.bankAccount ?? null);
  const save = createSave(() => props.data.event.timezone);
  async function submit(e: SubmitEvent) {
    e.preventDefault();
    const done = await save.run(() =>
      saveLogistics(props.token, { ...form(), ...(account() ? { bankAccount: account() } : {}) }),
    );
    if (done) {
      setMasked(done.bankAccount);
      setAccount('');
    }
  }
  const input = (name: Text, type = 'text', extra: Record<string, string> = {}) => (
    <div class="field">
      <label for={`log-${name}`}>{lt(name)}</label>
      <input
        id={`log-${name}`}
        type={type}
        value={form()[name]}
        aria-invalid={save.fields()[name] ? 'true' : undefined}
        aria-describedby={`log-${name}-error`}
        onInput={(e) => setForm((f) => ({ ...f, [name]: e.currentTarget.value }))}
        {...extra}
      />
      <FieldError save={save} name={name} id={`log-${name}-error`} />
    </div>
  );
  return (
    <section class="card portal-section" aria-labelledby="portal-logistics">
      <h2 id="portal-logistics">{pt('logistics.title')}</h2>
      <p class="muted">{pt('logistics.private')}</p>
      <form noValidate onSubmit={submit} class="portal-grid">
        {input('arrival', 'datetime-local')}
        {input('departure', 'datetime-local')}
        <label class="portal-check wide">
          <input
            type="checkbox"
            checked={form().hotel}
            onChange={(e) => setForm((f) => ({ ...f, hotel: e.currentTarget.checked }))}
          />
          {lt('hotel')}
        </label>
        {input('dietary', 'text', { maxLength: '500' })}
        {input('payee', 'text', { maxLength: '120', autocomplete: 'name' })}
        {input('bankName', 'text', { maxLength: '200' })}
        <div class="field">
          <label for="log-bankAccount">{lt('bankAccount')}</label>
          <input
            id="log-bankAccount"
            inputMode="numeric"
            autocomplete="off"
            maxLength={40}
            value={account()}
            aria-invalid={save.fields().bankAccount ? 'true' : undefined}
            aria-describedby="log-bankAccount-hint log-bankAccount-error"
            onInput={(e) => setAccount(e.currentTarget.value)}
          />
          <Show when={masked()}>
            {(m) => (
              <p class="hint" id="log-bankAccount-hint">
                {lt('bankOnFile', { masked: m() })}
              </p>
            )}
          </Show>
          <FieldError save={save} name="bankAccount" id="log-bankAccount-error" />
        </div>
        <div class="wide">
          <SaveBar save={save} />
        </div>
      </form>
    </section>
  );
}
