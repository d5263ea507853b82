-- A cancelled registration no longer blocks a new one with the same email: one LIVE (confirmed or waitlisted)
-- registration per email per event. The old index was stricter, so existing rows all satisfy the new one.
DROP INDEX IF EXISTS `registrations_event_email`;--> statement-breakpoint
CREATE UNIQUE INDEX `registrations_event_email` ON `registrations` (`event_id`,`email_key`) WHERE status != 'cancelled';--> statement-breakpoint
-- Token buckets for the registration limit: the time at which each key's bucket is full again (see worker/http/rate-limit.ts).
CREATE TABLE `rate_buckets` (
	`key` text PRIMARY KEY NOT NULL,
	`refilled_at` integer NOT NULL
);
