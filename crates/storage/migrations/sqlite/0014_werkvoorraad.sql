-- Werkvoorraad (issue 7). The workload counts now also ask, per person, whether an intake, a
-- vastgestelde PIP and a voldaan date exist (EXISTS on their per-person keys): that needs the person's
-- id, so the covering index of 0008 gets it as its last column (the count stays an index-only pass).
DROP INDEX personen_werkvoorraad;
CREATE INDEX personen_werkvoorraad ON personen (gemeente_id, regisseur_id, doelgroep, datum_koppeling, datum_huisvesting, id);

-- The last held voortgangsgesprek per person (werkvoorraad facts and the timeline).
CREATE INDEX voortgangsgesprekken_gehouden ON voortgangsgesprekken (persoon_id, gehouden_op);
