// The ticket page's card on the evaluation, loaded only when there is something to say: when it opens (and that the
// credit needs its assessment), the way in while it is open, and once closed, the date and this ticket's record.
import { Match, Show, Switch } from 'solid-js';
import { areaTranslator, locale } from '../i18n';
import { formatShortDate } from '../lib/time';
import { TicketSection } from '../ticket/TicketSection';
import './entry.css';

export type EntryState = {
  state: 'not_yet' | 'open' | 'closed';
  opensAt: string | null;
  closesAt: string | null;
  /** Whether this ticket saved any rating or comment. */
  answered: boolean;
  assessment: { required: boolean; passed: boolean; tries: number; best: number } | null;
};

const tv = areaTranslator(
  {
    title: 'Rate the talks',
    titleClosed: 'Evaluation',
    body: 'Tell the organisers and speakers how the sessions went (anonymous, about 2 minutes).',
    assessment: 'The assessment for your CME credit is there too.',
    passed: 'You have passed the assessment.',
    open: 'Open the evaluation',
    until: 'Open until {date}.',
    soon: 'After the event you can rate the talks here, until {date}.',
    soonRequired: 'Your CME credit needs the assessment that comes with it.',
    closed: 'The evaluation closed on {date}.',
    answered: 'You rated the talks. Thank you.',
    notAnswered: 'You did not rate the talks.',
    passedWith: 'Assessment passed ({pct}%).',
    failed: 'Assessment not passed: {n} tries, best {pct}%.',
    notTaken: 'You did not take the assessment.',
  },
  {
    title: '会后评价',
    titleClosed: '会后评价',
    body: '请为各场报告和讲者打分（匿名，约 2 分钟）。',
    assessment: '继续医学教育学分所需的考核也在其中。',
    passed: '您已通过考核。',
    open: '开始评价',
    until: '{date}截止。',
    soon: '会议结束后可在此为各场报告打分，{date}截止。',
    soonRequired: '获得继续医学教育学分需通过其中的考核。',
    closed: '评价已于{date}截止。',
    answered: '您已提交评价，谢谢。',
    notAnswered: '您未提交评价。',
    passedWith: '考核已通过（{pct}%）。',
    failed: '考核未通过：共 {n} 次，最高 {pct}%。',
    notTaken: '您未参加考核。',
  },
);

export default function EvaluationEntry(props: { code: string; timezone: string; entry: EntryState }) {
  const date = (iso: string | null) => (iso ? formatShortDate(iso, props.timezone, locale()) : '');
  const a = () => props.entry.assessment;
  return (
    <TicketSection
      id="ticket-eval-title"
      class="eval-entry"
      title={props.entry.state === 'closed' ? tv('titleClosed') : tv('title')}
    >
      <Switch>
        <Match when={props.entry.state === 'open'}>
          <p>{tv('body')}</p>
          <Show when={a()}>{(x) => <p class="muted">{x().passed ? tv('passed') : tv('assessment')}</p>}</Show>
          <p class="muted">{tv('until', { date: date(props.entry.closesAt) })}</p>
          <a class="button" href={`/t/${encodeURIComponent(props.code)}/evaluation`}>
            {tv('open')}
          </a>
        </Match>
        <Match when={props.entry.state === 'not_yet'}>
          <p>{tv('soon', { date: date(props.entry.closesAt) })}</p>
          <Show when={a()?.required}>
            <p class="muted">{tv('soonRequired')}</p>
          </Show>
        </Match>
        <Match when={props.entry.state === 'closed'}>
          <p>{tv('closed', { date: date(props.entry.closesAt) })}</p>
          <ul class="eval-record">
            <li>{props.entry.answered ? tv('answered') : tv('notAnswered')}</li>
            <Show when={a()}>
              {(x) => (
                <li>
                  {x().passed
                    ? tv('passedWith', { pct: String(x().best) })
                    : x().tries
                      ? tv('failed', { n: String(x().tries), pct: String(x().best) })
                      : tv('notTaken')}
                </li>
              )}
            </Show>
          </ul>
        </Match>
      </Switch>
    </TicketSection>
  );
}
