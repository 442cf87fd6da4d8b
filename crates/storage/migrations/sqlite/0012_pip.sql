-- The PIP slice (issue 7): who last changed a concept, who withdrew a version and why, and at most
-- one concept per person (the domain refuses a second; this index makes a race between two
-- requests fail too). Keep identical to ../postgres/0012_pip.sql.
ALTER TABLE pip_versies ADD COLUMN gewijzigd_door BLOB REFERENCES gebruikers (id);
ALTER TABLE pip_versies ADD COLUMN ingetrokken_door BLOB REFERENCES gebruikers (id);
ALTER TABLE pip_versies ADD COLUMN intrekking_toelichting TEXT;
CREATE UNIQUE INDEX pip_versies_een_concept ON pip_versies (persoon_id) WHERE status = 'concept';
CREATE INDEX pip_doelen_doel ON pip_doelen (doel_id);
