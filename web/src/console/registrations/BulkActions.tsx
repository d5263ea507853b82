// Actions on many registrations: badges for those chosen or for all, and the CSV of everyone.
import { createSignal, Show } from 'solid-js';
import { badgesUrl } from '../console-api';
import { ct } from '../text';
import { CsvButton } from './CsvButton';

export type Selection = ReturnType<typeof createSelection>;

/** Registrations chosen for printing badges; kept across pages and searches, so a sheet can gather people from several. */
export function createSelection() {
  const [selected, setSelected] = createSignal<string[]>([]);
  const isSelected = (id: string) => selected().includes(id);
  return {
    selected,
    isSelected,
    toggle: (id: string, on: boolean) =>
      setSelected((list) => (on ? [...list.filter((x) => x !== id), id] : list.filter((x) => x !== id))),
    clear: () => setSelected([]),
  };
}

export function BulkActions(props: { slug: string; selection: Selection }) {
  const selected = () => props.selection.selected();
  return (
    <>
      <Show when={selected().length}>
        <a class="button" href={badgesUrl(props.slug, selected())} target="_blank" rel="noopener">
          {ct('regs.printSelected', { n: selected().length })}
          <span class="sr-only"> ({ct('newWindow')})</span>
        </a>
        <button type="button" class="secondary" onClick={() => props.selection.clear()}>
          {ct('regs.clearSelection')}
        </button>
      </Show>
      <a class="button secondary" href={badgesUrl(props.slug)} target="_blank" rel="noopener">
        {ct('regs.printAll')}
        <span class="sr-only"> ({ct('newWindow')})</span>
      </a>
      <CsvButton slug={props.slug} />
    </>
  );
}
