-- Registration modes (open, approval, invitation) and the invitation list. Registrations gain the statuses
-- 'pending' (awaiting the organiser) and 'rejected'; the status column is plain text, so no table rewrite.
ALTER TABLE `events` ADD `registration_mode` text DEFAULT 'open' NOT NULL;--> statement-breakpoint
CREATE TABLE `invitations` (
	`id` text PRIMARY KEY NOT NULL,
	`event_id` text NOT NULL,
	`name` text NOT NULL,
	`email` text NOT NULL,
	`email_key` text NOT NULL,
	`token_hash` text NOT NULL,
	`locale` text DEFAULT 'zh-CN' NOT NULL,
	`declined_at` integer,
	`created_at` integer NOT NULL,
	FOREIGN KEY (`event_id`) REFERENCES `events`(`id`) ON UPDATE no action ON DELETE cascade
);--> statement-breakpoint
CREATE UNIQUE INDEX `invitations_event_email` ON `invitations` (`event_id`,`email_key`);--> statement-breakpoint
CREATE UNIQUE INDEX `invitations_token` ON `invitations` (`token_hash`);
