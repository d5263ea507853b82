-- Desk search: a term index over names, institutions and contact keys, kept in sync by triggers (the per-device search limit uses migration 0006's rate_buckets).
-- Every CJK character and every word start of a name (after its first character) and of an institution gets one row
-- holding the text from there on (up to 16 characters), so any part of a name or an institution is a prefix of some
-- term: one index range, bounded by LIMIT, answers 1-character queries that FTS5's trigram tokenizer cannot.
-- The start of a name is served by registrations_event_name. Email and phone are stored whole (and the phone's last
-- 4 digits), for exact matches only: a prefix of an email or phone must find no one.
CREATE TABLE `search_positions` (`n` integer PRIMARY KEY NOT NULL);--> statement-breakpoint
INSERT INTO `search_positions` (`n`)
  WITH RECURSIVE seq(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM seq WHERE n < 256) SELECT n FROM seq;--> statement-breakpoint
CREATE TABLE `registration_search` (
	`event_id` text NOT NULL,
	`kind` text NOT NULL,
	`term` text NOT NULL,
	`registration_id` text NOT NULL,
	PRIMARY KEY(`event_id`, `kind`, `term`, `registration_id`)
) WITHOUT ROWID;--> statement-breakpoint
-- kind: n = inside a name, a = anywhere in the institution, e = whole email, p = whole phone (digits), t = phone's last 4 digits.
-- A term starts at a CJK character, or at a letter or digit after a separator or a CJK character.
CREATE VIEW `registration_search_terms` AS
  SELECT r.id, r.event_id, 'n' AS kind, substr(lower(r.name), p.n, 16) AS term
  FROM registrations r JOIN search_positions p ON p.n BETWEEN 2 AND length(r.name)
  WHERE instr(' -.,;:/()&·・_''’"，、。；：（）【】　', substr(r.name, p.n, 1)) = 0
    AND (unicode(substr(r.name, p.n, 1)) BETWEEN 12352 AND 40959 OR unicode(substr(r.name, p.n, 1)) BETWEEN 44032 AND 55215
      OR unicode(substr(r.name, p.n, 1)) BETWEEN 63744 AND 64255 OR unicode(substr(r.name, p.n, 1)) >= 131072
      OR instr(' -.,;:/()&·・_''’"，、。；：（）【】　', substr(r.name, p.n - 1, 1)) > 0
      OR unicode(substr(r.name, p.n - 1, 1)) BETWEEN 12352 AND 40959 OR unicode(substr(r.name, p.n - 1, 1)) BETWEEN 44032 AND 55215
      OR unicode(substr(r.name, p.n - 1, 1)) BETWEEN 63744 AND 64255 OR unicode(substr(r.name, p.n - 1, 1)) >= 131072)
  UNION ALL
  SELECT r.id, r.event_id, 'a', substr(lower(r.affiliation), p.n, 16)
  FROM registrations r JOIN search_positions p ON p.n BETWEEN 1 AND length(r.affiliation)
  WHERE instr(' -.,;:/()&·・_''’"，、。；：（）【】　', substr(r.affiliation, p.n, 1)) = 0
    AND (unicode(substr(r.affiliation, p.n, 1)) BETWEEN 12352 AND 40959 OR unicode(substr(r.affiliation, p.n, 1)) BETWEEN 44032 AND 55215
      OR unicode(substr(r.affiliation, p.n, 1)) BETWEEN 63744 AND 64255 OR unicode(substr(r.affiliation, p.n, 1)) >= 131072
      OR instr(' -.,;:/()&·・_''’"，、。；：（）【】　', substr(r.affiliation, p.n - 1, 1)) > 0
      OR unicode(substr(r.affiliation, p.n - 1, 1)) BETWEEN 12352 AND 40959 OR unicode(substr(r.affiliation, p.n - 1, 1)) BETWEEN 44032 AND 55215
      OR unicode(substr(r.affiliation, p.n - 1, 1)) BETWEEN 63744 AND 64255 OR unicode(substr(r.affiliation, p.n - 1, 1)) >= 131072)
  UNION ALL
  SELECT r.id, r.event_id, 'e', r.email_key FROM registrations r WHERE r.email <> '' AND r.email NOT LIKE 'erased+%'
  UNION ALL
  SELECT id, event_id, 'p', digits FROM (SELECT r.id, r.event_id,
    replace(replace(replace(replace(replace(replace(replace(r.phone, ' ', ''), '-', ''), '+', ''), '(', ''), ')', ''), char(9), ''), char(160), '') AS digits
    FROM registrations r) WHERE length(digits) >= 4
  UNION ALL
  SELECT id, event_id, 't', substr(digits, -4) FROM (SELECT r.id, r.event_id,
    replace(replace(replace(replace(replace(replace(replace(r.phone, ' ', ''), '-', ''), '+', ''), '(', ''), ')', ''), char(9), ''), char(160), '') AS digits
    FROM registrations r) WHERE length(digits) >= 4;--> statement-breakpoint
INSERT OR IGNORE INTO `registration_search` (event_id, kind, term, registration_id)
  SELECT event_id, kind, term, id FROM registration_search_terms;--> statement-breakpoint
CREATE TRIGGER registrations_search_insert AFTER INSERT ON registrations
BEGIN
  INSERT OR IGNORE INTO registration_search (event_id, kind, term, registration_id)
    SELECT event_id, kind, term, id FROM registration_search_terms WHERE id = NEW.id;
END;--> statement-breakpoint
-- BEFORE: the view still sees the row, so the terms to delete are exactly the ones it inserted.
CREATE TRIGGER registrations_search_delete BEFORE DELETE ON registrations
BEGIN
  DELETE FROM registration_search WHERE event_id = OLD.event_id AND kind IN ('n', 'a', 'e', 'p', 't')
    AND term IN (SELECT term FROM registration_search_terms WHERE id = OLD.id) AND registration_id = OLD.id;
END;--> statement-breakpoint
CREATE TRIGGER registrations_search_name_old BEFORE UPDATE OF name ON registrations WHEN OLD.name IS NOT NEW.name
BEGIN
  DELETE FROM registration_search WHERE event_id = OLD.event_id AND kind = 'n'
    AND term IN (SELECT term FROM registration_search_terms WHERE id = OLD.id AND kind = 'n') AND registration_id = OLD.id;
END;--> statement-breakpoint
CREATE TRIGGER registrations_search_name_new AFTER UPDATE OF name ON registrations WHEN OLD.name IS NOT NEW.name
BEGIN
  INSERT OR IGNORE INTO registration_search (event_id, kind, term, registration_id)
    SELECT event_id, kind, term, id FROM registration_search_terms WHERE id = NEW.id AND kind = 'n';
END;--> statement-breakpoint
CREATE TRIGGER registrations_search_affiliation_old BEFORE UPDATE OF affiliation ON registrations WHEN OLD.affiliation IS NOT NEW.affiliation
BEGIN
  DELETE FROM registration_search WHERE event_id = OLD.event_id AND kind = 'a'
    AND term IN (SELECT term FROM registration_search_terms WHERE id = OLD.id AND kind = 'a') AND registration_id = OLD.id;
END;--> statement-breakpoint
CREATE TRIGGER registrations_search_affiliation_new AFTER UPDATE OF affiliation ON registrations WHEN OLD.affiliation IS NOT NEW.affiliation
BEGIN
  INSERT OR IGNORE INTO registration_search (event_id, kind, term, registration_id)
    SELECT event_id, kind, term, id FROM registration_search_terms WHERE id = NEW.id AND kind = 'a';
END;--> statement-breakpoint
CREATE TRIGGER registrations_search_email_old BEFORE UPDATE OF email, email_key ON registrations WHEN OLD.email IS NOT NEW.email OR OLD.email_key IS NOT NEW.email_key
BEGIN
  DELETE FROM registration_search WHERE event_id = OLD.event_id AND kind = 'e' AND term = OLD.email_key AND registration_id = OLD.id;
END;--> statement-breakpoint
CREATE TRIGGER registrations_search_email_new AFTER UPDATE OF email, email_key ON registrations WHEN OLD.email IS NOT NEW.email OR OLD.email_key IS NOT NEW.email_key
BEGIN
  INSERT OR IGNORE INTO registration_search (event_id, kind, term, registration_id)
    SELECT event_id, kind, term, id FROM registration_search_terms WHERE id = NEW.id AND kind = 'e';
END;--> statement-breakpoint
CREATE TRIGGER registrations_search_phone_old BEFORE UPDATE OF phone ON registrations WHEN OLD.phone IS NOT NEW.phone
BEGIN
  DELETE FROM registration_search WHERE event_id = OLD.event_id AND kind IN ('p', 't')
    AND term IN (SELECT term FROM registration_search_terms WHERE id = OLD.id AND kind IN ('p', 't')) AND registration_id = OLD.id;
END;--> statement-breakpoint
CREATE TRIGGER registrations_search_phone_new AFTER UPDATE OF phone ON registrations WHEN OLD.phone IS NOT NEW.phone
BEGIN
  INSERT OR IGNORE INTO registration_search (event_id, kind, term, registration_id)
    SELECT event_id, kind, term, id FROM registration_search_terms WHERE id = NEW.id AND kind IN ('p', 't');
END;
