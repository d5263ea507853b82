// Every API route, who may call it, and the schemas it validates with: the source of the access-rule tests
// and of /api/openapi.json, so neither can drift from the routes. A route missing here fails the tests.
import { z, type ZodType } from 'zod';
import { assignInput, createSessionInput, moveInput, reorderInput, updateSessionInput } from '../agenda/input';
import { csvQuery, editInput, listQuery } from '../attendees/routes';
import { signInInput } from '../auth/routes';
import { admitInput } from '../checkin/admit';
import { checkinInput, searchQuery, walkInInput } from '../checkin/routes';
import { createEventInput, updateEventInput } from '../events/input';
import { composeInput, previewInput } from '../messages/routes';
import { createPersonInput, updatePersonInput } from '../people/input';
import { createPairingInput, pairInput } from '../auth/pairing';
import { batchInput, snapshotQuery } from '../checkin/offline';
import { purgeInput } from '../privacy/routes';
import { registrationInput } from '../registration/input';
import { manageInput } from '../tickets/routes';
import { questionsInput } from '../questions/model';
import { presetInput } from '../questions/routes';
import { editAnswersInput, viewAnswersInput } from '../questions/ticket-routes';

/**
 * public: anyone. ticket: anyone holding the ticket code. staff: any signed-in staff member.
 * desk: desk staff or organisers of the event in the path. organiser: organisers of that event.
 * dev: local development only. webhook: callers proving a shared secret.
 */
export type Access = 'public' | 'ticket' | 'staff' | 'desk' | 'organiser' | 'dev' | 'webhook';
export type RouteRule = { access: Access; summary: string; body?: ZodType; query?: ZodType; tag: string };

const empty = z.object({}).strict();

