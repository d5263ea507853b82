-- Registration closes when the event starts unless the organiser keeps it open until the end (issue 14, item 7).
ALTER TABLE `events` ADD `registration_until_end` integer DEFAULT 0 NOT NULL;
