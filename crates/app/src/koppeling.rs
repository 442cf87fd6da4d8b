//! The koppeling of a person: read (audited through the batcher, like the dossier) and saved with its
//! date in one transaction with the KoppelingUpdated row.

use wegwijs_domain::audit::AuditAction;
use wegwijs_domain::authz::{Action, PersonRef, Resource, person_scope};
use wegwijs_domain::ids::{GebruikerId, PersonId};
use wegwijs_domain::trajectory::koppeling::{RawKoppeling, parse};
use wegwijs_domain::validation::ValidationErrors;
use wegwijs_storage::koppelingen::{self, KoppelingRecord};
use wegwijs_storage::{audit, users};

use crate::Ctx;
use crate::error::{AppError, AppResult};

fn person_ref(k: &KoppelingRecord) -> Resource {
    Resource::Person(PersonRef {
        gemeente_id: k.gemeente_id,
        regisseur_id: k.regisseur_id,
    })
}

/// Reads the koppeling without an audit row (the caller audits what it shows).
async fn load(ctx: &Ctx<'_>, action: Action, id: PersonId) -> AppResult<KoppelingRecord> {
    ctx.require_in_own_gemeente(action)?;
    let k = koppelingen::get(&ctx.app.db, person_scope(ctx.actor, action), id).await?;
    ctx.require(action, person_ref(&k))?;
    Ok(k)
}

/// The koppeling page and API get: the KoppelingRead row is durable before the data is returned.
pub async fn view(ctx: &Ctx<'_>, id: PersonId) -> AppResult<KoppelingRecord> {
    let k = load(ctx, Action::TrajectView, id).await?;
    audit_read(ctx, &k).await?;
    Ok(k)
}

/// The edit form: only for who may save it (TrajectEdit); showing the form is a read, audited too.
pub async fn view_for_edit(ctx: &Ctx<'_>, id: PersonId) -> AppResult<KoppelingRecord> {
    let k = load(ctx, Action::TrajectEdit, id).await?;
    audit_read(ctx, &k).await?;
    Ok(k)
}

async fn audit_read(ctx: &Ctx<'_>, k: &KoppelingRecord) -> AppResult<()> {
    let id = k.persoon_id;
    let entry = ctx.audit.entry(
        ctx.now(),
        AuditAction::KoppelingRead,
        Some(k.gemeente_id),
        Some(id),
        None,
    );
    ctx.app.audit.record(vec![entry]).await?;
    Ok(())
}

/// The regisseurs a handover can go to (the form's choices).
pub async fn ontvangers(ctx: &Ctx<'_>) -> AppResult<Vec<(GebruikerId, String)>> {
    let g = ctx.require_in_own_gemeente(Action::TrajectView)?;
    Ok(users::regisseurs_of(&ctx.app.db, g).await?)
}

/// Validates and saves the koppeling if `expected` (0: none yet) is current; a changed date is
/// written to the person under `persoon_versie`. Returns the new version, or `None` when the input
/// equals what is stored (no write, no version, no audit row).
pub async fn save(
    ctx: &Ctx<'_>,
    id: PersonId,
    raw: &RawKoppeling,
    expected: i64,
    persoon_versie: i64,
) -> AppResult<Option<i64>> {
    let current = load(ctx, Action::TrajectEdit, id).await?;
    let k = parse(raw, ctx.app.clock.today())?;
    if let Some(o) = &k.overdracht {
        let ontvangers = users::regisseurs_of(&ctx.app.db, current.gemeente_id).await?;
        if !ontvangers.iter().any(|(u, _)| *u == o.naar) {
            let mut e = ValidationErrors::new();
            e.push(
                "overdracht.naar",
                "unknown_value",
                "Kies een actieve regisseur van uw gemeente.",
            );
            return Err(AppError::Invalid(e));
        }
    }
    if current.versie == expected && current.versie > 0 && current.koppeling == k {
        return Ok(None);
    }
    let now = ctx.now();
    let by = ctx.actor.user_id;
    let mut tx = ctx.app.db.begin().await?;
    let versie = koppelingen::save(
        &mut tx,
        current.gemeente_id,
        id,
        &k,
        expected,
        persoon_versie,
        by,
        now,
    )
    .await?;
    let datum = if current.koppeling.datum_koppeling != k.datum_koppeling {
        Some("datum koppeling gewijzigd".to_string())
    } else {
        None
    };
    let entry = ctx.audit.entry(
        now,
        AuditAction::KoppelingUpdated,
        Some(current.gemeente_id),
        Some(id),
        datum,
    );
    audit::insert(&mut tx, &[entry]).await?;
    tx.commit().await?;
    Ok(Some(versie))
}
