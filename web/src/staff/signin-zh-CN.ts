// 工作人员登录页面的简体中文文案；键与 signin-en.ts 相同。
import type { SignInKey } from './signin-en';

export const signinZhCN: Record<SignInKey, string> = {
  'signin.title': '工作人员登录',
  'signin.intro': '请输入主办方为您登记的电子邮箱。我们会发送一个登录链接，15 分钟内有效，仅可使用一次。',
  'signin.email': '电子邮箱',
  'signin.submit': '发送登录链接',
  'signin.sending': '正在发送…',
  'signin.sentTitle': '请查收邮件',
  'signin.sent': '如果 {email} 属于工作人员，登录链接已发送到该邮箱。请在本设备上打开。',
  'signin.devMailbox': '本地开发环境：邮件在开发用邮箱中。',
  'signin.openMailbox': '打开开发用邮箱',
  'signin.again': '使用其他邮箱',
  'signin.emailRequired': '请填写电子邮箱。',
  'signin.emailInvalid': '电子邮箱格式不正确。',
  'signin.network': '无法连接服务器，请检查网络后重试。',
  'signin.rateLimited': '尝试次数过多，请一分钟后再试。',
  'signin.hourlyLimit': '此邮箱本小时内申请的链接过多。请使用已收到的链接，或稍后再试。',
  'signin.recentlySent':
    '过去一小时内已为此邮箱申请过登录链接。邮件可能需要一两分钟送达，请先查看收件箱和垃圾邮件，再重新申请。每个链接只能使用一次，15 分钟内有效。',
  'signin.failed': '服务器出现问题，请稍后重试。',
  'signin.linkFailed': '该登录链接已过期或已被使用，请在下方重新获取。',
  'signin.already': '您已登录：{who}。',
  'signin.linkFailedIn': '该登录链接已过期或已被使用；您仍处于登录状态：{who}。',
  'signin.continue': '继续',
};
