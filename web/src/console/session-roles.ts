// The roles a person can have on an agenda item, as the picker offers them: one term per role in each language.

/** "host" is kept for old data but not offered: in Chinese it read 主持人 beside moderator's 主持, the same thing twice. */
export const SESSION_ROLE_CHOICES = ['speaker', 'panelist', 'moderator'] as const;
export type SessionRoleChoice = (typeof SESSION_ROLE_CHOICES)[number];

/** An assignment's role as the picker shows it: an old "host" is a moderator. */
export const offeredRole = (role: string): SessionRoleChoice =>
  ((SESSION_ROLE_CHOICES as readonly string[]).includes(role) ? role : 'moderator') as SessionRoleChoice;
