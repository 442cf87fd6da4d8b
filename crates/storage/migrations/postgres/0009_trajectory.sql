-- The inburgering trajectory (issue 7): koppeling, brede intake, PIP versions, termijn, progress.
-- Keep table and column names identical to ../sqlite/0009_trajectory.sql. Each slice may add detail in
-- its own later migration. Structured content that is only ever read and written whole (COA profile,
-- intake section answers, PIP content blocks) is JSON text validated by the domain types.

-- Settings for rules that are local policy or not yet verified (docs/rules.md says which).
ALTER TABLE gemeente_instellingen ADD COLUMN pip_vier_ogen BOOLEAN NOT NULL DEFAULT FALSE;
ALTER TABLE gemeente_instellingen ADD COLUMN voortgang_interval_maanden INTEGER NOT NULL DEFAULT 3;
ALTER TABLE gemeente_instellingen ADD COLUMN geen_contact_dagen INTEGER NOT NULL DEFAULT 30;
ALTER TABLE gemeente_instellingen ADD COLUMN begeleiding_maanden INTEGER NOT NULL DEFAULT 6;
ALTER TABLE gemeente_instellingen ADD COLUMN map_urennorm INTEGER NOT NULL DEFAULT 64;
ALTER TABLE gemeente_instellingen ADD COLUMN termijnwet_toepassen BOOLEAN NOT NULL DEFAULT TRUE;
ALTER TABLE gemeente_instellingen ADD COLUMN leefdomeinen_set TEXT NOT NULL DEFAULT 'nederweert';
ALTER TABLE gemeente_instellingen ADD COLUMN gezondheid_rollen TEXT NOT NULL DEFAULT '';
ALTER TABLE gemeente_instellingen ADD COLUMN gezondheid_noodzaak TEXT NOT NULL DEFAULT '';

-- The number of persons COA links to the gemeente per half-year.
CREATE TABLE taakstellingen (
    gemeente_id  UUID NOT NULL REFERENCES organisaties (id),
    jaar         INTEGER NOT NULL CHECK (jaar BETWEEN 2000 AND 2100),
    halfjaar     INTEGER NOT NULL CHECK (halfjaar IN (1, 2)),
    aantal       INTEGER NOT NULL CHECK (aantal >= 0),
    versie       BIGINT NOT NULL DEFAULT 1,
    gewijzigd_op TIMESTAMPTZ NOT NULL,
    PRIMARY KEY (gemeente_id, jaar, halfjaar)
);

-- The koppeling: its date is personen.datum_koppeling; this row holds the rest.
CREATE TABLE koppelingen (
    persoon_id            UUID PRIMARY KEY REFERENCES personen (id),
    gemeente_id           UUID NOT NULL REFERENCES organisaties (id),
    taakstelling_jaar     INTEGER,
    taakstelling_halfjaar INTEGER CHECK (taakstelling_halfjaar IN (1, 2)),
    azc_locatie           TEXT,
    coa_contact           TEXT,
    profiel               TEXT NOT NULL DEFAULT '{}',
    voorintake            TEXT NOT NULL DEFAULT '{}',
    overdracht            TEXT NOT NULL DEFAULT '{}',
    overdracht_datum      DATE,
    versie                BIGINT NOT NULL DEFAULT 1,
    gewijzigd_door        UUID REFERENCES gebruikers (id),
    gewijzigd_op          TIMESTAMPTZ NOT NULL
);
CREATE INDEX koppelingen_taakstelling ON koppelingen (gemeente_id, taakstelling_jaar, taakstelling_halfjaar);

-- One brede intake per person.
CREATE TABLE intakes (
    persoon_id   UUID PRIMARY KEY REFERENCES personen (id),
    gemeente_id  UUID NOT NULL REFERENCES organisaties (id),
    gestart_op   DATE NOT NULL,
    afgerond_op  DATE,
    versie       BIGINT NOT NULL DEFAULT 1,
    gewijzigd_op TIMESTAMPTZ NOT NULL
);

CREATE TABLE intake_gesprekken (
    id             UUID PRIMARY KEY,
    persoon_id     UUID NOT NULL REFERENCES personen (id),
    datum          DATE NOT NULL,
    plaats         TEXT NOT NULL,
    deelnemers     TEXT NOT NULL DEFAULT '',
    tolk_taal      TEXT,
    tolk_soort     TEXT,
    notities       TEXT NOT NULL DEFAULT '',
    versie         BIGINT NOT NULL DEFAULT 1,
    aangemaakt_door UUID REFERENCES gebruikers (id),
    aangemaakt_op  TIMESTAMPTZ NOT NULL
);
CREATE INDEX intake_gesprekken_persoon ON intake_gesprekken (persoon_id, datum);