export const ROUTE_RULES: Record<string, RouteRule> = {
  'GET /api/health': { access: 'public', tag: 'meta', summary: 'Liveness check.' },
  'GET /api/openapi.json': { access: 'public', tag: 'meta', summary: 'This API description.' },
  'GET /api/docs': { access: 'public', tag: 'meta', summary: 'A readable reference of this API.' },
  'POST /api/auth/sign-in': {
    access: 'public',
    tag: 'auth',
    summary: 'Email a one-time sign-in link to a staff member (always 202).',
    body: signInInput,
  },
  'GET /api/auth/verify': {
    access: 'public',
    tag: 'auth',
    summary: 'Open a sign-in link: starts a session and redirects.',
  },
  'GET /api/auth/me': { access: 'staff', tag: 'auth', summary: 'The signed-in staff member and their roles.' },
  'POST /api/auth/sign-out': { access: 'public', tag: 'auth', summary: 'End the session.' },
  'GET /api/events': { access: 'public', tag: 'events', summary: 'Published events with seats left.' },
  'GET /api/events/:slug': {
    access: 'public',
    tag: 'events',
    summary: 'A published event with its agenda and people.',
  },
  'GET /api/events/:slug/agenda.ics': { access: 'public', tag: 'events', summary: 'The agenda as iCalendar.' },
  'POST /api/events': {
    access: 'staff',
    tag: 'console',
    summary: 'Create an event (organisers).',
    body: createEventInput,
  },
  'PATCH /api/events/:slug': {
    access: 'organiser',
    tag: 'console',
    summary: 'Edit an event; a capacity raise promotes the waitlist.',
    body: updateEventInput,
  },
  'GET /api/events/:slug/audit': { access: 'organiser', tag: 'console', summary: 'Who changed what, and when.' },
  'GET /api/console/events': { access: 'staff', tag: 'console', summary: 'The events I organise, drafts included.' },
  'GET /api/console/events/:slug': {
    access: 'organiser',
    tag: 'console',
    summary: 'One event I organise, drafts included.',
  },
  'POST /api/events/:slug/sessions': {
    access: 'organiser',
    tag: 'agenda',
    summary: 'Add an agenda item.',
    body: createSessionInput,
  },
  'PATCH /api/events/:slug/sessions/:id': {
    access: 'organiser',
    tag: 'agenda',
    summary: 'Edit an agenda item.',
    body: updateSessionInput,
  },
  'DELETE /api/events/:slug/sessions/:id': { access: 'organiser', tag: 'agenda', summary: 'Delete an agenda item.' },
  'POST /api/events/:slug/sessions/:id/move': {
    access: 'organiser',
    tag: 'agenda',
    summary:
      'Move an item one place earlier or later (swaps times with its neighbour, atomically); answers with warnings.',
    body: moveInput,
  },
  'POST /api/events/:slug/sessions/reorder': {
    access: 'organiser',
    tag: 'agenda',
    summary: 'Reorder agenda items.',
    body: reorderInput,
  },
  'PUT /api/events/:slug/sessions/:id/people': {
    access: 'organiser',
    tag: 'agenda',
    summary: 'Set who is on an item, with roles; warns about overlaps.',
    body: assignInput,
  },
  'POST /api/events/:slug/people': {
    access: 'organiser',
    tag: 'people',
    summary: 'Add a speaker, panel guest or moderator (with a badge).',
    body: createPersonInput,
  },
  'PATCH /api/events/:slug/people/:id': {
    access: 'organiser',
    tag: 'people',
    summary: 'Edit a person.',
    body: updatePersonInput,
  },
  'DELETE /api/events/:slug/people/:id': { access: 'organiser', tag: 'people', summary: 'Remove a person.' },
  'POST /api/events/:slug/people/:id/photo': {
    access: 'organiser',
    tag: 'people',
    summary: 'Upload a photo (JPEG, PNG or WebP, at most 2 MB; raw bytes).',
  },
  'GET /api/photos/:event/:person/:name': { access: 'public', tag: 'people', summary: "A person's photo." },
  'GET /api/events/:slug/registrations': {
    access: 'organiser',
    tag: 'registrations',
    summary: 'Search, filter, sort and page registrations.',
    query: listQuery,
  },
  'GET /api/events/:slug/registrations.csv': {
    access: 'organiser',
    tag: 'registrations',
    summary: 'All registrations as Excel-friendly CSV; with `limit`, one page of it (next: `after` = X-Next-Cursor).',
    query: csvQuery,
  },
  'PATCH /api/events/:slug/registrations/:id': {
    access: 'organiser',
    tag: 'registrations',
    summary: 'Edit a registration.',
    body: editInput,
  },
  'POST /api/events/:slug/registrations/:id/cancel': {
    access: 'organiser',
    tag: 'registrations',
    summary: 'Cancel a registration (promotes the waitlist).',
  },
  'POST /api/events/:slug/registrations/:id/promote': {
    access: 'organiser',
    tag: 'registrations',
    summary: 'Move a registration off the waitlist.',
  },
  'POST /api/events/:slug/registrations/:id/reissue': {
    access: 'organiser',
    tag: 'registrations',
    summary: 'Issue a new ticket code; the old one stops working.',
  },
  'GET /api/events/:slug/dashboard': {
    access: 'organiser',
    tag: 'registrations',
    summary: 'Registrations and arrivals over time, by institution and role.',
  },
  'POST /api/events/:slug/registrations': {
    access: 'public',
    tag: 'registration',
    summary: 'Register (confirmed or waitlisted).',
    body: registrationInput,
  },
  'POST /api/events/:slug/checkins': {
    access: 'desk',
    tag: 'desk',
    summary: 'Check in a ticket by scan or by search.',
    body: checkinInput,
  },
  'GET /api/events/:slug/attendees': {
    access: 'desk',
    tag: 'desk',
    summary:
      'Search attendees by any part of the name or institution (1 CJK character or 2 letters), a whole email, or a whole phone number or its last 4 digits; rate-limited per device (429 rate_limited).',
    query: searchQuery,
  },
  'POST /api/events/:slug/walk-ins': {
    access: 'desk',
    tag: 'desk',
    summary: 'Register and check in a walk-in.',
    body: walkInInput,
  },
  'POST /api/events/:slug/registrations/:id/admit': {
    access: 'desk',
    tag: 'desk',
    summary:
      'Admit a cancelled or waitlisted person at the door: register again or promote, by the seat rules, and check in.',
    body: admitInput,
  },
  'GET /api/events/:slug/stats': { access: 'desk', tag: 'desk', summary: 'Live counts and arrivals per 5 minutes.' },
  'GET /api/tickets/:code': { access: 'ticket', tag: 'tickets', summary: 'A ticket.' },
  'GET /api/tickets/:code/qr.svg': { access: 'ticket', tag: 'tickets', summary: 'The ticket QR as SVG.' },
  'GET /api/tickets/:code/qr.png': { access: 'ticket', tag: 'tickets', summary: 'The ticket QR as PNG (for emails).' },
  'POST /api/tickets/:code/cancel': {
    access: 'ticket',
    tag: 'tickets',
    summary: 'Cancel my registration (needs the management token from the emailed link).',
    body: manageInput,
  },
  'POST /api/tickets/:code/delete': {
    access: 'ticket',
    tag: 'tickets',
    summary: 'Delete my personal data (needs the management token from the emailed link).',
    body: manageInput,
  },
  'POST /api/tickets/:code/send-link': {
    access: 'ticket',
    tag: 'tickets',
    summary: 'Email the management link to the registered address (at most once per 10 minutes).',
    body: empty,
  },
  'GET /api/events/:slug/messages/templates': {
    access: 'organiser',
    tag: 'messages',
    summary: 'Ready message templates in both languages.',
  },
  'POST /api/events/:slug/messages/preview': {
    access: 'organiser',
    tag: 'messages',
    summary: "Count recipients and render one recipient's email.",
    body: previewInput,
  },
  'POST /api/events/:slug/messages/test': {
    access: 'organiser',
    tag: 'messages',
    summary: 'Send one rendering to myself.',
    body: previewInput,
  },
  'POST /api/events/:slug/messages': {
    access: 'organiser',
    tag: 'messages',
    summary: 'Send a message to an audience (202; sent in batches of 100).',
    body: composeInput,
  },
  'GET /api/events/:slug/messages': { access: 'organiser', tag: 'messages', summary: 'Messages sent, with progress.' },
  'GET /api/events/:slug/messages/:id': {
    access: 'organiser',
    tag: 'messages',
    summary: 'Per-recipient delivery status of a message.',
  },
  'POST /api/webhooks/resend': {
    access: 'webhook',
    tag: 'messages',
    summary: 'Resend delivery events (signed; replays refused).',
  },
  'GET /api/events/:slug/checkins/snapshot': {
    access: 'desk',
    tag: 'desk',
    summary: 'Tickets (hashed codes) changed since a cursor, for the offline desk.',
    query: snapshotQuery,
  },
  'POST /api/events/:slug/checkins/batch': {
    access: 'desk',
    tag: 'desk',
    summary: 'Sync scans made offline; the earliest scan wins; replays change nothing.',
    body: batchInput,
  },
  'GET /api/events/:slug/checkins/conflicts': {
    access: 'organiser',
    tag: 'desk',
    summary: 'Tickets admitted at two desks while offline (possible shared badges).',
  },
  'GET /api/events/:slug/badges': {
    access: 'desk',
    tag: 'desk',
    summary: 'Badge data for printing: all confirmed, or ?ids=…',
  },
  'POST /api/events/:slug/pairings': {
    access: 'organiser',
    tag: 'desk',
    summary: 'Create a device pairing code (limited time and uses).',
    body: createPairingInput,
  },
  'GET /api/events/:slug/pairings': { access: 'organiser', tag: 'desk', summary: 'Pairing codes and their use.' },
  'DELETE /api/events/:slug/pairings/:id': {
    access: 'organiser',
    tag: 'desk',
    summary: 'Revoke a pairing code and sign its devices out.',
  },
  'POST /api/auth/pair': {
    access: 'public',
    tag: 'auth',
    summary: 'Pair this device as a desk with a scanned pairing code.',
    body: pairInput,
  },
  'PUT /api/events/:slug/questions': {
    access: 'organiser',
    tag: 'questions',
    summary: 'Replace the ordered list of registration questions; removed ones keep their answers.',
    body: questionsInput,
  },
  'POST /api/events/:slug/questions/clinical-preset': {
    access: 'organiser',
    tag: 'questions',
    summary: 'Add the clinical meeting questions (department, title, practice category, CME card number).',
    body: presetInput,
  },
  'POST /api/tickets/:code/answers/view': {
    access: 'ticket',
    tag: 'tickets',
    summary: "The attendee's answers (sensitive ones masked), with the ticket's management token.",
    body: viewAnswersInput,
  },
  'PUT /api/tickets/:code/answers': {
    access: 'ticket',
    tag: 'tickets',
    summary: 'Correct the answers until registration closes, with the management token.',
    body: editAnswersInput,
  },
  'POST /api/events/:slug/purge': {
    access: 'organiser',
    tag: 'privacy',
    summary: "Erase the event's personal data after the retention period; counts stay.",
    body: purgeInput,
  },
  'GET /api/dev/d1-round-trip': {
    access: 'dev',
    tag: 'dev',
    summary: 'One D1 round trip and nothing else, for the bench (development only).',
  },
  'POST /api/dev/d1-write-round-trip': {
    access: 'dev',
    tag: 'dev',
    summary:
      'One D1 write that changes nothing (a row rewritten with its own value), for the bench (development only).',
  },
  'GET /api/dev/mailbox': { access: 'dev', tag: 'dev', summary: 'The dev mailbox (development only).' },
};

