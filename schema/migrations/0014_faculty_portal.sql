-- The faculty portal (issue 18): personal links, answers to each invitation, profile changes, disclosures, consents, logistics, reminders.
CREATE TABLE `faculty_links` (
	`token_hash` text PRIMARY KEY NOT NULL,
	`person_id` text NOT NULL,
	`event_id` text NOT NULL,
	`created_at` integer NOT NULL,
	`revoked_at` integer,
	FOREIGN KEY (`person_id`) REFERENCES `people`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`event_id`) REFERENCES `events`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `faculty_links_person` ON `faculty_links` (`person_id`,`created_at`);
--> statement-breakpoint
CREATE TABLE `faculty_responses` (
	`session_id` text NOT NULL,
	`person_id` text NOT NULL,
	`status` text NOT NULL,
	`note` text DEFAULT '' NOT NULL,
	`responded_at` integer NOT NULL,
	PRIMARY KEY(`session_id`, `person_id`),
	FOREIGN KEY (`session_id`) REFERENCES `sessions`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`person_id`) REFERENCES `people`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `faculty_responses_person` ON `faculty_responses` (`person_id`);
--> statement-breakpoint
CREATE TABLE `faculty_profiles` (
	`person_id` text PRIMARY KEY NOT NULL,
	`event_id` text NOT NULL,
	`pending` text,
	`pending_at` integer,
	`disclosure` text,
	`disclosure_signed_name` text,
	`disclosure_signed_at` integer,
	`consent_recording` integer,
	`consent_slides` integer,
	`consent_at` integer,
	`logistics` text,
	`bank_account` text,
	`logistics_at` integer,
	`slides` integer DEFAULT 0 NOT NULL,
	`updated_at` integer NOT NULL,
	FOREIGN KEY (`person_id`) REFERENCES `people`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`event_id`) REFERENCES `events`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `faculty_profiles_event` ON `faculty_profiles` (`event_id`);
--> statement-breakpoint
CREATE TABLE `faculty_settings` (
	`event_id` text PRIMARY KEY NOT NULL,
	`approve_changes` integer DEFAULT 1 NOT NULL,
	`reminder_days` text DEFAULT '[]' NOT NULL,
	FOREIGN KEY (`event_id`) REFERENCES `events`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE TABLE `faculty_reminders` (
	`person_id` text NOT NULL,
	`day` text NOT NULL,
	`items` text NOT NULL,
	`created_at` integer NOT NULL,
	PRIMARY KEY(`person_id`, `day`),
	FOREIGN KEY (`person_id`) REFERENCES `people`(`id`) ON UPDATE no action ON DELETE cascade
);
