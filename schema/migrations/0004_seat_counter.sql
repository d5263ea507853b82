ALTER TABLE `events` ADD `seats_taken` integer DEFAULT 0 NOT NULL;--> statement-breakpoint
UPDATE `events` SET `seats_taken` = (SELECT count(*) FROM `registrations` r WHERE r.event_id = events.id AND r.status = 'confirmed' AND r.role = 'attendee');--> statement-breakpoint
CREATE TRIGGER registrations_seats_insert AFTER INSERT ON registrations
WHEN NEW.status = 'confirmed' AND NEW.role = 'attendee'
BEGIN
  UPDATE events SET seats_taken = seats_taken + 1 WHERE id = NEW.event_id;
END;--> statement-breakpoint
CREATE TRIGGER registrations_seats_delete AFTER DELETE ON registrations
WHEN OLD.status = 'confirmed' AND OLD.role = 'attendee'
BEGIN
  UPDATE events SET seats_taken = seats_taken - 1 WHERE id = OLD.event_id;
END;--> statement-breakpoint
CREATE TRIGGER registrations_seats_update AFTER UPDATE OF status, role, event_id ON registrations
WHEN (OLD.status = 'confirmed' AND OLD.role = 'attendee') != (NEW.status = 'confirmed' AND NEW.role = 'attendee') OR OLD.event_id != NEW.event_id
BEGIN
  UPDATE events SET seats_taken = seats_taken - 1 WHERE id = OLD.event_id AND OLD.status = 'confirmed' AND OLD.role = 'attendee';
  UPDATE events SET seats_taken = seats_taken + 1 WHERE id = NEW.event_id AND NEW.status = 'confirmed' AND NEW.role = 'attendee';
END;
