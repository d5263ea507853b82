// The registration form on the event page: validated in the reader's language, accessible, and kind on failure.
import { Show } from 'solid-js';
import { locale } from '../i18n';
import { t } from './text';
import { formatDateTime } from '../lib/time';
import { QuestionFields } from './QuestionFields';
import { ContactField } from './register/ContactField';
import { ConsentField, LanguageField } from './register/LanguageConsentFields';
import { createRegisterStore, type RegisterProps } from './register/register-store';

export type { Invitee, RegisteredState } from './register/register-store';

export function RegisterForm(props: RegisterProps) {
  const s = createRegisterStore(props);
  return (
    <section class="register card" aria-labelledby={s.id('title')} id="register">
      <h2 id={s.id('title')}>{t('register')}</h2>
      <Show
        when={props.event.registrationOpen}
        fallback={
          <Show when={props.event.ended} fallback={<p class="notice">{t('reg.closed')}</p>}>
            <p class="notice ended">
              <strong>{t('reg.ended')}</strong>
            </p>
            <p class="muted">{t('reg.endedDetail')}</p>
          </Show>
        }
      >
        <p class="seats" aria-live="polite">
          <Show when={props.event.seatsLeft > 0} fallback={<strong class="waitlist">{t('reg.waitlist')}</strong>}>
            <strong>{t('seatsLeft', { n: props.event.seatsLeft })}</strong>{' '}
            <span class="muted">{t('seatsOf', { n: props.event.capacity })}</span>
          </Show>
        </p>
        <p class="muted intro">{t('reg.intro')}</p>
        <Show when={props.event.registrationMode === 'approval'}>
          <p class="notice info approval-note">{t('reg.approvalNote')}</p>
        </Show>
        <p class="muted closes-by">
          {t('reg.closesBy', {
            when: formatDateTime(props.event.registrationClosesBy, props.event.timezone, locale()),
          })}
        </p>
        <form noValidate onSubmit={s.submit}>
          <ContactField store={s} field="name" label="reg.name" autocomplete="name" required />
          <ContactField
            store={s}
            field="email"
            label="reg.email"
            type="email"
            autocomplete="email"
            required
            hint="reg.emailHint"
            inputmode="email"
          />
          <ContactField store={s} field="phone" label="reg.phone" type="tel" autocomplete="tel" inputmode="tel" />
          <ContactField store={s} field="affiliation" label="reg.affiliation" autocomplete="organization" />
          <ContactField store={s} field="jobTitle" label="reg.jobTitle" autocomplete="organization-title" />
          <QuestionFields
            questions={s.questions()}
            draft={s.draft()}
            onChange={s.setAnswer}
            consents={s.consents()}
            onConsent={s.setSensitiveConsent}
            errors={s.answerErrors()}
            // Inline: Solid would wrap a bare reference as a one-argument ref and lose the question id.
            ref={(qid, el) => s.setAnswerRef(qid, el)}
          />
          <LanguageField store={s} />
          <ConsentField store={s} />
          <div role="alert" id={s.id('message')} class="form-message">
            <Show when={s.message()}>{(m) => <p class={`notice ${m().tone}`}>{t(m().key)}</p>}</Show>
          </div>
          <p role="status" class="sr-only">
            {s.busy() ? t('reg.submitting') : ''}
          </p>
          <button type="submit" class="primary" disabled={s.busy()} ref={s.setSubmitButton}>
            {s.busy() ? t('reg.submitting') : t('reg.submit')}
          </button>
        </form>
      </Show>
    </section>
  );
}
