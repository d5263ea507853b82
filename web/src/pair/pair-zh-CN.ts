// 设备配对页面的简体中文文案；键与 pair-en.ts 相同。
import type { PairKey } from './pair-en';

export const pairZhCN: Record<PairKey, string> = {
  'pair.title': '将本设备配对为签到台',
  'pair.intro': '配对后，本手机或平板将以签到台身份登录生成该配对码的会议，无需电子邮箱。',
  'pair.deviceName': '设备名称',
  'pair.deviceNameHint': '便于主办方区分各签到台，例如“侧门手机”。',
  'pair.submit': '配对本设备',
  'pair.pairing': '正在配对…',
  'pair.noToken': '此页面需要配对码。请用本设备的摄像头扫描主办方控制台上的配对二维码。',
  'pair.unavailable': '该配对码已过期、已用完或已被撤销，请向主办方索取新的配对码。',
  'pair.invalid': '配对码无效，请重新扫描二维码。',
  'pair.rateLimited': '尝试次数过多，请一分钟后再试。',
  'pair.network': '无法连接服务器，请检查网络后重试。',
  'pair.failed': '配对未成功。请重试，或向主办方索取新的配对码。',
  'pair.done': '已配对为“{name}”，正在打开签到台…',
  'pair.optional': '选填',
};
