// Bench: CPU of one issuing request (POST /api/events/:slug/certificates) for a page of registrations × 8 items:
// parse the page's rows, evaluate them, build the certificate rows (numbers, keys) and their JSON for the insert.
// Run: PAGE=50 npx tsx bench/certificates.ts (5,000 registrations are 100 such requests of 50, or 50 of 100).
import { attendanceReport, type ScanRow } from '../worker/attendance/report';
import { attendeeCertificates } from '../worker/certificates/issue';
import { ITEMS, registrations, sessions, settings } from './cme-fixture';

const PAGE = Number(process.env.PAGE ?? 50);
const regs = registrations(PAGE);
// Everyone present throughout (the worst case: every person gets a certificate).
const scans: ScanRow[] = regs.flatMap((r) =>
  sessions.flatMap((s, j) =>
    (['in', 'out'] as const).map((direction) => ({
      registrationId: r.id,
      point: s.id,
      direction,
      scannedAt: direction === 'in' ? s.startsAt : s.endsAt,
      deskId: 'Desk 1',
      deviceId: 'd1',
      clientId: `${r.id}-${j}-${direction}`,
      source: 'scan' as const,
    })),
  ),
);
const pageJson = JSON.stringify({ regs, scans });

const issue = () => {
  const rows = JSON.parse(pageJson);
  const people = attendanceReport(settings, sessions, rows.regs, rows.scans, [], 'en');
  return JSON.stringify(attendeeCertificates('evt_bench', settings, people));
};
for (let i = 0; i < 5; i++) issue(); // a warm isolate
const runs = 100;
const t = process.cpuUsage();
let issued = 0;
for (let i = 0; i < runs; i++) issued = JSON.parse(issue()).length;
const used = process.cpuUsage(t);
const ms = (used.user + used.system) / 1000 / runs;
console.log(
  JSON.stringify({
    page: PAGE,
    items: ITEMS,
    scans: scans.length,
    certificates: issued,
    cpuMsPerRequest: +ms.toFixed(2),
  }),
);
