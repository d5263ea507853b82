// The development mailbox's words in zh-CN and en; they ship only in the page's lazy chunk.
import { areaTranslator } from '../i18n';

const en = {
  'mail.title': 'Development mailbox',
  'mail.intro': 'Emails the app has written, newest first. Nothing here leaves this computer.',
  'mail.devOnly': 'The mailbox exists only in local development.',
  'mail.empty': 'No emails yet.',
  'mail.refresh': 'Refresh',
  'mail.filter': 'Filter by recipient or subject',
  'mail.list': 'Emails',
  'mail.to': 'To',
  'mail.time': 'Time',
  'mail.choose': 'Choose an email to read it.',
  'mail.html': 'HTML part',
  'mail.preview': 'Email: {subject}',
  'mail.text': 'Text part',
  'mail.links': 'Links in this email',
  'mail.attachments': 'Attachments',
} as const;

const zhCN: Record<keyof typeof en, string> = {
  'mail.title': '开发用邮箱',
  'mail.intro': '应用写出的邮件，最新的在前。这些邮件不会离开本机。',
  'mail.devOnly': '开发用邮箱仅在本地开发环境中可用。',
  'mail.empty': '暂无邮件。',
  'mail.refresh': '刷新',
  'mail.filter': '按收件人或主题筛选',
  'mail.list': '邮件列表',
  'mail.to': '收件人',
  'mail.time': '时间',
  'mail.choose': '选择一封邮件以查看内容。',
  'mail.html': 'HTML 正文',
  'mail.preview': '邮件：{subject}',
  'mail.text': '纯文本正文',
  'mail.links': '邮件中的链接',
  'mail.attachments': '附件',
};

export const mt = areaTranslator<keyof typeof en>(en, zhCN);
