// 简体中文文案。
import type { MessageKey } from './en';

export const zhCN: Record<MessageKey, string> = {
  skipToContent: '跳到正文',
  loading: '加载中…',
  language: '语言',
  notFound: '页面不存在。',
  backHome: '返回会议页面',
  loadFailed: '无法加载会议信息，请检查网络后重试。',
  retry: '重试',
  venue: '地点',
  contact: '联系',
  'kind.talk': '报告',
  'kind.panel': '讨论',
  'kind.ceremony': '仪式',
  'kind.break': '茶歇',
  'role.speaker': '主讲',
  'role.panelist': '讨论嘉宾',
  'role.moderator': '主持人',
  'role.host': '主持人',
  'role.guest': '嘉宾',
  'role.attendee': '参会者',
  'role.staff': '工作人员',
};
