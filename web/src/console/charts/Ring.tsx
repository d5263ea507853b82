// The check-in rate as a big number inside a ring.
import { createUniqueId, Show } from 'solid-js';

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
