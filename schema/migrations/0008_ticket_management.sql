-- Management tokens: the credential, emailed to the attendee, that cancels or erases a registration. The ticket
-- code printed on badges only admits at the door. Only SHA-256 hashes are stored; a registration may have several
-- (one per email that carried a link), and existing registrations get one with their next email.
CREATE TABLE `manage_tokens` (
	`token_hash` text PRIMARY KEY NOT NULL,
	`registration_id` text NOT NULL,
	`created_at` integer NOT NULL,
	FOREIGN KEY (`registration_id`) REFERENCES `registrations`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `manage_tokens_registration` ON `manage_tokens` (`registration_id`);
