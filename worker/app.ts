// The Hono app: middleware, the feature routers, and the one error handler.
import { Hono } from 'hono';
import { withDb } from './db';
import type { AppEnv } from './env';
import { authRoutes } from './auth/routes';
import { checkinRoutes } from './checkin/routes';
import { withStaff } from './auth/session';
import { devRoutes } from './dev/routes';
import { eventRoutes } from './events/routes';
import { writeGuards } from './http/guards';
import { registrationRoutes } from './registration/routes';
import { ticketRoutes } from './tickets/routes';
import { errorBody, handleError } from './http/errors';

export const app = new Hono<AppEnv>();

app.use('/api/*', writeGuards, withDb, withStaff);
app.onError(handleError);
app.notFound((c) => c.json(errorBody('not_found', 'There is nothing at this address.'), 404));

const routes = app
  .get('/api/health', (c) => c.json({ ok: true }, 200))
  .route('/api/auth', authRoutes)
  .route('/api/events', eventRoutes)
  .route('/api/events', registrationRoutes)
  .route('/api/events', checkinRoutes)
  .route('/api/tickets', ticketRoutes)
  .route('/api/dev', devRoutes);

export type AppType = typeof routes;
