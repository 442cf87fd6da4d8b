-- Keyset paging: every list order is served by an index that holds the whole sort key, ending in the
-- id (the tie breaker), so a page is one index range read from the cursor on, at any depth.
DROP INDEX personen_caseload;
DROP INDEX personen_achternaam;
DROP INDEX personen_voornamen;
DROP INDEX personen_koppeling;
DROP INDEX personen_doelgroep;
CREATE INDEX personen_caseload ON personen (gemeente_id, regisseur_id, zoek_achternaam, zoek_voornamen, id);
CREATE INDEX personen_naam ON personen (gemeente_id, zoek_achternaam, zoek_voornamen, id);
-- First-name matches of a search, ordered by first names.
CREATE INDEX personen_voornaam ON personen (gemeente_id, zoek_voornamen, zoek_achternaam, id);
CREATE INDEX personen_geboorte ON personen (gemeente_id, geboortedatum, zoek_achternaam, id);
CREATE INDEX personen_koppeling ON personen (gemeente_id, datum_koppeling DESC, zoek_achternaam, id);
CREATE INDEX personen_doelgroep ON personen (gemeente_id, doelgroep, zoek_achternaam, zoek_voornamen, id);
