-- Hash chain over the verwerkingenlog (SQLite). Keep table, column and index names identical to
-- ../postgres/0002_audit_chain.sql. See crates/storage/src/audit_chain.rs for the canonical form.
--
-- Every row carries its position in the chain of its gemeente (volgnummer, from 1), the hash of its
-- predecessor in that chain (vorige_hash; 64 zeros for the first) and its own SHA-256 over all its
-- columns (hash). Rows without a gemeente form one chain of their own. Rows written before this
-- migration keep NULL here; `wegwijs audit verify` accepts them only before the first chained row.
ALTER TABLE audit_log ADD COLUMN volgnummer INTEGER;
ALTER TABLE audit_log ADD COLUMN vorige_hash TEXT;
ALTER TABLE audit_log ADD COLUMN hash TEXT;

-- The head of every chain: one row per gemeente (the nil UUID for rows without a gemeente). Writers
-- extend a chain only while holding its head row; on SQLite the single writer connection serialises.
CREATE TABLE audit_ketenkop (
    gemeente_id BLOB NOT NULL PRIMARY KEY,
    volgnummer  INTEGER NOT NULL,
    hash        TEXT NOT NULL
);

-- New rows must be chained.
CREATE TRIGGER audit_log_chained BEFORE INSERT ON audit_log
WHEN NEW.volgnummer IS NULL OR NEW.vorige_hash IS NULL OR NEW.hash IS NULL
BEGIN SELECT RAISE(ABORT, 'audit_log rows must be chained'); END;

-- REPLACE INTO / INSERT OR REPLACE delete the old row without firing DELETE triggers (unless
-- recursive_triggers is on, which db.rs also sets): refuse an insert whose id already exists.
CREATE TRIGGER audit_log_no_replace BEFORE INSERT ON audit_log
WHEN EXISTS (SELECT 1 FROM audit_log WHERE id = NEW.id)
BEGIN SELECT RAISE(ABORT, 'audit_log is append-only'); END;
