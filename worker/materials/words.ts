// The Chinese of the materials' messages: the Worker's dictionary (http/messages.ts) includes them.
export const MATERIAL_ZH: Record<string, string> = {
  'Files may be at most 100 MB.': '文件不能超过 100 MB。',
  'Upload a PDF or a PowerPoint (.pptx) file.': '请上传 PDF 或 PowerPoint（.pptx）文件。',
  'Send the file with its size (Content-Length).': '上传时须注明文件大小（Content-Length）。',
  'The file is larger than the size it was sent with.': '文件比上传时声明的大小更大。',
  'The file is empty.': '文件是空的。',
  'The upload was interrupted before the whole file arrived; nothing was stored. Try again.':
    '上传中断，文件未完整送达，未保存任何内容。请重试。',
  'No such person (or agenda item) in this event.': '本会议没有此人（或此日程）。',
  'No such material.': '没有这份资料。',
  'Give it a title.': '请填写标题。',
  'Enter a web address starting with https://.': '请输入以 https:// 开头的网址。',
  'Change at least one thing.': '请至少修改一项。',
};
