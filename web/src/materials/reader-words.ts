// The few words the event page and the ticket page use for published materials (kept apart from the editor's, so
// those pages ship only these).
import { areaTranslator } from '../i18n';

const en = {
  slides: 'Slides',
  download: 'Download {title}',
  eventMaterials: 'Materials from the event',
  ticketMaterials: 'Slides and materials',
  ticketIntro: 'For ticket holders: the speakers’ materials, from the start of each talk.',
  video: 'video',
};
const zh: Record<keyof typeof en, string> = {
  slides: '讲稿',
  download: '下载 {title}',
  eventMaterials: '会议资料',
  ticketMaterials: '讲稿与资料',
  ticketIntro: '仅供持票参会者：各报告开始后即可查看讲者资料。',
  video: '视频',
};
export const rt = areaTranslator<keyof typeof en>(en, zh);

/** "1.2 MB" / "830 KB" for a download link. */
export const sizeLabel = (bytes: number) =>
  bytes >= 1024 * 1024 ? `${(bytes / 1024 / 1024).toFixed(1)} MB` : `${Math.max(1, Math.round(bytes / 1024))} KB`;
