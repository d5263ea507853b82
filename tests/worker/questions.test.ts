// Registration questions: the organiser's list, every answer type and rule, the clinical preset, sensitive answers,
// answers kept across question changes, and the attendee correcting them from the ticket page.
import { env } from 'cloudflare:workers';
import { beforeAll, describe, expect, it } from 'vitest';
import { makeEvent, organisedEvent, person } from './fixtures';
import { call, signIn } from './helpers';

let org: string;
beforeAll(async () => {
  org = await signIn('organiser@colloquy.test');
});

const putQuestions = (slug: string, questions: unknown[], headers: Record<string, string> = { cookie: org }) =>
  call(`/api/events/${slug}/questions`, { method: 'PUT', headers, json: { questions } });
const register = (slug: string, body: unknown, headers: Record<string, string> = {}) =>
  call(`/api/events/${slug}/registrations`, { method: 'POST', json: body, headers });
const storedAnswers = async (id: string) =>
  JSON.parse(
    (await env.DB.prepare('SELECT answers FROM registrations WHERE id = ?').bind(id).first<{ answers: string }>())!
      .answers,
  );

const l = (zh: string, en: string) => ({ zh, en });
const EVERY_TYPE = [
  { id: 'nickname', type: 'short_text', label: l('称呼', 'Nickname'), required: true },
  { id: 'notes', type: 'long_text', label: l('备注', 'Notes'), required: false },
  {
    id: 'diet',
    type: 'single_choice',
    label: l('饮食', 'Diet'),
    required: true,
    options: [
      { value: 'any', label: l('无要求', 'Anything') },
      { value: 'veg', label: l('素食', 'Vegetarian') },
    ],
  },
  {
    id: 'topics',
    type: 'multiple_choice',
    label: l('兴趣', 'Topics'),
    required: false,
    options: [
      { value: 'car_t', label: l('CAR-T', 'CAR-T') },
      { value: 'lupus', label: l('狼疮', 'Lupus') },
    ],
  },
  { id: 'years', type: 'number', label: l('从业年限', 'Years in practice'), required: false },
  { id: 'arrival', type: 'date', label: l('到达日期', 'Arrival date'), required: false },
  { id: 'hotel', type: 'yes_no', label: l('需要住宿', 'Need a hotel'), required: true },
  {
    id: 'nights',
    type: 'number',
    label: l('住几晚', 'Nights'),
    required: true,
    showIf: { questionId: 'hotel', equals: true },
  },
  { id: 'office_phone', type: 'phone', label: l('办公电话', 'Office phone'), required: false },
  { id: 'assistant_email', type: 'email', label: l('助理邮箱', 'Assistant email'), required: false },
  {
    id: 'licence',
    type: 'pattern',
    label: l('执业证书编号', 'Licence number'),
    required: false,
    pattern: '[0-9]{15}',
  },
];

