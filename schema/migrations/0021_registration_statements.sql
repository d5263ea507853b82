-- A registration's hot path is two statements (the registration, its email); a re-sent ticket's management link
-- goes with its email row: the hash rides in the payload and this trigger stores it, in the same statement.
CREATE TRIGGER emails_resend_manage_token AFTER INSERT ON emails
WHEN NEW.kind = 'resend' AND NEW.registration_id IS NOT NULL AND json_extract(NEW.payload, '$.manageHash') IS NOT NULL
BEGIN
  INSERT INTO manage_tokens (token_hash, registration_id, created_at)
  VALUES (json_extract(NEW.payload, '$.manageHash'), NEW.registration_id, NEW.created_at);
END;
