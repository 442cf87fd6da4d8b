-- What a gemeente prints on its letters (the PIP beschikking): postal address, phone number, website
-- and the address for bezwaarschriften. Empty text is "not set yet": the letter then prints only what
-- is known. Keep identical in both migration folders.
ALTER TABLE gemeente_instellingen ADD COLUMN brief_postadres TEXT NOT NULL DEFAULT '';
ALTER TABLE gemeente_instellingen ADD COLUMN brief_postcode TEXT NOT NULL DEFAULT '';
ALTER TABLE gemeente_instellingen ADD COLUMN brief_plaats TEXT NOT NULL DEFAULT '';
ALTER TABLE gemeente_instellingen ADD COLUMN brief_telefoon TEXT NOT NULL DEFAULT '';
ALTER TABLE gemeente_instellingen ADD COLUMN brief_website TEXT NOT NULL DEFAULT '';
ALTER TABLE gemeente_instellingen ADD COLUMN bezwaar_postadres TEXT NOT NULL DEFAULT '';
ALTER TABLE gemeente_instellingen ADD COLUMN bezwaar_postcode TEXT NOT NULL DEFAULT '';
ALTER TABLE gemeente_instellingen ADD COLUMN bezwaar_plaats TEXT NOT NULL DEFAULT '';