const toOpenApiPath = (p: string) => p.replace(/:([A-Za-z]+)/g, '{$1}');

export function openApiDocument(origin: string) {
  const paths: Record<string, Record<string, unknown>> = {};
  for (const [key, rule] of Object.entries(ROUTE_RULES)) {
    const [method, path] = key.split(' ') as [string, string];
    const params = [...path.matchAll(/:([A-Za-z]+)/g)].map((m) => ({
      name: m[1],
      in: 'path',
      required: true,
      schema: { type: 'string' },
    }));
    const query = rule.query
      ? Object.entries(
          (
            z.toJSONSchema(rule.query, { io: 'input', unrepresentable: 'any' }) as {
              properties?: Record<string, unknown>;
              required?: string[];
            }
          ).properties ?? {},
        ).map(([name, schema]) => ({ name, in: 'query', required: false, schema }))
      : [];
    paths[toOpenApiPath(path)] ??= {};
    paths[toOpenApiPath(path)]![method.toLowerCase()] = {
      summary: rule.summary,
      tags: [rule.tag],
      'x-access': rule.access,
      ...(rule.access === 'desk' || rule.access === 'organiser' || rule.access === 'staff'
        ? { security: [{ session: [] }] }
        : {}),
      parameters: [...params, ...query],
      ...(rule.body
        ? {
            requestBody: {
              required: true,
              content: {
                'application/json': { schema: z.toJSONSchema(rule.body, { io: 'input', unrepresentable: 'any' }) },
              },
            },
          }
        : {}),
      responses: {
        default: {
          description: 'Errors: { error: { code, message, fields? } }',
          content: { 'application/json': { schema: { $ref: '#/components/schemas/Error' } } },
        },
      },
    };
  }
  return {
    openapi: '3.1.0',
    info: {
      title: 'Colloquy API',
      version: '0.1.0',
      description: 'Academic event management: registration, tickets, check-in, organiser console.',
    },
    servers: [{ url: origin }],
    paths,
    components: {
      securitySchemes: { session: { type: 'apiKey', in: 'cookie', name: 'colloquy_session' } },
      schemas: {
        Error: {
          type: 'object',
          required: ['error'],
          properties: {
            error: {
              type: 'object',
              required: ['code', 'message'],
              properties: {
                code: { type: 'string' },
                message: { type: 'string' },
                fields: { type: 'object', additionalProperties: { type: 'string' } },
              },
            },
          },
        },
      },
    },
  };
}
