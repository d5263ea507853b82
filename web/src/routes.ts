// The pages of the app, each loaded lazily so the public page ships only what it needs.
import type { RouteDefinition } from '@solidjs/router';
import { lazy } from 'solid-js';

export const routes: RouteDefinition[] = [
  { path: '/', component: lazy(() => import('./public/EventPage')) },
  { path: '/e/:slug', component: lazy(() => import('./public/EventPage')) },
  { path: '/t/:code', component: lazy(() => import('./ticket/TicketPage')) },
  { path: '/t/:code/evaluation', component: lazy(() => import('./evaluation/EvaluationPage')) },
  { path: '/verify/:number?', component: lazy(() => import('./verify/VerifyPage')) },
  { path: '/portal/:token', component: lazy(() => import('./portal/PortalPage')) },
  { path: '/portal/:token/feedback', component: lazy(() => import('./portal/Feedback')) },
  { path: '/dev/mailbox', component: lazy(() => import('./dev/Mailbox')) },
  { path: '/sign-in', component: lazy(() => import('./staff/SignIn')) },
  { path: '/desk/:slug?', component: lazy(() => import('./desk/DeskPage')) },
  { path: '/pair', component: lazy(() => import('./pair/PairPage')) },
  { path: '/badges/:slug', component: lazy(() => import('./badges/BadgesPage')) },
  { path: '/console/:slug?/:tab?', component: lazy(() => import('./console/ConsolePage')) },
  { path: '*', component: lazy(() => import('./public/NotFound')) },
];
