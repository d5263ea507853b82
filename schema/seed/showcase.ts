// What the demo seminar of 22 January 2026 left behind, for `npm start` only: thirty clinicians registered with the
// CME office's questions, their check-ins and sign-in and sign-out scans, the hospital's class II credit rule, the
// evaluation with its assessment, the answers and attempts, and one audited override. Credits, reasons and the
// certificates are not stored here: the app computes them from this, as it would from a real day (the organiser
// issues the certificates in the console). Idempotent like the rest of the seed; the tests' database does not get it.
import type { CmeSettings } from '../../worker/cme/settings';
import type { Form } from '../../worker/evaluation/input';
import { atShanghai, DEMO_DAY, DEMO_EVENT_ID, demoAssignments, demoPeople, insert, literal } from './demo.ts';

const at = (hhmm: string) => atShanghai(DEMO_DAY, hhmm);
const MIN = 60_000;

/** The talks and the panel earn credit; the ceremonies and the tea break do not (160 minutes). */
export const SHOWCASE_ACCREDITED = [
  'ses_demo_breakthroughs',
  'ses_demo_mechanism',
  'ses_demo_safety',
  'ses_demo_case',
  'ses_demo_panel',
];

/** A hospital's own academic activity: class II, one credit for the meeting, the assessment required. */
export const showcaseCme = {
  projectName: '细胞治疗治疗自身免疫性疾病学术交流会',
  projectNumber: '2026-LDP-012',
  level: 'hospital',
  creditClass: 'II',
  accreditedSessionIds: SHOWCASE_ACCREDITED,
  attendee: { mode: 'fixed', credits: 1 },
  lecturerCreditsPerHour: 1,
  cap: 25,
  minPresencePercent: 90,
  requireSignOut: true,
  countAutomaticSignOut: false,
  assessmentRequired: true,
  rounding: 'half',
} satisfies CmeSettings;

const opt = (zh: string, en: string) => ({ zh, en });

/** Five questions on the day's talks; four right (80 %) pass, three tries. */
export const showcaseEvaluation = {
  opensOn: 'sign_out',
  closesAfterDays: 14,
  audience: 'attended',
  assessment: {
    passPercent: 80,
    maxTries: 3,
    questions: [
      {
        id: 'mechanism',
        kind: 'single',
        promptZh: '在自身免疫病中，CAR-T 细胞治疗的核心机制被概括为：',
        promptEn: 'In autoimmune disease, the core mechanism of CAR-T therapy is summed up as:',
        options: [
          opt('肿瘤式的持续杀伤', 'Sustained, tumour-style killing'),
          opt('免疫重置', 'An immune reset'),
          opt('长期免疫抑制', 'Long-term immunosuppression'),
          opt('基因替代', 'Gene replacement'),
        ],
        correct: [1],
      },
      {
        id: 'targets',
        kind: 'single',
        promptZh: '病例中使用的双靶点 CAR-T 针对哪两个靶点？',
        promptEn: 'Which two targets did the dual-target CAR-T in the case report aim at?',
        options: [
          opt('CD19 与 BCMA', 'CD19 and BCMA'),
          opt('CD20 与 CD22', 'CD20 and CD22'),
          opt('CD19 与 CD22', 'CD19 and CD22'),
        ],
        correct: [0],
      },
      {
        id: 'safety',
        kind: 'multiple',
        promptZh: '讲座提到的安全性关注点有哪些？（多选）',
        promptEn: 'Which safety concerns did the lecture name? (Choose all that apply.)',
        options: [
          opt('细胞因子释放综合征', 'Cytokine release syndrome'),
          opt('低丙种球蛋白血症', 'Hypogammaglobulinaemia'),
          opt('罕见的神经毒性', 'Rare neurotoxicity'),
          opt('移植物抗宿主病', 'Graft-versus-host disease'),
        ],
        correct: [0, 1, 2],
      },
      {
        id: 'sledai',
        kind: 'single',
        promptZh: '病例中患者的 SLEDAI 评分从 28 分降至：',
        promptEn: "In the case report, the patient's SLEDAI score fell from 28 to:",
        options: [opt('2 分', '2'), opt('10 分', '10'), opt('14 分', '14')],
        correct: [0],
      },
      {
        id: 'remission',
        kind: 'single',
        promptZh: '截至 2025 年底，讲者团队报告实现临床缓解的难治性患者约有：',
        promptEn: 'By the end of 2025, how many refractory patients did the team report in remission?',
        options: [opt('约 10 例', 'About 10'), opt('超过 100 例', 'Over 100'), opt('超过 1000 例', 'Over 1,000')],
        correct: [1],
      },
    ],
  },
} satisfies Form;

