// Profile changes people made through their portal, waiting for the organiser to approve or reject them.
import { createSignal, For, Show } from 'solid-js';
import { locale, pick } from '../../i18n';
import { useFailure, useToast } from '../ui';
import { type BoardPerson, decideChanges } from './faculty-api';
import { ft } from './text';

const FIELD_NAMES: Record<string, { zh: string; en: string }> = {
  nameZh: { zh: '中文姓名', en: 'Chinese name' },
  nameEn: { zh: '英文姓名', en: 'English name' },
  honorificZh: { zh: '职务（中文）', en: 'Title (Chinese)' },
  honorificEn: { zh: '职务（英文）', en: 'Title (English)' },
  institutionZh: { zh: '单位（中文）', en: 'Institution (Chinese)' },
  institutionEn: { zh: '单位（英文）', en: 'Institution (English)' },
  bioZh: { zh: '中文简介', en: 'Chinese bio' },
  bioEn: { zh: '英文简介', en: 'English bio' },
  photoUrl: { zh: '照片', en: 'photo' },
};

export function PendingChanges(props: { slug: string; people: BoardPerson[]; onDecided: () => void }) {
  const waiting = () => props.people.filter((p) => p.pending);
  const [busy, setBusy] = createSignal<string | null>(null);
  const fail = useFailure();
  const toast = useToast();
  async function decide(p: BoardPerson, decision: 'approve' | 'reject') {
    setBusy(p.id);
    try {
      await decideChanges(props.slug, p.id, decision);
      toast(ft(decision === 'approve' ? 'approved' : 'rejected'));
      props.onDecided();
    } catch (e) {
      toast(fail(e));
    } finally {
      setBusy(null);
    }
  }
  return (
    <section class="faculty-pending" aria-labelledby="faculty-pending-title">
      <h3 id="faculty-pending-title">{ft('pendingTitle')}</h3>
      <Show when={waiting().length} fallback={<p class="muted">{ft('pendingNone')}</p>}>
        <ul>
          <For each={waiting()}>
            {(p) => (
              <li>
                <p>
                  {ft('pendingFrom', {
                    name: pick(p.name),
                    fields: Object.keys(p.pending ?? {})
                      .map((k) => (FIELD_NAMES[k] ? pick(FIELD_NAMES[k]!) : k))
                      .join(locale() === 'zh-CN' ? '、' : ', '),
                  })}
                </p>
                <Show when={p.pending?.photoUrl}>
                  {(src) => <img src={src()} alt={ft('photoChanged')} width="64" height="64" class="faculty-photo" />}
                </Show>
                <Show when={p.pending?.bioZh || p.pending?.bioEn}>
                  <blockquote>{p.pending?.bioZh || p.pending?.bioEn}</blockquote>
                </Show>
                <div class="row-actions">
                  <button type="button" disabled={busy() === p.id} onClick={() => decide(p, 'approve')}>
                    {ft('approveChanges')}
                  </button>
                  <button
                    type="button"
                    class="secondary"
                    disabled={busy() === p.id}
                    onClick={() => decide(p, 'reject')}
                  >
                    {ft('rejectChanges')}
                  </button>
                </div>
              </li>
            )}
          </For>
        </ul>
      </Show>
    </section>
  );
}
