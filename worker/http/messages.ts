// Error and field messages in the requester's language (zh-CN or en): call sites keep their codes and English text,
// and the one error handler and the validator translate here, so no route needs to know about languages.
import type { Context } from 'hono';
import type { ErrorCode } from './errors';
import { ANSWER_ZH, EDITOR_ZH } from '../questions/words';
import { FACULTY_ZH } from '../faculty/words';
import { MATERIAL_ZH } from '../materials/words';
import { EVALUATION_ZH } from '../evaluation/words';

export type Locale = 'zh-CN' | 'en';

/** Every error code the API answers with, in both languages: used when a message has no translation of its own. */
export const CODE_MESSAGES: Record<ErrorCode, Record<Locale, string>> = {
  invalid: { en: 'Some fields need attention.', 'zh-CN': '部分内容需要修改。' },
  invalid_json: { en: 'The request body is not valid JSON.', 'zh-CN': '请求内容不是有效的 JSON。' },
  too_deep: { en: 'The JSON is nested too deeply.', 'zh-CN': 'JSON 嵌套层级过深。' },
  bad_request: { en: 'The request is not valid.', 'zh-CN': '请求无效。' },
  bad_signature: { en: 'The webhook signature does not verify.', 'zh-CN': 'Webhook 签名校验失败。' },
  unauthorized: { en: 'Sign in to continue.', 'zh-CN': '请先登录。' },
  forbidden: { en: 'You do not have access to this.', 'zh-CN': '您没有访问权限。' },
  cross_origin: { en: 'Cross-origin requests may not change data.', 'zh-CN': '跨站请求不能修改数据。' },
  not_found: { en: 'There is nothing at this address.', 'zh-CN': '此地址没有内容。' },
  method_not_allowed: { en: 'This address does not take this method.', 'zh-CN': '此地址不支持该请求方法。' },
  conflict: { en: 'This conflicts with the current data.', 'zh-CN': '与现有数据冲突。' },
  already_registered: { en: 'This email address is already registered.', 'zh-CN': '此邮箱已报名。' },
  email_taken: { en: 'Another registration of this event uses this email.', 'zh-CN': '本会议已有其他报名使用此邮箱。' },
  slug_taken: { en: 'Another event already uses this address.', 'zh-CN': '已有其他会议使用此地址。' },
  no_recipients: { en: 'This audience has nobody with an email address.', 'zh-CN': '该收件人范围内没有人留有邮箱。' },
  not_waitlisted: { en: 'This registration is not on the waitlist.', 'zh-CN': '此报名不在候补名单中。' },
  not_pending: { en: 'This registration is not awaiting approval.', 'zh-CN': '此报名不在待审核状态。' },
  invitation_required: {
    en: 'This event is by invitation only.',
    'zh-CN': '本会议仅限受邀人员报名。',
  },
  invitation_email_mismatch: {
    en: 'This invitation is for another email address.',
    'zh-CN': '此邀请对应的是另一个邮箱地址。',
  },
  invitation_registered: { en: 'You are already registered.', 'zh-CN': '您已报名。' },
  registration_closed: { en: 'Registration for this event is closed.', 'zh-CN': '本会议报名已截止。' },
  pairing_unavailable: { en: 'This pairing code can no longer be used.', 'zh-CN': '此配对码已不可用。' },
  payload_too_large: { en: 'The request is too large.', 'zh-CN': '请求内容过大。' },
  unsupported_media_type: { en: 'This type of content is not accepted.', 'zh-CN': '不支持此内容类型。' },
  rate_limited: { en: 'Too many requests. Wait a minute and try again.', 'zh-CN': '请求过于频繁，请稍等一分钟再试。' },
  cannot_move: { en: 'This item cannot move further that way.', 'zh-CN': '此日程已无法再向该方向移动。' },
  misconfigured: { en: 'This site is not configured yet.', 'zh-CN': '本站尚未完成配置。' },
  hourly_limit: {
    en: 'Too many sign-in links for this address this hour.',
    'zh-CN': '此邮箱本小时申请的登录链接过多。',
  },
  manage_link_needed: {
    en: 'Use the link from your confirmation email to do this.',
    'zh-CN': '请使用确认邮件中的链接进行此操作。',
  },
  internal: {
    en: 'Something went wrong on our side. Nothing was saved twice; please try again.',
    'zh-CN': '服务器出了问题。数据不会重复保存，请重试。',
  },
  retention_not_over: {
    en: 'Personal data can be purged only some days after the event ends.',
    'zh-CN': '会议结束一段时间后才能清除个人数据。',
  },
  error: { en: 'The request failed.', 'zh-CN': '请求失败。' },
  evaluation_closed: { en: 'The evaluation is closed.', 'zh-CN': '评价已截止。' },
  evaluation_not_open: { en: 'The evaluation is not open yet.', 'zh-CN': '评价尚未开放。' },
  not_eligible: { en: 'Only people who attended can answer.', 'zh-CN': '只有到场参会的人员才能填写。' },
  unknown_target: { en: 'There is no such item to rate.', 'zh-CN': '没有这个评价对象。' },
  unknown_question: { en: 'There is no such question.', 'zh-CN': '没有这道题。' },
  rating_out_of_range: { en: 'Rate from 1 to 5.', 'zh-CN': '请打 1 到 5 分。' },
  no_tries_left: { en: 'You have used all your tries.', 'zh-CN': '考核次数已用完。' },
  already_passed: { en: 'You have already passed.', 'zh-CN': '您已通过考核。' },
};

