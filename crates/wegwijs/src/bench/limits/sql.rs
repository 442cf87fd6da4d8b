//! The SQL of the limits, copied from the storage crate's queries for the scenarios' cases.

/// The dossier's read: the person with the names of its regisseur and last editor (as `persons::get`).
pub const READ_PERSON: &str = "SELECT p.*, r.naam AS regisseur_naam, w.naam AS gewijzigd_door_naam FROM personen p \
     LEFT JOIN gebruikers r ON r.id = p.regisseur_id LEFT JOIN gebruikers w ON w.id = p.gewijzigd_door \
     WHERE p.id = $1 AND p.gemeente_id = $2";

/// The audit row, as `wegwijs_storage::audit::insert` writes it.
pub const INSERT_AUDIT: &str = "INSERT INTO audit_log (tijdstip, trace_id, gebruiker_id, organisatie_id, gemeente_id, \
     persoon_id, actie, verwerkingsactiviteit, grondslag, bron, details) \
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, NULL)";

/// The caseload page's two queries for "my caseload, my persons first, by name" (as `persons::list`).
pub const CASELOAD_COUNT: &str =
    "SELECT COUNT(*) FROM personen p WHERE p.gemeente_id = $1 AND p.regisseur_id = $2";
pub const CASELOAD_PAGE: &str = "SELECT p.id, p.gemeente_id, p.voornamen, p.tussenvoegsel, p.geslachtsnaam, p.bsn, \
     p.v_nummer, p.geboortedatum, p.doelgroep, p.datum_koppeling, p.regisseur_id, r.naam AS regisseur_naam, p.versie \
     FROM personen p LEFT JOIN gebruikers r ON r.id = p.regisseur_id \
     WHERE p.gemeente_id = $1 AND p.regisseur_id = $2 \
     ORDER BY CASE WHEN p.regisseur_id = $3 THEN 0 ELSE 1 END, p.zoek_achternaam, p.zoek_voornamen, p.id \
     LIMIT $4 OFFSET $5";

/// The fields the `create_api` scenario sends, as the API stores them.
pub const INSERT_PERSON: &str = "INSERT INTO personen (id, gemeente_id, regisseur_id, versie, bsn, voornamen, \
     geslachtsnaam, zoek_achternaam, zoek_voornamen, geboortedatum, geslacht, geboorteland, talen, doelgroep, regime, \
     aangemaakt_op, gewijzigd_op, gewijzigd_door) \
     VALUES ($1, $2, $3, 1, $4, 'Bench', 'Meting', 'meting', 'bench', $5, 'vrouw', 'Syrië', 'Arabisch', \
     'asielstatushouder', 'wi2021', $6, $6, $3)";

/// The caseload page's search (`?zoek=...&regisseur=alle`) for a name prefix: the whole gemeente, the
/// actor's own persons first (as `persons::list` with `Term::Prefix`).
pub const SEARCH_PREFIX_COUNT: &str = "SELECT COUNT(*) FROM personen p WHERE p.gemeente_id = $1 \
     AND ((p.zoek_achternaam >= $2 AND p.zoek_achternaam < $3) OR (p.zoek_voornamen >= $2 AND p.zoek_voornamen < $3))";
pub const SEARCH_PREFIX_PAGE: &str = "SELECT p.id, p.gemeente_id, p.voornamen, p.tussenvoegsel, p.geslachtsnaam, \
     p.bsn, p.v_nummer, p.geboortedatum, p.doelgroep, p.datum_koppeling, p.regisseur_id, r.naam AS regisseur_naam, \
     p.versie FROM personen p LEFT JOIN gebruikers r ON r.id = p.regisseur_id WHERE p.gemeente_id = $1 \
     AND ((p.zoek_achternaam >= $2 AND p.zoek_achternaam < $3) OR (p.zoek_voornamen >= $2 AND p.zoek_voornamen < $3)) \
     ORDER BY CASE WHEN p.regisseur_id = $4 THEN 0 ELSE 1 END, p.zoek_achternaam, p.zoek_voornamen, p.id \
     LIMIT $5 OFFSET $6";

/// The same search for a BSN (`Term::Bsn`).
pub const SEARCH_BSN_COUNT: &str =
    "SELECT COUNT(*) FROM personen p WHERE p.gemeente_id = $1 AND p.bsn = $2";
pub const SEARCH_BSN_PAGE: &str = "SELECT p.id, p.gemeente_id, p.voornamen, p.tussenvoegsel, p.geslachtsnaam, \
     p.bsn, p.v_nummer, p.geboortedatum, p.doelgroep, p.datum_koppeling, p.regisseur_id, r.naam AS regisseur_naam, \
     p.versie FROM personen p LEFT JOIN gebruikers r ON r.id = p.regisseur_id \
     WHERE p.gemeente_id = $1 AND p.bsn = $2 \
     ORDER BY CASE WHEN p.regisseur_id = $3 THEN 0 ELSE 1 END, p.zoek_achternaam, p.zoek_voornamen, p.id \
     LIMIT $4 OFFSET $5";
