// Horizontal bars, stacked when a row has several segments, for the dashboard's roles and institutions charts.
import { For } from 'solid-js';
import { type DataTable, Frame } from './frame';

export type Segment = { key: string; label: string; value: number };

/** Horizontal bars with their label above and value beside, so long institution names need no truncating; stacked when a row has several segments. */
export function BarList(props: {
  title: string;
  summary: string;
  table: DataTable;
  empty?: string;
  rows: { label: string; segments: Segment[] }[];
  legend?: { key: string; label: string }[];
  format: (n: number) => string;
  /** A fixed end of the scale (5 for ratings), rather than the longest bar. */
  max?: number;
}) {
  const rowHeight = 44;
  const height = () => Math.max(1, props.rows.length) * rowHeight + 4;
  const legend = () =>
    props.legend ? (
      <ul class="chart-legend">
        <For each={props.legend}>
          {(l) => (
            <li>
              <span class={`swatch seg-${l.key}`} aria-hidden="true" />
              {l.label}
            </li>
          )}
        </For>
      </ul>
    ) : undefined;
  return (
    <Frame
      title={props.title}
      summary={props.summary}
      table={props.table}
      height={height()}
      empty={props.empty}
      legend={legend()}
    >
      {(width) => {
        const total = (r: { segments: Segment[] }) => r.segments.reduce((a, s) => a + s.value, 0);
        const max = () => props.max ?? Math.max(1, ...props.rows.map(total));
        const room = () => width - 56;
        return (
          <For each={props.rows}>
            {(r, i) => {
              const y = () => i() * rowHeight;
              const offsets = () => {
                const acc = [0];
                r.segments.forEach((s, k) => {
                  acc.push(acc[k]! + s.value);
                });
                return acc;
              };
              return (
                <g>
                  <text class="bar-label" x={0} y={y() + 14}>
                    {r.label}
                  </text>
                  <rect class="track" x={0} y={y() + 20} width={room()} height={16} rx={3} />
                  <For each={r.segments}>
                    {(s, k) => (
                      <rect
                        class={`bar seg-${s.key}`}
                        x={(offsets()[k()]! / max()) * room()}
                        y={y() + 20}
                        width={(s.value / max()) * room()}
                        height={16}
                      />
                    )}
                  </For>
                  <text class="bar-value" x={(total(r) / max()) * room() + 6} y={y() + 33}>
                    {props.format(total(r))}
                  </text>
                </g>
              );
            }}
          </For>
        );
      }}
    </Frame>
  );
}
