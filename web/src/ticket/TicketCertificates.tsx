// The ticket's certificates: a download link for each one that is ready, and a note while one is being drawn.
import { For, type Resource, Show, Suspense } from 'solid-js';
import type { InferResponseType } from 'hono/client';
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
  'tc.titleCredit': 'CME credit and certificates',
  'tc.eligible': 'You qualify for {credits} {unit}. The certificate will be here once the organiser issues it.',
  'tc.earned': 'You earned {credits} {unit} for this event.',
  'tc.credit.one': 'credit',
  'tc.credit.many': 'credits',
  'tc.notEligible': 'You did not earn the credit for this event.',
  'tc.byOrganiser': 'The organiser decided this after checking the attendance record.',
  'tc.ask': 'If this looks wrong, contact the organiser.',
};
const tc = areaTranslator<keyof typeof en>(en, {
  'tc.title': '证书',
  'tc.credit': '下载学分证书',
  'tc.attendance': '下载参会证明',
  'tc.teaching': '下载授课证明',
  'tc.pending': '您的证书正在生成，几分钟后可在此页面下载。',
  'tc.verify': '核验',
  'tc.number': '编号 {number}',
  'tc.titleCredit': '学分与证书',
  'tc.eligible': '您符合学分条件（{credits} {unit}），主办方签发证书后可在此下载。',
  'tc.earned': '您已获得本次会议 {credits} {unit}。',
  'tc.credit.one': '学分',
  'tc.credit.many': '学分',
  'tc.notEligible': '您未获得本次会议的学分。',
  'tc.byOrganiser': '这是主办方核对出勤记录后的决定。',
  'tc.ask': '如有疑问，请联系主办方。',
});

type Loaded = InferResponseType<(typeof api.api.tickets)[':code']['certificates']['$get'], 200>;

/**
 * The ticket's certificates, and after an event with a CME project the attendee's credit; the page loads them once
 * for this section and for the erase dialog's warning.
 */
export const loadCertificates = async (code: string): Promise<Loaded> => {
  try {
    return await read(api.api.tickets[':code'].certificates.$get({ param: { code } }));
  } catch {
    // A ticket page without its certificates still shows the ticket.
    return { certificates: [], credit: null };
  }
};

export function TicketCertificates(props: { code: string; loaded: Resource<Loaded> }) {
  const list = () => props.loaded()?.certificates ?? [];
  const credit = () => props.loaded()?.credit ?? null;
  const hasAttendeeCertificate = () => list().some((c) => c.kind !== 'teaching');
  // Its own boundary: while this loads, the app-wide Suspense must not swap out the ticket (and its focused heading).
  return (
    <Suspense>
      <Show when={list().length || credit()}>
        <TicketSection
          id="ticket-cert-title"
          class="ticket-certificates"
          title={tc(credit() ? 'tc.titleCredit' : 'tc.title')}
        >
          <Show when={credit()}>
            {(cr) => (
              <Show
                when={cr().eligible}
                fallback={
                  <div class="ticket-credit">
                    <p>{tc('tc.notEligible')}</p>
                    <p class="muted">{cr().decidedByOrganiser ? tc('tc.byOrganiser') : cr().reason}</p>
                    <p class="muted">{tc('tc.ask')}</p>
                  </div>
                }
              >
                {/* With the certificate issued, the figure still stands above it: what was earned, not only a file. */}
                <p class="ticket-credit">
                  {tc(hasAttendeeCertificate() ? 'tc.earned' : 'tc.eligible', {
                    credits: cr().credits,
                    unit: tc(cr().credits === 1 ? 'tc.credit.one' : 'tc.credit.many'),
                  })}
                </p>
              </Show>
            )}
          </Show>
          <Show when={list().length}>
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
          </Show>
        </TicketSection>
      </Show>
    </Suspense>
  );
}