-- Every change of an intake section is a new row: the history is data. The current answer is the
-- highest versie; a form posts the versie it showed, so (persoon_id, sectie, versie) refuses a stale one.
-- bijzonder marks special-category data (health): read only with the need authz grants, audited as such.
CREATE TABLE intake_secties (
    persoon_id     UUID NOT NULL REFERENCES personen (id),
    sectie         TEXT NOT NULL,
    versie         BIGINT NOT NULL,
    status         TEXT NOT NULL CHECK (status IN ('niet_gestart', 'deels', 'compleet')),
    inhoud         TEXT NOT NULL DEFAULT '{}',
    bijzonder      BOOLEAN NOT NULL DEFAULT FALSE,
    gewijzigd_door UUID REFERENCES gebruikers (id),
    gewijzigd_op   TIMESTAMPTZ NOT NULL,
    PRIMARY KEY (persoon_id, sectie, versie)
);

-- A PIP version is an immutable beschikking once vastgesteld. nummer counts 1, 2, ... per person.
CREATE TABLE pip_versies (
    id                          UUID PRIMARY KEY,
    persoon_id                  UUID NOT NULL REFERENCES personen (id),
    gemeente_id                 UUID NOT NULL REFERENCES organisaties (id),
    nummer                      INTEGER NOT NULL,
    status                      TEXT NOT NULL CHECK (status IN ('concept', 'vastgesteld', 'vervangen', 'ingetrokken')),
    reden                       TEXT CHECK (reden IN ('schakelen', 'afschalen', 'verhuizing', 'anders')),
    reden_toelichting           TEXT,
    leerroute                   TEXT CHECK (leerroute IN ('B', 'O', 'Z')),
    niveau                      TEXT CHECK (niveau IN ('A2', 'B1')),
    alfabetisering              TEXT CHECK (alfabetisering IN ('A', 'AA', 'NVT')),
    intensiteit_uren            INTEGER,
    aantal_voortgangsgesprekken INTEGER,
    inhoud                      TEXT NOT NULL DEFAULT '{}',
    dagtekening                 DATE,
    opgesteld_door              UUID REFERENCES gebruikers (id),
    vastgesteld_door            UUID REFERENCES gebruikers (id),
    vastgesteld_op              TIMESTAMPTZ,
    ingetrokken_op              DATE,
    versie                      BIGINT NOT NULL DEFAULT 1,
    aangemaakt_op               TIMESTAMPTZ NOT NULL,
    gewijzigd_op                TIMESTAMPTZ NOT NULL,
    UNIQUE (persoon_id, nummer)
);
CREATE INDEX pip_versies_persoon ON pip_versies (persoon_id, status, dagtekening);

-- Goals and activities keep their id across versions (copied into each new version), so referrals
-- to partners (a later issue) can point at "this goal" whatever the version.
CREATE TABLE pip_doelen (
    pip_id       UUID NOT NULL REFERENCES pip_versies (id),
    doel_id      UUID NOT NULL,
    volgorde     INTEGER NOT NULL,
    leefdomein   TEXT NOT NULL,
    omschrijving TEXT NOT NULL,
    streefdatum  DATE,
    uitvoerder   TEXT NOT NULL DEFAULT '',
    status       TEXT NOT NULL,
    PRIMARY KEY (pip_id, doel_id)
);

CREATE TABLE pip_activiteiten (
    pip_id         UUID NOT NULL REFERENCES pip_versies (id),
    activiteit_id  UUID NOT NULL,
    volgorde       INTEGER NOT NULL,
    doel_id        UUID,
    omschrijving   TEXT NOT NULL,
    aanbieder      TEXT NOT NULL DEFAULT '',
    uren_per_week  DOUBLE PRECISION,
    startdatum     DATE,
    einddatum      DATE,
    PRIMARY KEY (pip_id, activiteit_id)
);

CREATE TABLE pip_rechtsmiddelen (
    id            UUID PRIMARY KEY,
    pip_id        UUID NOT NULL REFERENCES pip_versies (id),
    persoon_id    UUID NOT NULL REFERENCES personen (id),
    soort         TEXT NOT NULL CHECK (soort IN ('bezwaar', 'beroep')),
    ontvangen_op  DATE NOT NULL,
    beslist_op    DATE,
    uitkomst      TEXT CHECK (uitkomst IN ('gegrond', 'deels_gegrond', 'ongegrond', 'niet_ontvankelijk', 'ingetrokken')),
    toelichting   TEXT NOT NULL DEFAULT '',
    versie        BIGINT NOT NULL DEFAULT 1,
    aangemaakt_door UUID REFERENCES gebruikers (id),
    aangemaakt_op TIMESTAMPTZ NOT NULL
);
CREATE INDEX pip_rechtsmiddelen_pip ON pip_rechtsmiddelen (pip_id);

