// Badge sheets at /badges/:slug: 90 × 54 mm cards ten to an A4 page, or A6 one per page; ?ids= for chosen registrations, ?role= for one role.
import { useLocation, useNavigate, useParams, useSearchParams } from '@solidjs/router';
import { createEffect, createResource, For, Show } from 'solid-js';
import { ApiFailure, api, read, type Success } from '../api';
import { pick } from '../i18n';
import { getEventInfo } from '../desk/desk-api';
import { getMe } from '../staff/staff-api';
import { t } from './badges-text';
import './badges.css';

type Badge = Success<(typeof api.api.events)[':slug']['badges']['$get']>['badges'][number];

const ROLES = ['speaker', 'guest', 'attendee'] as const;
/** Bilingual on purpose: the meeting is, and whoever reads the badge at the door may read either language. */
const BANDS: Record<Badge['role'], string> = {
  speaker: 'SPEAKER 主讲',
  guest: 'GUEST 嘉宾',
  attendee: 'ATTENDEE 参会者',
  staff: 'STAFF 工作人员',
};
const first = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v) ?? '';

type BadgesQuery = NonNullable<Parameters<(typeof api.api.events)[':slug']['badges']['$get']>[0]['query']>;

async function getBadges(q: { slug: string; ids: string; role: string }): Promise<Badge[]> {
  const query: BadgesQuery = {};
  if (q.ids) query.ids = q.ids;
  // The role comes from the page's address as typed; the route refuses an unknown one with 400.
  if (q.role) query.role = q.role as BadgesQuery['role'];
  return (await read(api.api.events[':slug'].badges.$get({ param: { slug: q.slug }, query }))).badges;
}

const CJK = /[\u3000-\u9fff\uf900-\ufaff]/;
/** Names from two characters (张三) to forty (Maria-Fernanda de los Santos): the size shrinks so each fits one or two lines. */
function nameSize(name: string): 'xl' | 'l' | 'm' | 's' {
  const width = [...name].reduce((n, ch) => n + (CJK.test(ch) ? 1 : 0.55), 0);
  return width <= 5 ? 'xl' : width <= 9 ? 'l' : width <= 15 ? 'm' : 's';
}

export default function BadgesPage() {
  const params = useParams();
  const [search, setSearch] = useSearchParams();
  const navigate = useNavigate();
  const location = useLocation();
  const slug = () => params.slug ?? '';
  const format = () => (first(search.format) === 'a6' ? 'a6' : 'card');
  const role = () => ((ROLES as readonly string[]).includes(first(search.role)) ? first(search.role) : '');
  const ids = () => first(search.ids);
  const idCount = () => ids().split(',').filter(Boolean).length;
  createEffect(() => {
    document.title = `${t('badges.title')} · Colloquy`;
  });

  const [me] = createResource(() => getMe({ lastKnownOffline: true }));
  createEffect(() => {
    if (me.state === 'ready' && me() === null)
      navigate(`/sign-in?next=${encodeURIComponent(location.pathname + location.search)}`, { replace: true });
  });
  const [event] = createResource(
    () => (me() ? slug() : undefined),
    (s) => getEventInfo(s).catch(() => null),
  );
  const [badges, { refetch }] = createResource(
    () => (me() ? { slug: slug(), ids: ids(), role: role() } : undefined),
    getBadges,
  );
  const problem = () => {
    const e = badges.error;
    if (!e) return null;
    return e instanceof ApiFailure && e.status === 403 ? t('badges.forbidden') : t('badges.unreachable');
  };

  return (
    <section class="badges" aria-labelledby="badges-title">
      <div class="badges-tools no-print">
        <div class="badges-head">
          <h1 id="badges-title">{t('badges.title')}</h1>
          <Show when={event()}>{(ev) => <p class="muted">{pick(ev().title)}</p>}</Show>
        </div>
        <div class="badges-options">
          <fieldset>
            <legend>{t('badges.format')}</legend>
            <label>
              <input
                type="radio"
                name="format"
                value="card"
                checked={format() === 'card'}
                onChange={() => setSearch({ format: undefined })}
              />{' '}
              {t('badges.formatCard')}
            </label>
            <label>
              <input
                type="radio"
                name="format"
                value="a6"
                checked={format() === 'a6'}
                onChange={() => setSearch({ format: 'a6' })}
              />{' '}
              {t('badges.formatA6')}
            </label>
          </fieldset>
          <Show
            when={!ids()}
            fallback={
              <p class="badges-selected">
                {t('badges.selected', { n: idCount() })}{' '}
                <button type="button" class="secondary" onClick={() => setSearch({ ids: undefined })}>
                  {t('badges.showAll')}
                </button>
              </p>
            }
          >
            <div class="field">
              <label for="badges-role">{t('badges.role')}</label>
              <select
                id="badges-role"
                value={role()}
                onChange={(e) => setSearch({ role: e.currentTarget.value || undefined })}
              >
                <option value="">{t('badges.roleAll')}</option>
                <For each={ROLES}>{(r) => <option value={r}>{t(`role.${r}`)}</option>}</For>
              </select>
            </div>
          </Show>
          <div class="badges-print">
            <button type="button" disabled={!badges()?.length} onClick={() => window.print()}>
              {t('badges.print')}
            </button>
            <Show when={badges()}>
              {(list) => (
                <p class="badges-count" role="status">
                  {t('badges.count', { n: list().length })}
                </p>
              )}
            </Show>
          </div>
        </div>
        <p class="hint badges-hint">{t('badges.printHint')}</p>
        <Show when={problem()}>
          {(p) => (
            <div role="alert">
              <p class="notice error">
                {p()}{' '}
                <button type="button" class="secondary" onClick={() => void refetch()}>
                  {t('retry')}
                </button>
              </p>
            </div>
          )}
        </Show>
        <Show when={badges()?.length === 0}>
          <p class="notice">{t('badges.none')}</p>
        </Show>
        <Show when={badges.loading}>
          <p class="loading" role="status">
            {t('loading')}
          </p>
        </Show>
      </div>

      <Show when={badges()?.length}>
        <ul class={`badge-sheet format-${format()}`} aria-label={t('badges.title')}>
          <For each={badges()}>
            {(b) => (
              <li class={`namebadge role-${b.role}`}>
                <p class="namebadge-event">{event() ? pick(event()!.title) : ''}</p>
                <div class="namebadge-body">
                  <div class="namebadge-who">
                    <p class={`namebadge-name size-${nameSize(b.name)}`} lang={CJK.test(b.name) ? 'zh-CN' : undefined}>
                      {b.name}
                    </p>
                    <Show when={b.affiliation}>
                      <p class="namebadge-affiliation" lang={CJK.test(b.affiliation) ? 'zh-CN' : undefined}>
                        {b.affiliation}
                      </p>
                    </Show>
                    <Show when={b.department}>
                      <p
                        class="namebadge-affiliation namebadge-department"
                        lang={CJK.test(b.department!) ? 'zh-CN' : undefined}
                      >
                        {b.department}
                      </p>
                    </Show>
                  </div>
                  <img
                    class="namebadge-qr"
                    src={`/api/tickets/${encodeURIComponent(b.ticketCode)}/qr.svg`}
                    alt={t('badges.qrAlt', { name: b.name })}
                  />
                </div>
                <p class="namebadge-band">{BANDS[b.role]}</p>
              </li>
            )}
          </For>
        </ul>
      </Show>
    </section>
  );
}
