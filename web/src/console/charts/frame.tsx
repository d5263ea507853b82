// The frame every dashboard chart shares: an image with a title and a spoken summary, its numbers in a hidden table,
// drawn at its real width; and the y axis with round ticks.
import { createSignal, createUniqueId, For, type JSX, onCleanup, Show } from 'solid-js';

/** Charts are drawn at their real pixel width, so text stays readable from phone to projector. */
function createWidth(initial = 560) {
  const [width, setWidth] = createSignal(initial);
  const ref = (el: HTMLElement) => {
    // Observing reports the first size too, once the element is laid out.
    const observer = new ResizeObserver(([entry]) => {
      if (entry) setWidth(Math.max(200, Math.floor(entry.contentRect.width)));
    });
    observer.observe(el);
    onCleanup(() => observer.disconnect());
  };
  return [ref, width] as const;
}

export type DataTable = { head: string[]; rows: (string | number)[][] };
export function Frame(props: {
  title: string;
  summary: string;
  table: DataTable;
  height: number;
  empty?: string;
  legend?: JSX.Element;
  children: (width: number) => JSX.Element;
}) {
  const id = createUniqueId();
  const [measure, width] = createWidth();
  return (
    <figure class="chart">
      <h3 class="chart-title">{props.title}</h3>
      <Show when={!props.empty} fallback={<p class="muted chart-empty">{props.empty}</p>}>
        <div class="chart-canvas" ref={measure}>
          <svg
            role="img"
            aria-labelledby={`${id}-t`}
            aria-describedby={`${id}-d`}
            width={width()}
            height={props.height}
            viewBox={`0 0 ${width()} ${props.height}`}
          >
            <title id={`${id}-t`}>{props.title}</title>
            <desc id={`${id}-d`}>{props.summary}</desc>
            {props.children(width())}
          </svg>
        </div>
        {props.legend}
        {/* A table is never narrower than its content, so the hiding wrapper is a div. */}
        <div class="sr-only">
          <table>
            <caption>{props.title}</caption>
            <thead>
              <tr>
                <For each={props.table.head}>{(h) => <th scope="col">{h}</th>}</For>
              </tr>
            </thead>
            <tbody>
              <For each={props.table.rows}>
                {(r) => (
                  <tr>
                    <For each={r}>{(c, i) => (i() === 0 ? <th scope="row">{c}</th> : <td>{c}</td>)}</For>
                  </tr>
                )}
              </For>
            </tbody>
          </table>
        </div>
      </Show>
    </figure>
  );
}

/** A round step for axis ticks: 1, 2 or 5 times a power of ten. */
export function niceStep(max: number, ticks: number) {
  const raw = Math.max(1, max) / ticks;
  const power = 10 ** Math.floor(Math.log10(raw));
  const step = [1, 2, 5, 10].map((m) => m * power).find((s) => s >= raw) ?? raw;
  return Math.max(1, Math.round(step));
}

export const M = { top: 12, right: 16, bottom: 28, left: 40 };
export function YAxis(props: {
  max: number;
  step: number;
  width: number;
  height: number;
  format: (n: number) => string;
}) {
  const ticks = () => Array.from({ length: Math.floor(props.max / props.step) + 1 }, (_, i) => i * props.step);
  const y = (v: number) => M.top + (props.height - M.top - M.bottom) * (1 - v / props.max);
  return (
    <g class="axis">
      <For each={ticks()}>
        {(v) => (
          <>
            <line class="grid" x1={M.left} x2={props.width - M.right} y1={y(v)} y2={y(v)} />
            <text x={M.left - 6} y={y(v)} dy="0.35em" text-anchor="end">
              {props.format(v)}
            </text>
          </>
        )}
      </For>
    </g>
  );
}
