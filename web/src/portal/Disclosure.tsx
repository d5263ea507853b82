// The structured disclosure: nothing to disclose, or each company with its relationship and status; off-label use; signed.
import { createSignal, For, Index, Show } from 'solid-js';
import { locale } from '../i18n';
import { formatDateTime } from '../lib/time';
import { type DisclosureInput, type Portal, saveDisclosure } from './portal-api';
import { createSave, FieldError, SaveBar } from './save';
import { type PortalKey, pt } from './text';

type Item = DisclosureInput['items'][number];
/** The API's relationship types (schema/faculty.ts), listed here so the page does not bundle the schema module. */
const RELATIONSHIP_TYPES: Item['relationship'][] = [
  'consultant',
  'speakers_bureau',
  'research_funding',
  'stock',
  'employee',
  'other',
];
const blank = (): Item => ({ company: '', relationship: 'consultant', status: 'ongoing' });

export function Disclosure(props: { token: string; data: Portal }) {
  const d = props.data.disclosure;
  const [nothing, setNothing] = createSignal<boolean | null>(d ? d.nothing : null);
  const [items, setItems] = createSignal<Item[]>(d?.items.length ? d.items : [blank()]);
  const [offLabel, setOffLabel] = createSignal(d?.offLabel ?? '');
  const [signature, setSignature] = createSignal('');
  const [signed, setSigned] = createSignal(d ? { name: d.signedName, at: d.signedAt } : null);
  const save = createSave(() => props.data.event.timezone);
  const tz = () => props.data.event.timezone;

  const update = (i: number, patch: Partial<Item>) =>
    setItems((list) => list.map((it, k) => (k === i ? { ...it, ...patch } : it)));

  async function submit(e: SubmitEvent) {
    e.preventDefault();
    const done = await save.run(() =>
      saveDisclosure(props.token, {
        nothing: nothing() === true,
        items: nothing() === true ? [] : items(),
        offLabel: offLabel(),
        signature: signature(),
      }),
    );
    if (done) setSigned({ name: done.signedName, at: done.signedAt });
  }

  return (
    <section class="card portal-section" aria-labelledby="portal-disclosure">
      <h2 id="portal-disclosure">{pt('disclosure.title')}</h2>
      <p class="muted">{pt('disclosure.intro')}</p>
      <Show when={signed()}>
        {(s) => (
          <p class="notice ok">
            {pt('disclosure.signed', { name: s().name, date: formatDateTime(s().at, tz(), locale()) })}
          </p>
        )}
      </Show>
      <form noValidate onSubmit={submit}>
        <fieldset class="portal-choice stacked">
          <legend class="sr-only">{pt('disclosure.title')}</legend>
          <label>
            <input type="radio" name="disclosure-kind" checked={nothing() === true} onChange={() => setNothing(true)} />
            {pt('disclosure.nothing')}
          </label>
          <label>
            <input
              type="radio"
              name="disclosure-kind"
              checked={nothing() === false}
              onChange={() => setNothing(false)}
            />
            {pt('disclosure.some')}
          </label>
        </fieldset>
        <FieldError save={save} name="items" id="disclosure-items-error" />
        <Show when={nothing() === false}>
          <ol class="portal-items">
            <Index each={items()}>
              {(item, i) => (
                <li>
                  <fieldset>
                    <legend>{pt('disclosure.item', { n: i + 1 })}</legend>
                    <div class="field">
                      <label for={`dis-company-${i}`}>{pt('disclosure.company')}</label>
                      <input
                        id={`dis-company-${i}`}
                        value={item().company}
                        maxLength={200}
                        aria-invalid={save.fields()[`items.${i}.company`] ? 'true' : undefined}
                        aria-describedby={`dis-company-${i}-error`}
                        onInput={(e) => update(i, { company: e.currentTarget.value })}
                      />
                      <FieldError save={save} name={`items.${i}.company`} id={`dis-company-${i}-error`} />
                    </div>
                    <div class="field">
                      <label for={`dis-rel-${i}`}>{pt('disclosure.relationship')}</label>
                      <select
                        id={`dis-rel-${i}`}
                        value={item().relationship}
                        onChange={(e) => update(i, { relationship: e.currentTarget.value as Item['relationship'] })}
                      >
                        <For each={RELATIONSHIP_TYPES}>
                          {(r) => <option value={r}>{pt(`rel.${r}` as PortalKey)}</option>}
                        </For>
                      </select>
                      <FieldError save={save} name={`items.${i}.relationship`} id={`dis-rel-${i}-error`} />
                    </div>
                    <div class="portal-choice" role="radiogroup" aria-label={pt('disclosure.status')}>
                      <label>
                        <input
                          type="radio"
                          name={`dis-status-${i}`}
                          checked={item().status === 'ongoing'}
                          onChange={() => update(i, { status: 'ongoing' })}
                        />
                        {pt('disclosure.ongoing')}
                      </label>
                      <label>
                        <input
                          type="radio"
                          name={`dis-status-${i}`}
                          checked={item().status === 'ended'}
                          onChange={() => update(i, { status: 'ended' })}
                        />
                        {pt('disclosure.ended')}
                      </label>
                    </div>
                    <Show when={items().length > 1}>
                      <button
                        type="button"
                        class="secondary small"
                        onClick={() => setItems((list) => list.filter((_, k) => k !== i))}
                      >
                        {pt('disclosure.remove')}
                      </button>
                    </Show>
                  </fieldset>
                </li>
              )}
            </Index>
          </ol>
          <Show when={items().length < 20}>
            <button type="button" class="secondary" onClick={() => setItems((list) => [...list, blank()])}>
              {pt('disclosure.add')}
            </button>
          </Show>
        </Show>
        <div class="field">
          <label for="dis-offlabel">{pt('disclosure.offLabel')}</label>
          <textarea
            id="dis-offlabel"
            rows="2"
            maxLength={2000}
            aria-describedby="dis-offlabel-hint"
            value={offLabel()}
            onInput={(e) => setOffLabel(e.currentTarget.value)}
          />
          <p class="hint" id="dis-offlabel-hint">
            {pt('disclosure.offLabelHint')}
          </p>
        </div>
        <div class="field">
          <label for="dis-signature">{pt('disclosure.signature')}</label>
          <input
            id="dis-signature"
            value={signature()}
            maxLength={120}
            autocomplete="name"
            aria-invalid={save.fields().signature ? 'true' : undefined}
            aria-describedby="dis-signature-hint dis-signature-error"
            onInput={(e) => setSignature(e.currentTarget.value)}
          />
          <p class="hint" id="dis-signature-hint">
            {pt('disclosure.signatureHint', {
              names: [props.data.person.nameZh, props.data.person.nameEn].filter(Boolean).join(' / '),
            })}
          </p>
          <FieldError save={save} name="signature" id="dis-signature-error" />
        </div>
        <SaveBar save={save} label={pt('disclosure.sign')} />
      </form>
    </section>
  );
}
