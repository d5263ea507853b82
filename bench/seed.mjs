// Seeds the bench database: the demo event (scripts/local-db.mjs) plus N generated registrations, reproducibly.
import { spawnSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

// The upcoming edition of the demo seminar: the seminar itself has ended and takes no registrations.
export const EVENT_ID = 'evt_next_cell_therapy';
export const SLUG = 'cell-therapy-autoimmune-next';
const WRANGLER = 'node_modules/wrangler/bin/wrangler.js';
const ROWS_PER_INSERT = 250;
const ROWS_PER_FILE = 5000;

/** mulberry32: a small seeded PRNG, so every run seeds the same people and ticket codes. */
export function prng(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const SURNAMES = [
  ['王', 'wang'],
  ['李', 'li'],
  ['张', 'zhang'],
  ['刘', 'liu'],
  ['陈', 'chen'],
  ['杨', 'yang'],
  ['黄', 'huang'],
  ['赵', 'zhao'],
  ['吴', 'wu'],
  ['周', 'zhou'],
  ['徐', 'xu'],
  ['孙', 'sun'],
  ['马', 'ma'],
  ['朱', 'zhu'],
  ['胡', 'hu'],
  ['郭', 'guo'],
  ['何', 'he'],
  ['高', 'gao'],
  ['林', 'lin'],
  ['罗', 'luo'],
  ['郑', 'zheng'],
  ['梁', 'liang'],
  ['谢', 'xie'],
  ['宋', 'song'],
  ['唐', 'tang'],
  ['许', 'xu'],
  ['韩', 'han'],
  ['冯', 'feng'],
  ['邓', 'deng'],
  ['曹', 'cao'],
  ['彭', 'peng'],
  ['曾', 'zeng'],
  ['肖', 'xiao'],
  ['田', 'tian'],
  ['董', 'dong'],
  ['潘', 'pan'],
  ['袁', 'yuan'],
  ['蔡', 'cai'],
  ['蒋', 'jiang'],
  ['余', 'yu'],
  ['于', 'yu'],
  ['杜', 'du'],
  ['叶', 'ye'],
  ['程', 'cheng'],
  ['魏', 'wei'],
  ['苏', 'su'],
  // Two-character surnames, so a given name sits inside the name: 欧阳小明 is found by 小明.
  ['欧阳', 'ouyang'],
  ['司马', 'sima'],
  ['诸葛', 'zhuge'],
  ['上官', 'shangguan'],
];
const GIVEN = [
  ['伟', 'wei'],
  ['芳', 'fang'],
  ['娜', 'na'],
  ['敏', 'min'],
  ['静', 'jing'],
  ['丽', 'li'],
  ['强', 'qiang'],
  ['磊', 'lei'],
  ['军', 'jun'],
  ['洋', 'yang'],
  ['勇', 'yong'],
  ['艳', 'yan'],
  ['杰', 'jie'],
  ['娟', 'juan'],
  ['涛', 'tao'],
  ['明', 'ming'],
  ['超', 'chao'],
  ['秀英', 'xiuying'],
  ['霞', 'xia'],
  ['平', 'ping'],
  ['刚', 'gang'],
  ['桂英', 'guiying'],
  ['建华', 'jianhua'],
  ['晓燕', 'xiaoyan'],
  ['海燕', 'haiyan'],
  ['志强', 'zhiqiang'],
  ['文', 'wen'],
  ['欣怡', 'xinyi'],
  ['子涵', 'zihan'],
  ['思远', 'siyuan'],
  ['雨桐', 'yutong'],
  ['浩然', 'haoran'],
  ['佳琪', 'jiaqi'],
  ['博文', 'bowen'],
  ['小明', 'xiaoming'],
  ['小红', 'xiaohong'],
];
const FIRST_EN = [
  'James',
  'Mary',
  'Robert',
  'Patricia',
  'John',
  'Jennifer',
  'Michael',
  'Linda',
  'David',
  'Elizabeth',
  'William',
  'Susan',
  'Richard',
  'Jessica',
  'Thomas',
  'Sarah',
  'Daniel',
  'Karen',
  'Matthew',
  'Emily',
  'Anna',
  'Lukas',
  'Sophie',
  'Hiroshi',
  'Yuki',
  'Min-jun',
  'Priya',
  'Arjun',
  'Olivia',
  'Noah',
];
const LAST_EN = [
  'Smith',
  'Johnson',
  'Williams',
  'Brown',
  'Jones',
  'Garcia',
  'Miller',
  'Davis',
  'Wilson',
  'Anderson',
  'Taylor',
  'Moore',
  'Martin',
  'Thompson',
  'White',
  'Harris',
  'Clark',
  'Lewis',
  'Walker',
  'Hall',
  'Müller',
  'Schmidt',
  'Tanaka',
  'Kim',
  'Patel',
  'Sharma',
  'Nguyen',
  'Rossi',
  'Carter',
];
const AFFILIATIONS_ZH = [
  '北京协和医院',
  '北京大学第一医院',
  '北京大学人民医院',
  '中日友好医院',
  '北京朝阳医院',
  '北京天坛医院',
  '解放军总医院第一医学中心',
  '北京陆道培医院',
  '上海交通大学医学院附属仁济医院',
  '复旦大学附属华山医院',
  '四川大学华西医院',
  '浙江大学医学院附属第一医院',
  '中山大学附属第一医院',
  '武汉同济医院',
  '山东大学齐鲁医院',
  '天津医科大学总医院',
  '河北医科大学第二医院',
  '首都医科大学附属北京安贞医院',
];
const AFFILIATIONS_EN = [
  'Peking Union Medical College Hospital',
  'Charité – Universitätsmedizin Berlin',
  'Karolinska University Hospital',
  'Massachusetts General Hospital',
  'University Hospital Erlangen',
  'Seoul National University Hospital',
  'Tokyo University Hospital',
  'Mayo Clinic',
];
const TITLES_ZH = ['主任医师', '副主任医师', '主治医师', '住院医师', '护士长', '研究员', '博士研究生', '药师', ''];
const TITLES_EN = [
  'Professor',
  'Consultant',
  'Attending physician',
  'Resident',
  'Research fellow',
  'PhD student',
  'Nurse',
  '',
];
const MOBILE_PREFIXES = [
  '130',
  '131',
  '132',
  '133',
  '135',
  '136',
  '137',
  '138',
  '139',
  '150',
  '151',
  '152',
  '157',
  '158',
  '159',
  '176',
  '177',
  '180',
  '182',
  '186',
  '187',
  '188',
  '189',
  '199',
];
const B64URL = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';

/** N registrations for the demo event: names, emails, phones and ticket codes, all deterministic. */
export function generateRegistrations(n, seed = 20260122) {
  const rnd = prng(seed);
  const pick = (list) => list[Math.floor(rnd() * list.length)];
  const start = Date.parse('2025-12-01T00:00:00+08:00');
  const out = [];
  for (let i = 0; i < n; i++) {
    const zh = rnd() < 0.75;
    let name, local;
    if (zh) {
      const [s, sp] = pick(SURNAMES);
      const [g, gp] = pick(GIVEN);
      name = s + g;
      local = `${gp}.${sp}`;
    } else {
      const f = pick(FIRST_EN);
      const l = pick(LAST_EN);
      name = `${f} ${l}`;
      local = `${f}.${l}`
        .toLowerCase()
        .normalize('NFD')
        .replace(/[^a-z.]/g, '');
    }
    const email = `${local}${i}@${zh ? pick(['163.com', 'qq.com', 'hospital.cn', 'pumch.cn', '126.com']) : pick(['example.org', 'uni.example.edu', 'mail.example.com'])}`;
    const phone = zh || rnd() < 0.3 ? pick(MOBILE_PREFIXES) + String(Math.floor(rnd() * 1e8)).padStart(8, '0') : '';
    let ticketCode = '';
    for (let k = 0; k < 22; k++) ticketCode += B64URL[Math.floor(rnd() * 64)];
    out.push({
      id: `reg_bench_${String(i).padStart(6, '0')}`,
      ticketCode,
      name,
      email,
      emailKey: email.toLowerCase(),
      phone,
      affiliation: zh ? pick(AFFILIATIONS_ZH) : pick(AFFILIATIONS_EN),
      jobTitle: zh ? pick(TITLES_ZH) : pick(TITLES_EN),
      locale: zh ? 'zh-CN' : 'en',
      createdAt: start + Math.floor(rnd() * 50 * 86_400_000),
    });
  }
  return out;
}

const lit = (v) => (v === null ? 'NULL' : typeof v === 'number' ? String(v) : `'${String(v).replaceAll("'", "''")}'`);

/** SQL files (one per ROWS_PER_FILE rows) that raise the capacity and insert the registrations. */
const choice = (value, zh, en) => ({ value, label: { zh, en } });
/** The bench event's questions: all optional, so the plain registration route is still valid without answers. */
export const BENCH_QUESTIONS = [
  { id: 'department', type: 'short_text', label: { zh: '科室', en: 'Department' }, required: false, desk: true },
  {
    id: 'professional_title',
    type: 'single_choice',
    label: { zh: '职称', en: 'Professional title' },
    required: false,
    options: [
      choice('chief_physician', '主任医师', 'Chief physician'),
      choice('attending_physician', '主治医师', 'Attending physician'),
    ],
  },
  {
    id: 'practice_category',
    type: 'single_choice',
    label: { zh: '执业类别', en: 'Practice category' },
    required: false,
    options: [choice('clinical', '临床', 'Clinical medicine'), choice('nursing', '护理', 'Nursing')],
  },
  {
    id: 'cme_number',
    type: 'pattern',
    label: { zh: '继续医学教育卡号', en: 'CME card number' },
    required: false,
    pattern: '[A-Z0-9-]{6,20}',
  },
  { id: 'dinner', type: 'yes_no', label: { zh: '参加晚宴', en: 'Dinner' }, required: false },
  {
    id: 'diet',
    type: 'short_text',
    label: { zh: '饮食要求', en: 'Diet' },
    required: false,
    showIf: { questionId: 'dinner', equals: true },
  },
];

export function registrationSqlFiles(regs, dir, capacity) {
  mkdirSync(dir, { recursive: true });
  const files = [];
  for (let f = 0; f * ROWS_PER_FILE < Math.max(regs.length, 1); f++) {
    const part = regs.slice(f * ROWS_PER_FILE, (f + 1) * ROWS_PER_FILE);
    const lines =
      f === 0
        ? [
            `UPDATE events SET capacity = ${capacity} WHERE id = ${lit(EVENT_ID)};`,
            // Optional questions (the clinical preset and two more), so one run measures registration with and without answers.
            `UPDATE events SET questions = ${lit(JSON.stringify(BENCH_QUESTIONS))}, questions_rev = 1 WHERE id = ${lit(EVENT_ID)};`,
          ]
        : [];
    for (let i = 0; i < part.length; i += ROWS_PER_INSERT) {
      const values = part
        .slice(i, i + ROWS_PER_INSERT)
        .map(
          (r) =>
            `(${[
              r.id,
              EVENT_ID,
              r.ticketCode,
              r.name,
              r.email,
              r.emailKey,
              r.phone,
              r.affiliation,
              r.jobTitle,
              r.locale,
              'confirmed',
              'attendee',
              r.createdAt,
              r.createdAt,
              r.createdAt,
            ]
              .map(lit)
              .join(', ')})`,
        );
      lines.push(
        `INSERT INTO registrations (id, event_id, ticket_code, name, email, email_key, phone, affiliation, job_title, locale, status, role, consent_at, created_at, updated_at) VALUES\n${values.join(',\n')};`,
      );
    }
    const file = join(dir, `registrations-${f}.sql`);
    writeFileSync(file, lines.join('\n') + '\n');
    files.push(file);
  }
  return files;
}

/** Runs each SQL file against the local D1 in `persistTo`; throws (with wrangler's output) if one fails. */
export function executeSqlFiles(files, persistTo) {
  for (const file of files) {
    const r = spawnSync(
      process.execPath,
      [WRANGLER, 'd1', 'execute', 'DB', '--local', '--persist-to', persistTo, '--file', file],
      {
        encoding: 'utf8',
        env: { ...process.env, CI: 'true', WRANGLER_SEND_METRICS: 'false' },
        timeout: 120_000,
      },
    );
    if (r.status !== 0)
      throw new Error(`wrangler d1 execute ${file} failed (exit ${r.status ?? r.signal}):\n${r.stdout}\n${r.stderr}`);
  }
}
