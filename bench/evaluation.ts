// Bench: the evaluation results dashboard (GET /api/events/:slug/evaluation/results) for 5,000 responses. The reads
// run on SQLite (node:sqlite, the real migrations) so the grouped rows are what D1 would send; the Worker's share is
// then timed alone: parse the batch's rows, build the averages, distributions and pass rate, serialise the answer.
// Aggregated, not paged: D1 groups the answers (GROUP BY target, aspect, score), so the Worker gets at most
// targets × aspects × 5 rows however many people answered. Run: RESPONSES=5000 npx tsx bench/evaluation.ts
import { readdirSync, readFileSync } from 'node:fs';
import { DatabaseSync } from 'node:sqlite';
import { readResults, resultsBody } from '../worker/evaluation/results';
import { DEFAULT_FORM } from '../worker/evaluation/template';
import { ITEMS, sessions } from './cme-fixture';

const RESPONSES = Number(process.env.RESPONSES ?? 5000);
const SPEAKERS_PER_ITEM = 2;
const db = new DatabaseSync(':memory:');
const dir = new URL('../schema/migrations/', import.meta.url);
for (const f of readdirSync(dir)
  .filter((f) => f.endsWith('.sql'))
  .sort())
  for (const statement of readFileSync(new URL(f, dir), 'utf8').split('--> statement-breakpoint')) db.exec(statement);

const E = 'evt_bench';
const T = sessions.at(-1)!.endsAt;
db.exec('BEGIN');
db.prepare(
  `INSERT INTO events (id, slug, title_zh, title_en, venue_zh, venue_en, timezone, starts_at, ends_at, capacity, status)
   VALUES (?, 'bench', '评价', 'Evaluation', '某地', 'Somewhere', 'Asia/Shanghai', ?, ?, 10000, 'published')`,
).run(E, sessions[0]!.startsAt, T);
db.prepare(`INSERT INTO evaluation_forms (event_id, settings, updated_at) VALUES (?, ?, 0)`).run(
  E,
  JSON.stringify(DEFAULT_FORM),
);
const session = db.prepare(
  `INSERT INTO sessions (id, event_id, kind, title_zh, title_en, starts_at, ends_at) VALUES (?, ?, 'talk', ?, ?, ?, ?)`,
);
const person = db.prepare(`INSERT INTO people (id, event_id, name_zh, name_en) VALUES (?, ?, ?, ?)`);
const teaches = db.prepare(`INSERT INTO session_people (session_id, person_id, role) VALUES (?, ?, 'speaker')`);
const targets: string[] = ['event'];
for (const s of sessions) {
  session.run(s.id, E, s.titleZh, s.titleEn, s.startsAt, s.endsAt);
  targets.push(`item:${s.id}`);
  for (let k = 0; k < SPEAKERS_PER_ITEM; k++) {
    const id = `per_${s.id}_${k}`;
    person.run(id, E, `讲者${id}`, `Speaker ${id}`);
    teaches.run(s.id, id);
    targets.push(`person:${id}@${s.id}`);
  }
}
const reg = db.prepare(
  `INSERT INTO registrations (id, event_id, ticket_code, name, email, email_key, status) VALUES (?, ?, ?, ?, ?, ?, 'confirmed')`,
);
const scan = db.prepare(
  `INSERT INTO attendance_scans (id, event_id, registration_id, point, direction, scanned_at, client_id) VALUES (?, ?, ?, '', 'in', ?, ?)`,
);
const answer = db.prepare(
  `INSERT INTO evaluation_answers (event_id, registration_id, target, aspect, score, text, at) VALUES (?, ?, ?, ?, ?, ?, ?)`,
);
const attempt = db.prepare(
  `INSERT INTO assessment_attempts (event_id, registration_id, n, score_percent, passed, missed, at) VALUES (?, ?, 1, ?, ?, ?, ?)`,
);
let rows = 0;
for (let i = 0; i < RESPONSES; i++) {
  const id = `reg_${String(i).padStart(5, '0')}`;
  reg.run(id, E, `code_${id}_xxxxxxxxxx`, `参会者 ${i}`, `a${i}@example.org`, `a${i}@example.org`);
  scan.run(`scn_${id}`, E, id, sessions[0]!.startsAt, `c_${id}`);
  for (const t of targets) {
    const aspects = t === 'event' ? ['overall'] : ['content', 'delivery', 'relevance'];
    for (const a of aspects) {
      answer.run(E, id, t, a, 1 + ((i * 7 + a.length + t.length) % 5), null, T + i);
      rows++;
    }
    if (i % 10 === 0 && t !== 'event') {
      answer.run(E, id, t, 'comment', null, `意见 ${i}`, T + i);
      rows++;
    }
  }
  const missed = i % 3 === 0 ? ['q1'] : i % 5 === 0 ? ['q1', 'q2'] : [];
  attempt.run(E, id, missed.length ? 50 : 100, missed.length ? 0 : 1, JSON.stringify(missed), T + i);
}
db.exec('COMMIT');

/** D1 as the Worker sees it: prepare, bind, batch; each result's rows as D1 hands them over (JSON on the wire). */
let wire: string[] = [];
const sqliteD1 = {
  prepare: (query: string) => ({
    query,
    args: [] as unknown[],
    bind(...args: unknown[]) {
      this.args = args;
      return this;
    },
  }),
  batch: async (ps: { query: string; args: unknown[] }[]) =>
    ps.map((p) => {
      const s0 = performance.now();
      const results = db.prepare(p.query).all(...(p.args as never[]));
      if (process.env.TRACE)
        console.error((performance.now() - s0).toFixed(1), p.query.slice(0, 90).replace(/\s+/g, ' '));
      wire.push(JSON.stringify(results));
      return { results };
    }),
};
/** The same batch again, answered from the recorded wire text: only the Worker's work is left to time. */
const replayD1 = {
  prepare: sqliteD1.prepare,
  batch: async (ps: unknown[]) => ps.map((_, i) => ({ results: JSON.parse(wire[i]!) })),
};

const request = async (d1: unknown) => JSON.stringify(resultsBody(await readResults(d1 as D1Database, E)));

// The queries on SQLite (D1's engine): not the Worker's CPU, but the wait a request sees.
wire = [];
const q0 = performance.now();
const answerText = await request(sqliteD1);
const sqlMs = performance.now() - q0;
const rowsToWorker = wire.reduce((n, w) => n + (JSON.parse(w) as unknown[]).length, 0);
for (let i = 0; i < 20; i++) await request(replayD1); // a warm isolate
const runs = 200;
const t = process.cpuUsage();
for (let i = 0; i < runs; i++) await request(replayD1);
const used = process.cpuUsage(t);
const ms = (used.user + used.system) / 1000 / runs;
const body = JSON.parse(answerText);
console.log(
  JSON.stringify({
    responses: RESPONSES,
    items: ITEMS,
    targets: targets.length,
    answerRows: rows,
    rowsToWorker,
    responded: body.responded,
    passRate: body.assessment?.passRate,
    mode: 'aggregated in D1 (GROUP BY), not paged',
    sqliteMs: +sqlMs.toFixed(1),
    cpuMsPerRequest: +ms.toFixed(2),
    answerBytes: answerText.length,
  }),
);
