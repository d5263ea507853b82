// Bench: CPU of the attendance report (worker/attendance/report.ts) for 5,000 registrations × 8 accredited items,
// per page (50 by default, as GET /attendance) (what one GET /attendance evaluates) and all at once. Run: npx tsx bench/attendance.ts
import { attendanceReport, type ScanRow } from '../worker/attendance/report';
import { ITEMS, registrations, sessions, settings } from './cme-fixture';

const REGS = 5000;
const PAGE = Number(process.env.PAGE ?? 50);
const regs = registrations(REGS);
// Every person signs in and out of every item, some late or early: 2 scans × 8 items = 80,000 scans.
const scans: ScanRow[] = regs.flatMap((r, i) =>
  sessions.flatMap((s, j) => [
    {
      registrationId: r.id,
      point: s.id,
      direction: 'in' as const,
      scannedAt: s.startsAt + ((i + j) % 7) * 60_000,
      deskId: 'Desk 1',
      deviceId: 'd1',
      clientId: `${r.id}-${j}-i`,
      source: 'scan' as const,
    },
    {
      registrationId: r.id,
      point: s.id,
      direction: 'out' as const,
      scannedAt: s.endsAt - ((i * j) % 11) * 60_000,
      deskId: 'Desk 2',
      deviceId: 'd2',
      clientId: `${r.id}-${j}-o`,
      source: 'scan' as const,
    },
  ]),
);

function time(label: string, runs: number, f: () => unknown) {
  for (let i = 0; i < 3; i++) f(); // warm up the JIT, as a warm isolate is
  // CPU time, not wall time: the machine may be shared, and the Workers budget counts CPU.
  const t = process.cpuUsage();
  for (let i = 0; i < runs; i++) f();
  const used = process.cpuUsage(t);
  const ms = (used.user + used.system) / 1000 / runs;
  console.log(`${label}: ${ms.toFixed(2)} ms`);
  return ms;
}

const page = regs.slice(0, PAGE);
const pageIds = new Set(page.map((r) => r.id));
const pageScans = scans.filter((s) => pageIds.has(s.registrationId));
// D1 hands rows over as JSON; parsing a page's rows is part of the request's CPU too.
const pageJson = JSON.stringify({ regs: page, scans: pageScans });
const onePage = time(`one page (${PAGE} registrations, ${pageScans.length} scans, parse + evaluate)`, 100, () => {
  const rows = JSON.parse(pageJson);
  return attendanceReport(settings, sessions, rows.regs, rows.scans, [], 'zh-CN');
});
const all = time(`all ${REGS} registrations × ${ITEMS} items (${scans.length} scans), evaluate only`, 5, () =>
  attendanceReport(settings, sessions, regs, scans, [], 'zh-CN'),
);
console.log(
  JSON.stringify({
    registrations: REGS,
    items: ITEMS,
    page: PAGE,
    pageMs: +onePage.toFixed(2),
    allMs: +all.toFixed(2),
  }),
);
