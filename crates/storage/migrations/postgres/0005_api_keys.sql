-- Accounts and API keys: display prefix, expiry and last use of API keys; the last accepted TOTP time
-- step (a code is accepted once); forced password change after a one-time password; one-time notices
-- (a new password or API key shown once after a redirect, deleted when read).

ALTER TABLE api_sleutels ADD COLUMN prefix TEXT;
ALTER TABLE api_sleutels ADD COLUMN verloopt_op TIMESTAMPTZ;
ALTER TABLE api_sleutels ADD COLUMN laatst_gebruikt_op TIMESTAMPTZ;
CREATE INDEX api_sleutels_prefix ON api_sleutels (prefix);
CREATE INDEX api_sleutels_gebruiker ON api_sleutels (gebruiker_id);

ALTER TABLE gebruikers ADD COLUMN totp_laatste_stap BIGINT;
ALTER TABLE gebruikers ADD COLUMN wachtwoord_wijzigen BOOLEAN NOT NULL DEFAULT FALSE;

CREATE TABLE eenmalige_meldingen (
    id           TEXT PRIMARY KEY,
    gebruiker_id UUID NOT NULL REFERENCES gebruikers (id) ON DELETE CASCADE,
    inhoud       TEXT NOT NULL,
    verloopt_op  TIMESTAMPTZ NOT NULL
);
