// The Chinese of the questions' messages. The answers' rules (ANSWER_ZH) are also used by the registration form's own
// check in the browser, which carries only these; the organiser's editor and the conflicts (EDITOR_ZH) are the
// Worker's alone. The Worker's dictionary (http/messages.ts) includes both.
export const ANSWER_ZH: Record<string, string> = {
  'Fill this in.': '请填写此项。',
  'Choose one.': '请选择一项。',
  'Choose at least one.': '请至少选择一项。',
  'Choose one of the given options.': '请从给定的选项中选择。',
  'Use a number.': '请输入数字。',
  'Use digits, spaces, + - ( ) only.': '只能使用数字、空格和 + - ( )。',
  'Enter a valid email address.': '电子邮箱格式不正确。',
  'Use a date like 2026-01-22.': '请按 2026-01-22 的格式填写日期。',
  'Answer yes or no.': '请选择“是”或“否”。',
  'This is not in the expected format.': '格式不正确。',
  'This question is not asked at this event.': '本会议没有这个问题。',
  'Tick the box to agree to the use of this answer.': '请勾选同意后再填写此项。',
  'Too long.': '内容过长。',
};

export const EDITOR_ZH: Record<string, string> = {
  'Use lower-case letters, digits and _ (start with a letter).': '只能使用小写字母、数字和 _，并以字母开头。',
  'Write the question in Chinese or English.': '请用中文或英文填写问题。',
  'Give each choice a value.': '请为每个选项填写取值。',
  'Each question needs its own id.': '每个问题的编号不能重复。',
  'Give at least one choice.': '请至少提供一个选项。',
  'Each choice needs its own value.': '每个选项的取值不能重复。',
  'Give the pattern the answer must match.': '请填写答案必须符合的格式（正则表达式）。',
  'This is not a valid regular expression.': '这不是有效的正则表达式。',
  'Show this only after the question it depends on.': '请把此问题放在它所依赖的问题之后。',
  'Someone else changed the questions just now. Reload and try again.': '其他人刚刚修改了问题，请刷新后重试。',
  'The registration form just changed. Check your answers and send again.': '报名表刚刚有更新，请检查后重新提交。',
  'At most 100 choices.': '最多 100 个选项。',
  'At most 50 questions.': '最多 50 个问题。',
};