/** The Chinese for each English message (and field message) the routes and schemas write. */
export const ZH: Record<string, string> = {
  'This agenda item is not part of this event.': '此日程不属于本会议。',
  'Set up the CME project first.': '请先设置继续医学教育项目。',
  'No certificate has this number. Check it against the number printed on the certificate.':
    '没有此编号的证书。请与证书上印的编号核对。',
  'No certificate of this event has this number.': '本会议没有此编号的证书。',
  'There is no certificate for this ticket yet.': '此电子票暂无证书。',
  'Your certificate is being prepared. Try again in a few minutes.': '证书正在生成，请几分钟后再试。',
  'This certificate has not been drawn yet.': '此证书尚未生成。',
  'This certificate is already revoked.': '此证书已被撤销。',
  'Reissued with corrections.': '更正后重新签发。',
  'Upload the seal or signature as a PNG or JPEG image.': '请上传 PNG 或 JPEG 格式的印章或签名图片。',
  'The seal image may be at most 1 MB.': '印章图片不能超过 1 MB。',
  'No seal image has been uploaded.': '尚未上传印章图片。',
  'Too many lookups from this address. Wait a minute, then try again.': '查询过于频繁，请稍等一分钟再试。',
  'Enter the organiser’s name as it should appear on certificates.': '请输入证书上显示的主办单位名称。',
  'Choose agenda items of this event.': '请选择本会议的日程。',
  'Say why.': '请说明原因。',
  'Enter the project name.': '请输入项目名称。',
  'This person has no override.': '此人没有人工调整。',
  'This registration is not awaiting approval.': '此报名不在待审核状态。',
  'Only a registration awaiting approval can be rejected.': '只有待审核的报名才能被拒绝。',
  'Choose at least one registration.': '请至少选择一条报名。',
  'This event is by invitation only. Register through the link in your invitation email.':
    '本会议仅限受邀人员报名。请通过邀请邮件中的链接报名。',
  'This invitation is for another email address.': '此邀请对应的是另一个邮箱地址，请使用受邀邮箱报名。',
  'Paste at least one line: name, email.': '请至少粘贴一行：姓名, 邮箱。',
  'At most 500 people per list.': '每次最多邀请 500 人。',
  'This invitation link is not valid.': '此邀请链接无效。',
  'You are registered. To cancel, use the link in your confirmation email.':
    '您已报名。如需取消，请使用确认邮件中的链接。',
  'No valid email address on this line.': '此行没有有效的邮箱地址。',
  'This line is too long.': '此行内容过长。',
  'This item is already the first on the agenda.': '此日程已在最前。',
  'This item is already the last on the agenda.': '此日程已在最后。',
  'Choose a page on this site.': '请选择本站内的页面。',
  'Too many sign-in links for this address this hour. Use a link already sent, or try again later.':
    '此邮箱本小时申请的登录链接过多。请使用已收到的链接，或稍后再试。',
  'Type at least 1 Chinese character or 2 letters or digits.': '请至少输入 1 个汉字，或 2 个字母或数字。',
  'Too many searches from this device. Wait a few seconds, then search again.':
    '此设备搜索过于频繁，请稍等几秒再搜索。',
  'PUBLIC_URL is not set: production builds every emailed link from it.':
    '未设置 PUBLIC_URL：正式环境中所有邮件链接都由它生成。',
  'PUBLIC_URL must be an http(s) URL.': 'PUBLIC_URL 必须是 http(s) 地址。',
  'PUBLIC_URL is not a valid URL.': 'PUBLIC_URL 不是有效的地址。',
  'This event has ended.': '本会议已结束。',
  'This event has ended, so the registration can no longer be cancelled.': '本会议已结束，报名无法再取消。',
  'Use the link from your confirmation email to cancel or delete your data. We can send it again to the address you registered with.':
    '请使用确认邮件中的链接取消报名或删除个人信息。我们可以把链接重新发送到您报名时填写的邮箱。',
  'Some fields need attention.': '部分内容需要修改。',
  'Already registered.': '已报名。',
  'Another event already uses this address.': '已有其他会议使用此地址。',
  'Another registration of this event uses this email.': '本会议已有其他报名使用此邮箱。',
  'Choose another address.': '请换一个地址。',
  'Cross-origin requests may not change data.': '跨站请求不能修改数据。',
  'Enter a Chinese title.': '请填写中文标题。',
  'Enter a name.': '请填写姓名。',
  'Enter a valid email address.': '电子邮箱格式不正确。',
  'Enter an English title.': '请填写英文标题。',
  'Enter the Chinese name.': '请填写中文姓名。',
  'Enter the Chinese title.': '请填写中文标题。',
  'Enter the English name.': '请填写英文姓名。',
  'Enter the English title.': '请填写英文标题。',
  'Enter the venue.': '请填写会场。',
  'Enter your name.': '请填写姓名。',
  'Give the scanned code or a registration id.': '请提供扫描到的票码或报名编号。',
  'Lower-case letters, digits and hyphens.': '只能使用小写字母、数字和连字符。',
  'No event has this address.': '没有会议使用此地址。',
  'No published event has this address.': '没有已发布的会议使用此地址。',
  'No such active registration in this event.': '本会议没有这条有效报名。',
  'No such agenda item in this event.': '本会议没有这个日程。',
  'No such event.': '没有这个会议。',
  'No such message.': '没有这条消息。',
  'No such pairing code.': '没有这个配对码。',
  'No such person in this event.': '本会议没有这位嘉宾。',
  'No such photo.': '没有这张照片。',
  'No such registration in this event.': '本会议没有这条报名。',
  'No ticket has this code.': '没有使用此票码的电子票。',
  'Nothing was inserted: no open event with this address, or this email is registered.':
    '未写入报名：没有开放报名的会议使用此地址，或此邮箱已报名。',
  'Only organisers create events.': '只有主办方可以创建会议。',
  'Photos may be at most 2 MB.': '照片不能超过 2 MB。',
  'Please agree to the use of your details for this event.': '需同意此项才能报名。',
  'Registration for this event is closed.': '本会议报名已截止。',
  'Registration must close after it opens.': '报名截止时间必须晚于开放时间。',
  'Registration must close by the end of the event.': '报名截止时间不能晚于会议结束时间。',
  'Send JSON with content-type: application/json.': '请以 content-type: application/json 发送 JSON。',
  'Sign in to continue.': '请先登录。',
  'Something went wrong on our side. Nothing was saved twice; please try again.':
    '服务器出了问题。数据不会重复保存，请重试。',
  'The JSON is nested too deeply.': 'JSON 嵌套层级过深。',
  'The end must be after the start.': '结束时间必须晚于开始时间。',
  'The request body is larger than 64 KB.': '请求内容超过 64 KB。',
  'The request body is not valid JSON.': '请求内容不是有效的 JSON。',
  'The webhook signature does not verify.': 'Webhook 签名校验失败。',
  'There is nothing at this address.': '此地址没有内容。',
  'This audience has nobody with an email address.': '该收件人范围内没有人留有邮箱。',
  'This email address is already registered. We have sent the ticket to it again.':
    '此邮箱已报名，我们已将电子票重新发送到该邮箱。',
  'This email is already registered: search for the person and check them in.': '此邮箱已报名：请搜索此人并为其签到。',
  'This pairing code has expired, been used up or been revoked. Ask the organiser for a new one.':
    '此配对码已过期、次数已用完或已被撤销。请向主办方索取新的配对码。',
  'This registration is not on the waitlist.': '此报名不在候补名单中。',
  'Too large.': '内容过大。',
  'Too many attempts. Wait a minute.': '尝试次数过多，请稍等一分钟。',
  'Too many registrations from this network. Wait a minute and try again.': '此网络的报名过于频繁，请稍等一分钟再试。',
  'Too many sign-in requests. Wait a minute and try again.': '登录请求过于频繁，请稍等一分钟再试。',
  'Type at least 2 characters.': '请至少输入 2 个字符。',
  'Type the event address to confirm.': '请输入会议地址以确认。',
  'Unknown role.': '未知的身份。',
  'Unknown time zone.': '未知的时区。',
  'Upload a JPEG, PNG or WebP image.': '请上传 JPEG、PNG 或 WebP 图片。',
  'Use an ISO-8601 time with an offset, e.g. 2026-01-22T14:00:00+08:00.':
    '请使用带时区偏移的 ISO-8601 时间，例如 2026-01-22T14:00:00+08:00。',
  'Use an ISO-8601 time with an offset.': '请使用带时区偏移的 ISO-8601 时间。',
  'Use digits, spaces, + - ( ) only.': '只能使用数字、空格和 + - ( )。',
  'Use the cursor from the previous page.': '请使用上一页返回的游标。',
  'Webhooks are not configured.': '未配置 Webhook。',
  'Write a subject.': '请填写主题。',
  'Write the message.': '请填写正文。',
  'You do not have access to this event.': '您没有此会议的访问权限。',
  'Request failed': '请求失败。',
  // Registration questions: kept beside their rules so the web's form check carries only the answers' words.
  ...ANSWER_ZH,
  ...EDITOR_ZH,
  // The faculty portal and board (issue 18).
  ...FACULTY_ZH,
  ...MATERIAL_ZH,
  ...EVALUATION_ZH,
};

