// The last question before sending: what goes to how many, in which language.
import { ct } from '../text';
import { FormError, Modal } from '../ui';
import { audienceText, type Draft, langName, recipientsText } from './draft';

export function SendConfirm(props: {
  /** How many will get it; null while closed. */
  count: number | null;
  draft: Draft;
  sending: boolean;
  error: string | null;
  onKeep: () => void;
  onSend: () => void;
  onClose: () => (() => void) | undefined;
}) {
  const n = () => props.count ?? 0;
  return (
    <Modal
      title={n() === 1 ? ct('msg.confirmTitleOne') : ct('msg.confirmTitle', { n: n() })}
      open={props.count !== null}
      busy={props.sending}
      onClose={() => props.onClose()}
    >
      <dl class="msg-confirm">
        <dt>{ct('msg.previewSubject')}</dt>
        <dd>{props.draft.subject}</dd>
        <dt>{ct('msg.audience')}</dt>
        <dd>{ct('msg.audienceCount', { audience: audienceText(props.draft), count: recipientsText(n()) })}</dd>
        <dt>{ct('msg.language')}</dt>
        <dd>{langName(props.draft.lang)}</dd>
      </dl>
      <p>{ct('msg.confirmBody')}</p>
      <FormError error={props.error} />
      <div class="actions">
        <button type="button" class="secondary" disabled={props.sending} onClick={() => props.onKeep()}>
          {ct('keep')}
        </button>
        <button type="button" disabled={props.sending} onClick={() => props.onSend()}>
          {props.sending ? ct('msg.sending') : ct('msg.confirmSend', { n: n() })}
        </button>
      </div>
    </Modal>
  );
}
