// Loads the public event through the typed client; "/" shows the first published event.
import { query } from '@solidjs/router';
import { api, ApiFailure, type PublicEvent, read } from '../api';

export const getEvent = query(async (slug: string | undefined): Promise<PublicEvent | null> => {
  let target = slug;
  if (!target) {
    const { events } = await read(api.api.events.$get());
    target = events[0]?.slug;
    if (!target) return null;
  }
  try {
    const { event } = await read(api.api.events[':slug'].$get({ param: { slug: target } }));
    return event;
  } catch (e) {
    if (e instanceof ApiFailure && e.status === 404) return null;
    throw e;
  }
}, 'event');
