// The Hono app: middleware, the feature routers, and the one error handler.
import { Hono } from 'hono';
import { secureHeaders } from 'hono/secure-headers';
import { withDb } from './db';
import type { AppEnv } from './env';
import { agendaRoutes } from './agenda/routes';
import { attendeeRoutes } from './attendees/routes';
import { pairingAdminRoutes, pairRoutes } from './auth/pairing';
import { authRoutes } from './auth/routes';
import { attendanceDeskRoutes } from './attendance/desk-routes';
import { attendanceRoutes } from './attendance/routes';
import { admitRoutes } from './checkin/admit';
import { offlineRoutes } from './checkin/offline';
import { checkinRoutes } from './checkin/routes';
import { certificateRoutes } from './certificates/routes';
import { certificateTicketRoutes, certificateVerifyRoutes } from './certificates/public-routes';
import { withStaff } from './auth/session';
import { devRoutes } from './dev/routes';
import { consoleEventRoutes, eventAdminRoutes } from './events/admin-routes';
import { forgetAfterWrites } from './events/cache';
import { eventRoutes } from './events/routes';
import { rule } from './http/contract';
import { configProblem } from './http/origin';
import { docsRoutes } from './http/docs';
import { writeGuards } from './http/guards';
import { peopleRoutes, photoRoutes } from './people/routes';
import {
  materialAdminRoutes,
  materialFileRoutes,
  publishedMaterialRoutes,
  ticketMaterialRoutes,
} from './materials/routes';
import { messageRoutes } from './messages/routes';
import { webhookRoutes } from './messages/webhook';
import { privacyRoutes } from './privacy/routes';
import { registrationRoutes } from './registration/routes';
import { approvalRoutes } from './registration/approval';
import { invitationAdminRoutes, invitationRoutes } from './invitations/routes';
import { facultyAdminRoutes } from './faculty/admin-routes';
import { portalFileRoutes } from './faculty/portal-files';
import { portalRoutes } from './faculty/portal-routes';
import { questionRoutes } from './questions/routes';
import { ticketAnswerRoutes } from './questions/ticket-routes';
import { ticketRoutes } from './tickets/routes';
import { errorResponse, handleError } from './http/errors';
import { evaluationPortalRoutes, evaluationRoutes } from './evaluation/routes';
import { evaluationTicketRoutes } from './evaluation/ticket-routes';

export const app = new Hono<AppEnv>();

// Production without PUBLIC_URL would build emailed links from whatever Host a caller sends: refuse to serve at all.
app.use('*', async (c, next) => {
  const problem = configProblem(c.env);
  if (!problem) return next();
  console.error('configuration error:', problem);
  return errorResponse(c, 503, 'misconfigured', `This site is not configured yet: ${problem}`);
});

app.use('/api/*', secureHeaders({ crossOriginResourcePolicy: false }), writeGuards, withDb, withStaff);
app.use('/api/events/*', forgetAfterWrites);
app.onError(handleError);
app.notFound((c) => errorResponse(c, 404, 'not_found', 'There is nothing at this address.'));

const routes = app
  .get('/api/health', rule({ access: 'public', tag: 'meta', summary: 'Liveness check.' }), (c) =>
    c.json({ ok: true }, 200),
  )
  .route(
    '/api',
    docsRoutes(() => app.routes),
  )
  .route('/api/auth', authRoutes)
  .route('/api/auth', pairRoutes)
  .route('/api/events', pairingAdminRoutes)
  .route('/api/events', eventRoutes)
  .route('/api/events', eventAdminRoutes)
  .route('/api/console', consoleEventRoutes)
  .route('/api/events', agendaRoutes)
  .route('/api/events', peopleRoutes)
  .route('/api/events', attendeeRoutes)
  .route('/api/events', messageRoutes)
  .route('/api/webhooks', webhookRoutes)
  .route('/api/events', privacyRoutes)
  .route('/api/photos', photoRoutes)
  .route('/api/events', materialAdminRoutes)
  .route('/api/events', publishedMaterialRoutes)
  .route('/api/tickets', ticketMaterialRoutes)
  .route('/api/materials', materialFileRoutes)
  .route('/api/events', registrationRoutes)
  .route('/api/events', approvalRoutes)
  .route('/api/events', invitationAdminRoutes)
  .route('/api/invitations', invitationRoutes)
  .route('/api/events', facultyAdminRoutes)
  .route('/api/portal', portalRoutes)
  .route('/api/portal', portalFileRoutes)
  .route('/api/events', questionRoutes)
  .route('/api/events', checkinRoutes)
  .route('/api/events', admitRoutes)
  .route('/api/events', offlineRoutes)
  .route('/api/events', attendanceRoutes)
  .route('/api/events', attendanceDeskRoutes)
  .route('/api/tickets', ticketRoutes)
  .route('/api/tickets', ticketAnswerRoutes)
  .route('/api/events', certificateRoutes)
  .route('/api/tickets', certificateTicketRoutes)
  .route('/api/certificates', certificateVerifyRoutes)
  .route('/api/events', evaluationRoutes)
  .route('/api/tickets', evaluationTicketRoutes)
  .route('/api/portal', evaluationPortalRoutes)
  .route('/api/dev', devRoutes);

export type AppType = typeof routes;