type Clinician = {
  name: string;
  email: string;
  affiliation: string;
  jobTitle: string;
  department: string;
  title: string;
  cme: string;
};

const HOSPITALS = [
  ['北京协和医院', 'pumch'],
  ['北京大学人民医院', 'pkuph'],
  ['北京陆道培医院', 'ludaopei'],
  ['中日友好医院', 'zryhyy'],
  ['首都医科大学附属北京朝阳医院', 'bjcyh'],
  ['北京大学第一医院', 'bddyyy'],
  ['解放军总医院第一医学中心', 'plagh'],
  ['北京积水潭医院', 'jst-hosp'],
] as const;

// name, pinyin, department, professional title (the preset's value), job title as they typed it, English locale
const PEOPLE: [string, string, string, string, string, boolean?][] = [
  ['王丽华', 'wang.lihua', '风湿免疫科', 'chief_physician', '主任医师'],
  ['陈建国', 'chen.jianguo', '风湿免疫科', 'associate_chief_physician', '副主任医师'],
  ['刘芳', 'liu.fang', '肾内科', 'attending_physician', '主治医师'],
  ['赵敏', 'zhao.min', '风湿免疫科', 'attending_physician', '主治医师'],
  ['孙晓东', 'sun.xiaodong', '血液科', 'associate_chief_physician', '副主任医师'],
  ['周静', 'zhou.jing', '风湿免疫科', 'resident_physician', '住院医师'],
  ['吴海燕', 'wu.haiyan', '皮肤科', 'attending_physician', '主治医师'],
  ['郑伟', 'zheng.wei', '神经内科', 'chief_physician', '主任医师'],
  ['冯雪', 'feng.xue', '风湿免疫科', 'nurse_in_charge', '主管护师'],
  ['何志强', 'he.zhiqiang', '血液科', 'attending_physician', '主治医师'],
  ['马丽', 'ma.li', '肾内科', 'associate_chief_physician', '副主任医师'],
  ['朱明', 'zhu.ming', '检验科', 'researcher', '研究员'],
  ['胡婷', 'hu.ting', '风湿免疫科', 'resident_physician', '住院医师'],
  ['郭磊', 'guo.lei', '呼吸与危重症医学科', 'attending_physician', '主治医师'],
  ['林慧', 'lin.hui', '风湿免疫科', 'chief_nurse', '副主任护师'],
  ['高峰', 'gao.feng', '血液科', 'chief_physician', '主任医师'],
  ['罗佳', 'luo.jia', '药剂科', 'other', '主管药师'],
  ['梁晨', 'liang.chen', '风湿免疫科', 'medical_student', '博士研究生'],
  ['宋雨', 'song.yu', '肾内科', 'resident_physician', '住院医师'],
  ['唐宁', 'tang.ning', '风湿免疫科', 'attending_physician', '主治医师'],
  ['Emily Carter', 'emily.carter', 'Rheumatology', 'associate_chief_physician', 'Visiting associate professor', true],
  ['韩冰', 'han.bing', '风湿免疫科', 'attending_physician', '主治医师'],
  ['曹阳', 'cao.yang', '神经内科', 'associate_chief_physician', '副主任医师'],
  ['邓雅', 'deng.ya', '风湿免疫科', 'resident_physician', '住院医师'],
  ['许文', 'xu.wen', '血液科', 'attending_physician', '主治医师'],
  ['彭亮', 'peng.liang', '肾内科', 'attending_physician', '主治医师'],
  ['谢婉', 'xie.wan', '风湿免疫科', 'nurse', '护师'],
  ['沈超', 'shen.chao', '风湿免疫科', 'attending_physician', '主治医师'],
  ['韦红', 'wei.hong', '皮肤科', 'associate_chief_physician', '副主任医师'],
  ['苏琳', 'su.lin', '风湿免疫科', 'resident_physician', '住院医师'],
];