/** Messages built with values in them. */
const ZH_PATTERNS: [RegExp, string][] = [
  [/^At most (\d+) characters\.$/, '最多 $1 个字符。'],
  [/^This site is not configured yet: (.+)$/, '本站尚未完成配置：$1'],
  [/^Unknown placeholder (.+)\. Use (.+)\.$/, '未知的占位符 $1。可用的占位符：$2。'],
  [
    /^Personal data can be purged (\d+) days after the event ends \(from (\S+)\)\.$/,
    '会议结束 $1 天后（$2 起）才能清除个人数据。',
  ],
];

/** The Chinese of one English sentence, or undefined when we have none. */
export function chinese(text: string): string | undefined {
  if (text in ZH) return ZH[text];
  for (const [pattern, zh] of ZH_PATTERNS) if (pattern.test(text)) return text.replace(pattern, zh);
  return undefined;
}

/**
 * The request's language: the body's `locale` when it has one, else Accept-Language; English for clients that say
 * nothing (scripts). A signed-in staff member's body `locale` is the language of what they write (a message, a
 * walk-in's emails), not their own, so their answers follow Accept-Language (the console and desk send theirs).
 */
export function requestLocale(c: Context, bodyLocale?: unknown): Locale {
  const staff = (c.var as { staff?: unknown }).staff;
  if (!staff && (bodyLocale === 'en' || bodyLocale === 'zh-CN')) return bodyLocale;
  const header = c.req.header('accept-language') ?? '';
  // The first listed language that we have wins: "en-GB,zh;q=0.8" is English, "zh-CN,en;q=0.5" Chinese.
  for (const part of header.split(',')) {
    const tag = part.split(';')[0]!.trim().toLowerCase();
    if (tag.startsWith('zh')) return 'zh-CN';
    if (tag.startsWith('en')) return 'en';
  }
  return 'en';
}