-- The termijn itself follows from the first PIP's dagtekening; DUO's extensions are recorded here.
CREATE TABLE termijn_verlengingen (
    id               UUID PRIMARY KEY,
    persoon_id       UUID NOT NULL REFERENCES personen (id),
    grond            TEXT NOT NULL,
    besluitdatum     DATE NOT NULL,
    nieuwe_einddatum DATE NOT NULL,
    toelichting      TEXT NOT NULL DEFAULT '',
    aangemaakt_door  UUID REFERENCES gebruikers (id),
    aangemaakt_op    TIMESTAMPTZ NOT NULL
);
CREATE INDEX termijn_verlengingen_persoon ON termijn_verlengingen (persoon_id, nieuwe_einddatum);

-- Vrijstelling and ontheffing: decided by DUO, recorded here because they change what is due.
CREATE TABLE duo_besluiten (
    id              UUID PRIMARY KEY,
    persoon_id      UUID NOT NULL REFERENCES personen (id),
    soort           TEXT NOT NULL CHECK (soort IN ('vrijstelling', 'ontheffing')),
    type            TEXT NOT NULL,
    volledig        BOOLEAN NOT NULL,
    onderdelen      TEXT NOT NULL DEFAULT '',
    besluitdatum    DATE NOT NULL,
    aangemaakt_door UUID REFERENCES gebruikers (id),
    aangemaakt_op   TIMESTAMPTZ NOT NULL
);
CREATE INDEX duo_besluiten_persoon ON duo_besluiten (persoon_id);

CREATE TABLE voortgangsgesprekken (
    id              UUID PRIMARY KEY,
    persoon_id      UUID NOT NULL REFERENCES personen (id),
    gepland_op      DATE NOT NULL,
    gehouden_op     DATE,
    deelnemers      TEXT NOT NULL DEFAULT '',
    verslag         TEXT NOT NULL DEFAULT '',
    besluiten       TEXT NOT NULL DEFAULT '',
    doelvoortgang   TEXT NOT NULL DEFAULT '[]',
    pip_aanpassen   BOOLEAN NOT NULL DEFAULT FALSE,
    versie          BIGINT NOT NULL DEFAULT 1,
    aangemaakt_door UUID REFERENCES gebruikers (id),
    aangemaakt_op   TIMESTAMPTZ NOT NULL,
    gewijzigd_op    TIMESTAMPTZ NOT NULL
);
CREATE INDEX voortgangsgesprekken_persoon ON voortgangsgesprekken (persoon_id, gepland_op);

CREATE TABLE examens (
    id              UUID PRIMARY KEY,
    persoon_id      UUID NOT NULL REFERENCES personen (id),
    onderdeel       TEXT NOT NULL CHECK (onderdeel IN ('KNM', 'LE', 'LU', 'SC', 'SP')),
    niveau          TEXT CHECK (niveau IN ('A2', 'B1', 'B2')),
    datum           DATE NOT NULL,
    uitslag         TEXT NOT NULL CHECK (uitslag IN ('Geslaagd', 'Gezakt', 'Geen')),
    aangemaakt_door UUID REFERENCES gebruikers (id),
    aangemaakt_op   TIMESTAMPTZ NOT NULL
);
CREATE INDEX examens_persoon ON examens (persoon_id, onderdeel, datum);

-- Hours that count towards PVT, MAP, the Z-route and afschalen. One row per registration so partners
-- and DUO's "gevolgde uren" (later issues) add rows rather than overwrite a total.
CREATE TABLE uren (
    id              UUID PRIMARY KEY,
    persoon_id      UUID NOT NULL REFERENCES personen (id),
    soort           TEXT NOT NULL CHECK (soort IN ('nt2_cursus', 'participatie', 'pvt', 'map')),
    van             DATE NOT NULL,
    tot             DATE NOT NULL,
    uren            INTEGER NOT NULL CHECK (uren > 0),
    tijdens_intake  BOOLEAN NOT NULL DEFAULT FALSE,
    omschrijving    TEXT NOT NULL DEFAULT '',
    aangemaakt_door UUID REFERENCES gebruikers (id),
    aangemaakt_op   TIMESTAMPTZ NOT NULL
);
CREATE INDEX uren_persoon ON uren (persoon_id, soort);

-- The parts of the obligation that end with a date (one row per person).
CREATE TABLE traject_afronding (
    persoon_id              UUID PRIMARY KEY REFERENCES personen (id),
    pvt_ondertekend_op      DATE,
    map_eindgesprek_op      DATE,
    map_verwijtbaar         TEXT CHECK (map_verwijtbaar IN ('Ja', 'Nee')),
    pvt_verwijtbaar         TEXT CHECK (pvt_verwijtbaar IN ('Ja', 'Nee')),
    z_eindgesprek_op        DATE,
    onderwijsroute_afgerond DATE,
    voldaan_op              DATE,
    voldaan_grond           TEXT CHECK (voldaan_grond IN ('examen', 'onderwijsroute', 'z_route', 'vrijstelling', 'ontheffing')),
    versie                  BIGINT NOT NULL DEFAULT 1,
    gewijzigd_door          UUID REFERENCES gebruikers (id),
    gewijzigd_op            TIMESTAMPTZ NOT NULL
);
