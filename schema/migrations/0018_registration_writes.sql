-- Fewer rows written per registration (issue 21): D1 bills every table row and every index entry written, triggers' too.
-- Desk search: the term index (about 12 rows per registration, kept by 12 triggers) gives way to three
-- expressions carried by the one index registrations_event_created already writes: a search reads the event's range
-- of that index (covering, no table row) and is checked by the same rules in worker/checkin/search.ts.
DROP TRIGGER IF EXISTS `registrations_search_insert`;--> statement-breakpoint
DROP TRIGGER IF EXISTS `registrations_search_delete`;--> statement-breakpoint
DROP TRIGGER IF EXISTS `registrations_search_name_old`;--> statement-breakpoint
DROP TRIGGER IF EXISTS `registrations_search_name_new`;--> statement-breakpoint
DROP TRIGGER IF EXISTS `registrations_search_affiliation_old`;--> statement-breakpoint
DROP TRIGGER IF EXISTS `registrations_search_affiliation_new`;--> statement-breakpoint
DROP TRIGGER IF EXISTS `registrations_search_email_old`;--> statement-breakpoint
DROP TRIGGER IF EXISTS `registrations_search_email_new`;--> statement-breakpoint
DROP TRIGGER IF EXISTS `registrations_search_phone_old`;--> statement-breakpoint
DROP TRIGGER IF EXISTS `registrations_search_phone_new`;--> statement-breakpoint
DROP VIEW IF EXISTS `registration_search_terms`;--> statement-breakpoint
DROP TABLE IF EXISTS `registration_search`;--> statement-breakpoint
DROP TABLE IF EXISTS `search_positions`;--> statement-breakpoint
-- lower(name), lower(affiliation), and char(29) phone digits char(28) email key char(31) (a whole number, its last
-- 4 digits or a whole address is one instr()): expressions, not generated columns, so the search's scan of this
-- index is covering (worker/checkin/search.ts writes them identically; SQLite matches them by their text).
DROP INDEX IF EXISTS `registrations_event_created`;--> statement-breakpoint
CREATE INDEX `registrations_event_created` ON `registrations` (`event_id`,`created_at`,`id`,lower(`name`),lower(`affiliation`),char(29) || replace(replace(replace(replace(replace(replace(replace(`phone`, ' ', ''), '-', ''), '+', ''), '(', ''), ')', ''), char(9), ''), char(160), '') || char(28) || CASE WHEN `email` = '' OR substr(`email`, 1, 7) = 'erased+' THEN '' ELSE `email_key` END || char(31));--> statement-breakpoint
-- The name's prefix and the phone are searched through the index above: their own indexes cost a row each.
DROP INDEX IF EXISTS `registrations_event_name`;--> statement-breakpoint
DROP INDEX IF EXISTS `registrations_event_phone`;--> statement-breakpoint
-- The management link of a new registration: its hash on the row itself (later links still go to manage_tokens).
ALTER TABLE `registrations` ADD `manage_hash` text;--> statement-breakpoint
-- The offline desk's pull reads the event's whole range (its OR over check-ins cannot use updated_at), which
-- registrations_event_created serves as well: the updated_at index cost a row per registration for nothing.
DROP INDEX IF EXISTS `registrations_event_updated`;--> statement-breakpoint
-- The outbox, rebuilt WITHOUT ROWID on its text id: a rowid table kept a second B-tree (the id's automatic index)
-- written with every row. Indexes that only bulk messages and sent emails need become partial, so a confirmation
-- writes no entry in them, and emails_event goes: no route reads emails by event and time (erasing an event's data,
-- rare and by an organiser, scans instead). The promotion trigger names the table, so it is dropped and recreated.
DROP TRIGGER IF EXISTS `registrations_promoted_email`;--> statement-breakpoint
CREATE TABLE `emails_new` (
	`id` text PRIMARY KEY NOT NULL,
	`event_id` text,
	`registration_id` text,
	`kind` text NOT NULL,
	`to` text NOT NULL,
	`locale` text DEFAULT 'zh-CN' NOT NULL,
	`payload` text DEFAULT '{}' NOT NULL,
	`subject` text,
	`html` text,
	`text` text,
	`status` text DEFAULT 'pending' NOT NULL,
	`attempts` integer DEFAULT 0 NOT NULL,
	`next_attempt_at` integer DEFAULT 0 NOT NULL,
	`last_error` text,
	`provider_id` text,
	`created_at` integer DEFAULT (CAST(unixepoch('subsec') * 1000 AS INTEGER)) NOT NULL,
	`sent_at` integer,
	`message_id` text,
	`delivery_status` text,
	`delivery_at` integer
) WITHOUT ROWID;--> statement-breakpoint
INSERT INTO `emails_new` (`id`, `event_id`, `registration_id`, `kind`, `to`, `locale`, `payload`, `subject`, `html`, `text`, `status`,
  `attempts`, `next_attempt_at`, `last_error`, `provider_id`, `created_at`, `sent_at`, `message_id`, `delivery_status`, `delivery_at`)
  SELECT `id`, `event_id`, `registration_id`, `kind`, `to`, `locale`, `payload`, `subject`, `html`, `text`, `status`,
  `attempts`, `next_attempt_at`, `last_error`, `provider_id`, `created_at`, `sent_at`, `message_id`, `delivery_status`, `delivery_at`
  FROM `emails`;--> statement-breakpoint
DROP TABLE `emails`;--> statement-breakpoint
ALTER TABLE `emails_new` RENAME TO `emails`;--> statement-breakpoint
CREATE INDEX `emails_due` ON `emails` (`status`,`next_attempt_at`);--> statement-breakpoint
CREATE INDEX `emails_registration` ON `emails` (`registration_id`,`kind`);--> statement-breakpoint
CREATE UNIQUE INDEX `emails_one_reminder` ON `emails` (`registration_id`) WHERE kind = 'reminder';--> statement-breakpoint
CREATE INDEX `emails_message` ON `emails` (`message_id`,`status`) WHERE message_id IS NOT NULL;--> statement-breakpoint
CREATE INDEX `emails_provider` ON `emails` (`provider_id`) WHERE provider_id IS NOT NULL;--> statement-breakpoint
CREATE TRIGGER registrations_promoted_email
AFTER UPDATE OF status ON registrations
WHEN OLD.status = 'waitlisted' AND NEW.status = 'confirmed'
BEGIN
  INSERT INTO emails (id, event_id, registration_id, kind, "to", locale, payload)
  VALUES ('eml_' || lower(hex(randomblob(16))), NEW.event_id, NEW.id, 'promoted', NEW.email, NEW.locale,
          json_object('origin', coalesce(NEW.promoted_origin, '')));
END;