describe('the organiser sets the questions', () => {
  it('replaces the ordered list, and the public event page lists them in that order', async () => {
    const { slug } = await organisedEvent();
    const put = await putQuestions(slug, EVERY_TYPE);
    expect(put.status).toBe(200);
    expect(put.body.questions.map((q: { id: string }) => q.id)).toEqual(EVERY_TYPE.map((q) => q.id));
    const ev = await call(`/api/events/${slug}`);
    const nights = ev.body.event.questions.find((q: { id: string }) => q.id === 'nights');
    expect(nights).toEqual({
      id: 'nights',
      type: 'number',
      label: { zh: '住几晚', en: 'Nights' },
      required: true,
      showIf: { questionId: 'hotel', equals: true },
    });
    expect(ev.body.event.questions[2].options).toHaveLength(2);
  });

  it('refuses anonymous callers and desk staff', async () => {
    const { slug } = await organisedEvent();
    expect((await putQuestions(slug, [], {})).status).toBe(401);
    const desk = await signIn('desk@colloquy.test');
    expect((await putQuestions(slug, [], { cookie: desk })).status).toBe(403);
  });

  it('explains broken definitions: duplicate ids, choices missing, bad patterns, showIf on a later question', async () => {
    const { slug } = await organisedEvent();
    const res = await putQuestions(
      slug,
      [
        { id: 'a', type: 'short_text', label: l('甲', 'A') },
        { id: 'a', type: 'single_choice', label: l('乙', 'B') },
        { id: 'c', type: 'pattern', label: l('丙', 'C'), pattern: '([' },
        { id: 'd', type: 'short_text', label: l('丁', 'D'), showIf: { questionId: 'e', equals: 'x' } },
        { id: 'e', type: 'short_text', label: l('戊', 'E') },
      ],
      { cookie: org, 'accept-language': 'zh-CN' },
    );
    expect(res.status).toBe(400);
    expect(res.body.error.fields).toEqual({
      'questions.1.id': '每个问题的编号不能重复。',
      'questions.1.options': '请至少提供一个选项。',
      'questions.2.pattern': '这不是有效的正则表达式。',
      'questions.3.showIf': '请把此问题放在它所依赖的问题之后。',
    });
  });

  it("tells the editor's input errors (ids, empty labels, choices, too many) in the console's language", async () => {
    const { slug } = await organisedEvent();
    const broken = [
      { id: 'Bad Id', type: 'short_text', label: l('', '') },
      { id: 'ok', type: 'single_choice', label: l('乙', 'B'), options: [{ value: ' ', label: l('', '') }] },
    ];
    const zh = await putQuestions(slug, broken, { cookie: org, 'accept-language': 'zh-CN' });
    expect(zh.status).toBe(400);
    expect(zh.body.error.message).toBe('部分内容需要修改。');
    expect(zh.body.error.fields).toEqual({
      'questions.0.id': '只能使用小写字母、数字和 _，并以字母开头。',
      'questions.0.label': '请用中文或英文填写问题。',
      'questions.1.options.0.value': '请为每个选项填写取值。',
    });
    const en = await putQuestions(slug, broken, { cookie: org, 'accept-language': 'en' });
    expect(en.body.error.fields?.['questions.0.label']).toBe('Write the question in Chinese or English.');
    const many = Array.from({ length: 51 }, (_, i) => ({ id: `q${i}`, type: 'short_text', label: l('问', 'Q') }));
    const tooMany = await putQuestions(slug, many, { cookie: org, 'accept-language': 'zh-CN' });
    expect(tooMany.body.error.fields).toEqual({ questions: '最多 50 个问题。' });
  });
});

