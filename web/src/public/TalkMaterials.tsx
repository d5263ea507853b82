// Published slides beside a talk on the event page: each a download link with its type and size.
import { createAsync, query } from '@solidjs/router';
import { For, Show } from 'solid-js';
import { api, read, type Success } from '../api';
import { rt, sizeLabel } from '../materials/reader-words';

export type Published = Success<(typeof api.api.events)[':slug']['materials']['$get']>['materials'];

/** What the event page may show now; a failure only hides the slides, never the page. */
export const getPublished = query(async (slug: string): Promise<Published> => {
  try {
    return (await read(api.api.events[':slug'].materials.$get({ param: { slug } }))).materials;
  } catch {
    return [];
  }
}, 'published-materials');

export const usePublished = (slug: () => string) => createAsync(() => getPublished(slug()), { initialValue: [] });

export function TalkMaterials(props: { items: Published; heading?: string }) {
  return (
    <Show when={props.items.length}>
      <div class="talk-materials">
        <Show when={props.heading}>
          <h3>{props.heading}</h3>
        </Show>
        <ul>
          <For each={props.items}>
            {(m) => (
              <li>
                <a
                  href={m.href}
                  title={m.kind === 'video_link' ? undefined : rt('download', { title: m.title })}
                  {...(m.kind === 'video_link' ? { target: '_blank', rel: 'noopener noreferrer' } : { download: '' })}
                >
                  <span class="talk-materials-kind">
                    {m.kind === 'video_link' ? rt('video') : m.kind.toUpperCase()}
                  </span>{' '}
                  {m.title}
                </a>
                <Show when={m.kind !== 'video_link'}>
                  <span class="muted"> · {sizeLabel(m.bytes)}</span>
                </Show>
              </li>
            )}
          </For>
        </ul>
      </div>
    </Show>
  );
}
