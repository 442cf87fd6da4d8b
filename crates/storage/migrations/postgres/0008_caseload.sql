-- Caseload (issue 6). Search on the surname as written, with its tussenvoegsel ("el Inktami",
-- "van der Berg"): the folded "tussenvoegsel geslachtsnaam", kept by the code like the other search keys
-- (search_fold.rs recomputes it for existing rows), with its own index so the search stays a range scan.
ALTER TABLE personen ADD COLUMN zoek_achternaam_tv TEXT COLLATE "C" NOT NULL DEFAULT '';
CREATE INDEX personen_achternaam_tv ON personen (gemeente_id, zoek_achternaam_tv, zoek_voornamen, id);
-- The workload overview counts per regisseur, doelgroep and the dates the stage follows from: an index
-- that holds them all answers it without reading the persons themselves.
CREATE INDEX personen_werkvoorraad ON personen (gemeente_id, regisseur_id, doelgroep, datum_koppeling, datum_huisvesting);

-- Settings a gemeente chooses for itself (beheerder). No row means every setting at its default.
-- overnemen_toegestaan: a regisseur may take on a person without a regisseur ("Zonder regisseur").
CREATE TABLE gemeente_instellingen (
    gemeente_id          UUID PRIMARY KEY REFERENCES organisaties (id),
    overnemen_toegestaan BOOLEAN NOT NULL DEFAULT FALSE,
    versie               BIGINT NOT NULL DEFAULT 1,
    gewijzigd_op         TIMESTAMPTZ NOT NULL
);