const clinicians: (Clinician & { en: boolean })[] = PEOPLE.map(([name, pinyin, department, title, jobTitle, en], i) => {
  const [affiliation, domain] = HOSPITALS[i % HOSPITALS.length]!;
  return {
    name,
    email: `${pinyin}@${domain}.example`,
    affiliation: en ? 'Peking Union Medical College Hospital (visiting)' : affiliation,
    jobTitle,
    department,
    title,
    // A made-up 12-digit card number for most; some leave the optional question empty, as people do.
    cme: i % 7 === 3 ? '' : String(110_100_000_000 + i * 7_919_301).slice(0, 12),
    en: !!en,
  };
});

/**
 * How each of the thirty spent the afternoon, by index. Everyone else signed in on arrival and out after the
 * closing, and passed the assessment at the first or second try.
 */
const DAY: Record<number, { in?: string[]; out?: (string | null)[]; tries?: number[]; status?: string; why?: string }> =
  {
    20: { in: ['14:22'] }, // 7 minutes late: 95 % present, still eligible
    21: { in: ['14:45'] }, // 30 minutes late: 81 %, not eligible
    22: { out: ['16:00'] }, // left before the case report: 56 %
    23: { in: ['13:52', '15:50'], out: ['15:31', '17:21'] }, // out for a call over the break, back 5 minutes late
    24: { out: [null] }, // no sign-out: the scanner at the exit failed; the organiser overrides, with the reason
    25: { out: [null] }, // no sign-out, no override
    26: { tries: [60, 60, 40] }, // present throughout, failed the assessment three times
    27: { status: 'no_show' },
    28: { status: 'no_show' },
    29: { status: 'cancelled' },
  };

const OVERRIDE_REASON = '签退扫码枪故障，科室核实全程在场 / The exit scanner failed; the department confirmed presence';

/** A fixed pseudo-random sequence, so the seed writes the same answers every time. */
function lcg(seed: number) {
  let x = seed;
  return () => {
    x = (x * 1_103_515_245 + 12_345) % 2_147_483_648;
    return x / 2_147_483_648;
  };
}

const RATINGS_TARGETS = [
  ...['ses_demo_breakthroughs', 'ses_demo_mechanism', 'ses_demo_safety', 'ses_demo_case'].flatMap((s) => [
    `item:${s}`,
    `person:per_demo_jin@${s}`,
  ]),
  'item:ses_demo_panel',
  ...['per_demo_jin', 'per_demo_zhang', 'per_demo_li', 'per_demo_yang'].map((p) => `person:${p}@ses_demo_panel`),
];
const COMMENTS = [
  '病例分享非常有启发，希望下次能讲讲长期随访数据。',
  '机制部分讲得很清楚，免疫重置的概念第一次听明白。',
  'The panel was the best part: frank about what is still unknown.',
  '希望会后能提供课件下载。',
  '时间有点紧，讨论环节可以再长一些。',
  '安全性数据很实用，对我们科开展类似项目有帮助。',
];

