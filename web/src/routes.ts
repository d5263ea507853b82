// The pages of the app, each loaded lazily so the public page ships only what it needs.
import type { RouteDefinition } from '@solidjs/router';
import { lazy } from 'solid-js';

export const routes: RouteDefinition[] = [
  { path: '/', component: lazy(() => import('./public/EventPage')) },
  { path: '/e/:slug', component: lazy(() => import('./public/EventPage')) },
  { path: '*', component: lazy(() => import('./public/NotFound')) },
];
