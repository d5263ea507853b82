// The demo seminar from ../shared/seed/README.md (held on 22 January 2026, so it has ended) and an upcoming
// edition of it open for registration, as idempotent SQL that `npm start` and the tests both run.

/** Asia/Shanghai is UTC+8 all year (no daylight saving), so a local time maps to UTC by a fixed offset. */
export const atShanghai = (day: string, hhmm: string) => Date.parse(`${day}T${hhmm}:00+08:00`);

export const DEMO_EVENT_ID = 'evt_demo_cell_therapy';
export const DEMO_SLUG = 'cell-therapy-autoimmune-2026';
export const DEMO_DAY = '2026-01-22';

/** The upcoming edition: same agenda and people, four weeks after the day the seed runs, so a newcomer can register. */
export const UPCOMING_EVENT_ID = 'evt_next_cell_therapy';
export const UPCOMING_SLUG = 'cell-therapy-autoimmune-next';
const UPCOMING_AFTER_DAYS = 28;

/** The Shanghai calendar day `days` after the one `now` falls on, as YYYY-MM-DD. */
export const shanghaiDayAfter = (now: number, days: number) =>
  new Date(now + 8 * 3_600_000 + days * 86_400_000).toISOString().slice(0, 10);

export const demoEvent = {
  id: DEMO_EVENT_ID,
  slug: DEMO_SLUG,
  title_zh: '细胞治疗治疗自身免疫性疾病学术交流会',
  title_en: 'Cell therapy for autoimmune diseases',
  description_zh:
    '北京陆道培医院风湿免疫科病房正式开科，同期举办细胞治疗治疗自身免疫性疾病学术交流会。会议由风湿免疫科金京玉主任主讲，特邀三位专家作为讨论嘉宾，共话细胞治疗新未来。',
  description_en:
    'Beijing Lu Daopei Hospital opens the ward of its new Department of Rheumatology and Immunology with an academic exchange on cell therapy for autoimmune disease. Director Jin Jingyu gives the main lecture; three invited directors join the panel discussion.',
  venue_zh: '北京陆道培医院',
  venue_en: 'Beijing Lu Daopei Hospital',
  address_zh: '学术报告厅',
  address_en: 'Lecture Hall',
  contact_zh: '风湿免疫科会务组 王老师 · meeting@ludaopei.example',
  contact_en: 'Ms Wang, meeting office, Dept. of Rheumatology · meeting@ludaopei.example',
  timezone: 'Asia/Shanghai',
  starts_at: atShanghai(DEMO_DAY, '14:00'),
  ends_at: atShanghai(DEMO_DAY, '17:20'),
  capacity: 200,
  status: 'published',
  registration_opens_at: Date.parse('2025-12-01T00:00:00+08:00'),
  registration_closes_at: null,
};

const upcomingEvent = (day: string) => ({
  ...demoEvent,
  id: UPCOMING_EVENT_ID,
  slug: UPCOMING_SLUG,
  title_zh: `${demoEvent.title_zh}（第二期）`,
  title_en: `${demoEvent.title_en}: second session`,
  starts_at: atShanghai(day, '14:00'),
  ends_at: atShanghai(day, '17:20'),
  registration_opens_at: null,
});

const hall = { room_zh: '学术报告厅', room_en: 'Lecture Hall' };
const foyer = { room_zh: '报告厅前厅', room_en: 'Lecture Hall foyer' };

