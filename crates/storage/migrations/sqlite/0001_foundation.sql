-- Foundation schema (SQLite). Keep table and column names identical to ../postgres/0001_foundation.sql:
-- the repository code uses one SQL text for both backends.

CREATE TABLE organisaties (
    id            BLOB PRIMARY KEY,
    naam          TEXT NOT NULL UNIQUE,
    soort         TEXT NOT NULL CHECK (soort IN ('gemeente', 'partner')),
    gemeentecode  TEXT UNIQUE,
    versie        INTEGER NOT NULL DEFAULT 1,
    aangemaakt_op TEXT NOT NULL
);

CREATE TABLE gebruikers (
    id              BLOB PRIMARY KEY,
    email           TEXT NOT NULL UNIQUE,
    naam            TEXT NOT NULL,
    organisatie_id  BLOB NOT NULL REFERENCES organisaties (id),
    wachtwoord_hash TEXT NOT NULL,
    totp_geheim     TEXT,
    actief          BOOLEAN NOT NULL DEFAULT TRUE,
    versie          INTEGER NOT NULL DEFAULT 1,
    aangemaakt_op   TEXT NOT NULL
);
CREATE INDEX gebruikers_organisatie ON gebruikers (organisatie_id, naam);

CREATE TABLE gebruiker_rollen (
    gebruiker_id BLOB NOT NULL REFERENCES gebruikers (id) ON DELETE CASCADE,
    rol          TEXT NOT NULL,
    PRIMARY KEY (gebruiker_id, rol)
);

CREATE TABLE sessies (
    token_hash          TEXT PRIMARY KEY,
    gebruiker_id        BLOB NOT NULL REFERENCES gebruikers (id) ON DELETE CASCADE,
    csrf_token          TEXT NOT NULL,
    tweede_factor_nodig BOOLEAN NOT NULL,
    aangemaakt_op       TEXT NOT NULL,
    verloopt_op         TEXT NOT NULL
);
CREATE INDEX sessies_gebruiker ON sessies (gebruiker_id);
CREATE INDEX sessies_verloopt ON sessies (verloopt_op);

CREATE TABLE api_sleutels (
    id             BLOB PRIMARY KEY,
    gebruiker_id   BLOB NOT NULL REFERENCES gebruikers (id) ON DELETE CASCADE,
    token_hash     TEXT NOT NULL UNIQUE,
    omschrijving   TEXT NOT NULL,
    aangemaakt_op  TEXT NOT NULL,
    ingetrokken_op TEXT
);

CREATE TABLE inlogpogingen (
    id       INTEGER PRIMARY KEY AUTOINCREMENT,
    email    TEXT NOT NULL,
    adres    TEXT NOT NULL,
    tijdstip TEXT NOT NULL,
    gelukt   BOOLEAN NOT NULL
);
CREATE INDEX inlogpogingen_email ON inlogpogingen (email, tijdstip);
CREATE INDEX inlogpogingen_adres ON inlogpogingen (adres, tijdstip);

CREATE TABLE personen (
    id                      BLOB PRIMARY KEY,
    gemeente_id             BLOB NOT NULL REFERENCES organisaties (id),
    regisseur_id            BLOB REFERENCES gebruikers (id),
    versie                  INTEGER NOT NULL DEFAULT 1,
    bsn                     TEXT,
    v_nummer                TEXT,
    voornamen               TEXT NOT NULL,
    tussenvoegsel           TEXT,
    geslachtsnaam           TEXT NOT NULL,
    zoek_achternaam         TEXT NOT NULL,
    zoek_voornamen          TEXT NOT NULL,
    geboortedatum           TEXT,
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
    uitkering_pw_startdatum TEXT,
    datum_koppeling         TEXT,
    datum_brp_inschrijving  TEXT,
    datum_kennisgeving_duo  TEXT,
    datum_huisvesting       TEXT,
    straat                  TEXT,
    huisnummer              TEXT,
    postcode                TEXT,
    woonplaats              TEXT,
    telefoon                TEXT,
    email                   TEXT,
    aangemaakt_op           TEXT NOT NULL,
    gewijzigd_op            TEXT NOT NULL,
    gewijzigd_door          BLOB REFERENCES gebruikers (id)
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
    id            BLOB PRIMARY KEY,
    gemeente_id   BLOB NOT NULL REFERENCES organisaties (id),
    omschrijving  TEXT NOT NULL,
    versie        INTEGER NOT NULL DEFAULT 1,
    aangemaakt_op TEXT NOT NULL,
    gewijzigd_op  TEXT NOT NULL
);
CREATE INDEX huishoudens_gemeente ON huishoudens (gemeente_id, omschrijving);

CREATE TABLE huishouden_leden (
    huishouden_id BLOB NOT NULL REFERENCES huishoudens (id) ON DELETE CASCADE,
    persoon_id    BLOB NOT NULL UNIQUE REFERENCES personen (id),
    relatie       TEXT NOT NULL,
    nareiziger    BOOLEAN NOT NULL,
    PRIMARY KEY (huishouden_id, persoon_id)
);

-- Verwerkingenlog (Logboek Dataverwerkingen). Append only: the triggers below refuse any change.
CREATE TABLE audit_log (
    id                    INTEGER PRIMARY KEY AUTOINCREMENT,
    tijdstip              TEXT NOT NULL,
    trace_id              TEXT NOT NULL,
    gebruiker_id          BLOB,
    organisatie_id        BLOB,
    gemeente_id           BLOB,
    persoon_id            BLOB,
    actie                 TEXT NOT NULL,
    verwerkingsactiviteit TEXT NOT NULL,
    grondslag             TEXT NOT NULL,
    bron                  TEXT NOT NULL,
    details               TEXT
);
CREATE INDEX audit_log_persoon ON audit_log (persoon_id, id);
CREATE INDEX audit_log_gemeente ON audit_log (gemeente_id, id);
CREATE INDEX audit_log_gebruiker ON audit_log (gebruiker_id, id);

CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log
BEGIN SELECT RAISE(ABORT, 'audit_log is append-only'); END;
CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log
BEGIN SELECT RAISE(ABORT, 'audit_log is append-only'); END;
