-- Hash chain over the verwerkingenlog (PostgreSQL). Keep table, column and index names identical to
-- ../sqlite/0002_audit_chain.sql. See crates/storage/src/audit_chain.rs for the canonical form.
--
-- Every row carries its position in the chain of its gemeente (volgnummer, from 1), the hash of its
-- predecessor in that chain (vorige_hash; 64 zeros for the first) and its own SHA-256 over all its
-- columns (hash). Rows without a gemeente form one chain of their own. Rows written before this
-- migration keep NULL here; `wegwijs audit verify` accepts them only before the first chained row.
ALTER TABLE audit_log
    ADD COLUMN volgnummer  BIGINT,
    ADD COLUMN vorige_hash TEXT,
    ADD COLUMN hash        TEXT;

-- The head of every chain: one row per gemeente (the nil UUID for rows without a gemeente). A writer
-- locks the head rows of the chains it extends (in gemeente order, as the last statements of its
-- transaction) until commit, so concurrent transactions cannot fork a chain.
CREATE TABLE audit_ketenkop (
    gemeente_id UUID NOT NULL PRIMARY KEY,
    volgnummer  BIGINT NOT NULL,
    hash        TEXT NOT NULL
);

-- New rows must be chained (existing rows, from before this migration, are not checked).
ALTER TABLE audit_log ADD CONSTRAINT audit_log_chained
    CHECK (volgnummer IS NOT NULL AND vorige_hash IS NOT NULL AND hash IS NOT NULL) NOT VALID;

-- TRUNCATE fires no row triggers: refuse it with a statement trigger (the application role has no
-- TRUNCATE right either, see roles.rs).
CREATE TRIGGER audit_log_no_truncate BEFORE TRUNCATE ON audit_log
    FOR EACH STATEMENT EXECUTE FUNCTION audit_log_append_only();
