-- A new registration's email (its confirmation, or the waitlist or pending notice) is queued by this trigger, in the
-- registration's own INSERT: one D1 statement instead of two (issue 21). The registration route alone sets both
-- columns the trigger waits for (manage_hash and, as the origin its emails link to, promoted_origin); rows added by
-- staff, imports and seeds set neither and queue nothing. The email's id is the registration's with `eml_` for
-- `reg_`, so the route can put it on the queue. Its payload holds the origin only: the management token is derived
-- from the registration's id by the link secret, and the queue consumer derives it again to write the link
-- (worker/tickets/manage.ts), so the outbox keeps no copy of it.
CREATE TRIGGER registrations_confirmation_email
AFTER INSERT ON registrations
WHEN NEW.manage_hash IS NOT NULL AND NEW.promoted_origin IS NOT NULL
BEGIN
  INSERT INTO emails (id, event_id, registration_id, kind, "to", locale, payload, created_at)
  VALUES ('eml_' || substr(NEW.id, 5), NEW.event_id, NEW.id,
          CASE NEW.status WHEN 'confirmed' THEN 'confirmation' WHEN 'pending' THEN 'pending' ELSE 'waitlisted' END,
          NEW.email, NEW.locale, json_object('origin', NEW.promoted_origin), NEW.created_at);
END;
