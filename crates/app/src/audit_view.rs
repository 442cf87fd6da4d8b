//! "Wie heeft dit dossier gezien": the audit rows about one person (teamleider, privacy officer).
//! Looking at the log is itself a processing, so it is logged. The gemeente's whole log and its search
//! are in `log_search`.

use wegwijs_domain::audit::AuditAction;
use wegwijs_domain::authz::{Action, PersonRef, Resource};
use wegwijs_domain::ids::PersonId;
use wegwijs_storage::audit::{self, AuditRecord};
use wegwijs_storage::persons;

use crate::Ctx;
use crate::error::{AppError, AppResult};

pub const PAGE_SIZE: i64 = 100;

/// The log of one person of the actor's gemeente. The person must exist in that gemeente.
pub async fn for_person(ctx: &Ctx<'_>, id: PersonId, pagina: i64) -> AppResult<Vec<AuditRecord>> {
    let gemeente = ctx.require_in_own_gemeente(Action::AuditViewPerson)?;
    // Privacy officers may not read the dossier, so check membership with the gemeente scope only.
    let gemeente_of_person = persons::gemeente_of(&ctx.app.db, id).await?;
    if gemeente_of_person != Some(gemeente) {
        return Err(AppError::NotFound);
    }
    ctx.require(
        Action::AuditViewPerson,
        Resource::Person(PersonRef {
            gemeente_id: gemeente,
            regisseur_id: None,
        }),
    )?;
    let rows = audit::for_person(
        &ctx.app.db,
        id,
        PAGE_SIZE,
        (pagina.max(1) - 1).saturating_mul(PAGE_SIZE),
    )
    .await?;
    let entry = ctx.audit.entry(
        ctx.now(),
        AuditAction::AuditRead,
        Some(gemeente),
        Some(id),
        None,
    );
    ctx.app.audit.record(vec![entry]).await?;
    Ok(rows)
}

/// Whom a person's log page is about: enough to check it is the right person before an inzage
/// export goes out (a mixed-up export is a data breach), no more. No `Debug`: personal data.
pub struct Subject {
    pub naam: String,
    pub geboortedatum: Option<chrono::NaiveDate>,
    /// The BSN with all but the last three digits hidden ("******123").
    pub bsn_gemaskeerd: Option<String>,
}

/// `bsn` with all but its last three characters replaced by `*`.
pub fn mask_bsn(bsn: &str) -> String {
    let n = bsn.chars().count();
    bsn.chars()
        .enumerate()
        .map(|(i, c)| if i + 3 < n { '*' } else { c })
        .collect()
}

/// One person's log page and whom it is about.
pub struct PersonLog {
    pub page: wegwijs_storage::audit_search::LogPage,
    pub subject: Subject,
}

/// One page of one person's log, newest first, by keyset ("wie heeft dit gezien" page), with the
/// person's name, birth date and masked BSN. Same access rule as [`for_person`]; the one audit row
/// (`inzage_log_bekeken` on the person) covers both.
pub async fn person_page(
    ctx: &Ctx<'_>,
    id: PersonId,
    richting: Option<wegwijs_storage::audit_search::LogRichting>,
) -> AppResult<PersonLog> {
    use wegwijs_storage::audit_search::{self, LogFilter};
    let gemeente = ctx.require_in_own_gemeente(Action::AuditViewPerson)?;
    if persons::gemeente_of(&ctx.app.db, id).await? != Some(gemeente) {
        return Err(AppError::NotFound);
    }
    let filter = LogFilter {
        gemeente,
        personen: Some(vec![id]),
        gebruiker: None,
        actie: None,
        van: None,
        tot: None,
    };
    let mut page = audit_search::search(&ctx.app.db, &filter, richting, PAGE_SIZE).await?;
    // The page is about this one person; the name is at the top, not repeated in every row.
    page.rows.iter_mut().for_each(|r| r.persoon_naam = None);
    let person = persons::get(
        &ctx.app.db,
        wegwijs_domain::authz::PersonScope::Gemeente(gemeente),
        id,
    )
    .await?;
    let subject = Subject {
        naam: person.details.display_name(),
        geboortedatum: person.details.geboortedatum,
        bsn_gemaskeerd: person.details.bsn.as_ref().map(|b| mask_bsn(b.as_str())),
    };
    let entry = ctx.audit.entry(
        ctx.now(),
        AuditAction::AuditRead,
        Some(gemeente),
        Some(id),
        None,
    );
    ctx.app.audit.record(vec![entry]).await?;
    Ok(PersonLog { page, subject })
}

/// [`for_person`] and the number of rows about the person (for the API's `totaal` and `next` link).
/// Counted after `for_person` has checked access, so the count reveals nothing to others.
pub async fn for_person_with_total(
    ctx: &Ctx<'_>,
    id: PersonId,
    pagina: i64,
) -> AppResult<(Vec<AuditRecord>, i64)> {
    let rows = for_person(ctx, id, pagina).await?;
    let totaal = audit::count_for_person(&ctx.app.db, id).await?;
    Ok((rows, totaal))
}

#[cfg(test)]
mod tests {
    #[test]
    fn a_masked_bsn_shows_only_its_last_three_digits() {
        assert_eq!(super::mask_bsn("123456782"), "******782");
        assert_eq!(super::mask_bsn("12"), "12");
    }
}
