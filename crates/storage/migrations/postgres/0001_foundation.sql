-- Foundation schema (PostgreSQL). Keep table and column names identical to ../sqlite/0001_foundation.sql:
-- the repository code uses one SQL text for both backends.

CREATE TABLE organisaties (
    id            UUID PRIMARY KEY,
    naam          TEXT NOT NULL UNIQUE,
    soort         TEXT NOT NULL CHECK (soort IN ('gemeente', 'partner')),
    gemeentecode  TEXT UNIQUE,
    versie        BIGINT NOT NULL DEFAULT 1,
    aangemaakt_op TIMESTAMPTZ NOT NULL
);

CREATE TABLE gebruikers (
    id              UUID PRIMARY KEY,
    email           TEXT NOT NULL UNIQUE,
    naam            TEXT NOT NULL,
    organisatie_id  UUID NOT NULL REFERENCES organisaties (id),
    wachtwoord_hash TEXT NOT NULL,
    totp_geheim     TEXT,
    actief          BOOLEAN NOT NULL DEFAULT TRUE,
    versie          BIGINT NOT NULL DEFAULT 1,
    aangemaakt_op   TIMESTAMPTZ NOT NULL
);
CREATE INDEX gebruikers_organisatie ON gebruikers (organisatie_id, naam);

CREATE TABLE gebruiker_rollen (
    gebruiker_id UUID NOT NULL REFERENCES gebruikers (id) ON DELETE CASCADE,
    rol          TEXT NOT NULL,
    PRIMARY KEY (gebruiker_id, rol)
);

CREATE TABLE sessies (
    token_hash          TEXT PRIMARY KEY,
    gebruiker_id        UUID NOT NULL REFERENCES gebruikers (id) ON DELETE CASCADE,
    csrf_token          TEXT NOT NULL,
    tweede_factor_nodig BOOLEAN NOT NULL,
    aangemaakt_op       TIMESTAMPTZ NOT NULL,
    verloopt_op         TIMESTAMPTZ NOT NULL
);
CREATE INDEX sessies_gebruiker ON sessies (gebruiker_id);
CREATE INDEX sessies_verloopt ON sessies (verloopt_op);

CREATE TABLE api_sleutels (
    id             UUID PRIMARY KEY,
    gebruiker_id   UUID NOT NULL REFERENCES gebruikers (id) ON DELETE CASCADE,
    token_hash     TEXT NOT NULL UNIQUE,
    omschrijving   TEXT NOT NULL,
    aangemaakt_op  TIMESTAMPTZ NOT NULL,
    ingetrokken_op TIMESTAMPTZ
);

CREATE TABLE inlogpogingen (
    id       BIGSERIAL PRIMARY KEY,
    email    TEXT NOT NULL,
    adres    TEXT NOT NULL,
    tijdstip TIMESTAMPTZ NOT NULL,
    gelukt   BOOLEAN NOT NULL
);
CREATE INDEX inlogpogingen_email ON inlogpogingen (email, tijdstip);
CREATE INDEX inlogpogingen_adres ON inlogpogingen (adres, tijdstip);

