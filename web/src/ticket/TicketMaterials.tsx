// The speakers' materials a ticket holder may read now (attendees-only ones from the start of their talk, public ones
// after it), each link carrying the ticket code the file route checks again.
import { createResource, For, Show, Suspense } from 'solid-js';
import { api, read } from '../api';
import { pick } from '../i18n';
import { rt, sizeLabel } from '../materials/reader-words';
import { TicketSection } from './TicketSection';

async function load(code: string) {
  try {
    return (await read(api.api.tickets[':code'].materials.$get({ param: { code } }))).materials;
  } catch {
    return [];
  }
}

export function TicketMaterials(props: { code: string }) {
  const [items] = createResource(() => props.code, load, { initialValue: [] });
  // Its own boundary: while this loads, the app-wide Suspense must not swap out the ticket (and its focused heading).
  return (
    <Suspense>
      <Show when={items().length}>
        <TicketSection id="ticket-materials-title" class="ticket-materials" title={rt('ticketMaterials')}>
          <p class="muted">{rt('ticketIntro')}</p>
          <ul>
            <For each={items()}>
              {(m) => (
                <li>
                  <a
                    href={m.href}
                    {...(m.kind === 'video_link' ? { target: '_blank', rel: 'noopener noreferrer' } : { download: '' })}
                  >
                    {m.title}
                  </a>
                  <span class="muted">
                    {' · '}
                    {pick(m.person)}
                    {m.session ? ` · ${pick(m.session)}` : ''}
                    {m.kind === 'video_link' ? ` · ${rt('video')}` : ` · ${m.kind.toUpperCase()} ${sizeLabel(m.bytes)}`}
                  </span>
                </li>
              )}
            </For>
          </ul>
        </TicketSection>
      </Show>
    </Suspense>
  );
}
