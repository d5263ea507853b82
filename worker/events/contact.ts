// Who attendees may ask about an event (migration 0023), in one language or else the other: a phone number or an
// address reads the same in both, so an event with only a Chinese contact still shows it in English.
export const eventContact = (e: { contactZh?: string; contactEn?: string }, zh: boolean) =>
  (zh ? e.contactZh || e.contactEn : e.contactEn || e.contactZh) ?? '';
