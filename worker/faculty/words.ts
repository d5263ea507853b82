// The Chinese of every message the faculty portal and board answer with, spread into the API's one table.
export const FACULTY_ZH: Record<string, string> = {
  'Choose confirm or decline.': '请选择确认或婉拒。',
  'Enter the company.': '请填写公司名称。',
  'Choose a relationship type.': '请选择关系类型。',
  'Choose ongoing or ended.': '请选择持续中或已结束。',
  'At most 20 relationships.': '最多填写 20 项关系。',
  'Either list your relationships or choose nothing to disclose, not both.':
    '请列出相关关系，或选择“无利益冲突”，二者只能选其一。',
  'List at least one relationship, or choose nothing to disclose.': '请至少列出一项关系，或选择“无利益冲突”。',
  'Sign by typing your name.': '请输入您的姓名以签署。',
  'Sign by typing your name as printed on the programme.': '请输入与日程中一致的姓名以签署。',
  'Use a date and time, e.g. 2026-01-22T09:30.': '请填写日期和时间，例如 2026-01-22T09:30。',
  'Use digits only.': '只能填写数字。',
  'The departure must be after the arrival.': '离开时间须晚于到达时间。',
  'Use a date such as 2026-01-15.': '请填写日期，例如 2026-01-15。',
  'At most 20 reminder days.': '最多设置 20 个提醒日。',
  'This portal link is not valid any more. Ask for a new one with your email address.':
    '此个人页面链接已失效。请输入您的邮箱获取新链接。',
  'You are not on this agenda item.': '您不在此日程中。',
  'This agenda item has already taken place, so its answer stays as it was.': '此日程已经举行，回复保持原样。',
  'There is no teaching certificate for you at this event yet.': '您在本会议暂无授课证明。',
  'This person has no email address. Add one first.': '此人没有邮箱地址，请先添加。',
  'This person has no changes waiting for approval.': '此人没有待审核的修改。',
  'This person has not given a bank account.': '此人尚未填写银行账号。',
  // The portal emails carry both languages; listed so the language check finds the Chinese of each sentence.
  'This link is for you alone: please do not forward it.': '此链接仅供您本人使用，请勿转发。',
};
