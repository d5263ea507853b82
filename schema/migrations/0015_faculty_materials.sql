-- Faculty materials (issue 18): slides in R2 under unguessable keys and video links, with who may read each.
-- A new table only; existing data is untouched.
CREATE TABLE `materials` (
	`id` text PRIMARY KEY NOT NULL,
	`event_id` text NOT NULL,
	`person_id` text NOT NULL,
	`session_id` text,
	`kind` text NOT NULL,
	`title` text NOT NULL,
	`filename` text DEFAULT '' NOT NULL,
	`content_type` text DEFAULT '' NOT NULL,
	`bytes` integer DEFAULT 0 NOT NULL,
	`r2_key` text,
	`url` text,
	`visibility` text DEFAULT 'organisers' NOT NULL,
	`status` text DEFAULT 'uploading' NOT NULL,
	`uploaded_by` text DEFAULT '' NOT NULL,
	`created_at` integer DEFAULT (CAST(unixepoch('subsec') * 1000 AS INTEGER)) NOT NULL,
	FOREIGN KEY (`event_id`) REFERENCES `events`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`person_id`) REFERENCES `people`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`session_id`) REFERENCES `sessions`(`id`) ON UPDATE no action ON DELETE set null,
	CHECK (`kind` IN ('pdf', 'pptx', 'video_link')),
	CHECK (`visibility` IN ('public_after_event', 'attendees', 'organisers')),
	CHECK (`status` IN ('uploading', 'ready'))
);
--> statement-breakpoint
CREATE INDEX `materials_person` ON `materials` (`person_id`,`created_at`);
--> statement-breakpoint
CREATE INDEX `materials_event` ON `materials` (`event_id`,`status`,`visibility`);
--> statement-breakpoint
CREATE UNIQUE INDEX `materials_r2_key` ON `materials` (`r2_key`);
