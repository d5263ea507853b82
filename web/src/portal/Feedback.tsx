// The speaker's own anonymous feedback at /portal/:token/feedback: averages and 1–5 spread per item taught; comments
// only from 3 responses, and why not before. Its own page, so the portal's first load stays within its budget.
import { useParams } from '@solidjs/router';
import { createEffect, createResource, For, Match, Show, Switch } from 'solid-js';
import { api, ApiFailure, read } from '../api';
import { areaTranslator, pick } from '../i18n';
import { sendNoReferrer } from './no-referrer';
import './portal.css';

const ft = areaTranslator(
  {
    title: 'Feedback from the audience',
    back: 'Back to your speaker page',
    loading: 'Loading your feedback…',
    none: 'This event has no evaluation, so there is no feedback to show.',
    failed: 'Could not load your feedback. Check your connection and try again.',
    retry: 'Try again',
    n: '{n} people rated you. Ratings are anonymous: no names are ever shown.',
    zero: 'Nobody has rated you yet. Feedback appears here as attendees answer the evaluation.',
    content: 'Content',
    delivery: 'Delivery',
    relevance: 'Relevance',
    avg: '{avg} / 5',
    noRatings: 'no ratings yet',
    spread: '{n} × {score}',
    comments: 'Comments',
    noComments: 'No comments yet.',
    hidden:
      'Comments are shown once at least 3 people have rated you, so that no comment can be traced back to its writer ({n} so far).',
  },
  {
    title: '听众反馈',
    back: '返回讲者页面',
    loading: '正在加载您的反馈…',
    none: '本次活动没有设置评价，因此没有反馈。',
    failed: '无法加载反馈，请检查网络后重试。',
    retry: '重试',
    n: '共有 {n} 人为您评分。评价匿名，不会显示任何姓名。',
    zero: '还没有人为您评分。参会者填写评价后，反馈会显示在这里。',
    content: '内容',
    delivery: '表达',
    relevance: '实用性',
    avg: '{avg} / 5 分',
    noRatings: '暂无评分',
    spread: '{score} 分 {n} 人',
    comments: '意见',
    noComments: '暂无意见。',
    hidden: '至少 3 人评分后才显示意见，以免意见被追溯到填写人（目前 {n} 人）。',
  },
);

const ASPECTS = ['content', 'delivery', 'relevance'] as const;

async function load(token: string) {
  try {
    return await read(api.api.portal[':token'].feedback.$get({ param: { token } }));
  } catch (e) {
    if (e instanceof ApiFailure && e.status === 404) return null;
    throw e;
  }
}

export default function Feedback() {
  const params = useParams<{ token: string }>();
  const [data, { refetch }] = createResource(() => params.token, load);
  createEffect(() => {
    document.title = `${ft('title')} · Colloquy`;
    sendNoReferrer();
  });
  return (
    <div class="portal">
      <p>
        <a href={`/portal/${encodeURIComponent(params.token)}`}>← {ft('back')}</a>
      </p>
      <h1>{ft('title')}</h1>
      <section class="card portal-section portal-feedback">
        <Switch>
          <Match when={data.error}>
            <div role="alert">
              <p class="notice error">{ft('failed')}</p>
              <button type="button" onClick={() => void refetch()}>
                {ft('retry')}
              </button>
            </div>
          </Match>
          <Match when={data.loading}>
            <p role="status">{ft('loading')}</p>
          </Match>
          <Match when={data() === null}>
            <p class="muted">{ft('none')}</p>
          </Match>
          <Match when={data()}>
            {(r) => (
              <>
                <p>{r().n ? ft('n', { n: r().n }) : ft('zero')}</p>
                <For each={r().n ? r().items : []}>
                  {(item) => (
                    <div class="portal-feedback-item">
                      <h2>{pick({ zh: item.itemTitleZh, en: item.itemTitleEn })}</h2>
                      <dl class="portal-feedback-aspects">
                        <For each={ASPECTS}>
                          {(a) => (
                            <div>
                              <dt>{ft(a)}</dt>
                              <dd>
                                <strong>
                                  {item.aspects[a].avg === null
                                    ? ft('noRatings')
                                    : ft('avg', { avg: item.aspects[a].avg!.toFixed(1) })}
                                </strong>
                                <Show when={item.aspects[a].n}>
                                  <Spread dist={item.aspects[a].dist} />
                                </Show>
                              </dd>
                            </div>
                          )}
                        </For>
                      </dl>
                      <h3>{ft('comments')}</h3>
                      <Show when={item.comments} fallback={<p class="muted">{ft('hidden', { n: r().n })}</p>}>
                        {(list) => (
                          <Show when={list().length} fallback={<p class="muted">{ft('noComments')}</p>}>
                            <ul class="portal-feedback-comments">
                              <For each={list()}>{(c) => <li>{c}</li>}</For>
                            </ul>
                          </Show>
                        )}
                      </Show>
                    </div>
                  )}
                </For>
              </>
            )}
          </Match>
        </Switch>
      </section>
    </div>
  );
}

/** How the ratings spread from 1 to 5, as bars with the counts in words beside them for screen readers. */
function Spread(props: { dist: number[] }) {
  const max = () => Math.max(1, ...props.dist);
  return (
    <ol class="portal-spread">
      <For each={props.dist}>
        {(n, i) => (
          <li>
            <span aria-hidden="true">{i() + 1}</span>
            <span class="portal-spread-bar" aria-hidden="true" style={{ width: `${(n / max()) * 100}%` }} />
            <span class="sr-only">{ft('spread', { n, score: i() + 1 })}</span>
            <span aria-hidden="true" class="muted">
              {n}
            </span>
          </li>
        )}
      </For>
    </ol>
  );
}
