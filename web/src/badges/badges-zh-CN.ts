// 胸牌打印页面的简体中文文案；键与 badges-en.ts 相同。
import type { BadgesKey } from './badges-en';

export const badgesZhCN: Record<BadgesKey, string> = {
  'badges.title': '胸牌',
  'badges.count': '共 {n} 张胸牌',
  'badges.format': '版式',
  'badges.formatCard': '卡片 90 × 54 毫米（每张 A4 纸 10 个）',
  'badges.formatA6': 'A6，每页一个',
  'badges.role': '人员',
  'badges.roleAll': '全部已确认人员',
  'badges.selected': '仅所选报名（{n}）',
  'badges.showAll': '显示全部',
  'badges.print': '打印',
  'badges.printHint': '在打印对话框中请保持 100% 缩放，并使用页面要求的纸张尺寸。',
  'badges.none': '没有符合条件的已确认报名。',
  'badges.qrAlt': '{name} 的电子票二维码',
  'badges.unreachable': '无法加载胸牌，请检查网络后重试。',
  'badges.forbidden': '您不是本次会议的工作人员。',
};
