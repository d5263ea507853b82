// Public read API for events: the list of published events and one event with its programme.
import { Hono, type TypedResponse } from 'hono';
import { etag } from 'hono/etag';
import type { AppEnv } from '../env';
import { notFound } from '../http/errors';
import { eventAgendaIcs } from './ics';
import { cachedResponse } from './cache';
import { presentEvent, presentEventSummary, type PublicEvent, type PublicEventSummary } from './present';
import { findEventWithProgramme, listPublishedEvents } from './queries';
import { rule } from '../http/contract';

/** Each route's contract: who may call it, what it is, what it validates (read by the access test and /api/docs). */
const rules = {
  listEvents: rule({ access: 'public', tag: 'events', summary: 'Published events with seats left.' }),
  showEvent: rule({ access: 'public', tag: 'events', summary: 'A published event with its agenda and people.' }),
  agendaIcs: rule({ access: 'public', tag: 'events', summary: 'The agenda as iCalendar.' }),
};

export const eventRoutes = new Hono<AppEnv>()
  .get('/', rules.listEvents, etag(), async (c) => {
    const res = await cachedResponse(c, async () => {
      const rows = await listPublishedEvents(c.var.db);
      return c.json({ events: rows.map((r) => presentEventSummary(r.event)) }, 200);
    });
    return res as unknown as TypedResponse<{ events: PublicEventSummary[] }, 200, 'json'>;
  })
  .get('/:slug', rules.showEvent, etag(), async (c) => {
    const res = await cachedResponse(c, async () => {
      const found = await findEventWithProgramme(c.var.db, c.req.param('slug'), ['published', 'closed']);
      if (!found) throw notFound('No published event has this address.');
      return c.json({ event: presentEvent(found.event, found) }, 200);
    });
    return res as unknown as TypedResponse<{ event: PublicEvent }, 200, 'json'>;
  })
  .get('/:slug/agenda.ics', rules.agendaIcs, async (c) => {
    const found = await findEventWithProgramme(c.var.db, c.req.param('slug'), ['published', 'closed']);
    if (!found) throw notFound('No published event has this address.');
    const e = found.event;
    const ics = eventAgendaIcs(e, found.sessions, c.req.query('lang') === 'en' ? 'en' : 'zh-CN');
    return new Response(ics, {
      headers: {
        'content-type': 'text/calendar; charset=utf-8',
        'content-disposition': `attachment; filename="${e.slug}.ics"`,
      },
    });
  });
