// One sent message: its progress, live while emails wait, its deliveries and the text, which can be reused.
import { createEffect, createUniqueId, For, on, Show } from 'solid-js';
import { locale } from '../../i18n';
import { formatDateTime } from '../../lib/time';
import { type ConsoleEvent, getMessage, type MessageDetail } from '../console-api';
import { ct, ctOr } from '../text';
import { FormError } from '../ui';
import { Loading, MailboxLink, progressLine } from './bits';
import { countIn, DeliveryTable, FAILED, ORDER, SENT, WAITING } from './DeliveryTable';
import { createPolled } from '../resource';
import { ReplaceButton } from './ReplaceButton';

const POLL_MS = 2000;
const waiting = (d: MessageDetail | null) => (d ? countIn(d.message.counts, WAITING) : 0);

export function MessageDelivery(props: {
  slug: string;
  id: string;
  event: ConsoleEvent;
  devMailbox: boolean;
  dirty: boolean;
  headingRef: (el: HTMLHeadingElement) => void;
  onClose: () => void;
  onReuse: (m: MessageDetail['message']) => () => void;
  onProgress: () => void;
}) {
  const detail = createPolled(
    () => props.id,
    (id) => getMessage(props.slug, id),
    (next) => waiting(next) > 0,
    POLL_MS,
  );
  // The history's line for this message changes when its last email leaves.
  createEffect(
    on(detail.value, (next, before) => {
      if (next && waiting(before ?? null) && !waiting(next)) props.onProgress();
    }),
  );
  const titleId = createUniqueId();
  const progressId = createUniqueId();
  const counts = () => detail.value()?.message.counts ?? {};
  const total = () => detail.value()?.message.recipients ?? 0;
  const sent = () => countIn(counts(), SENT);
  const failed = () => countIn(counts(), FAILED);

  return (
    <section class="card msg-detail" aria-labelledby={titleId}>
      <div class="tab-tools">
        <h4 id={titleId} tabindex="-1" ref={(el) => props.headingRef(el)}>
          {ct('msg.detailTitle', { subject: detail.value()?.message.subject ?? '…' })}
        </h4>
        <button type="button" class="secondary small" onClick={() => props.onClose()}>
          {ct('msg.close')}
        </button>
      </div>
      <FormError error={detail.error()} />
      <Loading value={detail.value()} error={detail.error()}>
        {(m) => (
          <>
            <p class="muted small">
              <time dateTime={m().message.createdAt}>
                {formatDateTime(m().message.createdAt, props.event.timezone, locale())}
              </time>
            </p>
            <div class="msg-progress">
              <span id={progressId} class="msg-progress-label">
                {ct('msg.progress')}
              </span>
              <progress
                aria-labelledby={progressId}
                aria-describedby={`${progressId}-text`}
                max={Math.max(total(), 1)}
                value={sent()}
              />
              <span id={`${progressId}-text`} class="msg-progress-text">
                {progressLine({
                  recipients: total(),
                  sent: sent(),
                  failed: failed(),
                  pending: waiting(m()),
                  writing: m().message.writing,
                })}
              </span>
            </div>
            <ul class="delivery-counts">
              <For each={ORDER.filter((k) => counts()[k])}>
                {(k) => (
                  <li>
                    <span class={`pill delivery-${k}`}>{ctOr(`delivery.${k}`, k)}</span> {counts()[k]}
                  </li>
                )}
              </For>
            </ul>
            <div role="status">
              <Show when={waiting(m()) === 0} fallback={<p class="muted small">{ct('msg.progressLive')}</p>}>
                <p class={failed() ? 'notice warn' : 'notice ok'}>
                  {ct('msg.finished', { ok: sent(), total: total(), failed: failed() })}
                </p>
              </Show>
            </div>
            <Show when={counts().captured}>
              <p class="notice info">
                {ct('msg.devCaptured')}
                <MailboxLink when={props.devMailbox} />
              </p>
            </Show>
            <DeliveryTable deliveries={m().deliveries} event={props.event} />
            <details class="msg-written">
              <summary>{ct('msg.bodyTitle')}</summary>
              <pre>{m().message.body}</pre>
            </details>
            <ReplaceButton label={ct('msg.reuse')} dirty={props.dirty} onReplace={() => props.onReuse(m().message)} />
          </>
        )}
      </Loading>
    </section>
  );
}
