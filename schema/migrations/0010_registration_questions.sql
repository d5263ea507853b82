-- Registration questions (issue 16): each event's organiser-defined questions as one JSON list (removed ones kept,
-- marked removed, so earlier answers stay readable), a revision that registration checks in its one batch, and each
-- registration's answers as one JSON object written by the same INSERT.
ALTER TABLE `events` ADD `questions` text DEFAULT '[]' NOT NULL;
--> statement-breakpoint
ALTER TABLE `events` ADD `questions_rev` integer DEFAULT 0 NOT NULL;
--> statement-breakpoint
ALTER TABLE `registrations` ADD `answers` text DEFAULT '{}' NOT NULL;