describe('answers are checked on the server', () => {
  let slug: string;
  beforeAll(async () => {
    ({ slug } = await organisedEvent(100));
    expect((await putQuestions(slug, EVERY_TYPE)).status).toBe(200);
  });

  it('stores a valid answer to every type, normalised', async () => {
    const res = await register(
      slug,
      person('all', {
        answers: {
          nickname: ' 小王 ',
          notes: '晚到十分钟',
          diet: 'veg',
          topics: ['lupus', 'car_t'],
          years: '１２',
          arrival: '2026-12-01',
          hotel: true,
          nights: 2,
          office_phone: '０１０-6915 6114',
          assistant_email: 'ZHAO＠example.org',
          licence: '110101199001011234',
        },
      }),
    );
    // The licence has 18 digits, the pattern asks for 15.
    expect(res.status).toBe(400);
    expect(res.body.error.fields).toEqual({ 'answers.licence': '格式不正确。' });
    const ok = await register(
      slug,
      person('all', {
        answers: {
          nickname: ' 小王 ',
          notes: '晚到十分钟',
          diet: 'veg',
          topics: ['lupus', 'car_t'],
          years: '１２',
          arrival: '2026-12-01',
          hotel: true,
          nights: 2,
          office_phone: '０１０-6915 6114',
          assistant_email: 'ZHAO＠example.org',
          licence: '110101199001011',
        },
      }),
    );
    expect(ok.status).toBe(201);
    expect(await storedAnswers(ok.body.registration.id)).toEqual({
      nickname: '小王',
      notes: '晚到十分钟',
      diet: 'veg',
      topics: ['car_t', 'lupus'],
      years: 12,
      arrival: '2026-12-01',
      hotel: true,
      nights: 2,
      office_phone: '010-6915 6114',
      assistant_email: 'ZHAO@example.org',
      licence: '110101199001011',
    });
  });

  it('says what is wrong with each bad answer, in the request language, and registers nobody', async () => {
    const bad = {
      nickname: '  ',
      diet: 'fish',
      topics: ['car_t', 'golf'],
      years: 'many',
      arrival: '2026-02-30',
      hotel: 'yes',
      office_phone: 'call me',
      assistant_email: 'nobody',
    };
    const en = await register(slug, person('bad', { locale: 'en', answers: bad }));
    expect(en.status).toBe(400);
    expect(en.body.error).toMatchObject({ code: 'invalid', message: 'Some fields need attention.' });
    expect(en.body.error.fields).toEqual({
      'answers.nickname': 'Fill this in.',
      'answers.diet': 'Choose one of the given options.',
      'answers.topics': 'Choose one of the given options.',
      'answers.years': 'Use a number.',
      'answers.arrival': 'Use a date like 2026-01-22.',
      'answers.hotel': 'Answer yes or no.',
      'answers.office_phone': 'Use digits, spaces, + - ( ) only.',
      'answers.assistant_email': 'Enter a valid email address.',
    });
    const zh = await register(slug, person('bad', { answers: bad }));
    expect(zh.body.error.fields?.['answers.nickname']).toBe('请填写此项。');
    expect(zh.body.error.fields?.['answers.hotel']).toBe('请选择“是”或“否”。');
    const none = await env.DB.prepare(`SELECT count(*) n FROM registrations WHERE email = ?`)
      .bind('attendeebad@example.org')
      .first<{ n: number }>();
    expect(none!.n).toBe(0);
  });

  it('requires the required questions, including one shown by another answer', async () => {
    const res = await register(slug, person('req', { locale: 'en', answers: { hotel: true } }));
    expect(res.status).toBe(400);
    expect(res.body.error.fields).toEqual({
      'answers.nickname': 'Fill this in.',
      'answers.diet': 'Choose one.',
      'answers.nights': 'Fill this in.',
    });
    // No answers at all: the same required questions are missing (nights is hidden: hotel is unanswered).
    const bare = await register(slug, person('req', { locale: 'en' }));
    expect(Object.keys(bare.body.error.fields ?? {}).sort()).toEqual([
      'answers.diet',
      'answers.hotel',
      'answers.nickname',
    ]);
  });

  it('drops the answer of a question that "show only if" hides', async () => {
    const res = await register(
      slug,
      person('hidden', { answers: { nickname: '李', diet: 'any', hotel: false, nights: 'not a number' } }),
    );
    expect(res.status).toBe(201);
    expect(await storedAnswers(res.body.registration.id)).toEqual({ nickname: '李', diet: 'any', hotel: false });
  });

  it('refuses answers to questions the event does not ask', async () => {
    const res = await register(
      slug,
      person('unknown', { locale: 'en', answers: { nickname: '李', diet: 'any', hotel: false, shoe_size: 42 } }),
    );
    expect(res.status).toBe(400);
    expect(res.body.error.fields).toEqual({ 'answers.shoe_size': 'This question is not asked at this event.' });
  });

  it('an event without questions registers as before and stores no answers', async () => {
    const plain = await makeEvent(5);
    const res = await register(plain.slug, person('plain'));
    expect(res.status).toBe(201);
    expect(await storedAnswers(res.body.registration.id)).toEqual({});
    const stray = await register(plain.slug, person('plain2', { answers: { department: '心内科' } }));
    expect(stray.status).toBe(400);
  });
});

