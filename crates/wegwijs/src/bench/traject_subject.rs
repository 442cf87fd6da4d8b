//! Whom the trajectory scenarios (issue 7) act as and what they open: the regisseur of the largest
//! gemeente whose caseload is nearest 150 (the werkvoorraad size), a teamleider whose team is
//! nearest 10 regisseurs (in the app "team" is the teamleider's whole gemeente, so the team is chosen
//! by gemeente), persons of the regisseur's gemeente with a PIP (their timeline has something on it)
//! and the vastgestelde PIPs whose beschikking is downloaded.

use std::sync::Arc;

use anyhow::{Context, anyhow};
use uuid::Uuid;
use wegwijs_app::Ctx;
use wegwijs_documents::BeschikkingData;
use wegwijs_domain::ids::{GebruikerId, OrganisatieId, PersonId};
use wegwijs_storage::audit::{AuditContext, Bron};
use wegwijs_storage::users::User;
use wegwijs_storage::{Db, on_pool};
use wegwijs_web::AppState;

use super::access::Credentials;

/// The werkvoorraad size of the issue: "a regisseur with 150 persons".
pub const CASELOAD_TARGET: i64 = 150;
/// The team size of the issue: "a teamleider's team of 10".
pub const TEAM_TARGET: i64 = 10;
/// How many persons and PIPs are sampled (enough to defeat any per-row cache).
const SAMPLE: i64 = 2_000;

pub struct TrajectSubject {
    /// The regisseur of `werkvoorraad`, `dossier_traject` and `beschikking_pdf`.
    pub regisseur: User,
    pub caseload: i64,
    pub teamleider: User,
    pub team_gemeente_naam: String,
    /// Regisseurs with a caseload in the teamleider's gemeente, and the persons they hold.
    pub team_regisseurs: i64,
    pub team_persons: i64,
    /// Persons of the regisseur's gemeente with a PIP (any status); all its persons if none has one.
    pub persons: Vec<Uuid>,
    /// (person, PIP) of vastgestelde PIPs of the regisseur's own persons; empty when there are none.
    pub pips: Vec<(Uuid, Uuid)>,
}

const NEAREST_REGISSEUR: &str = "SELECT p.regisseur_id, COUNT(*) AS n FROM personen p \
     JOIN gebruikers g ON g.id = p.regisseur_id \
     JOIN gebruiker_rollen r ON r.gebruiker_id = g.id AND r.rol = 'regisseur' \
     WHERE p.gemeente_id = $1 AND g.actief AND g.totp_geheim IS NULL \
     GROUP BY p.regisseur_id ORDER BY ABS(COUNT(*) - $2), COUNT(*) DESC, p.regisseur_id LIMIT 1";
/// The gemeente whose team is nearest the target, among those with a teamleider who can sign in
/// without a second factor; ties go to the gemeente with more persons.
const NEAREST_TEAM: &str = "SELECT p.gemeente_id, COUNT(DISTINCT p.regisseur_id) AS r, COUNT(*) AS n \
     FROM personen p WHERE p.regisseur_id IS NOT NULL AND p.gemeente_id IN ( \
       SELECT g.organisatie_id FROM gebruikers g \
       JOIN gebruiker_rollen t ON t.gebruiker_id = g.id AND t.rol = 'teamleider' \
       WHERE g.actief AND g.totp_geheim IS NULL) \
     GROUP BY p.gemeente_id \
     ORDER BY ABS(COUNT(DISTINCT p.regisseur_id) - $1), COUNT(*) DESC, p.gemeente_id LIMIT 1";
const TEAMLEIDER_OF: &str = "SELECT g.id FROM gebruikers g \
     JOIN gebruiker_rollen t ON t.gebruiker_id = g.id AND t.rol = 'teamleider' \
     WHERE g.organisatie_id = $1 AND g.actief AND g.totp_geheim IS NULL ORDER BY g.email LIMIT 1";
const WITH_PIP: &str = "SELECT DISTINCT persoon_id FROM pip_versies WHERE gemeente_id = $1 \
     ORDER BY persoon_id LIMIT $2";
const ANY_PERSON: &str = "SELECT id FROM personen WHERE gemeente_id = $1 ORDER BY id LIMIT $2";
/// The regisseur's own persons: a plan with goals in a health domain is a whole letter only for the
/// person's own regisseur (or a role with a recorded need); others get 403.
const VASTGESTELD: &str = "SELECT v.persoon_id, v.id FROM pip_versies v \
     JOIN personen p ON p.id = v.persoon_id AND p.regisseur_id = $3 \
     WHERE v.gemeente_id = $1 AND v.status = 'vastgesteld' ORDER BY v.id LIMIT $2";

