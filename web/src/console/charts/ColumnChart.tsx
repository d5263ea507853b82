// Vertical bars over evenly spaced time slots, for the dashboard's arrivals chart.
import { For, Show } from 'solid-js';
import { type DataTable, Frame, M, niceStep, YAxis } from './frame';

/** Vertical bars over evenly spaced time slots, e.g. arrivals per 5 minutes. */
export function ColumnChart(props: {
  title: string;
  summary: string;
  table: DataTable;
  empty?: string;
  bars: { label: string; value: number }[];
  labelEvery?: number;
  formatY: (n: number) => string;
}) {
  const height = 220;
  return (
    <Frame title={props.title} summary={props.summary} table={props.table} height={height} empty={props.empty}>
      {(width) => {
        const max = () => Math.max(1, ...props.bars.map((b) => b.value));
        const step = () => niceStep(max(), 4);
        const top = () => Math.ceil(max() / step()) * step();
        const slot = () => (width - M.left - M.right) / Math.max(1, props.bars.length);
        const sy = (v: number) => M.top + (height - M.top - M.bottom) * (1 - v / top());
        // Labels about every 70 px, on round slots.
        const every = () => Math.max(props.labelEvery ?? 1, Math.ceil(70 / slot()));
        return (
          <>
            <YAxis max={top()} step={step()} width={width} height={height} format={props.formatY} />
            <For each={props.bars}>
              {(b, i) => (
                <>
                  <rect
                    class="bar"
                    x={M.left + i() * slot() + slot() * 0.12}
                    width={Math.max(1, slot() * 0.76)}
                    y={sy(b.value)}
                    height={Math.max(0, sy(0) - sy(b.value))}
                  />
                  <Show when={i() % every() === 0}>
                    <text class="axis-label" x={M.left + i() * slot() + slot() / 2} y={height - 8} text-anchor="middle">
                      {b.label}
                    </text>
                  </Show>
                </>
              )}
            </For>
          </>
        );
      }}
    </Frame>
  );
}
