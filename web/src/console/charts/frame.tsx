// Hand-drawn SVG charts for the dashboard: each is an image with a title and a spoken summary, and its numbers in a hidden table.
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

function Frame(props: {
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
function niceStep(max: number, ticks: number) {
  const raw = Math.max(1, max) / ticks;
  const power = 10 ** Math.floor(Math.log10(raw));
  const step = [1, 2, 5, 10].map((m) => m * power).find((s) => s >= raw) ?? raw;
  return Math.max(1, Math.round(step));
}

const M = { top: 12, right: 16, bottom: 28, left: 40 };

function YAxis(props: { max: number; step: number; width: number; height: number; format: (n: number) => string }) {
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
        const max = () => Math.max(1, ...props.rows.map(total));
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

/** The check-in rate as a big number inside a ring. */
export function Ring(props: { title: string; summary: string; rate: number; label: string }) {
  const id = createUniqueId();
  const r = 52;
  const c = 2 * Math.PI * r;
  const rate = () => Math.max(0, Math.min(1, props.rate));
  return (
    <figure class="chart ring">
      <h3 class="chart-title">{props.title}</h3>
      <div class="ring-body">
        <svg
          role="img"
          aria-labelledby={`${id}-t`}
          aria-describedby={`${id}-d`}
          width="136"
          height="136"
          viewBox="0 0 136 136"
        >
          <title id={`${id}-t`}>{props.title}</title>
          <desc id={`${id}-d`}>{props.summary}</desc>
          <circle class="ring-track" cx="68" cy="68" r={r} />
          <Show when={rate() > 0}>
            <circle
              class="ring-value"
              cx="68"
              cy="68"
              r={r}
              stroke-dasharray={`${(rate() * c).toFixed(1)} ${c.toFixed(1)}`}
              transform="rotate(-90 68 68)"
            />
          </Show>
          <text class="ring-number" x="68" y="68" dy="0.35em" text-anchor="middle">
            {props.label}
          </text>
        </svg>
      </div>
    </figure>
  );
}
