//! One section: saving a new version (a stale versie is a conflict with nothing saved) and reading
//! its history. Special-category sections need the health need for both, and are audited as such.

use wegwijs_domain::audit::AuditAction;
use wegwijs_domain::authz::{Action, DenyReason, person_scope};
use wegwijs_domain::ids::PersonId;
use wegwijs_domain::trajectory::codes::SectieStatus;
use wegwijs_domain::trajectory::intake::{Sectie, SectieInhoud};
use wegwijs_domain::validation::ValidationErrors;
use wegwijs_storage::intakes::{self, SectieVersie};
use wegwijs_storage::{audit, persons::PersonRecord};

use crate::Ctx;
use crate::error::{AppError, AppResult};

/// A section with every version, newest first.
pub struct SectieDetail {
    pub person: PersonRecord,
    pub sectie: Sectie,
    pub versies: Vec<SectieVersie>,
}

impl SectieDetail {
    /// The versie a form must post back (0 when never saved).
    pub fn versie(&self) -> i64 {
        self.versies.first().map_or(0, |v| v.versie)
    }

    /// The current content, or the empty one.
    pub fn inhoud(&self) -> SectieInhoud {
        self.versies
            .first()
            .and_then(|v| v.inhoud.as_deref())
            .and_then(|s| {
                let mut d = serde_json::Deserializer::from_str(s);
                SectieInhoud::deserialize_for(self.sectie, &mut d).ok()
            })
            .unwrap_or_else(|| SectieInhoud::leeg(self.sectie))
    }
}

/// The section of the person's gemeente's set with this key, or 404; 403 (no need) for a
/// special-category section the actor may not read.
async fn resolve(
    ctx: &Ctx<'_>,
    action: Action,
    id: PersonId,
    key: &str,
) -> AppResult<(super::Basis, Sectie)> {
    let b = super::basis(ctx, action, id).await?;
    let sectie = Sectie::parse(key, b.set).ok_or(AppError::NotFound)?;
    if sectie.is_bijzonder() && !b.bijzonder_zichtbaar {
        return Err(AppError::Forbidden(DenyReason::NoNeed));
    }
    Ok((b, sectie))
}

/// The section for `key` once the actor may edit it (404/403 otherwise): for a form that must know
/// the section to read its fields before saving.
pub async fn sectie_for_edit(ctx: &Ctx<'_>, id: PersonId, key: &str) -> AppResult<Sectie> {
    Ok(resolve(ctx, Action::TrajectEdit, id, key).await?.1)
}

/// The section's history (page and API), audited as IntakeRead and, for special-category data,
/// HealthRead.
pub async fn sectie(ctx: &Ctx<'_>, id: PersonId, key: &str) -> AppResult<SectieDetail> {
    let (b, sectie) = resolve(ctx, Action::TrajectView, id, key).await?;
    let scope = person_scope(ctx.actor, Action::TrajectView);
    let versies =
        intakes::versies(&ctx.app.db, scope, id, &sectie.key(), b.bijzonder_zichtbaar).await?;
    let health: Vec<String> = if sectie.is_bijzonder() && !versies.is_empty() {
        vec![sectie.key()]
    } else {
        Vec::new()
    };
    super::audit_read(ctx, &b.person, &sectie.key(), &health).await?;
    Ok(SectieDetail {
        person: b.person,
        sectie,
        versies,
    })
}

/// Parses JSON content for `sectie` with a Dutch refusal.
pub fn parse_inhoud(sectie: Sectie, json: &serde_json::Value) -> AppResult<SectieInhoud> {
    SectieInhoud::deserialize_for(sectie, json).map_err(|_| {
        let mut e = ValidationErrors::new();
        e.push(
            "inhoud",
            "invalid",
            "De inhoud past niet bij dit onderdeel: controleer de veldnamen, de stand van elke vraag (niet_gevraagd, geen_probleem of antwoord) en de gekozen waarden.",
        );
        AppError::Invalid(e)
    })
}

/// Saves a new version of a section if `expected` is still current (0: never saved). Returns the
/// new versie and the section's status. The intake starts today if it had not started yet.
pub async fn save_sectie(
    ctx: &Ctx<'_>,
    id: PersonId,
    key: &str,
    expected: i64,
    inhoud: &serde_json::Value,
) -> AppResult<(i64, SectieStatus)> {
    let (b, sectie) = resolve(ctx, Action::TrajectEdit, id, key).await?;
    let now = ctx.now();
    let inhoud = parse_inhoud(sectie, inhoud)?;
    inhoud.check(now.date_naive())?;
    let json = serde_json::to_string(&inhoud).map_err(|e| AppError::Internal(e.to_string()))?;
    let actie = if sectie.is_bijzonder() {
        AuditAction::HealthUpdated
    } else {
        AuditAction::IntakeUpdated
    };
    let mut tx = ctx.app.db.begin().await?;
    intakes::ensure_started(&mut tx, id, b.person.gemeente_id, now.date_naive(), now).await?;
    let versie = intakes::insert_sectie(
        &mut tx,
        id,
        &sectie.key(),
        expected,
        inhoud.status().code(),
        &json,
        sectie.is_bijzonder(),
        ctx.actor.user_id,
        now,
    )
    .await?;
    let entry = ctx.audit.entry(
        now,
        actie,
        Some(b.person.gemeente_id),
        Some(id),
        Some(format!("brede intake: {} versie {versie}", sectie.key())),
    );
    audit::insert(&mut tx, &[entry]).await?;
    tx.commit().await?;
    Ok((versie, inhoud.status()))
}
