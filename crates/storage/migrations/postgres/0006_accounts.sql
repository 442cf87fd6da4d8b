-- Accounts, everyday use: the TOTP secret being set up waits (sealed) in the session that shows it, so
-- the browser never sends a secret back; recovery codes (hashed, each usable once); organisation
-- names unique regardless of capitals (naam_sleutel is computed in Rust: storage::organisations::name_key).

ALTER TABLE sessies ADD COLUMN totp_wachtend TEXT;

CREATE TABLE herstelcodes (
    gebruiker_id UUID NOT NULL REFERENCES gebruikers (id) ON DELETE CASCADE,
    code_hash    TEXT NOT NULL,
    gebruikt_op  TIMESTAMPTZ,
    PRIMARY KEY (gebruiker_id, code_hash)
);

ALTER TABLE organisaties ADD COLUMN naam_sleutel TEXT;
-- Names that differ only in capitals may exist from before: the oldest keeps the plain key, the others
-- get their id appended so this index can be created (a beheerder renames them later).
UPDATE organisaties SET naam_sleutel = lower(trim(naam)) ||
    CASE WHEN EXISTS (SELECT 1 FROM organisaties o2
                      WHERE lower(trim(o2.naam)) = lower(trim(organisaties.naam)) AND o2.id < organisaties.id)
         THEN ' #' || organisaties.id::text ELSE '' END;
CREATE UNIQUE INDEX organisaties_naam_sleutel ON organisaties (naam_sleutel);
