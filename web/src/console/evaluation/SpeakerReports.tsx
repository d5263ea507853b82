// Per-speaker anonymous reports: responses, averages and whether comments show; sent to the speakers as one message.
import { createSignal, For, Show } from 'solid-js';
import { pick } from '../../i18n';
import { ConfirmButton, DataTable, FormError, useToast } from '../ui';
import { createLoad } from '../ui';
import { getSpeakers, sendToSpeakers } from './evaluation-api';
import { vt } from './evaluation-text';
import { avg } from './ResultsPanel';

export function SpeakerReports(props: { slug: string; refreshKey: number }) {
  const toast = useToast();
  const list = createLoad(
    () => `${props.slug}#${props.refreshKey}`,
    () => getSpeakers(props.slug),
  );
  const [sent, setSent] = createSignal<number | null>(null);
  const rated = () => (list.current()?.speakers ?? []).filter((s) => s.n > 0);
  return (
    <section class="card eval-speakers" aria-labelledby="eval-sp-title">
      <h3 id="eval-sp-title">{vt('sp.title')}</h3>
      <p class="muted">{vt('sp.hint')}</p>
      <FormError error={list.error()} />
      <Show when={list.current()}>
        <Show when={rated().length} fallback={<p class="muted">{vt('sp.none')}</p>}>
          <DataTable
            class="eval-sp-table"
            caption={vt('sp.title')}
            columns={[
              vt('sp.name'),
              vt('sp.n'),
              vt('aspect.content'),
              vt('aspect.delivery'),
              vt('aspect.relevance'),
              vt('sp.comments'),
            ]}
          >
            <For each={rated()}>
              {(s) => (
                <tr>
                  <th scope="row">{pick({ zh: s.nameZh, en: s.nameEn })}</th>
                  <td>{s.n}</td>
                  <td>{avg(s.averages.content)}</td>
                  <td>{avg(s.averages.delivery)}</td>
                  <td>{avg(s.averages.relevance)}</td>
                  <td>{s.commentsShown ? vt('sp.shown') : vt('sp.hidden')}</td>
                </tr>
              )}
            </For>
          </DataTable>
          <div class="eval-send">
            <ConfirmButton
              class=""
              label={vt('sp.send')}
              title={vt('sp.sendTitle')}
              body={vt('sp.sendBody')}
              confirm={vt('sp.send')}
              busy={vt('sp.sending')}
              onConfirm={async () => {
                const r = await sendToSpeakers(props.slug);
                setSent(r.message.recipients);
                toast(vt('sp.sent', { n: r.message.recipients }));
              }}
            />
            <p role="status">
              <Show when={sent()}>
                {(n) => (
                  <>
                    {vt('sp.sent', { n: n() })}{' '}
                    <a href={`/console/${encodeURIComponent(props.slug)}/messages`}>{vt('sp.messages')}</a>
                  </>
                )}
              </Show>
            </p>
          </div>
        </Show>
      </Show>
    </section>
  );
}
