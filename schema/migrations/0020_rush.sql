-- A message's fan-out runs in the queue: the message keeps what the queue needs to resume it (origin, language)
-- while rows are still being written, and when it last moved, so the cron can restart one whose job was lost.
ALTER TABLE `messages` ADD `fan_out` text;--> statement-breakpoint
ALTER TABLE `messages` ADD `fanned_at` integer;--> statement-breakpoint
-- One email per recipient per message, whatever runs the fan-out twice (a retried step, the cron's restart racing a
-- late job). Any duplicate an earlier race left is removed first (the oldest row stays), so the index can be built.
-- The table has no rowid since 0018: rows are ranked by creation time, then id. Partial like emails_message, so a
-- confirmation (no message) writes no entry in it.
DELETE FROM `emails` WHERE `id` IN (
  SELECT `id` FROM (
    SELECT `id`, row_number() OVER (PARTITION BY `message_id`, `registration_id` ORDER BY `created_at`, `id`) AS `n`
    FROM `emails` WHERE `message_id` IS NOT NULL AND `registration_id` IS NOT NULL
  ) WHERE `n` > 1
);--> statement-breakpoint
CREATE UNIQUE INDEX `emails_message_recipient` ON `emails` (`message_id`,`registration_id`) WHERE message_id IS NOT NULL;