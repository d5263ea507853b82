// Public read API for events: the list of published events and one event with its programme.
import { Hono } from 'hono';
import type { AppEnv } from '../env';
import { notFound } from '../http/errors';
import { presentEvent, presentEventSummary } from './present';
import { findEventWithProgramme, listPublishedEvents } from './queries';

export const eventRoutes = new Hono<AppEnv>()
  .get('/', async (c) => {
    const rows = await listPublishedEvents(c.var.db);
    return c.json({ events: rows.map((r) => presentEventSummary(r.event, r.taken)) }, 200);
  })
  .get('/:slug', async (c) => {
    const found = await findEventWithProgramme(c.var.db, c.req.param('slug'), ['published', 'closed']);
    if (!found) throw notFound('No published event has this address.');
    return c.json({ event: presentEvent(found.event, found.taken, found) }, 200);
  });
