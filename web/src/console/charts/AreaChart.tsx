// A filled line of a running total over time, for the dashboard's registrations chart.
import { For } from 'solid-js';
import { type DataTable, Frame, M, niceStep, YAxis } from './frame';

/** A filled line of a running total over time (x in epoch ms). */
export function AreaChart(props: {
  title: string;
  summary: string;
  table: DataTable;
  empty?: string;
  points: { x: number; y: number }[];
  formatX: (x: number) => string;
  formatY: (n: number) => string;
}) {
  const height = 220;
  return (
    <Frame title={props.title} summary={props.summary} table={props.table} height={height} empty={props.empty}>
      {(width) => {
        const pts = () => props.points;
        const max = () => Math.max(1, ...pts().map((p) => p.y));
        const step = () => niceStep(max(), 4);
        const top = () => Math.ceil(max() / step()) * step();
        const x0 = () => pts()[0]?.x ?? 0;
        const x1 = () => Math.max(x0() + 1, pts()[pts().length - 1]?.x ?? 1);
        const sx = (x: number) =>
          pts().length === 1
            ? (M.left + width - M.right) / 2
            : M.left + ((x - x0()) / (x1() - x0())) * (width - M.left - M.right);
        const sy = (v: number) => M.top + (height - M.top - M.bottom) * (1 - v / top());
        const line = () =>
          pts()
            .map((p, i) => `${i ? 'L' : 'M'}${sx(p.x).toFixed(1)},${sy(p.y).toFixed(1)}`)
            .join(' ');
        const area = () =>
          `${line()} L${sx(pts()[pts().length - 1]!.x).toFixed(1)},${sy(0)} L${sx(pts()[0]!.x).toFixed(1)},${sy(0)} Z`;
        // As many date labels as fit, about every 90 px, always including the first and the last.
        const labels = () => {
          const n = pts().length;
          const room = Math.max(2, Math.floor((width - M.left - M.right) / 90));
          const every = Math.max(1, Math.ceil(n / room));
          return pts()
            .filter((_, i) => i % every === 0 || i === n - 1)
            .filter((p, i, a) => i === a.length - 1 || sx(a[a.length - 1]!.x) - sx(p.x) > 70);
        };
        return (
          <>
            <YAxis max={top()} step={step()} width={width} height={height} format={props.formatY} />
            <path class="area" d={area()} />
            <path class="line" d={line()} />
            <For each={pts()}>
              {(p) => <circle class="dot" cx={sx(p.x)} cy={sy(p.y)} r={pts().length > 40 ? 0 : 3} />}
            </For>
            <g class="axis">
              <For each={labels()}>
                {(p, i) => (
                  // The first and last labels hug the plot's edges instead of spilling past them.
                  <text
                    x={sx(p.x)}
                    y={height - 8}
                    text-anchor={
                      pts().length > 1 && i() === 0
                        ? 'start'
                        : pts().length > 1 && i() === labels().length - 1
                          ? 'end'
                          : 'middle'
                    }
                  >
                    {props.formatX(p.x)}
                  </text>
                )}
              </For>
            </g>
          </>
        );
      }}
    </Frame>
  );
}
