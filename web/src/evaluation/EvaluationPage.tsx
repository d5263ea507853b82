// The attendee's evaluation at /t/:code/evaluation (the ticket link, no account): rate the talks, speakers and the
// event, each answer saved as it is given, then the assessment and, on a pass, the certificate.
import { createAsync, useParams } from '@solidjs/router';
import { createEffect, createResource, createSignal, For, Match, Show, Switch } from 'solid-js';
import { locale, pick } from '../i18n';
import { formatDateTime } from '../lib/time';
import { getTicket } from '../ticket/ticket-data';
import { AssessmentForm } from './AssessmentForm';
import { Certificate } from './Certificate';
import { type Evaluation, loadEvaluation, saveAnswer, type Target } from './evaluation-api';
import { type EvalKey, et } from './evaluation-text';
import { createSaver } from './saver';
import { type Answers, TargetCard } from './TargetCard';
import './evaluation.css';

/** Talks in agenda order, each followed by the people on it; the event as a whole last. */
function groups(targets: Target[]) {
  const out: { lead: Target; people: Target[] }[] = [];
  for (const t of targets) {
    if (t.kind === 'person') out.at(-1)?.people.push(t);
    else out.push({ lead: t, people: [] });
  }
  return out;
}

function Form(props: { code: string; data: Evaluation; timezone: string }) {
  const [values, setValues] = createSignal<Record<string, number | string>>(
    Object.fromEntries(
      Object.entries(props.data.answers).flatMap(([target, a]) =>
        Object.entries(a).map(([aspect, v]) => [`${target}|${aspect}`, v as number | string]),
      ),
    ),
  );
  const [certificate, setCertificate] = createSignal(props.data.certificate);
  const saver = createSaver<number | string>((key, value) => {
    const [target, aspect] = key.split('|') as [string, string];
    return saveAnswer(props.code, target, aspect, value);
  });
  const readOnly = props.data.state !== 'open';
  // Before it opens, or for someone who may not answer, there is nothing to fill in; once closed, the answers stay readable.
  const shown = props.data.state === 'open' || props.data.state === 'closed';
  const answers: Answers = {
    value: (t, a) => values()[`${t}|${a}`],
    status: (t, a) => saver.status(`${t}|${a}`),
    save: (t, a, v) => {
      setValues({ ...values(), [`${t}|${a}`]: v });
      saver.save(`${t}|${a}`, v);
    },
    retry: (t, a) => saver.retry(`${t}|${a}`),
    readOnly,
  };
  const total = () => props.data.targets.reduce((n, t) => n + t.aspects.filter((a) => a !== 'comment').length, 0);
  const done = () =>
    props.data.targets.reduce(
      (n, t) => n + t.aspects.filter((a) => a !== 'comment' && typeof values()[`${t.key}|${a}`] === 'number').length,
      0,
    );
  const when = (iso: string | null | undefined) => (iso ? formatDateTime(iso, props.timezone, locale()) : '');
  return (
    <>
      <Show when={props.data.state === 'open'} fallback={<StateNote data={props.data} when={when} />}>
        <p>{et('intro')}</p>
        <p class="muted">
          {et('closesAt', { time: when(props.data.closesAt) })} {et('scale')}
        </p>
      </Show>
      <Show when={shown && props.data.targets.length}>
        <p class="eval-progress muted" aria-live="off">
          {et('progress', { done: done(), total: total() })}
        </p>
        <For each={groups(props.data.targets)}>
          {(g) => <TargetCard lead={g.lead} people={g.people} answers={answers} />}
        </For>
      </Show>
      <Show when={shown && props.data.assessment}>
        {(a) => (
          <AssessmentForm code={props.code} assessment={a()} readOnly={readOnly} onCertificate={setCertificate} />
        )}
      </Show>
      <Show when={certificate()}>
        {(c) => <Certificate code={props.code} number={c().number} status={c().status} />}
      </Show>
      <Show when={props.data.state === 'open' && done() === total() && total() > 0}>
        <p class="notice ok">{et('thanks')}</p>
      </Show>
    </>
  );
}

function StateNote(props: { data: Evaluation; when: (iso: string | null | undefined) => string }) {
  const s = () => props.data.state;
  const text = () =>
    s() === 'not_yet' && props.data.opensAt
      ? et('state.not_yetAt', { time: props.when(props.data.opensAt) })
      : s() === 'closed'
        ? et('state.closed', { time: props.when(props.data.closesAt) })
        : et(`state.${s()}` as EvalKey);
  return <p class={`notice ${s() === 'closed' || s() === 'not_yet' ? 'info' : 'error'} eval-state`}>{text()}</p>;
}

export default function EvaluationPage() {
  const params = useParams<{ code: string }>();
  const ticket = createAsync(() => getTicket(params.code));
  const [data, { refetch }] = createResource(() => params.code, loadEvaluation);
  createEffect(() => {
    const tk = ticket();
    document.title = tk ? `${et('title')} · ${pick(tk.event.title)} · Colloquy` : `${et('title')} · Colloquy`;
  });
  return (
    <article class="evaluation">
      <header class="eval-head">
        <p class="muted">
          <a href={`/t/${encodeURIComponent(params.code)}`}>← {et('back')}</a>
        </p>
        <h1>{et('title')}</h1>
        <Show when={ticket()}>{(tk) => <p class="eval-event">{pick(tk().event.title)}</p>}</Show>
      </header>
      <Switch>
        <Match when={data.error}>
          <div role="alert" class="notice error">
            <p>{et('loadFailed')}</p>
            <button type="button" onClick={() => void refetch()}>
              {et('retry')}
            </button>
          </div>
        </Match>
        <Match when={data.latest}>
          {(d) => <Form code={params.code} data={d()} timezone={ticket()?.event.timezone ?? 'Asia/Shanghai'} />}
        </Match>
        <Match when={data.loading}>
          <p class="loading" role="status">
            {et('loading')}
          </p>
        </Match>
      </Switch>
    </article>
  );
}
