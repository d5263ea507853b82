// The faculty portal page for the page-weight bench: a real personal link, emailed to a seeded speaker and read from
// the dev mailbox. Run alone against a served app: `npx node bench/portal.mjs http://localhost:8951`.
import { pathToFileURL } from 'node:url';

const SLUG = 'cell-therapy-autoimmune-next';
const PERSON = 'per_next_li';
const EMAIL = 'li.yan@example.org';

/** The path of a working /portal/:token page (the organiser sends the seeded guest a link). */
export async function portalPath(origin, organiserCookie) {
  const sent = await fetch(`${origin}/api/events/${SLUG}/faculty/${PERSON}/link`, {
    method: 'POST',
    headers: { cookie: organiserCookie, origin },
  });
  if (sent.status !== 202) throw new Error(`portal link: HTTP ${sent.status} ${await sent.text()}`);
  for (let attempt = 0; attempt < 20; attempt++) {
    const box = await (await fetch(`${origin}/api/dev/mailbox`)).json();
    const mail = box.emails?.find((m) => m.to === EMAIL && m.kind === 'faculty_link');
    const token = /\/portal\/([A-Za-z0-9_-]{22})/.exec(mail?.text ?? '')?.[1];
    if (token) return `/portal/${token}`;
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`no portal link for ${EMAIL} in the dev mailbox`);
}

/** The portal's budget (issue 18): its JS, gzipped, at most 35 KB. */
export const PORTAL_JS_GZIP_KB = 35;

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const origin = process.argv[2] ?? 'http://localhost:8787';
  const { signIn } = await import('./session.mjs');
  const { measurePages } = await import('./pages.mjs');
  const path = await portalPath(origin, await signIn(origin, 'organiser@colloquy.test'));
  const { portal } = await measurePages(origin, [{ key: 'portal', path, label: '/portal/:token', waitFor: 'h1' }]);
  const { files, ...figures } = portal;
  console.log(JSON.stringify({ ...figures, budgetKB: PORTAL_JS_GZIP_KB, files }, null, 2));
}
