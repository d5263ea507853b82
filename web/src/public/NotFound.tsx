// The page for addresses that lead nowhere.
import { t } from '../i18n';

export default function NotFound() {
  return (
    <section class="card narrow">
      <h1>{t('notFound')}</h1>
      <p>
        <a href="/">{t('backHome')}</a>
      </p>
    </section>
  );
}
