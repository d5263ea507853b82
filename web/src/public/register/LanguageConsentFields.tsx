// The registration form's language choice and its consent tick, each with its error.
import { Show } from 'solid-js';
import type { Locale } from '../../i18n';
import { t } from '../text';
import { describedBy } from './ContactField';
import type { RegisterStore } from './register-store';

export function LanguageField(p: { store: RegisterStore }) {
  const s = p.store;
  return (
    <div class="field">
      <label for={s.id('locale')}>{t('reg.language')}</label>
      <select
        id={s.id('locale')}
        name="locale"
        value={s.language()}
        ref={(el) => s.setRef('locale', el)}
        aria-invalid={s.errors().locale ? 'true' : undefined}
        aria-describedby={s.errors().locale ? s.id('locale-error') : undefined}
        onChange={(e) => s.setChosenLocale(e.currentTarget.value as Locale)}
      >
        <option value="zh-CN" lang="zh-CN">
          中文
        </option>
        <option value="en" lang="en">
          English
        </option>
      </select>
      <Show when={s.errors().locale}>
        <p class="field-error" id={s.id('locale-error')}>
          {t(s.errors().locale!)}
        </p>
      </Show>
    </div>
  );
}

export function ConsentField(p: { store: RegisterStore }) {
  const s = p.store;
  return (
    <div class="field consent">
      <div class="check">
        <input
          id={s.id('consent')}
          name="consent"
          type="checkbox"
          required
          checked={s.consent()}
          ref={(el) => s.setRef('consent', el)}
          aria-invalid={s.errors().consent ? 'true' : undefined}
          aria-describedby={describedBy(s.id('consent-hint'), s.errors().consent && s.id('consent-error'))}
          onChange={(e) => s.setConsent(e.currentTarget.checked)}
        />
        <label for={s.id('consent')}>{t('reg.consent')}</label>
      </div>
      <p class="hint field-hint" id={s.id('consent-hint')}>
        {t('reg.consentHint')}
      </p>
      <Show when={s.errors().consent}>
        <p class="field-error" id={s.id('consent-error')}>
          {t(s.errors().consent!)}
        </p>
      </Show>
    </div>
  );
}
