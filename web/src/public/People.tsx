// Cards for the main speaker and the panel guests, with role, institution and bio.
import { For, Show } from 'solid-js';
import type { PublicEvent } from '../api';
import { locale, pick } from '../i18n';
import { type PublicKey, t } from './text';

export function People(props: { event: PublicEvent }) {
  const initials = (name: string) =>
    locale() === 'zh-CN'
      ? name.slice(0, 1)
      : name
          .split(' ')
          .map((w) => w[0])
          .join('')
          .slice(0, 2);
  return (
    <section aria-labelledby="people-title">
      <h2 id="people-title">{t('speakers')}</h2>
      <ul class="people">
        <For each={props.event.people}>
          {(p) => (
            <li class="person card">
              <Show
                when={p.photoUrl}
                fallback={
                  <div class="avatar" aria-hidden="true">
                    {initials(pick(p.name))}
                  </div>
                }
              >
                <img class="avatar" src={p.photoUrl!} alt="" loading="lazy" />
              </Show>
              <div>
                <h3>
                  {pick(p.name)} <span class="honorific">{pick(p.honorific)}</span>
                </h3>
                <p class="roles">
                  <For each={p.roles}>
                    {(r) => <span class={`badge role-${r}`}>{t(`role.${r}` as PublicKey)}</span>}
                  </For>
                </p>
                <p class="institution">{pick(p.institution)}</p>
                <p class="bio">{pick(p.bio)}</p>
              </div>
            </li>
          )}
        </For>
      </ul>
    </section>
  );
}
