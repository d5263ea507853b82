-- Evaluation after the sessions (issue 19): the event's form (one JSON row), the answers and the assessment attempts.
-- Answers are one row per (registration, target, aspect) in a WITHOUT ROWID table keyed from the event, so an answer
-- saved again replaces its row (one b-tree written, no extra index) and the results read one key range.
-- target '~draft' holds the assessment's answers in progress (aspect = question id, text = the choices as JSON).
CREATE TABLE `evaluation_forms` (
	`event_id` text PRIMARY KEY NOT NULL,
	`settings` text NOT NULL,
	`updated_at` integer NOT NULL,
	FOREIGN KEY (`event_id`) REFERENCES `events`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE TABLE `evaluation_answers` (
	`event_id` text NOT NULL,
	`registration_id` text NOT NULL,
	`target` text NOT NULL,
	`aspect` text NOT NULL,
	`score` integer,
	`text` text,
	`at` integer NOT NULL,
	PRIMARY KEY(`event_id`, `registration_id`, `target`, `aspect`),
	FOREIGN KEY (`event_id`) REFERENCES `events`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`registration_id`) REFERENCES `registrations`(`id`) ON UPDATE no action ON DELETE cascade
) WITHOUT ROWID;
--> statement-breakpoint
CREATE TABLE `assessment_attempts` (
	`event_id` text NOT NULL,
	`registration_id` text NOT NULL,
	`n` integer NOT NULL,
	`score_percent` integer NOT NULL,
	`passed` integer NOT NULL,
	`missed` text DEFAULT '[]' NOT NULL,
	`at` integer NOT NULL,
	PRIMARY KEY(`event_id`, `registration_id`, `n`),
	FOREIGN KEY (`event_id`) REFERENCES `events`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`registration_id`) REFERENCES `registrations`(`id`) ON UPDATE no action ON DELETE cascade
) WITHOUT ROWID;
