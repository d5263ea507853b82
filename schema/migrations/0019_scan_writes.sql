-- Check-ins in a WITHOUT ROWID table keyed by registration_id, with one index (event_id, changed_at, scanned_at), so a
-- check-in writes 2 b-tree entries instead of 4 (rowid table, registration_id's autoindex, checkins_event_time and
-- checkins_event_changed). The key serves every join from registrations; the one index serves the desks' "changed
-- since" pull (seek on changed_at) and, covering scanned_at, the arrivals histogram (which now sorts its buckets).
CREATE TABLE `checkins_new` (
	`registration_id` text PRIMARY KEY NOT NULL,
	`event_id` text NOT NULL,
	`desk_id` text DEFAULT '' NOT NULL,
	`device_id` text DEFAULT '' NOT NULL,
	`client_id` text NOT NULL,
	`source` text DEFAULT 'scan' NOT NULL,
	`scanned_at` integer NOT NULL,
	`staff_id` text,
	`created_at` integer DEFAULT (CAST(unixepoch('subsec') * 1000 AS INTEGER)) NOT NULL,
	`changed_at` integer DEFAULT 0 NOT NULL,
	FOREIGN KEY (`registration_id`) REFERENCES `registrations`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`event_id`) REFERENCES `events`(`id`) ON UPDATE no action ON DELETE cascade
) WITHOUT ROWID;
--> statement-breakpoint
INSERT INTO `checkins_new` (`registration_id`, `event_id`, `desk_id`, `device_id`, `client_id`, `source`, `scanned_at`, `staff_id`, `created_at`, `changed_at`)
  SELECT `registration_id`, `event_id`, `desk_id`, `device_id`, `client_id`, `source`, `scanned_at`, `staff_id`, `created_at`, `changed_at` FROM `checkins`;
--> statement-breakpoint
DROP TABLE `checkins`;
--> statement-breakpoint
ALTER TABLE `checkins_new` RENAME TO `checkins`;
--> statement-breakpoint
CREATE INDEX `checkins_event_changed` ON `checkins` (`event_id`,`changed_at`,`scanned_at`);