export const demoSessions = [
  {
    id: 'ses_demo_opening',
    kind: 'ceremony',
    start: '14:00',
    end: '14:15',
    ...hall,
    title_zh: '风湿免疫科病房开科仪式暨开幕致辞',
    title_en: 'Opening of the Rheumatology and Immunology ward, and welcome',
    description_zh: '北京陆道培医院风湿免疫科病房正式开科。',
    description_en: 'The new ward of the Department of Rheumatology and Immunology opens.',
  },
  {
    id: 'ses_demo_breakthroughs',
    kind: 'talk',
    start: '14:15',
    end: '15:00',
    ...hall,
    title_zh: '细胞治疗在自身免疫性疾病中的突破：从研究到临床',
    title_en: 'Cell therapy breakthroughs in autoimmune disease: from research to the clinic',
    description_zh:
      'CAR-T 细胞治疗在系统性红斑狼疮、特发性炎性肌病、系统性硬化症、重症肌无力中的进展。截至2025年底，已有超过100例难治性患者实现临床缓解，部分达到无药缓解。',
    description_en:
      'CAR-T therapy in SLE, idiopathic inflammatory myopathy, systemic sclerosis and myasthenia gravis. By the end of 2025 over 100 refractory patients were in remission, some drug-free.',
  },
  {
    id: 'ses_demo_mechanism',
    kind: 'talk',
    start: '15:00',
    end: '15:30',
    ...hall,
    title_zh: '核心机制与技术选择：免疫重置、靶点、自体与通用型、CAR-T 与 CAR-NK',
    title_en: 'Mechanism and technology choices: immune reset, targets, autologous vs universal, CAR-T vs CAR-NK',
    description_zh:
      '区别于肿瘤治疗的“杀伤”逻辑，自身免疫病中细胞治疗的目标是“免疫重置”。CD19 与 BCMA 靶点，单靶点与双靶点。',
    description_en:
      'Unlike tumour killing, the aim in autoimmune disease is an "immune reset". CD19 and BCMA targets; single and dual targets.',
  },
  {
    id: 'ses_demo_break',
    kind: 'break',
    start: '15:30',
    end: '15:45',
    ...foyer,
    title_zh: '茶歇',
    title_en: 'Tea break',
    description_zh: '',
    description_en: '',
  },
  {
    id: 'ses_demo_safety',
    kind: 'talk',
    start: '15:45',
    end: '16:05',
    ...hall,
    title_zh: '临床疗效与安全性',
    title_en: 'Clinical efficacy and safety',
    description_zh: '细胞因子释放综合征、低丙种球蛋白血症与罕见的神经毒性。',
    description_en: 'Cytokine release syndrome, hypogammaglobulinaemia and rare neurotoxicity.',
  },
  {
    id: 'ses_demo_case',
    kind: 'talk',
    start: '16:05',
    end: '16:25',
    ...hall,
    title_zh: '病例分享：重症狼疮性肾炎的“破茧重生”',
    title_en: 'Case report: a young woman with severe lupus nephritis',
    description_zh: '自体 CD19/BCMA 双靶点 CAR-T 治疗后，SLEDAI 评分从28分降至2分。',
    description_en: 'After autologous CD19/BCMA dual-target CAR-T, her SLEDAI score fell from 28 to 2.',
  },
  {
    id: 'ses_demo_panel',
    kind: 'panel',
    start: '16:25',
    end: '17:10',
    ...hall,
    title_zh: '专家讨论：细胞治疗新未来',
    title_en: 'Panel discussion: the future of cell therapy',
    description_zh: '特邀嘉宾共话 CAR-T 在自身免疫病中的前景。',
    description_en: 'The invited guests discuss the prospects of CAR-T in autoimmune disease.',
  },
  {
    id: 'ses_demo_closing',
    kind: 'ceremony',
    start: '17:10',
    end: '17:20',
    ...hall,
    title_zh: '闭幕与开科祝贺',
    title_en: 'Closing and congratulations on the opening',
    description_zh: '',
    description_en: '',
  },
] as const;

export const demoPeople = [
  {
    id: 'per_demo_jin',
    name_zh: '金京玉',
    name_en: 'Jin Jingyu',
    honorific_zh: '主任',
    honorific_en: 'Director',
    institution_zh: '北京陆道培医院风湿免疫科',
    institution_en: 'Department of Rheumatology and Immunology, Beijing Lu Daopei Hospital',
    email: 'jin.jingyu@example.org',
    role: 'speaker',
    bio_zh: '北京陆道培医院风湿免疫科主任，致力于细胞治疗在难治性自身免疫病中的临床应用。',
    bio_en:
      'Head of the Department of Rheumatology and Immunology at Beijing Lu Daopei Hospital, working on cell therapy for refractory autoimmune disease.',
  },
  {
    id: 'per_demo_zhang',
    name_zh: '张江林',
    name_en: 'Zhang Jianglin',
    honorific_zh: '主任',
    honorific_en: 'Director',
    institution_zh: '解放军总医院第一医学中心',
    institution_en: 'Chinese PLA General Hospital, First Medical Center',
    email: 'zhang.jianglin@example.org',
    role: 'guest',
    bio_zh: '解放军总医院第一医学中心风湿免疫科主任，特邀讨论嘉宾。',
    bio_en:
      'Director of rheumatology at the First Medical Center of the Chinese PLA General Hospital; invited discussion guest.',
  },
  {
    id: 'per_demo_li',
    name_zh: '李艳',
    name_en: 'Li Yan',
    honorific_zh: '主任',
    honorific_en: 'Director',
    institution_zh: '解放军总医院第四医学中心',
    institution_en: 'Chinese PLA General Hospital, Fourth Medical Center',
    email: 'li.yan@example.org',
    role: 'guest',
    bio_zh: '解放军总医院第四医学中心风湿免疫科主任，特邀讨论嘉宾。',
    bio_en:
      'Director of rheumatology at the Fourth Medical Center of the Chinese PLA General Hospital; invited discussion guest.',
  },
  {
    id: 'per_demo_yang',
    name_zh: '杨春花',
    name_en: 'Yang Chunhua',
    honorific_zh: '主任',
    honorific_en: 'Director',
    institution_zh: '北京电力医院',
    institution_en: 'Beijing Electric Power Hospital',
    email: 'yang.chunhua@example.org',
    role: 'guest',
    bio_zh: '北京电力医院风湿免疫科主任，特邀讨论嘉宾。',
    bio_en: 'Director of rheumatology at Beijing Electric Power Hospital; invited discussion guest.',
  },
] as const;

