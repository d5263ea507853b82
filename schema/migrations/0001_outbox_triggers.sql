-- A registration moved from the waitlist to confirmed gets its promotion email in the same statement,
-- whichever code path promoted it (a cancellation, a capacity change, an organiser).
CREATE TRIGGER registrations_promoted_email
AFTER UPDATE OF status ON registrations
WHEN OLD.status = 'waitlisted' AND NEW.status = 'confirmed'
BEGIN
  INSERT INTO emails (id, event_id, registration_id, kind, "to", locale, payload)
  VALUES ('eml_' || lower(hex(randomblob(16))), NEW.event_id, NEW.id, 'promoted', NEW.email, NEW.locale,
          json_object('origin', coalesce(NEW.promoted_origin, '')));
END;
