//! The taakstelling per half-year (set by the beheerder) and its realisatie (read by the roles that
//! see aggregates): counts only, so reading it writes no audit row; a change is audited as a setting.

use std::collections::BTreeMap;

use wegwijs_domain::audit::AuditAction;
use wegwijs_domain::authz::{Action, Decision, Resource, can};
use wegwijs_domain::ids::OrganisatieId;
use wegwijs_domain::validation::ValidationErrors;
use wegwijs_storage::audit;
use wegwijs_storage::taakstellingen::{self, Taakstelling};

use crate::Ctx;
use crate::error::{AppError, AppResult};

/// One half-year: its taakstelling (if set) and how many koppelingen count towards it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Halfjaar {
    pub jaar: i32,
    pub halfjaar: i32,
    /// `None`: no number set for this half-year (there are koppelingen for it all the same).
    pub taakstelling: Option<i32>,
    /// 0 when no number is stored (the form then creates one).
    pub versie: i64,
    /// Koppelingen with this taakstelling half-year.
    pub gekoppeld: i64,
    /// Of those, how many have their datum koppeling reached.
    pub gerealiseerd: i64,
}

impl Halfjaar {
    /// Taakstelling minus koppelingen: what is still to come (negative: more than the taakstelling).
    pub fn verschil(&self) -> Option<i64> {
        self.taakstelling.map(|t| i64::from(t) - self.gekoppeld)
    }
}

/// The actor may read the numbers: the aggregate roles, or the beheerder who sets them.
fn require_read(ctx: &Ctx<'_>) -> AppResult<OrganisatieId> {
    let g = ctx.gemeente()?;
    let r = Resource::Gemeente(g);
    match (
        can(ctx.actor, Action::AggregateView, r),
        can(ctx.actor, Action::TaakstellingManage, r),
    ) {
        (Decision::Allow, _) | (_, Decision::Allow) => Ok(g),
        (Decision::Deny(reason), _) => Err(AppError::Forbidden(reason)),
    }
}

/// Every half-year with a taakstelling or a koppeling, newest first.
pub async fn overview(ctx: &Ctx<'_>) -> AppResult<Vec<Halfjaar>> {
    let g = require_read(ctx)?;
    let mut by: BTreeMap<(i32, i32), Halfjaar> = BTreeMap::new();
    let empty = |jaar, halfjaar| Halfjaar {
        jaar,
        halfjaar,
        taakstelling: None,
        versie: 0,
        gekoppeld: 0,
        gerealiseerd: 0,
    };
    for t in taakstellingen::list(&ctx.app.db, g).await? {
        let h = by
            .entry((t.jaar, t.halfjaar))
            .or_insert(empty(t.jaar, t.halfjaar));
        h.taakstelling = Some(t.aantal);
        h.versie = t.versie;
    }
    for r in taakstellingen::realisatie(&ctx.app.db, g, ctx.app.clock.today()).await? {
        let h = by
            .entry((r.jaar, r.halfjaar))
            .or_insert(empty(r.jaar, r.halfjaar));
        h.gekoppeld = r.gekoppeld;
        h.gerealiseerd = r.aangekomen;
    }
    Ok(by.into_values().rev().collect())
}

/// What a beheerder typed for one half-year, as text (form) or numbers (API).
#[derive(Debug, Clone, Default)]
pub struct Invoer {
    pub jaar: String,
    pub halfjaar: String,
    pub aantal: String,
    /// The version the beheerder saw; 0 (or empty) for a half-year not yet stored.
    pub versie: String,
}

/// Parses the input into a valid half-year and number, or Dutch errors per field.
pub fn parse(i: &Invoer) -> Result<Taakstelling, ValidationErrors> {
    let mut e = ValidationErrors::new();
    let jaar = match i.jaar.trim().parse::<i32>() {
        Ok(j) if (2000..=2100).contains(&j) => j,
        Ok(_) => {
            e.push(
                "jaar",
                "out_of_range",
                "Vul een jaar van 2000 tot en met 2100 in.",
            );
            0
        }
        Err(_) if i.jaar.trim().is_empty() => {
            e.push("jaar", "required", "Vul het jaar in, bijvoorbeeld 2027.");
            0
        }
        Err(_) => {
            e.push(
                "jaar",
                "invalid",
                "Vul het jaar in cijfers in, bijvoorbeeld 2027.",
            );
            0
        }
    };
    let halfjaar = match i.halfjaar.trim() {
        "1" => 1,
        "2" => 2,
        _ => {
            e.push(
                "halfjaar",
                "unknown_value",
                "Kies het eerste of het tweede halfjaar.",
            );
            0
        }
    };
    let aantal = match i.aantal.trim().parse::<i32>() {
        Ok(a) if a >= 0 => a,
        Ok(_) => {
            e.push(
                "aantal",
                "out_of_range",
                "Het aantal kan niet negatief zijn.",
            );
            0
        }
        Err(_) if i.aantal.trim().is_empty() => {
            e.push("aantal", "required", "Vul het aantal personen in.");
            0
        }
        Err(_) => {
            e.push(
                "aantal",
                "invalid",
                "Vul het aantal in als heel getal, bijvoorbeeld 25.",
            );
            0
        }
    };
    let versie = match i.versie.trim() {
        "" => 0,
        v => match v.parse::<i64>() {
            Ok(v) if v >= 0 => v,
            _ => {
                e.push("versie", "invalid", "De versie is geen geldig getal.");
                0
            }
        },
    };
    if !e.is_empty() {
        return Err(e);
    }
    Ok(Taakstelling {
        jaar,
        halfjaar,
        aantal,
        versie,
    })
}

/// Sets one half-year's taakstelling (beheerder), audited as a setting in the same transaction.
/// Returns the new version; a stale version is a conflict and nothing is saved.
pub async fn set(ctx: &Ctx<'_>, input: &Invoer) -> AppResult<i64> {
    let g = ctx.require_in_own_gemeente(Action::TaakstellingManage)?;
    let t = parse(input)?;
    let now = ctx.now();
    let mut tx = ctx.app.db.begin().await?;
    let versie = taakstellingen::set(&mut tx, g, t, now).await?;
    let entry = ctx.audit.entry(
        now,
        AuditAction::SettingChanged,
        Some(g),
        None,
        Some(format!(
            "taakstelling {} halfjaar {}: {} personen",
            t.jaar, t.halfjaar, t.aantal
        )),
    );
    audit::insert(&mut tx, &[entry]).await?;
    tx.commit().await?;
    Ok(versie)
}