describe('changing the questions after people registered', () => {
  it('keeps earlier answers, and a question changed in another isolate is enforced at once', async () => {
    const { id, slug } = await organisedEvent();
    await putQuestions(slug, [
      { id: 'department', type: 'short_text', label: l('科室', 'Department'), required: true },
      { id: 'diet', type: 'short_text', label: l('饮食', 'Diet') },
    ]);
    const first = await register(slug, person('early', { answers: { department: '心内科', diet: '素' } }));
    expect(first.status).toBe(201);
    // The organiser removes diet and adds a required question.
    const put = await putQuestions(slug, [
      { id: 'department', type: 'short_text', label: l('科室', 'Department'), required: true },
      { id: 'hospital_level', type: 'short_text', label: l('医院等级', 'Hospital level'), required: true },
    ]);
    expect(put.body.questions.map((q: { id: string }) => q.id)).toEqual(['department', 'hospital_level']);
    expect(await storedAnswers(first.body.registration.id)).toEqual({ department: '心内科', diet: '素' });
    const stored = JSON.parse(
      (await env.DB.prepare('SELECT questions FROM events WHERE id = ?').bind(id).first<{ questions: string }>())!
        .questions,
    );
    expect(stored.find((q: { id: string }) => q.id === 'diet')).toMatchObject({ removed: true });
    // The removed question is no longer asked.
    const late = await register(slug, person('late', { locale: 'en', answers: { department: '肾内科', diet: '素' } }));
    expect(late.body.error.fields).toEqual({
      'answers.diet': 'This question is not asked at this event.',
      'answers.hospital_level': 'Fill this in.',
    });

    // Another isolate changes the questions behind this one's copy: the registration still meets the new list.
    await env.DB.prepare(
      `UPDATE events SET questions = json_array(json_object('id','department','type','short_text','label',json_object('zh','科室','en','Department'),'required',json('true'))), questions_rev = questions_rev + 1 WHERE id = ?`,
    )
      .bind(id)
      .run();
    const after = await register(slug, person('after', { answers: { department: '肾内科', hospital_level: '三甲' } }));
    expect(after.status).toBe(400);
    expect(after.body.error.fields).toEqual({ 'answers.hospital_level': '本会议没有这个问题。' });
    const ok = await register(slug, person('after', { answers: { department: '肾内科' } }));
    expect(ok.status).toBe(201);
  });
});

describe('the clinical meeting preset', () => {
  it('adds 科室, 职称, 执业类别 and the CME card number with the ids the CME roster reads', async () => {
    const { slug } = await organisedEvent();
    await putQuestions(slug, [{ id: 'diet', type: 'short_text', label: l('饮食', 'Diet') }]);
    const res = await call(`/api/events/${slug}/questions/clinical-preset`, {
      method: 'POST',
      headers: { cookie: org },
      json: {},
    });
    expect(res.status).toBe(200);
    const qs = res.body.questions as {
      id: string;
      label: { zh: string };
      options?: { label: { zh: string; en: string } }[];
    }[];
    expect(qs.map((q) => [q.id, q.label.zh])).toEqual([
      ['diet', '饮食'],
      ['department', '科室'],
      ['professional_title', '职称'],
      ['practice_category', '执业类别'],
      ['cme_number', '继续医学教育卡号'],
    ]);
    expect(qs[2]!.options!.map((o) => o.label.zh)).toEqual([
      '主任医师',
      '副主任医师',
      '主治医师',
      '住院医师',
      '主任/副主任护师',
      '主管护师',
      '护师',
      '研究员',
      '医学生',
      '其他',
    ]);
    expect(qs[2]!.options!.every((o) => o.label.en)).toBe(true);
    // A second click adds nothing twice.
    const again = await call(`/api/events/${slug}/questions/clinical-preset`, {
      method: 'POST',
      headers: { cookie: org },
      json: {},
    });
    expect(again.body.questions).toHaveLength(5);
    const reg = await register(
      slug,
      person('clin', { answers: { department: '风湿免疫科', professional_title: 'attending_physician' } }),
    );
    expect(reg.status).toBe(201);
  });
});

