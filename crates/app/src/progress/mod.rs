//! Termijn and voortgang (issue 7, progress slice): the person's inburgeringstermijn with its
//! verlengingen, voortgangsgesprekken, exams, hours, DUO's vrijstellingen/ontheffingen and the
//! afronding up to "inburgeringsplicht voldaan". Reads are audited through the batcher as
//! `TrajectRead`; each write inserts its own audit row in the write's transaction.

mod overzicht;
mod writes;

pub use overzicht::{Overzicht, view};
pub use writes::{
    AfrondingDeel, record_duo_besluit, record_examen, record_gesprek, record_uren,
    record_verlenging, save_afronding, update_gesprek,
};

use wegwijs_domain::audit::AuditAction;
use wegwijs_domain::authz::{Action, person_scope};
use wegwijs_domain::ids::PersonId;
use wegwijs_storage::persons::PersonRecord;
use wegwijs_storage::progress::{self as store, Voortgang};

use crate::error::AppResult;
use crate::{Ctx, persons};

/// The person (scoped for `action`) and their stored progress, without an audit row.
async fn load(ctx: &Ctx<'_>, action: Action, id: PersonId) -> AppResult<(PersonRecord, Voortgang)> {
    let person = persons::load(ctx, action, id).await?;
    let v = store::load(&ctx.app.db, person_scope(ctx.actor, action), id).await?;
    Ok((person, v))
}

fn entry(
    ctx: &Ctx<'_>,
    p: &PersonRecord,
    action: AuditAction,
    detail: String,
) -> wegwijs_storage::audit::AuditEntry {
    ctx.audit.entry(
        ctx.now(),
        action,
        Some(p.gemeente_id),
        Some(p.id),
        Some(detail),
    )
}
