// The ticket page's card that leads to the evaluation; loaded only when the evaluation is open for this ticket.
import { Show } from 'solid-js';
import { areaTranslator } from '../i18n';
import { TicketSection } from '../ticket/TicketSection';

const tv = areaTranslator(
  {
    title: 'Rate the talks',
    body: 'Tell the organisers and speakers how the sessions went (anonymous, about 2 minutes).',
    assessment: 'The assessment for your CME credit is there too.',
    passed: 'You have passed the assessment.',
    open: 'Open the evaluation',
  },
  {
    title: '会后评价',
    body: '请为各场报告和讲者打分（匿名，约 2 分钟）。',
    assessment: '继续医学教育学分所需的考核也在其中。',
    passed: '您已通过考核。',
    open: '开始评价',
  },
);

export default function EvaluationEntry(props: { code: string; assessment: { passed: boolean } | null }) {
  return (
    <TicketSection id="ticket-eval-title" class="eval-entry" title={tv('title')}>
      <p>{tv('body')}</p>
      <Show when={props.assessment}>{(a) => <p class="muted">{a().passed ? tv('passed') : tv('assessment')}</p>}</Show>
      <a class="button" href={`/t/${encodeURIComponent(props.code)}/evaluation`}>
        {tv('open')}
      </a>
    </TicketSection>
  );
}
