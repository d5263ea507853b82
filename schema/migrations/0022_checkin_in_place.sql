-- A check-in is recorded on its registration's row, in place: the first scan rewrites one row and no index (was a
-- new row in a WITHOUT ROWID table plus its index: 2 b-tree inserts), and the desk's answer comes back from the same
-- statement (RETURNING) instead of a second read. The check-in columns are in no index, so writing them touches
-- nothing else; the desks' "changed since" pull already reads the event's registrations for updated_at, and now
-- reads checkin_changed_at beside it. `checkins` stays as a read-only view with the old table's columns.
ALTER TABLE `registrations` ADD `checked_in_at` integer;
--> statement-breakpoint
ALTER TABLE `registrations` ADD `checkin_desk_id` text;
--> statement-breakpoint
ALTER TABLE `registrations` ADD `checkin_device_id` text;
--> statement-breakpoint
ALTER TABLE `registrations` ADD `checkin_client_id` text;
--> statement-breakpoint
ALTER TABLE `registrations` ADD `checkin_source` text;
--> statement-breakpoint
ALTER TABLE `registrations` ADD `checkin_staff_id` text;
--> statement-breakpoint
ALTER TABLE `registrations` ADD `checkin_created_at` integer;
--> statement-breakpoint
ALTER TABLE `registrations` ADD `checkin_changed_at` integer;
--> statement-breakpoint
UPDATE `registrations` SET
  `checked_in_at` = c.`scanned_at`, `checkin_desk_id` = c.`desk_id`, `checkin_device_id` = c.`device_id`,
  `checkin_client_id` = c.`client_id`, `checkin_source` = c.`source`, `checkin_staff_id` = c.`staff_id`,
  `checkin_created_at` = c.`created_at`, `checkin_changed_at` = c.`changed_at`
FROM `checkins` c WHERE c.`registration_id` = `registrations`.`id`;
--> statement-breakpoint
DROP TABLE `checkins`;
--> statement-breakpoint
CREATE VIEW `checkins` AS
  SELECT `id` AS `registration_id`, `event_id`, `checkin_desk_id` AS `desk_id`, `checkin_device_id` AS `device_id`,
    `checkin_client_id` AS `client_id`, `checkin_source` AS `source`, `checked_in_at` AS `scanned_at`,
    `checkin_staff_id` AS `staff_id`, `checkin_created_at` AS `created_at`, `checkin_changed_at` AS `changed_at`
  FROM `registrations` WHERE `checked_in_at` IS NOT NULL;
