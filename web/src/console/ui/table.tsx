// Console lists as tables that scroll sideways when wide and stack into labelled cards on narrow screens.
import { createUniqueId, For, type JSX, onCleanup, type ParentProps } from 'solid-js';

/**
 * Gives every body cell its column's name (data-label), which narrow screens show beside the value when the rows
 * stack into cards (console.css). Kept in step as rows arrive and as the language changes the headers.
 */
export function labelCells(table: HTMLTableElement) {
  const label = () => {
    const heads = [...(table.tHead?.rows[0]?.cells ?? [])].map(
      (c) => c.textContent?.replace(/[↑↓↕]/g, '').trim() ?? '',
    );
    for (const body of table.tBodies)
      for (const row of body.rows)
        [...row.cells].forEach((c, i) => {
          if (c.dataset.label !== heads[i]) c.dataset.label = heads[i] ?? '';
        });
  };
  const observer = new MutationObserver(label);
  queueMicrotask(() => {
    label();
    observer.observe(table, { childList: true, subtree: true, characterData: true });
  });
  onCleanup(() => observer.disconnect());
}

/**
 * A console list as a table: it scrolls sideways inside a focusable region named by its caption (visually hidden),
 * so keyboard and screen-reader users can reach and scroll it. `columns` are the header cells; children are the rows.
 */
export function DataTable(props: ParentProps<{ class: string; caption: string; columns: JSX.Element[] }>) {
  const captionId = createUniqueId();
  return (
    <div class="table-wrap" role="region" aria-labelledby={captionId} tabindex="0">
      <table class={props.class} ref={labelCells}>
        <caption id={captionId} class="sr-only">
          {props.caption}
        </caption>
        <thead>
          <tr>
            <For each={props.columns}>{(c) => <th scope="col">{c}</th>}</For>
          </tr>
        </thead>
        <tbody>{props.children}</tbody>
      </table>
    </div>
  );
}
