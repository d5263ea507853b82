// The Chinese of every message the evaluation answers with, spread into the API's one table.
export const EVALUATION_ZH: Record<string, string> = {
  'The evaluation is closed.': '评价已截止。',
  'The evaluation opens after you sign out of an accredited session, or when the event ends.':
    '签退授学分的日程后或会议结束后，方可填写评价。',
  'Only people who attended, with a registration still valid, can answer this evaluation.':
    '只有到场参会且报名仍有效的人员才能填写此评价。',
  'This event has no evaluation.': '本会议没有设置评价。',
  'This event has no assessment.': '本会议没有设置考核。',
  'You have used all your tries at this assessment.': '您的考核次数已用完。',
  'You have already passed this assessment.': '您已通过此考核。',
  'There is no such item or person to rate in this evaluation.': '此评价中没有这个日程或讲者。',
  'This cannot be rated on that aspect.': '此项不能按该方面评分。',
  'Write the comment as text.': '请以文字填写意见。',
  'Rate from 1 to 5.': '请打 1 到 5 分。',
  'There is no such question in this assessment.': '此考核中没有这道题。',
  'Choose one option.': '请只选择一项。',
  'Use letters, digits, - or _ for the question id.': '题目编号只能使用字母、数字、- 或 _。',
  'Give at least two options.': '请至少提供两个选项。',
  'Mark the correct option.': '请标出正确选项。',
  'Mark one of the options as correct.': '请从选项中标出正确答案。',
  'A single-choice question has one correct option.': '单选题只能有一个正确选项。',
  'Add at least one question.': '请至少添加一道题。',
  'Each question needs its own id.': '每道题的编号不能重复。',
  'You do not organise an event with this address.': '您不是该会议的主办方。',
  'That event has no evaluation to copy.': '该会议没有可复制的评价。',
  'No speaker with an email address has been rated yet.': '还没有留有邮箱的讲者收到评价。',
  'Use at most 2000 characters.': '最多 2000 个字符。',
  // The attendee's email and the default template, whose Chinese stands beside the English in the source.
  'Each answer is saved as you go, and it works on a phone.': '每题即时保存，手机上也可以填写。',
  'What does this project require for credit?': '获得本项目学分需要满足哪项要求？',
  // The speaker email carries both languages; listed so the language check finds the Chinese of each sentence.
  'This link is for you alone: please do not forward it.': '此链接仅供您本人使用，请勿转发。',
};
