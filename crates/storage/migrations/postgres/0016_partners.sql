-- Chain partners (issue 8). Keep identical to ../sqlite/0016_partners.sql (types aside).
-- A partner organisation's kind and the life domains it serves (comma-separated leefdomein codes).
ALTER TABLE organisaties ADD COLUMN partner_soort TEXT;
ALTER TABLE organisaties ADD COLUMN leefdomeinen TEXT NOT NULL DEFAULT '';

-- The sociale kaart: products of partners offered in a gemeente.
CREATE TABLE aanbod (
    id            UUID PRIMARY KEY,
    gemeente_id   UUID NOT NULL REFERENCES organisaties (id),
    partner_id    UUID NOT NULL REFERENCES organisaties (id),
    naam          TEXT NOT NULL,
    leefdomein    TEXT NOT NULL,
    financiering  TEXT NOT NULL,
    eenheid       TEXT NOT NULL CHECK (eenheid IN ('uren', 'dagdelen', 'weken')),
    omschrijving  TEXT NOT NULL DEFAULT '',
    actief        BOOLEAN NOT NULL DEFAULT TRUE,
    versie        BIGINT NOT NULL DEFAULT 1,
    aangemaakt_op TIMESTAMPTZ NOT NULL,
    UNIQUE (gemeente_id, partner_id, naam)
);
CREATE INDEX aanbod_gemeente ON aanbod (gemeente_id, leefdomein, naam);

-- A referral: the partner's only way into a person's data while accepted or started.
CREATE TABLE verwijzingen (
    id                         UUID PRIMARY KEY,
    gemeente_id                UUID NOT NULL REFERENCES organisaties (id),
    persoon_id                 UUID NOT NULL REFERENCES personen (id),
    partner_id                 UUID NOT NULL REFERENCES organisaties (id),
    aanbod_id                  UUID NOT NULL REFERENCES aanbod (id),
    medewerker_id              UUID REFERENCES gebruikers (id),
    status                     TEXT NOT NULL CHECK (status IN ('verstuurd', 'geaccepteerd', 'afgewezen', 'gestart', 'afgerond', 'gestopt', 'ingetrokken')),
    vraag                      TEXT NOT NULL,
    -- Goal ids of the PIP (JSON array of UUID strings) the partner works on.
    doel_ids                   TEXT NOT NULL DEFAULT '[]',
    grondslag                  TEXT NOT NULL CHECK (grondslag IN ('wettelijke_taak', 'toestemming')),
    toestemming_datum          DATE,
    geldig_tot                 DATE NOT NULL,
    gezondheid_delen           BOOLEAN NOT NULL DEFAULT FALSE,
    gezondheid_rechtvaardiging TEXT,
    verstuurd_op               DATE NOT NULL,
    gestart_op                 DATE,
    beeindigd_op               DATE,
    reden                      TEXT,
    toelichting                TEXT,
    versie                     BIGINT NOT NULL DEFAULT 1,
    aangemaakt_door            UUID REFERENCES gebruikers (id),
    aangemaakt_op              TIMESTAMPTZ NOT NULL,
    gewijzigd_op               TIMESTAMPTZ NOT NULL
);
-- The partner scope: "persons with an active referral to this partner (assigned to this worker)".
CREATE INDEX verwijzingen_partner ON verwijzingen (partner_id, status, persoon_id);
CREATE INDEX verwijzingen_medewerker ON verwijzingen (medewerker_id, status, persoon_id);
CREATE INDEX verwijzingen_persoon ON verwijzingen (persoon_id, aangemaakt_op);
CREATE INDEX verwijzingen_gemeente ON verwijzingen (gemeente_id, status, aangemaakt_op);

-- Every transition of a referral: dated, by whom, why. Never updated.
CREATE TABLE verwijzing_stappen (
    id            UUID PRIMARY KEY,
    verwijzing_id UUID NOT NULL REFERENCES verwijzingen (id),
    status        TEXT NOT NULL,
    datum         DATE NOT NULL,
    reden         TEXT,
    toelichting   TEXT,
    door          UUID REFERENCES gebruikers (id),
    op            TIMESTAMPTZ NOT NULL
);
CREATE INDEX verwijzing_stappen_verwijzing ON verwijzing_stappen (verwijzing_id, op);

-- Contact moments, by the gemeente or a partner. `organisatie_id` is the author's organisation:
-- confidentiality 'eigen_organisatie' keeps it there.
CREATE TABLE contactmomenten (
    id                UUID PRIMARY KEY,
    persoon_id        UUID NOT NULL REFERENCES personen (id),
    gemeente_id       UUID NOT NULL REFERENCES organisaties (id),
    organisatie_id    UUID NOT NULL REFERENCES organisaties (id),
    verwijzing_id     UUID REFERENCES verwijzingen (id),
    soort             TEXT NOT NULL,
    datum             DATE NOT NULL,
    duur_minuten      INTEGER,
    deelnemers        TEXT NOT NULL DEFAULT '',
    tolk              BOOLEAN NOT NULL DEFAULT FALSE,
    tolk_taal         TEXT,
    vertrouwelijkheid TEXT NOT NULL CHECK (vertrouwelijkheid IN ('normaal', 'gevoelig', 'eigen_organisatie')),
    samenvatting      TEXT NOT NULL,
    vervolgafspraak   TEXT NOT NULL DEFAULT '',
    auteur_id         UUID REFERENCES gebruikers (id),
    aangemaakt_op     TIMESTAMPTZ NOT NULL
);
CREATE INDEX contactmomenten_persoon ON contactmomenten (persoon_id, datum);

