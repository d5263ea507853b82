// The ticket's certificates: a download link for each one that is ready, and a note while one is being drawn.
import { For, type Resource, Show, Suspense } from 'solid-js';
import { api, read } from '../api';
import { areaTranslator } from '../i18n';
import { TicketSection } from './TicketSection';
import './ticket-certificates.css';

const en = {
  'tc.title': 'Certificates',
  'tc.credit': 'Download credit certificate',
  'tc.attendance': 'Download certificate of attendance',
  'tc.teaching': 'Download teaching certificate',
  'tc.pending': 'Your certificate is being prepared; this page will offer it in a few minutes.',
  'tc.verify': 'Verify',
  'tc.number': 'No. {number}',
};
const tc = areaTranslator<keyof typeof en>(en, {
  'tc.title': '证书',
  'tc.credit': '下载学分证书',
  'tc.attendance': '下载参会证明',
  'tc.teaching': '下载授课证明',
  'tc.pending': '您的证书正在生成，几分钟后可在此页面下载。',
  'tc.verify': '核验',
  'tc.number': '编号 {number}',
});

/** The ticket's certificates; the page loads them once for this section and for the erase dialog's warning. */
export const loadCertificates = async (code: string) => {
  try {
    return (await read(api.api.tickets[':code'].certificates.$get({ param: { code } }))).certificates;
  } catch {
    // A ticket page without its certificates still shows the ticket.
    return [];
  }
};

export type TicketCertificateList = Awaited<ReturnType<typeof loadCertificates>>;

export function TicketCertificates(props: { code: string; list: Resource<TicketCertificateList> }) {
  const list = () => props.list();
  // Its own boundary: while this loads, the app-wide Suspense must not swap out the ticket (and its focused heading).
  return (
    <Suspense>
      <Show when={list()?.length}>
        <TicketSection id="ticket-cert-title" class="ticket-certificates" title={tc('tc.title')}>
          <ul>
            <For each={list()}>
              {(c) => (
                <li>
                  <Show when={c.ready} fallback={<p>{tc('tc.pending')}</p>}>
                    <a
                      class="button"
                      href={`/api/tickets/${encodeURIComponent(props.code)}/certificate.pdf?number=${encodeURIComponent(c.number)}`}
                      download=""
                    >
                      {tc(`tc.${c.kind}`)}
                    </a>{' '}
                    <span class="muted">
                      {tc('tc.number', { number: c.number })} ·{' '}
                      <a href={`/verify/${encodeURIComponent(c.number)}`}>{tc('tc.verify')}</a>
                    </span>
                  </Show>
                </li>
              )}
            </For>
          </ul>
        </TicketSection>
      </Show>
    </Suspense>
  );
}