/** The statements, for the demo event only; run after demoSeedStatements. `questions` is the clinical preset. */
export function showcaseStatements(questions: readonly unknown[]): string[] {
  const out: string[] = [];
  const e = DEMO_EVENT_ID;
  const registeredFrom = Date.parse('2025-12-03T09:00:00+08:00');
  out.push(
    `UPDATE events SET questions = ${literal(JSON.stringify(questions))}, questions_rev = questions_rev + 1 WHERE id = '${e}' AND questions = '[]';`,
  );
  out.push(
    insert('cme_projects', {
      event_id: e,
      settings: JSON.stringify(showcaseCme),
      updated_at: Date.parse('2026-01-10T10:00:00+08:00'),
      organiser_name: '北京陆道培医院',
    }),
  );
  out.push(
    insert('evaluation_forms', {
      event_id: e,
      settings: JSON.stringify(showcaseEvaluation),
      updated_at: Date.parse('2026-01-15T10:00:00+08:00'),
    }),
  );
  const rand = lcg(22);
  const scans: { reg: string; ins: number[]; outs: (number | null)[] }[] = [];
  clinicians.forEach((c, i) => {
    const id = `reg_demo_att_${String(i + 1).padStart(2, '0')}`;
    const plan = DAY[i] ?? {};
    const created = registeredFrom + Math.floor(i * 1.3 * 86_400_000 + rand() * 36_000_000);
    const cancelled = plan.status === 'cancelled';
    out.push(
      insert('registrations', {
        id,
        event_id: e,
        ticket_code: `demo-att-${String(i + 1).padStart(2, '0')}-9fTq4Lm2`,
        name: c.name,
        email: c.email,
        email_key: c.email,
        phone: `139${String(10_000_000 + i * 1_234_567).slice(0, 8)}`,
        affiliation: c.affiliation,
        job_title: c.jobTitle,
        locale: c.en ? 'en' : 'zh-CN',
        status: cancelled ? 'cancelled' : 'confirmed',
        role: 'attendee',
        consent_at: created,
        answers: JSON.stringify({
          department: c.department,
          professional_title: c.title,
          practice_category:
            c.title === 'researcher' ? 'medical_technology' : c.title.includes('nurse') ? 'nursing' : 'clinical',
          ...(c.cme ? { cme_number: c.cme } : {}),
        }),
        created_at: created,
        updated_at: cancelled ? Date.parse('2026-01-20T18:40:00+08:00') : created,
      }),
    );
    if (plan.status) return;
    const arrive = at('13:35') + Math.floor(rand() * 23 * MIN);
    const ins = plan.in ? plan.in.map(at) : [arrive];
    const outs = plan.out
      ? plan.out.map((t) => (t === null ? null : at(t)))
      : [at('17:12') + Math.floor(rand() * 14 * MIN)];
    scans.push({ reg: id, ins, outs });
    const tries = plan.tries ?? (i % 6 === 4 ? [60, 80] : [i % 3 ? 100 : 80]);
    let when = (outs.at(-1) ?? at('17:20')) + 25 * MIN + Math.floor(rand() * 600 * MIN);
    tries.forEach((score, n) => {
      out.push(
        insert('assessment_attempts', {
          event_id: e,
          registration_id: id,
          n: n + 1,
          score_percent: score,
          passed: score >= 80 ? 1 : 0,
          missed: JSON.stringify(score === 100 ? [] : score === 80 ? ['safety'] : ['safety', 'remission']),
          at: when,
        }),
      );
      when += 4 * MIN;
    });
    // Two in three rated the talks; a few wrote a comment.
    if (i % 3 !== 2) {
      for (const target of RATINGS_TARGETS)
        for (const aspect of ['content', 'delivery', 'relevance']) {
          const r = rand();
          out.push(
            insert('evaluation_answers', {
              event_id: e,
              registration_id: id,
              target,
              aspect,
              score: r < 0.55 ? 5 : r < 0.88 ? 4 : r < 0.97 ? 3 : 2,
              text: null,
              at: when,
            }),
          );
        }
      out.push(
        insert('evaluation_answers', {
          event_id: e,
          registration_id: id,
          target: 'event',
          aspect: 'overall',
          score: rand() < 0.6 ? 5 : 4,
          text: null,
          at: when,
        }),
      );
      if (i % 5 === 0)
        out.push(
          insert('evaluation_answers', {
            event_id: e,
            registration_id: id,
            target: i % 10 === 0 ? 'event' : 'item:ses_demo_case',
            aspect: 'comment',
            score: null,
            text: COMMENTS[(i / 5) % COMMENTS.length]!,
            at: when,
          }),
        );
    }
  });
  // Their badges were made when the programme was set, not on the day this seed ran.
  const badgesMade = Date.parse('2026-01-05T10:00:00+08:00');
  out.push(
    `UPDATE registrations SET created_at = ${badgesMade}, updated_at = ${badgesMade} WHERE event_id = '${e}' AND person_id IS NOT NULL AND created_at > ${at('17:20')};`,
  );
  // Each of them had confirmed their items in the portal beforehand.
  demoAssignments.forEach(([sessionId, personId], k) => {
    out.push(
      insert('faculty_responses', {
        session_id: sessionId,
        person_id: personId,
        status: 'confirmed',
        note: '',
        responded_at: Date.parse('2026-01-08T09:00:00+08:00') + k * 37 * MIN,
      }),
    );
  });
  // The speaker and the three panel guests came too, on their badges.
  demoPeople.forEach((p, k) => {
    scans.push({ reg: `reg_${p.id}`, ins: [at('13:30') + k * 4 * MIN], outs: [at('17:25') + k * MIN] });
  });
  const desks = ['前台 1', '前台 2'];
  scans.forEach(({ reg, ins, outs }, k) => {
    const desk = desks[k % 2]!;
    // The check-in is on the registration's row (migration 0022); a second seeding leaves it as it is.
    out.push(
      `UPDATE registrations SET checked_in_at = ${ins[0]!}, checkin_desk_id = ${literal(desk)}, checkin_device_id = '', checkin_client_id = ${literal(`seed-${reg}-checkin`)}, checkin_source = 'scan', checkin_staff_id = 'stf_demo_desk', checkin_created_at = ${ins[0]!}, checkin_changed_at = ${ins[0]!} WHERE id = ${literal(reg)} AND event_id = ${literal(e)} AND checked_in_at IS NULL;`,
    );
    const scan = (direction: 'in' | 'out', t: number, n: number) =>
      insert('attendance_scans', {
        id: `att_seed_${reg}_${direction}${n}`,
        event_id: e,
        registration_id: reg,
        point: '',
        direction,
        scanned_at: t,
        desk_id: direction === 'in' ? desk : '出口',
        device_id: '',
        client_id: `seed-${reg}-${direction}${n}`,
        source: 'scan',
        staff_id: 'stf_demo_desk',
        created_at: t,
      });
    ins.forEach((t, n) => {
      out.push(scan('in', t, n));
    });
    outs.forEach((t, n) => {
      if (t !== null) out.push(scan('out', t, n));
    });
  });
  const overridden = 'reg_demo_att_25';
  const overrideAt = Date.parse('2026-01-23T10:12:00+08:00');
  out.push(
    insert('attendance_overrides', {
      registration_id: overridden,
      event_id: e,
      eligible: 1,
      reason: OVERRIDE_REASON,
      staff_id: 'stf_demo_organiser',
      created_at: overrideAt,
    }),
    `INSERT INTO audit (event_id, staff_id, action, detail, created_at) SELECT '${e}', 'stf_demo_organiser', 'attendance.override', '${JSON.stringify({ id: overridden, eligible: true, reason: OVERRIDE_REASON })}', ${overrideAt} WHERE NOT EXISTS (SELECT 1 FROM audit WHERE event_id = '${e}' AND action = 'attendance.override');`,
  );
  return out;
}
