// Ready-made message templates in both languages: speaker invitation, logistics, thank-you, attendee reminder.
export type TemplateId = 'speaker_invitation' | 'logistics' | 'thank_you' | 'attendee_reminder';
export type Template = {
  id: TemplateId;
  audience: 'speakers' | 'guests' | 'people' | 'attendees';
  subject: string;
  body: string;
};

export const TEMPLATES: Record<'zh-CN' | 'en', Template[]> = {
  'zh-CN': [
    {
      id: 'speaker_invitation',
      audience: 'people',
      subject: '诚邀您出席{{event}}',
      body: '尊敬的{{name}}{{title}}：\n\n诚挚邀请您出席**{{event}}**（{{venue}}）。您在会议中的安排如下：\n\n{{sessions}}\n\n您的参会证件：{{ticket_url}}\n\n期待您的光临！',
    },
    {
      id: 'logistics',
      audience: 'people',
      subject: '{{event}}：会务安排',
      body: '尊敬的{{name}}{{title}}：\n\n会议地点：{{venue}}。请于开场前 30 分钟到达签到台，出示下方链接中的二维码即可签到。\n\n您的日程：\n\n{{sessions}}\n\n参会证件：{{ticket_url}}',
    },
    {
      id: 'thank_you',
      audience: 'people',
      subject: '感谢您出席{{event}}',
      body: '尊敬的{{name}}{{title}}：\n\n衷心感谢您拨冗出席{{event}}并分享真知灼见。期待今后继续合作！',
    },
    {
      id: 'attendee_reminder',
      audience: 'attendees',
      subject: '明天见：{{event}}',
      body: '{{name}}，您好：\n\n提醒您明天参加**{{event}}**，地点：{{venue}}。\n\n签到时请出示您的电子票二维码：{{ticket_url}}',
    },
  ],
  en: [
    {
      id: 'speaker_invitation',
      audience: 'people',
      subject: 'Invitation: {{event}}',
      body: 'Dear {{title}} {{name}},\n\nWe would be honoured to welcome you at **{{event}}** ({{venue}}). Your part in the programme:\n\n{{sessions}}\n\nYour badge: {{ticket_url}}\n\nWe look forward to seeing you.',
    },
    {
      id: 'logistics',
      audience: 'people',
      subject: '{{event}}: practical details',
      body: 'Dear {{title}} {{name}},\n\nThe venue is {{venue}}. Please arrive 30 minutes before your session and show the QR code from your badge link at the front desk.\n\nYour programme:\n\n{{sessions}}\n\nBadge: {{ticket_url}}',
    },
    {
      id: 'thank_you',
      audience: 'people',
      subject: 'Thank you for joining {{event}}',
      body: 'Dear {{title}} {{name}},\n\nThank you for your time and your insights at {{event}}. We hope to work with you again.',
    },
    {
      id: 'attendee_reminder',
      audience: 'attendees',
      subject: 'See you tomorrow: {{event}}',
      body: 'Dear {{name}},\n\nA reminder that **{{event}}** is tomorrow, at {{venue}}.\n\nShow the QR code of your ticket at the front desk: {{ticket_url}}',
    },
  ],
};