describe('sensitive answers', () => {
  const ID_QUESTION = {
    id: 'id_number',
    type: 'pattern',
    label: l('身份证号', 'ID card number'),
    required: true,
    pattern: '[0-9]{17}[0-9Xx]',
    sensitive: true,
  };

  it('need their own consent tick; the ticket page sees them masked; the purge removes them', async () => {
    const { id, slug } = await organisedEvent();
    const put = await putQuestions(slug, [ID_QUESTION]);
    expect(put.body.questions[0]).toMatchObject({ sensitive: true });
    const pub = await call(`/api/events/${slug}`);
    expect(pub.body.event.questions[0]).toMatchObject({ id: 'id_number', sensitive: true });

    const noTick = await register(slug, person('s1', { answers: { id_number: '11010119900101123X' } }));
    expect(noTick.status).toBe(400);
    expect(noTick.body.error.fields).toEqual({ 'answers.id_number': '请勾选同意后再填写此项。' });
    const ok = await register(
      slug,
      person('s1', { answers: { id_number: '11010119900101123X' }, sensitiveConsent: ['id_number'] }),
    );
    expect(ok.status).toBe(201);
    expect(await storedAnswers(ok.body.registration.id)).toEqual({ id_number: '11010119900101123X' });

    const token = new URL(ok.body.registration.manageUrl).searchParams.get('m');
    const code = ok.body.registration.ticketCode;
    const view = await call(`/api/tickets/${code}/answers/view`, { method: 'POST', json: { token } });
    expect(view.status).toBe(200);
    expect(view.body.answers).toEqual({ id_number: '**************123X' });
    expect(JSON.stringify(view.body)).not.toContain('11010119900101');

    // Erasure after the retention period takes the answers too.
    await env.DB.prepare(`UPDATE events SET ends_at = ?, starts_at = ? WHERE id = ?`)
      .bind(Date.now() - 31 * 86_400_000, Date.now() - 32 * 86_400_000, id)
      .run();
    const purged = await call(`/api/events/${slug}/purge`, {
      method: 'POST',
      headers: { cookie: org },
      json: { confirm: slug },
    });
    expect(purged.status).toBe(200);
    expect(await storedAnswers(ok.body.registration.id)).toEqual({});
  });
});

describe('the attendee corrects answers from the ticket page', () => {
  it('with the emailed link, until registration closes; a sensitive answer left out is kept', async () => {
    const { id, slug } = await organisedEvent();
    await putQuestions(slug, [
      { id: 'department', type: 'short_text', label: l('科室', 'Department'), required: true },
      {
        id: 'id_number',
        type: 'short_text',
        label: l('身份证号', 'ID number'),
        sensitive: true,
      },
    ]);
    const reg = await register(
      slug,
      person('fix', {
        answers: { department: '心内科', id_number: '110101199001011234' },
        sensitiveConsent: ['id_number'],
      }),
    );
    const code = reg.body.registration.ticketCode;
    const token = new URL(reg.body.registration.manageUrl).searchParams.get('m');
    const put = (json: unknown) => call(`/api/tickets/${code}/answers`, { method: 'PUT', json });

    expect((await put({ answers: { department: '肾内科' } })).status).toBe(403);
    expect((await put({ token: 'wrong', answers: { department: '肾内科' } })).status).toBe(403);
    const bad = await put({ token, answers: { department: '' } });
    expect([bad.status, bad.body.error.fields]).toEqual([400, { 'answers.department': '请填写此项。' }]);
    const fixed = await put({ token, answers: { department: '肾内科' } });
    expect(fixed.status).toBe(200);
    expect(fixed.body.answers).toEqual({ department: '肾内科', id_number: '**************1234' });
    expect(await storedAnswers(reg.body.registration.id)).toEqual({
      department: '肾内科',
      id_number: '110101199001011234',
    });

    await env.DB.prepare(`UPDATE events SET registration_closes_at = ? WHERE id = ?`)
      .bind(Date.now() - 1000, id)
      .run();
    const closed = await put({ token, answers: { department: '心外科' } });
    expect([closed.status, closed.body.error.code]).toEqual([409, 'registration_closed']);
    const view = await call(`/api/tickets/${code}/answers/view`, { method: 'POST', json: { token } });
    expect(view.body.editable).toBe(false);
  });
});