/** A route's message in this language: its own translation, else the code's general message. */
export function localise(locale: Locale, code: ErrorCode, message: string): string {
  if (locale === 'en') return message;
  return chinese(message) ?? CODE_MESSAGES[code]['zh-CN'];
}

/** What zod tells us about one field, as far as a message needs it (zod 4 issue shapes). */
export type FieldIssue = {
  code: string;
  message: string;
  origin?: string;
  minimum?: number | bigint;
  maximum?: number | bigint;
  format?: string;
  expected?: string;
  inclusive?: boolean;
};

/**
 * A field's message. A schema's own words (in ZH) are translated; zod's generic English ("Too small: expected
 * string to have >=1 characters") becomes a plain sentence made from the issue's kind and limits.
 */
export function fieldMessage(locale: Locale, issue: FieldIssue): string {
  const zh = locale === 'zh-CN';
  if (issue.message in ZH) return zh ? ZH[issue.message]! : issue.message;
  const n = Number(issue.minimum ?? issue.maximum ?? 0);
  const text = issue.origin === 'string';
  const list = issue.origin === 'array' || issue.origin === 'set';
  switch (issue.code) {
    case 'invalid_type':
      // zod reports a missing field as the wrong type, "received undefined".
      if (/received undefined/.test(issue.message)) return zh ? '请填写此项。' : 'Fill this in.';
      return zh ? '格式不正确。' : 'This has the wrong type.';
    case 'too_small':
      if (text && n <= 1) return zh ? '请填写此项。' : 'Fill this in.';
      if (text) return zh ? `请至少输入 ${n} 个字符。` : `Use at least ${n} characters.`;
      if (list) return zh ? `请至少选择 ${n} 项。` : n === 1 ? 'Choose at least one.' : `Choose at least ${n}.`;
      return zh ? `不能小于 ${n}。` : `Use ${n} or more.`;
    case 'too_big':
      if (text) return zh ? `最多 ${n} 个字符。` : `Use at most ${n} characters.`;
      if (list) return zh ? `最多 ${n} 项。` : `At most ${n} items.`;
      return zh ? `不能大于 ${n}。` : `Use ${n} or less.`;
    case 'invalid_format':
      if (issue.format === 'email') return zh ? ZH['Enter a valid email address.']! : 'Enter a valid email address.';
      if (issue.format === 'url') return zh ? '请填写有效的网址。' : 'Enter a valid web address.';
      if (issue.format === 'datetime')
        return zh ? ZH['Use an ISO-8601 time with an offset.']! : 'Use an ISO-8601 time with an offset.';
      return zh ? '格式不正确。' : 'This is not in the expected format.';
    case 'invalid_value':
      return zh ? '请从给定的选项中选择。' : 'Choose one of the given options.';
    case 'not_multiple_of':
      return zh ? '请输入整数。' : 'Use a whole number.';
    case 'unrecognized_keys':
      return zh ? '包含无法识别的字段。' : 'This has fields we do not know.';
    default:
      return zh ? '此项需要修改。' : 'This needs attention.';
  }
}