export const demoAssignments = [
  ...['ses_demo_breakthroughs', 'ses_demo_mechanism', 'ses_demo_safety', 'ses_demo_case'].map(
    (s) => [s, 'per_demo_jin', 'speaker'] as const,
  ),
  ['ses_demo_panel', 'per_demo_jin', 'moderator'] as const,
  ['ses_demo_panel', 'per_demo_zhang', 'panelist'] as const,
  ['ses_demo_panel', 'per_demo_li', 'panelist'] as const,
  ['ses_demo_panel', 'per_demo_yang', 'panelist'] as const,
];

export const demoStaff = [
  { id: 'stf_demo_organiser', email: 'organiser@colloquy.test', name: 'Demo organiser', role: 'organiser' },
  { id: 'stf_demo_desk', email: 'desk@colloquy.test', name: 'Front desk', role: 'desk' },
] as const;

export type Value = string | number | null;
export const literal = (v: Value) =>
  v === null ? 'NULL' : typeof v === 'number' ? String(v) : `'${v.replaceAll("'", "''")}'`;
export const insert = (table: string, row: Record<string, Value>) =>
  `INSERT INTO ${table} (${Object.keys(row).join(', ')}) VALUES (${Object.values(row).map(literal).join(', ')}) ON CONFLICT DO NOTHING;`;

/** The two editions: the same programme, people and staff under their own ids and badge tickets. */
const editions = [
  { eventId: DEMO_EVENT_ID, prefix: 'demo', ticketPrefix: 'demo' },
  { eventId: UPCOMING_EVENT_ID, prefix: 'next', ticketPrefix: 'demo-next' },
] as const;
type Edition = (typeof editions)[number];

/** Moves a seeded id to an edition: ses_demo_panel → ses_next_panel. */
export const editionId = (id: string, edition: 'demo' | 'next') => id.replace('_demo_', `_${edition}_`);

/** Badge tickets of the demo's people: fixed so a restart re-seeds nothing, random enough to be unguessable. */
const personTicket = (e: Edition, id: string) => `${e.ticketPrefix}-${id.slice(9)}-badge-7Kq2xVw9`;

function editionStatements(e: Edition, day: string): string[] {
  const out: string[] = [];
  const at = (hhmm: string) => atShanghai(day, hhmm);
  demoSessions.forEach(({ start, end, ...s }, position) => {
    out.push(
      insert('sessions', {
        ...s,
        id: editionId(s.id, e.prefix),
        event_id: e.eventId,
        starts_at: at(start),
        ends_at: at(end),
        position,
      }),
    );
  });
  demoPeople.forEach(({ role, ...p }, position) => {
    const id = editionId(p.id, e.prefix);
    out.push(insert('people', { ...p, id, event_id: e.eventId, position }));
    out.push(
      insert('registrations', {
        id: `reg_${id}`,
        event_id: e.eventId,
        ticket_code: personTicket(e, p.id),
        name: p.name_zh,
        email: p.email,
        email_key: p.email,
        affiliation: p.institution_zh,
        job_title: p.honorific_zh,
        locale: 'zh-CN',
        status: 'confirmed',
        role,
        person_id: id,
      }),
    );
  });
  for (const [sessionId, personId, role] of demoAssignments) {
    out.push(
      insert('session_people', {
        session_id: editionId(sessionId, e.prefix),
        person_id: editionId(personId, e.prefix),
        role,
      }),
    );
  }
  for (const { role, ...s } of demoStaff)
    out.push(insert('staff_roles', { staff_id: s.id, event_id: e.eventId, role }));
  return out;
}

/**
 * Every statement inserts only what is missing, so running the seed twice duplicates nothing. The one
 * exception keeps `npm start` showing a registration that works: an upcoming edition that has ended since an
 * earlier run moves, with its agenda, to four weeks after today (times of day kept).
 */
export function demoSeedStatements(now = Date.now()): string[] {
  const day = shanghaiDayAfter(now, UPCOMING_AFTER_DAYS);
  const next = upcomingEvent(day);
  const over = `(SELECT ends_at FROM events WHERE id = '${UPCOMING_EVENT_ID}') <= ${now}`;
  const shift = `(${next.starts_at} - (SELECT starts_at FROM events WHERE id = '${UPCOMING_EVENT_ID}'))`;
  return [
    insert('events', demoEvent),
    insert('events', next),
    `UPDATE sessions SET starts_at = starts_at + ${shift}, ends_at = ends_at + ${shift} WHERE event_id = '${UPCOMING_EVENT_ID}' AND ${over};`,
    `UPDATE events SET starts_at = ${next.starts_at}, ends_at = ${next.ends_at} WHERE id = '${UPCOMING_EVENT_ID}' AND ends_at <= ${now};`,
    ...demoStaff.map(({ role: _role, ...s }) => insert('staff', s)),
    ...editionStatements(editions[0], DEMO_DAY),
    ...editionStatements(editions[1], day),
  ];
}
