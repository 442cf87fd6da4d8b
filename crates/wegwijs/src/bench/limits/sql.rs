//! The SQL of the naive limits (one commit per operation), written out as the storage crate runs it. The
//! caseload and search limits call the storage crate's own list query instead (see `mod.rs`).

/// The dossier's read: the person with the names of its regisseur and last editor (as `persons::get`).
pub const READ_PERSON: &str = "SELECT p.*, r.naam AS regisseur_naam, w.naam AS gewijzigd_door_naam FROM personen p \
     LEFT JOIN gebruikers r ON r.id = p.regisseur_id LEFT JOIN gebruikers w ON w.id = p.gewijzigd_door \
     WHERE p.id = $1 AND p.gemeente_id = $2";

/// The fields the `create_api` scenario sends, as the API stores them.
pub const INSERT_PERSON: &str = "INSERT INTO personen (id, gemeente_id, regisseur_id, versie, bsn, voornamen, \
     geslachtsnaam, zoek_achternaam, zoek_voornamen, geboortedatum, geslacht, geboorteland, talen, doelgroep, regime, \
     aangemaakt_op, gewijzigd_op, gewijzigd_door) \
     VALUES ($1, $2, $3, 1, $4, 'Bench', 'Meting', 'meting', 'bench', $5, 'vrouw', 'Syrië', 'Arabisch', \
     'asielstatushouder', 'wi2021', $6, $6, $3)";
