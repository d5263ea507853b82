-- Certificates (credit, attendance and teaching), each with a human-typable number and its PDF in R2; and the
-- organiser's name and seal image on the CME project. Existing tables keep their rows.
CREATE TABLE `certificates` (
	`id` text PRIMARY KEY NOT NULL,
	`event_id` text NOT NULL,
	`registration_id` text,
	`person_id` text,
	`kind` text NOT NULL,
	`number` text NOT NULL,
	`holder_name` text NOT NULL,
	`holder_affiliation` text DEFAULT '' NOT NULL,
	`credits` real DEFAULT 0 NOT NULL,
	`detail` text DEFAULT '{}' NOT NULL,
	`status` text DEFAULT 'pending' NOT NULL,
	`attempts` integer DEFAULT 0 NOT NULL,
	`last_error` text,
	`replaced_by` text,
	`r2_key` text NOT NULL,
	`issued_at` integer NOT NULL,
	`rendered_at` integer,
	`revoked_at` integer,
	`revoke_reason` text,
	`email_sent_at` integer,
	`staff_id` text,
	FOREIGN KEY (`event_id`) REFERENCES `events`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`registration_id`) REFERENCES `registrations`(`id`) ON UPDATE no action ON DELETE set null,
	FOREIGN KEY (`person_id`) REFERENCES `people`(`id`) ON UPDATE no action ON DELETE set null,
	CHECK (`kind` IN ('credit', 'attendance', 'teaching')),
	CHECK (`status` IN ('pending', 'ready', 'failed', 'revoked'))
);
--> statement-breakpoint
CREATE UNIQUE INDEX `certificates_number` ON `certificates` (`number`);
--> statement-breakpoint
CREATE UNIQUE INDEX `certificates_one_attendee` ON `certificates` (`registration_id`) WHERE kind != 'teaching' AND status != 'revoked';
--> statement-breakpoint
CREATE UNIQUE INDEX `certificates_one_teaching` ON `certificates` (`event_id`,`person_id`) WHERE kind = 'teaching' AND status != 'revoked';
--> statement-breakpoint
CREATE INDEX `certificates_event` ON `certificates` (`event_id`,`status`,`id`);
--> statement-breakpoint
CREATE INDEX `certificates_registration` ON `certificates` (`registration_id`);
--> statement-breakpoint
ALTER TABLE `cme_projects` ADD `organiser_name` text DEFAULT '' NOT NULL;
--> statement-breakpoint
ALTER TABLE `cme_projects` ADD `seal_key` text;
--> statement-breakpoint
ALTER TABLE `cme_projects` ADD `seal_type` text;
