CREATE TABLE `checkin_conflicts` (
	`id` text PRIMARY KEY NOT NULL,
	`event_id` text NOT NULL,
	`registration_id` text NOT NULL,
	`kept_client_id` text NOT NULL,
	`kept_desk_id` text NOT NULL,
	`kept_at` integer NOT NULL,
	`other_client_id` text NOT NULL,
	`other_desk_id` text NOT NULL,
	`other_at` integer NOT NULL,
	`created_at` integer DEFAULT (CAST(unixepoch('subsec') * 1000 AS INTEGER)) NOT NULL,
	FOREIGN KEY (`event_id`) REFERENCES `events`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`registration_id`) REFERENCES `registrations`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE UNIQUE INDEX `checkin_conflicts_pair` ON `checkin_conflicts` (`registration_id`,`other_client_id`);--> statement-breakpoint
CREATE INDEX `checkin_conflicts_event` ON `checkin_conflicts` (`event_id`,`created_at`);--> statement-breakpoint
CREATE TABLE `pairings` (
	`id` text PRIMARY KEY NOT NULL,
	`event_id` text NOT NULL,
	`token_hash` text NOT NULL,
	`label` text DEFAULT '' NOT NULL,
	`max_uses` integer NOT NULL,
	`uses` integer DEFAULT 0 NOT NULL,
	`expires_at` integer NOT NULL,
	`revoked_at` integer,
	`created_by` text,
	`created_at` integer DEFAULT (CAST(unixepoch('subsec') * 1000 AS INTEGER)) NOT NULL,
	FOREIGN KEY (`event_id`) REFERENCES `events`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE UNIQUE INDEX `pairings_token` ON `pairings` (`token_hash`);--> statement-breakpoint
CREATE INDEX `pairings_event` ON `pairings` (`event_id`);--> statement-breakpoint
ALTER TABLE `checkins` ADD `changed_at` integer DEFAULT 0 NOT NULL;--> statement-breakpoint
CREATE INDEX `checkins_event_changed` ON `checkins` (`event_id`,`changed_at`);--> statement-breakpoint
ALTER TABLE `staff` ADD `pairing_id` text;--> statement-breakpoint
CREATE INDEX `registrations_event_updated` ON `registrations` (`event_id`,`updated_at`);