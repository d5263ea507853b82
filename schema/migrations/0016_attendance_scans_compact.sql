-- Attendance scans keyed by (event, point, registration, time, clientId) in a WITHOUT ROWID table: the ledger read, the
-- desk counters and the close-out all seek this key, so an insert writes the table and the clientId index only
-- (2 b-trees, was 5: rowid table, id's autoindex, the clientId index and two indexes now served by the key).
-- id stays as a plain column: the close-out keys its automatic sign-out by the sign-in's id.
CREATE TABLE `attendance_scans_new` (
	`id` text NOT NULL,
	`event_id` text NOT NULL,
	`registration_id` text NOT NULL,
	`point` text NOT NULL,
	`direction` text NOT NULL,
	`scanned_at` integer NOT NULL,
	`desk_id` text DEFAULT '' NOT NULL,
	`device_id` text DEFAULT '' NOT NULL,
	`client_id` text NOT NULL,
	`source` text DEFAULT 'scan' NOT NULL,
	`staff_id` text,
	`created_at` integer DEFAULT (CAST(unixepoch('subsec') * 1000 AS INTEGER)) NOT NULL,
	PRIMARY KEY(`event_id`, `point`, `registration_id`, `scanned_at`, `client_id`),
	FOREIGN KEY (`event_id`) REFERENCES `events`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`registration_id`) REFERENCES `registrations`(`id`) ON UPDATE no action ON DELETE cascade,
	CHECK (`direction` IN ('in', 'out'))
) WITHOUT ROWID;
--> statement-breakpoint
INSERT INTO `attendance_scans_new` (`id`, `event_id`, `registration_id`, `point`, `direction`, `scanned_at`, `desk_id`, `device_id`, `client_id`, `source`, `staff_id`, `created_at`)
  SELECT `id`, `event_id`, `registration_id`, `point`, `direction`, `scanned_at`, `desk_id`, `device_id`, `client_id`, `source`, `staff_id`, `created_at` FROM `attendance_scans`;
--> statement-breakpoint
DROP TABLE `attendance_scans`;
--> statement-breakpoint
ALTER TABLE `attendance_scans_new` RENAME TO `attendance_scans`;
--> statement-breakpoint
CREATE UNIQUE INDEX `attendance_scans_client` ON `attendance_scans` (`event_id`,`client_id`);
