//! The intake queue: new inburgeringsplichtigen who have no regisseur yet or no brede intake yet, for
//! the regisseurs and the teamleider. Each person shown is logged as listed, through the batcher,
//! before the page shows them (the same rule as the caseload).

use wegwijs_domain::audit::AuditAction;
use wegwijs_domain::authz::{Action, person_scope};
use wegwijs_domain::person::Doelgroep;
use wegwijs_storage::intake_queue::{self, Wachtende};

use crate::Ctx;
use crate::error::AppResult;

/// The queue shows at most this many persons: it is a list to work through from the top, not a
/// search; the page says when there are more.
pub const MAX: usize = 200;

/// The queue as shown: the first [`MAX`] persons and whether there are more.
#[derive(Debug, Clone)]
pub struct Wachtrij {
    pub personen: Vec<Wachtende>,
    pub meer: bool,
}

/// The waiting persons of the actor's gemeente, oldest koppeling first (unknown dates last).
pub async fn list(ctx: &Ctx<'_>) -> AppResult<Wachtrij> {
    let gemeente = ctx.require_in_own_gemeente(Action::PersonList)?;
    let limit = i64::try_from(MAX).unwrap_or(200) + 1;
    let mut personen = intake_queue::list(
        &ctx.app.db,
        person_scope(ctx.actor, Action::PersonList),
        limit,
    )
    .await?;
    let meer = personen.len() > MAX;
    personen.truncate(MAX);
    let now = ctx.now();
    let entries = personen
        .iter()
        .map(|p| {
            ctx.audit.entry(
                now,
                AuditAction::PersonListed,
                Some(gemeente),
                Some(p.id),
                Some("intake-wachtrij".into()),
            )
        })
        .collect();
    ctx.app.audit.record(entries).await?;
    Ok(Wachtrij { personen, meer })
}

/// The doelgroep's Dutch label ("Onbekend" when not recorded).
pub fn doelgroep_label(code: Option<&str>) -> &'static str {
    code.and_then(Doelgroep::parse)
        .map(|d| d.label())
        .unwrap_or("Onbekend")
}
