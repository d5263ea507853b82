// The app shell: header with the language switch, and the routed page.
import { Router } from '@solidjs/router';
import { type ParentProps, Suspense } from 'solid-js';
import { LanguageSwitch, t } from './i18n';
import { routes } from './routes';

function Shell(props: ParentProps) {
  return (
    <>
      <a class="skip" href="#main">
        {t('skipToContent')}
      </a>
      <header class="topbar">
        <a class="brand" href="/">
          Colloquy
        </a>
        <LanguageSwitch />
      </header>
      <main id="main" tabindex="-1">
        <Suspense
          fallback={
            <p class="loading" role="status">
              {t('loading')}
            </p>
          }
        >
          {props.children}
        </Suspense>
      </main>
    </>
  );
}

export function App() {
  return <Router root={Shell}>{routes}</Router>;
}
