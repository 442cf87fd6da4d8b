-- Searching the verwerkingenlog (privacy officer): every filter is one index range read newest first,
-- from a keyset cursor (tijdstip, id) on, at any depth and any size of the log. Keep identical in
-- ../sqlite and ../postgres (schema_parity checks). The log is ordered by tijdstip, then id (the tie
-- breaker), so a period is a range of the same index the order comes from.
--
-- The three indexes of 0001 ordered by id only; they are replaced, so each insert still maintains
-- four indexes beside the primary key, not seven.
DROP INDEX audit_log_persoon;
DROP INDEX audit_log_gemeente;
DROP INDEX audit_log_gebruiker;
-- The whole gemeente's log, optionally within a period.
CREATE INDEX audit_log_gemeente ON audit_log (gemeente_id, tijdstip, id);
-- One person's log ("wie heeft dit gezien", the inzage export, a search by name or BSN).
CREATE INDEX audit_log_persoon ON audit_log (persoon_id, tijdstip, id);
-- What one user did, within their gemeente's log.
CREATE INDEX audit_log_gebruiker ON audit_log (gemeente_id, gebruiker_id, tijdstip, id);
-- One kind of processing (e.g. every failed sign-in) within a gemeente's log.
CREATE INDEX audit_log_actie ON audit_log (gemeente_id, actie, tijdstip, id);
