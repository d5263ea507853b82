-- Attendance ledger (sign-in/sign-out scans per registration and point), the event's CME project and credit rule,
-- and organisers' eligibility overrides. Existing tables are untouched.
CREATE TABLE `attendance_scans` (
	`id` text PRIMARY KEY NOT NULL,
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
	FOREIGN KEY (`event_id`) REFERENCES `events`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`registration_id`) REFERENCES `registrations`(`id`) ON UPDATE no action ON DELETE cascade,
	CHECK (`direction` IN ('in', 'out'))
);
--> statement-breakpoint
CREATE UNIQUE INDEX `attendance_scans_client` ON `attendance_scans` (`event_id`,`client_id`);
--> statement-breakpoint
CREATE INDEX `attendance_scans_registration` ON `attendance_scans` (`registration_id`,`point`,`scanned_at`);
--> statement-breakpoint
CREATE INDEX `attendance_scans_event` ON `attendance_scans` (`event_id`,`point`,`scanned_at`);
--> statement-breakpoint
CREATE TABLE `cme_projects` (
	`event_id` text PRIMARY KEY NOT NULL,
	`settings` text NOT NULL,
	`updated_at` integer NOT NULL,
	FOREIGN KEY (`event_id`) REFERENCES `events`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE TABLE `attendance_overrides` (
	`registration_id` text PRIMARY KEY NOT NULL,
	`event_id` text NOT NULL,
	`eligible` integer NOT NULL,
	`reason` text NOT NULL,
	`staff_id` text,
	`created_at` integer NOT NULL,
	FOREIGN KEY (`registration_id`) REFERENCES `registrations`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`event_id`) REFERENCES `events`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `attendance_overrides_event` ON `attendance_overrides` (`event_id`);