-- Attendance per session of a referral.
CREATE TABLE bijeenkomsten (
    id             UUID PRIMARY KEY,
    verwijzing_id  UUID NOT NULL REFERENCES verwijzingen (id),
    persoon_id     UUID NOT NULL REFERENCES personen (id),
    datum          DATE NOT NULL,
    aanwezigheid   TEXT NOT NULL CHECK (aanwezigheid IN ('aanwezig', 'afwezig_met_reden', 'afwezig_zonder_bericht')),
    reden          TEXT,
    -- Hundredths of an hour (1.5 h = 150).
    uren_honderdsten INTEGER,
    aangemaakt_door  UUID REFERENCES gebruikers (id),
    aangemaakt_op    TIMESTAMPTZ NOT NULL,
    UNIQUE (verwijzing_id, datum)
);
CREATE INDEX bijeenkomsten_persoon ON bijeenkomsten (persoon_id, datum);

-- Measurements (ZRM, language level per skill); scores as JSON [[code, value], ...].
CREATE TABLE metingen (
    id             UUID PRIMARY KEY,
    persoon_id     UUID NOT NULL REFERENCES personen (id),
    gemeente_id    UUID NOT NULL REFERENCES organisaties (id),
    organisatie_id UUID NOT NULL REFERENCES organisaties (id),
    verwijzing_id  UUID REFERENCES verwijzingen (id),
    instrument     TEXT NOT NULL,
    moment         TEXT NOT NULL,
    datum          DATE NOT NULL,
    scores         TEXT NOT NULL,
    toelichting    TEXT NOT NULL DEFAULT '',
    aangemaakt_door UUID REFERENCES gebruikers (id),
    aangemaakt_op  TIMESTAMPTZ NOT NULL
);
CREATE INDEX metingen_persoon ON metingen (persoon_id, instrument, datum);

-- Hours per professional per person per activity.
CREATE TABLE urenregistraties (
    id             UUID PRIMARY KEY,
    persoon_id     UUID NOT NULL REFERENCES personen (id),
    gemeente_id    UUID NOT NULL REFERENCES organisaties (id),
    organisatie_id UUID NOT NULL REFERENCES organisaties (id),
    verwijzing_id  UUID REFERENCES verwijzingen (id),
    activiteit_id  UUID,
    medewerker_id  UUID REFERENCES gebruikers (id),
    datum          DATE NOT NULL,
    uren_honderdsten INTEGER NOT NULL CHECK (uren_honderdsten > 0),
    omschrijving   TEXT NOT NULL DEFAULT '',
    aangemaakt_op  TIMESTAMPTZ NOT NULL
);
CREATE INDEX urenregistraties_persoon ON urenregistraties (persoon_id, datum);

-- Placements (werkervaringsplek in cycles of 15 weeks, stage, ...) and their evaluations.
CREATE TABLE plaatsingen (
    id             UUID PRIMARY KEY,
    persoon_id     UUID NOT NULL REFERENCES personen (id),
    gemeente_id    UUID NOT NULL REFERENCES organisaties (id),
    organisatie_id UUID NOT NULL REFERENCES organisaties (id),
    verwijzing_id  UUID REFERENCES verwijzingen (id),
    soort          TEXT NOT NULL,
    plek           TEXT NOT NULL,
    start          DATE NOT NULL,
    eind           DATE,
    uren_per_week_honderdsten INTEGER NOT NULL,
    uitstroom      TEXT,
    versie         BIGINT NOT NULL DEFAULT 1,
    aangemaakt_door UUID REFERENCES gebruikers (id),
    aangemaakt_op  TIMESTAMPTZ NOT NULL
);
CREATE INDEX plaatsingen_persoon ON plaatsingen (persoon_id, start);
CREATE TABLE plaatsing_evaluaties (
    id             UUID PRIMARY KEY,
    plaatsing_id   UUID NOT NULL REFERENCES plaatsingen (id),
    datum          DATE NOT NULL,
    volgende_stap  TEXT NOT NULL,
    uitstroom      TEXT,
    toelichting    TEXT NOT NULL DEFAULT '',
    aangemaakt_door UUID REFERENCES gebruikers (id),
    aangemaakt_op  TIMESTAMPTZ NOT NULL
);
CREATE INDEX plaatsing_evaluaties_plaatsing ON plaatsing_evaluaties (plaatsing_id, datum);

-- Handhaving: fines (Wi2021 art. 22, 23), warnings and Participatiewet measures, by the gemeente.
CREATE TABLE handhaving (
    id                 UUID PRIMARY KEY,
    persoon_id         UUID NOT NULL REFERENCES personen (id),
    gemeente_id        UUID NOT NULL REFERENCES organisaties (id),
    soort              TEXT NOT NULL,
    overtreding        TEXT,
    verwijtbaarheid    TEXT,
    besluit_datum      DATE NOT NULL,
    bedrag_centen      BIGINT NOT NULL DEFAULT 0,
    berekening         TEXT NOT NULL DEFAULT '',
    nieuwe_termijn     DATE,
    onherroepelijk     BOOLEAN NOT NULL DEFAULT FALSE,
    toelichting        TEXT NOT NULL DEFAULT '',
    aangemaakt_door    UUID REFERENCES gebruikers (id),
    aangemaakt_op      TIMESTAMPTZ NOT NULL
);
CREATE INDEX handhaving_persoon ON handhaving (persoon_id, besluit_datum);
