//! The werkvoorraad's input: per person the plain trajectory facts
//! (`domain::trajectory::werkvoorraad::TrajectFeiten`), for all persons of a werkvoorraad scope in ONE
//! query. The persons come from the caseload index `(gemeente_id, regisseur_id, ...)`; each fact is a
//! correlated subquery on a per-person index of the 0009 tables, so the cost grows with the persons
//! listed, not with the gemeente.

use chrono::NaiveDate;
use uuid::Uuid;
use wegwijs_domain::authz::WerkvoorraadScope;
use wegwijs_domain::ids::{GebruikerId, PersonId};
use wegwijs_domain::person::{Doelgroep, Regime};
use wegwijs_domain::trajectory::codes::{Leerroute, Niveau};
use wegwijs_domain::trajectory::werkvoorraad::TrajectFeiten;

use crate::{Db, StorageResult, on_pool};

/// The columns and subqueries, with the WHERE clause the scope needs appended (one static string per
/// scope). A vastgestelde PIP that was
/// later replaced keeps its dagtekening, so the first PIP is the earliest of both states; a withdrawn
/// one never started the termijn.
macro_rules! facts_sql {
    ($where:literal) => {
        concat!("SELECT p.id, p.voornamen, p.tussenvoegsel, p.geslachtsnaam, p.regisseur_id, \
     p.doelgroep, p.regime, p.datum_kennisgeving_duo, p.datum_brp_inschrijving, p.datum_koppeling, \
     p.uitkering_pw_startdatum, i.gestart_op, i.afgerond_op, \
     (SELECT MAX(g.datum) FROM intake_gesprekken g WHERE g.persoon_id = p.id) AS laatste_gesprek, \
     (SELECT MAX(c.datum) FROM contactmomenten c WHERE c.persoon_id = p.id) AS laatste_contactmoment, \
     (SELECT MAX(b.datum) FROM bijeenkomsten b WHERE b.persoon_id = p.id \
        AND b.aanwezigheid = 'afwezig_zonder_bericht') AS laatste_verzuim, \
     (SELECT MIN(v.dagtekening) FROM pip_versies v WHERE v.persoon_id = p.id \
        AND v.status IN ('vastgesteld', 'vervangen')) AS eerste_pip, \
     EXISTS (SELECT 1 FROM pip_versies v WHERE v.persoon_id = p.id AND v.status = 'concept') AS heeft_concept, \
     (SELECT v.leerroute FROM pip_versies v WHERE v.persoon_id = p.id AND v.status = 'vastgesteld' \
        ORDER BY v.nummer DESC LIMIT 1) AS leerroute, \
     (SELECT v.niveau FROM pip_versies v WHERE v.persoon_id = p.id AND v.status = 'vastgesteld' \
        ORDER BY v.nummer DESC LIMIT 1) AS niveau, \
     (SELECT MAX(t.nieuwe_einddatum) FROM termijn_verlengingen t WHERE t.persoon_id = p.id) AS verlenging_eind, \
     (SELECT MAX(r.gehouden_op) FROM voortgangsgesprekken r WHERE r.persoon_id = p.id) AS laatste_review, \
     (SELECT MIN(r.gepland_op) FROM voortgangsgesprekken r WHERE r.persoon_id = p.id \
        AND r.gehouden_op IS NULL) AS volgende_review, \
     a.voldaan_op, a.onderwijsroute_afgerond, a.z_eindgesprek_op, \
     (SELECT COUNT(DISTINCT e.onderdeel) FROM examens e WHERE e.persoon_id = p.id \
        AND e.uitslag = 'Geslaagd') AS geslaagd \
     FROM personen p \
     LEFT JOIN intakes i ON i.persoon_id = p.id \
     LEFT JOIN traject_afronding a ON a.persoon_id = p.id ", $where)
    };
}

const BY_REGISSEUR: &str = facts_sql!("WHERE p.gemeente_id = $1 AND p.regisseur_id = $2");
const BY_TEAM: &str = facts_sql!("WHERE p.gemeente_id = $1 AND p.regisseur_id IS NOT NULL");
const BY_ID: &str = facts_sql!("WHERE p.id = $1 AND p.gemeente_id = $2");

#[derive(sqlx::FromRow)]
struct Row {
    id: Uuid,
    voornamen: String,
    tussenvoegsel: Option<String>,
    geslachtsnaam: String,
    regisseur_id: Option<Uuid>,
    doelgroep: Option<String>,
    regime: Option<String>,
    datum_kennisgeving_duo: Option<NaiveDate>,
    datum_brp_inschrijving: Option<NaiveDate>,
    datum_koppeling: Option<NaiveDate>,
    uitkering_pw_startdatum: Option<NaiveDate>,
    gestart_op: Option<NaiveDate>,
    afgerond_op: Option<NaiveDate>,
    laatste_gesprek: Option<NaiveDate>,
    laatste_contactmoment: Option<NaiveDate>,
    laatste_verzuim: Option<NaiveDate>,
    eerste_pip: Option<NaiveDate>,
    heeft_concept: bool,
    leerroute: Option<String>,
    niveau: Option<String>,
    verlenging_eind: Option<NaiveDate>,
    laatste_review: Option<NaiveDate>,
    volgende_review: Option<NaiveDate>,
    voldaan_op: Option<NaiveDate>,
    onderwijsroute_afgerond: Option<NaiveDate>,
    z_eindgesprek_op: Option<NaiveDate>,
    geslaagd: i64,
}

