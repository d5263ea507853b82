// Resend calls for a bulk message to N recipients: finds the Worker's batch sender and counts its HTTP calls to Resend.
import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { EVENT_ID } from './seed.mjs';

// The bulk sender (worker/messages/bulk.ts) first: worker/email/outbox.ts also calls the batch endpoint, for confirmations.
const DIRS = ['worker/messages', 'worker/email'];
/** A call to Resend's batch endpoint (SDK or raw HTTP). */
const BATCH_CALL = /\.batch\.send\(|emails\/batch/;

/** The exported function that sends through Resend's batch endpoint (worker/email/ or worker/messages/), or null. */
export function findBatchSender(dirs = DIRS) {
  for (const dir of dirs) {
    let files = [];
    try {
      files = readdirSync(dir)
        .filter((f) => f.endsWith('.ts'))
        .sort();
    } catch {
      continue;
    }
    for (const file of files) {
      const text = readFileSync(join(dir, file), 'utf8');
      if (!BATCH_CALL.test(text)) continue;
      const names = [...text.matchAll(/export\s+async\s+function\s+(\w+)/g)].map((m) => m[1]);
      const name = names.find((n) => /batch|bulk/i.test(n)) ?? names[0];
      if (name) return { file: join(dir, file), name };
    }
  }
  return null;
}

/** Runs `work` with globalThis.fetch answering like Resend (single and /emails/batch), and counts the calls it made to Resend. */
export async function countResendCalls(work) {
  const real = globalThis.fetch;
  let calls = 0;
  let messages = 0;
  globalThis.fetch = async (input, init) => {
    const url = String(input instanceof Request ? input.url : input);
    if (!/api\.resend\.com/.test(url)) return real(input, init);
    calls++;
    const body = JSON.parse(init?.body ?? (input instanceof Request ? await input.text() : '{}'));
    const items = Array.isArray(body) ? body : [body];
    messages += items.length;
    const data = Array.isArray(body)
      ? { data: items.map((_, i) => ({ id: `bench-${calls}-${i}` })) }
      : { id: `bench-${calls}` };
    return new Response(JSON.stringify(data), { status: 200, headers: { 'content-type': 'application/json' } });
  };
  try {
    await work();
  } finally {
    globalThis.fetch = real;
  }
  return { calls, messages };
}

/**
 * The one function that knows the Worker's bulk sender: queue one message's outbox rows for `recipients` in the bench's
 * local D1 and run the sender once with a Resend key (fetch is counted by the caller). Returns the sender's result,
 * or null when the sender has a shape this does not know yet (then the figure is "not measured yet": adapt it here).
 */
async function sendToRecipients(found, recipients, { persistTo, scratch }) {
  if (found.name !== 'deliverBulk') return null; // deliverBulk(env, messageId, { maxCalls }) in worker/messages/bulk.ts
  const { build } = await import('esbuild');
  const out = resolve(scratch, 'bulk-sender.mjs');
  await build({
    entryPoints: [found.file],
    bundle: true,
    platform: 'node',
    format: 'esm',
    packages: 'external',
    outfile: out,
    logLevel: 'silent',
  });
  const send = (await import(pathToFileURL(out).href))[found.name];
  const { getPlatformProxy } = await import('wrangler');
  const { env, dispose } = await getPlatformProxy({ persist: { path: join(persistTo, 'v3') } });
  try {
    const messageId = `msg_bench_${Date.now().toString(36)}`;
    const lit = (v) => `'${String(v).replaceAll("'", "''")}'`;
    for (let i = 0; i < recipients.length; i += 200) {
      const rows = recipients
        .slice(i, i + 200)
        .map(
          (to, k) =>
            `(${[`eml_${messageId}_${i + k}`, EVENT_ID, 'message', to, 'zh-CN', '{}', '会议通知 / Notice', '<p>您好 Hello</p>', '您好 Hello', 'pending'].map(lit).join(', ')}, 0, ${lit(messageId)})`,
        );
      await env.DB.prepare(
        `INSERT INTO emails (id, event_id, kind, "to", locale, payload, subject, html, text, status, next_attempt_at, message_id) VALUES ${rows.join(', ')}`,
      ).run();
    }
    return await send({ ...env, RESEND_API_KEY: 're_bench_not_a_real_key' }, messageId, {
      maxCalls: recipients.length,
    });
  } finally {
    await dispose();
  }
}

/** ctx: { persistTo (the bench's migrated local D1), scratch (a temp dir) } */
export async function resendCallsFor(count, ctx) {
  const found = findBatchSender();
  if (!found)
    return {
      status: 'not implemented yet',
      recipients: count,
      note: `no function calling Resend's batch endpoint in ${DIRS.join(' or ')}`,
    };
  const recipients = Array.from({ length: count }, (_, i) => `attendee${i}@example.org`);
  let result = null;
  const counted = await countResendCalls(async () => {
    result = await sendToRecipients(found, recipients, ctx);
  });
  if (!result)
    return {
      status: 'not measured yet',
      recipients: count,
      note: `${found.name} in ${found.file} has a shape bench/email.mjs does not drive yet: adapt sendToRecipients()`,
    };
  return {
    status: 'measured',
    recipients: count,
    calls: counted.calls,
    messages: counted.messages,
    sender: `${found.file}#${found.name}`,
    result,
  };
}