CREATE TABLE personen (
    id                      UUID PRIMARY KEY,
    gemeente_id             UUID NOT NULL REFERENCES organisaties (id),
    regisseur_id            UUID REFERENCES gebruikers (id),
    versie                  BIGINT NOT NULL DEFAULT 1,
    bsn                     TEXT,
    v_nummer                TEXT,
    voornamen               TEXT NOT NULL,
    tussenvoegsel           TEXT,
    geslachtsnaam           TEXT NOT NULL,
    -- "C" collation: prefix search is a range scan on these columns (see persons.rs).
    zoek_achternaam         TEXT COLLATE "C" NOT NULL,
    zoek_voornamen          TEXT COLLATE "C" NOT NULL,
    geboortedatum           DATE,
    geslacht                TEXT,
    geboorteland            TEXT,
    nationaliteit           TEXT,
    talen                   TEXT,
    tolk_nodig              BOOLEAN,
    tolk_taal               TEXT,
    alfabetisering          TEXT,
    opleidingsniveau        TEXT,
    werkervaring            TEXT,
    doelgroep               TEXT,
    regime                  TEXT,
    uitkering_pw            BOOLEAN,
    uitkering_pw_startdatum DATE,
    datum_koppeling         DATE,
    datum_brp_inschrijving  DATE,
    datum_kennisgeving_duo  DATE,
    datum_huisvesting       DATE,
    straat                  TEXT,
    huisnummer              TEXT,
    postcode                TEXT,
    woonplaats              TEXT,
    telefoon                TEXT,
    email                   TEXT,
    aangemaakt_op           TIMESTAMPTZ NOT NULL,
    gewijzigd_op            TIMESTAMPTZ NOT NULL,
    gewijzigd_door          UUID REFERENCES gebruikers (id)
);
-- The duplicate guard: one BSN / V-nummer per gemeente (NULL = not yet known, never a duplicate).
CREATE UNIQUE INDEX personen_bsn ON personen (gemeente_id, bsn);
CREATE UNIQUE INDEX personen_v_nummer ON personen (gemeente_id, v_nummer);
-- One index per filter/sort the caseload page offers.
CREATE INDEX personen_caseload ON personen (gemeente_id, regisseur_id, zoek_achternaam);
CREATE INDEX personen_achternaam ON personen (gemeente_id, zoek_achternaam);
CREATE INDEX personen_voornamen ON personen (gemeente_id, zoek_voornamen);
CREATE INDEX personen_koppeling ON personen (gemeente_id, datum_koppeling);
CREATE INDEX personen_doelgroep ON personen (gemeente_id, doelgroep, zoek_achternaam);

CREATE TABLE huishoudens (
    id            UUID PRIMARY KEY,
    gemeente_id   UUID NOT NULL REFERENCES organisaties (id),
    omschrijving  TEXT NOT NULL,
    versie        BIGINT NOT NULL DEFAULT 1,
    aangemaakt_op TIMESTAMPTZ NOT NULL,
    gewijzigd_op  TIMESTAMPTZ NOT NULL
);
CREATE INDEX huishoudens_gemeente ON huishoudens (gemeente_id, omschrijving);

CREATE TABLE huishouden_leden (
    huishouden_id UUID NOT NULL REFERENCES huishoudens (id) ON DELETE CASCADE,
    persoon_id    UUID NOT NULL UNIQUE REFERENCES personen (id),
    relatie       TEXT NOT NULL,
    nareiziger    BOOLEAN NOT NULL,
    PRIMARY KEY (huishouden_id, persoon_id)
);

-- Verwerkingenlog (Logboek Dataverwerkingen). Append only: the trigger below refuses any change.
CREATE TABLE audit_log (
    id                    BIGSERIAL PRIMARY KEY,
    tijdstip              TIMESTAMPTZ NOT NULL,
    trace_id              TEXT NOT NULL,
    gebruiker_id          UUID,
    organisatie_id        UUID,
    gemeente_id           UUID,
    persoon_id            UUID,
    actie                 TEXT NOT NULL,
    verwerkingsactiviteit TEXT NOT NULL,
    grondslag             TEXT NOT NULL,
    bron                  TEXT NOT NULL,
    details               TEXT
);
CREATE INDEX audit_log_persoon ON audit_log (persoon_id, id);
CREATE INDEX audit_log_gemeente ON audit_log (gemeente_id, id);
CREATE INDEX audit_log_gebruiker ON audit_log (gebruiker_id, id);

CREATE FUNCTION audit_log_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'audit_log is append-only';
END;
$$;
CREATE TRIGGER audit_log_no_change BEFORE UPDATE OR DELETE ON audit_log
    FOR EACH ROW EXECUTE FUNCTION audit_log_append_only();
