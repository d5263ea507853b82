CREATE TABLE `messages` (
	`id` text PRIMARY KEY NOT NULL,
	`event_id` text NOT NULL,
	`audience` text NOT NULL,
	`subject` text NOT NULL,
	`body` text NOT NULL,
	`recipients` integer NOT NULL,
	`staff_id` text,
	`created_at` integer DEFAULT (CAST(unixepoch('subsec') * 1000 AS INTEGER)) NOT NULL,
	FOREIGN KEY (`event_id`) REFERENCES `events`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `messages_event` ON `messages` (`event_id`,`created_at`);--> statement-breakpoint
CREATE TABLE `webhook_events` (
	`id` text PRIMARY KEY NOT NULL,
	`received_at` integer NOT NULL
);
--> statement-breakpoint
ALTER TABLE `emails` ADD `message_id` text;--> statement-breakpoint
ALTER TABLE `emails` ADD `delivery_status` text;--> statement-breakpoint
ALTER TABLE `emails` ADD `delivery_at` integer;--> statement-breakpoint
CREATE INDEX `emails_message` ON `emails` (`message_id`,`status`);--> statement-breakpoint
CREATE INDEX `emails_provider` ON `emails` (`provider_id`);--> statement-breakpoint
CREATE INDEX `emails_registration` ON `emails` (`registration_id`,`kind`);--> statement-breakpoint
CREATE UNIQUE INDEX `emails_one_reminder` ON `emails` (`registration_id`) WHERE kind = 'reminder';