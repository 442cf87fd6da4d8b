//! The brede intake: the overview (conversations and sections with their status), adding a
//! conversation, saving a section as a new version, its history, and closing the intake. Health and
//! other special-category sections are read only with the need `authz::can_view_health` decides, and
//! every view and change of them leaves a HealthRead/HealthUpdated row (Wet inburgering 2021 art. 37
//! lid 2 b).

mod afronding;
mod derde_info;
mod gesprekken;
mod secties;

pub use afronding::afronden;
pub use derde_info::set_derde_info;
pub use gesprekken::{add_gesprek, gesprek_form};
pub use secties::{SectieDetail, parse_inhoud, save_sectie, sectie, sectie_for_edit};

use wegwijs_domain::audit::AuditAction;
use wegwijs_domain::authz::{Action, PersonRef, Role, can_view_health, person_scope};
use wegwijs_domain::ids::PersonId;
use wegwijs_domain::trajectory::codes::{LeefdomeinenSet, SectieStatus};
use wegwijs_domain::trajectory::intake::Sectie;
use wegwijs_domain::trajectory::intake::afronding::ontbrekend;
use wegwijs_storage::intakes::{self, GesprekRow, IntakeRow, SectieVersie};
use wegwijs_storage::persons::PersonRecord;

use crate::error::AppResult;
use crate::{Ctx, persons};

/// One section on the overview: the section of the gemeente's set and its current version, if saved.
#[derive(Debug, Clone)]
pub struct SectieOverzicht {
    pub sectie: Sectie,
    pub huidig: Option<SectieVersie>,
}

impl SectieOverzicht {
    pub fn status(&self) -> SectieStatus {
        self.huidig
            .as_ref()
            .and_then(|v| SectieStatus::parse(&v.status))
            .unwrap_or(SectieStatus::NietGestart)
    }
}

/// The intake as the overview shows it.
pub struct IntakeView {
    pub person: PersonRecord,
    pub intake: Option<IntakeRow>,
    pub gesprekken: Vec<GesprekRow>,
    pub secties: Vec<SectieOverzicht>,
    /// The actor may read special-category sections of this person.
    pub bijzonder_zichtbaar: bool,
    /// Who may read them besides the own regisseur (the gemeente's setting), for the page to say.
    pub gezondheid_rollen: Vec<Role>,
    pub set: LeefdomeinenSet,
    /// Mandatory components (C-3) not complete yet.
    pub ontbrekend: Vec<Sectie>,
}

/// What the intake needs to know about the person and the gemeente before any query.
pub(crate) struct Basis {
    pub person: PersonRecord,
    pub set: LeefdomeinenSet,
    pub gezondheid_rollen: Vec<Role>,
    pub bijzonder_zichtbaar: bool,
}

pub(crate) async fn basis(ctx: &Ctx<'_>, action: Action, id: PersonId) -> AppResult<Basis> {
    let person = persons::load(ctx, action, id).await?;
    let (set, gezondheid_rollen) =
        intakes::intake_settings(&ctx.app.db, person.gemeente_id).await?;
    let bijzonder_zichtbaar = can_view_health(
        ctx.actor,
        PersonRef {
            gemeente_id: person.gemeente_id,
            regisseur_id: person.regisseur_id,
        },
        &gezondheid_rollen,
    )
    .is_allowed();
    Ok(Basis {
        person,
        set,
        gezondheid_rollen,
        bijzonder_zichtbaar,
    })
}

/// The overview (page and API). One IntakeRead row, and a HealthRead row when special-category
/// content is part of what is returned; both durable before anything is shown.
pub async fn view(ctx: &Ctx<'_>, id: PersonId) -> AppResult<IntakeView> {
    let b = basis(ctx, Action::TrajectView, id).await?;
    let scope = person_scope(ctx.actor, Action::TrajectView);
    let intake = intakes::get(&ctx.app.db, scope, id).await?;
    let gesprekken = intakes::gesprekken(&ctx.app.db, scope, id).await?;
    let mut huidig =
        intakes::current_secties(&ctx.app.db, scope, id, b.bijzonder_zichtbaar).await?;
    let secties: Vec<SectieOverzicht> = Sectie::alle(b.set)
        .into_iter()
        .map(|sectie| {
            let key = sectie.key();
            let pos = huidig.iter().position(|v| v.sectie == key);
            SectieOverzicht {
                sectie,
                huidig: pos.map(|i| huidig.swap_remove(i)),
            }
        })
        .collect();
    let statussen: Vec<(Sectie, SectieStatus)> =
        secties.iter().map(|s| (s.sectie, s.status())).collect();
    let alle: Vec<Sectie> = secties.iter().map(|s| s.sectie).collect();
    let health_shown: Vec<String> = secties
        .iter()
        .filter(|s| {
            s.huidig
                .as_ref()
                .is_some_and(|v| v.bijzonder && v.inhoud.is_some())
        })
        .map(|s| s.sectie.key())
        .collect();
    audit_read(ctx, &b.person, "overzicht", &health_shown).await?;
    Ok(IntakeView {
        ontbrekend: ontbrekend(&statussen, &alle),
        person: b.person,
        intake,
        gesprekken,
        secties,
        bijzonder_zichtbaar: b.bijzonder_zichtbaar,
        gezondheid_rollen: b.gezondheid_rollen,
        set: b.set,
    })
}

/// IntakeRead for what was shown, plus one HealthRead naming the special-category sections in it.
pub(crate) async fn audit_read(
    ctx: &Ctx<'_>,
    person: &PersonRecord,
    wat: &str,
    health_shown: &[String],
) -> AppResult<()> {
    let now = ctx.now();
    let mut entries = vec![ctx.audit.entry(
        now,
        AuditAction::IntakeRead,
        Some(person.gemeente_id),
        Some(person.id),
        Some(format!("brede intake: {wat}")),
    )];
    if !health_shown.is_empty() {
        entries.push(ctx.audit.entry(
            now,
            AuditAction::HealthRead,
            Some(person.gemeente_id),
            Some(person.id),
            Some(format!("brede intake: {}", health_shown.join(", "))),
        ));
    }
    Ok(ctx.app.audit.record(entries).await?)
}
