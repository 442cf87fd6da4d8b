-- Which version of the name fold (storage::persons::search_key, in Rust) the stored search keys
-- personen.zoek_achternaam / zoek_voornamen follow. Db::migrate recomputes the keys when the code's
-- fold is newer (search_fold.rs) and then raises this number. Version 1 is the fold of 0001.
CREATE TABLE zoeksleutel_versie (
    id      INTEGER NOT NULL PRIMARY KEY CHECK (id = 1),
    versie  BIGINT NOT NULL
);
INSERT INTO zoeksleutel_versie (id, versie) VALUES (1, 1);