/// One listed person: who, whose, and the facts.
#[derive(Clone)]
pub struct PersoonFeiten {
    pub id: PersonId,
    /// "Geslachtsnaam, Voornamen [tussenvoegsel]", as the caseload lists names.
    pub naam: String,
    pub regisseur_id: Option<GebruikerId>,
    pub feiten: TrajectFeiten,
}

/// `Debug` without the name (personal data).
impl std::fmt::Debug for PersoonFeiten {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("PersoonFeiten")
            .field("id", &self.id)
            .finish_non_exhaustive()
    }
}

/// The five exam components (KNM, LE, LU, SC, SP): all passed ends the exam route.
const ONDERDELEN: i64 = 5;

fn later(a: Option<NaiveDate>, b: Option<NaiveDate>) -> Option<NaiveDate> {
    a.max(b)
}

impl From<Row> for PersoonFeiten {
    fn from(r: Row) -> PersoonFeiten {
        let naam = match &r.tussenvoegsel {
            Some(tv) => format!("{}, {} {}", r.geslachtsnaam, r.voornamen, tv),
            None => format!("{}, {}", r.geslachtsnaam, r.voornamen),
        };
        // A summary of completion: the route's own end was recorded, or every exam component passed.
        // The exact check per level and per ontheffing is `completion::afronding` on the dossier.
        let route_compleet = r.onderwijsroute_afgerond.is_some()
            || r.z_eindgesprek_op.is_some()
            || r.geslaagd >= ONDERDELEN;
        PersoonFeiten {
            id: PersonId(r.id),
            naam,
            regisseur_id: r.regisseur_id.map(GebruikerId),
            feiten: TrajectFeiten {
                doelgroep: r.doelgroep.as_deref().and_then(Doelgroep::parse),
                regime: r.regime.as_deref().and_then(Regime::parse),
                kennisgeving: r.datum_kennisgeving_duo,
                brp_inschrijving: r.datum_brp_inschrijving,
                koppeling: r.datum_koppeling,
                uitkering_pw_start: r.uitkering_pw_startdatum,
                intake_gestart: r.gestart_op,
                intake_afgerond: r.afgerond_op,
                first_pip_dagtekening: r.eerste_pip,
                has_concept: r.heeft_concept,
                leerroute: r.leerroute.as_deref().and_then(Leerroute::parse),
                niveau: r.niveau.as_deref().and_then(Niveau::parse),
                laatste_verlenging_eind: r.verlenging_eind,
                last_review_held: r.laatste_review,
                next_review_planned: r.volgende_review,
                laatste_contact: later(
                    later(r.laatste_gesprek, r.laatste_review),
                    r.laatste_contactmoment,
                ),
                laatste_verzuim: r.laatste_verzuim,
                voldaan_op: r.voldaan_op,
                route_compleet,
                // Third-party information and moves are recorded by the intake slice (0011).
                ..TrajectFeiten::default()
            },
        }
    }
}

/// The facts of every person in `scope`, ordered by name then id (the caller sorts by urgency).
pub async fn load(db: &Db, scope: WerkvoorraadScope) -> StorageResult<Vec<PersoonFeiten>> {
    let rows: Vec<Row> = match scope {
        WerkvoorraadScope::Regisseur {
            gemeente,
            regisseur,
        } => on_pool!(db, |p| sqlx::query_as(BY_REGISSEUR)
            .bind(gemeente.0)
            .bind(regisseur.0)
            .fetch_all(p)
            .await)?,
        WerkvoorraadScope::Team { gemeente } => on_pool!(db, |p| sqlx::query_as(BY_TEAM)
            .bind(gemeente.0)
            .fetch_all(p)
            .await)?,
    };
    Ok(rows.into_iter().map(PersoonFeiten::from).collect())
}

/// The facts of one person of `gemeente` (the dossier's timeline), `None` when not in that gemeente.
pub async fn load_one(
    db: &Db,
    gemeente: wegwijs_domain::ids::OrganisatieId,
    id: PersonId,
) -> StorageResult<Option<PersoonFeiten>> {
    let row: Option<Row> = on_pool!(db, |p| sqlx::query_as(BY_ID)
        .bind(id.0)
        .bind(gemeente.0)
        .fetch_optional(p)
        .await)?;
    Ok(row.map(PersoonFeiten::from))
}