impl TrajectSubject {
    /// `gemeente`: the largest gemeente (the benchmark's own).
    pub async fn find(db: &Db, gemeente: OrganisatieId) -> anyhow::Result<TrajectSubject> {
        let (regisseur, caseload): (Uuid, i64) =
            on_pool!(db, |p| sqlx::query_as(NEAREST_REGISSEUR)
                .bind(gemeente.0)
                .bind(CASELOAD_TARGET)
                .fetch_optional(p)
                .await)?
            .ok_or_else(|| anyhow!("de grootste gemeente heeft geen regisseur met een caseload"))?;
        let (team_gemeente, team_regisseurs, team_persons): (Uuid, i64, i64) =
            on_pool!(db, |p| sqlx::query_as(NEAREST_TEAM)
                .bind(TEAM_TARGET)
                .fetch_optional(p)
                .await)?
            .ok_or_else(|| anyhow!("geen gemeente met een teamleider en een team"))?;
        let teamleider: Uuid = on_pool!(db, |p| sqlx::query_scalar(TEAMLEIDER_OF)
            .bind(team_gemeente)
            .fetch_one(p)
            .await)?;
        let mut persons: Vec<Uuid> = on_pool!(db, |p| sqlx::query_scalar(WITH_PIP)
            .bind(gemeente.0)
            .bind(SAMPLE)
            .fetch_all(p)
            .await)?;
        if persons.is_empty() {
            persons = on_pool!(db, |p| sqlx::query_scalar(ANY_PERSON)
                .bind(gemeente.0)
                .bind(SAMPLE)
                .fetch_all(p)
                .await)?;
        }
        let pips: Vec<(Uuid, Uuid)> = on_pool!(db, |p| sqlx::query_as(VASTGESTELD)
            .bind(gemeente.0)
            .bind(SAMPLE)
            .bind(regisseur)
            .fetch_all(p)
            .await)?;
        let team_gemeente_naam =
            wegwijs_storage::organisations::get(db, OrganisatieId(team_gemeente))
                .await?
                .naam;
        Ok(TrajectSubject {
            regisseur: wegwijs_storage::users::get(db, GebruikerId(regisseur))
                .await
                .context("regisseur ophalen")?,
            caseload,
            teamleider: wegwijs_storage::users::get(db, GebruikerId(teamleider))
                .await
                .context("teamleider ophalen")?,
            team_gemeente_naam,
            team_regisseurs,
            team_persons,
            persons,
            pips,
        })
    }

    /// One line for the report's heading.
    pub fn describe(&self) -> String {
        format!(
            "traject: regisseur {} (caseload {}, doel {CASELOAD_TARGET}); teamleider van {} \
             (team: {} regisseurs, {} personen, doel {TEAM_TARGET} regisseurs); {} personen met een \
             PIP, {} vastgestelde PIP's",
            self.regisseur.naam,
            self.caseload,
            self.team_gemeente_naam,
            self.team_regisseurs,
            self.team_persons,
            self.persons.len(),
            self.pips.len()
        )
    }
}

/// The trajectory subject with the sessions its scenarios act with (regisseur and teamleider).
pub struct TrajectRun {
    pub subject: TrajectSubject,
    pub regisseur: Credentials,
    pub teamleider: Credentials,
    /// The letter data of up to [`LETTERS`] of the PIPs, read as the app reads it for a download
    /// (limit (a) of `beschikking_pdf` renders these).
    pub letters: Vec<Arc<BeschikkingData>>,
}

/// How many PIPs' letter data the render limit cycles through.
const LETTERS: usize = 50;

impl TrajectRun {
    pub async fn start(state: &AppState, gemeente: OrganisatieId) -> anyhow::Result<TrajectRun> {
        let subject = TrajectSubject::find(state.app.db(), gemeente).await?;
        let regisseur = Credentials::create(state, &subject.regisseur).await?;
        let teamleider = Credentials::create(state, &subject.teamleider).await?;
        let letters = letters(state, &subject).await?;
        Ok(TrajectRun {
            subject,
            regisseur,
            teamleider,
            letters,
        })
    }

    pub async fn revoke(&self, db: &Db) -> anyhow::Result<()> {
        self.regisseur.revoke(db).await?;
        self.teamleider.revoke(db).await
    }
}

/// The letter data of PIPs spread over the sample, read by `app::pip_letter::invoer` as the regisseur
/// (the same reads as a download, without its audit row).
async fn letters(
    state: &AppState,
    subject: &TrajectSubject,
) -> anyhow::Result<Vec<Arc<BeschikkingData>>> {
    let actor = subject.regisseur.actor();
    let ctx = Ctx {
        app: &state.app,
        actor: &actor,
        audit: AuditContext {
            trace_id: format!("bench-{}", Uuid::now_v7()),
            gebruiker_id: Some(subject.regisseur.id),
            organisatie_id: Some(subject.regisseur.organisatie_id),
            bron: Bron::Cli,
        },
    };
    let step = (subject.pips.len() / LETTERS).max(1);
    let mut out = Vec::new();
    let mut unreadable = 0usize;
    for (persoon, pip) in subject.pips.iter().step_by(step).take(LETTERS) {
        // A PIP the app cannot read fails its download too: the HTTP scenario reports that as a
        // failed request; here it is left out so the other scenarios still run.
        match wegwijs_app::pip_letter::invoer(&ctx, PersonId(*persoon), *pip).await {
            Ok(invoer) => out.push(Arc::new(invoer.data)),
            Err(e) => {
                if unreadable == 0 {
                    eprintln!("beschikking van PIP {pip} niet te lezen: {e:?}");
                }
                unreadable += 1;
            }
        }
    }
    if unreadable > 0 {
        eprintln!(
            "{unreadable} PIP's niet te lezen; de render-limiet gebruikt er {}.",
            out.len()
        );
    }
    Ok(out)
}
