-- Who attendees may ask about the event (a name, a phone, an email): shown on the event page and the ticket, and in
-- the registration emails. Free text in each language, as the venue and the address; empty until an organiser sets it.
ALTER TABLE `events` ADD `contact_zh` text DEFAULT '' NOT NULL;
--> statement-breakpoint
ALTER TABLE `events` ADD `contact_en` text DEFAULT '' NOT NULL;
