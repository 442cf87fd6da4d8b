//! The gemeente's trajectory settings (`domain::trajectory::settings`): read by every trajectory use
//! case, edited by the beheerder on `/beheer/instellingen` together with the caseload setting.

use wegwijs_domain::audit::AuditAction;
use wegwijs_domain::authz::{Action, Resource};
use wegwijs_domain::ids::OrganisatieId;
use wegwijs_domain::trajectory::briefgegevens::{BriefGegevens, Postadres};
use wegwijs_domain::trajectory::settings::TrajectInstellingen;
use wegwijs_domain::trajectory::settings_input::{RawTrajectInstellingen, parse};
use wegwijs_storage::{audit, caseload, traject_settings};

use crate::error::AppResult;
use crate::{App, Ctx};

/// The settings of `gemeente` (every default when none were stored). No access check and no audit
/// row: settings hold no personal data, and the caller's use case has checked its own access.
pub async fn get(app: &App, gemeente: OrganisatieId) -> AppResult<TrajectInstellingen> {
    Ok(traject_settings::get(&app.db, gemeente).await?.0)
}

/// The same, inside the caller's write transaction (a decision that depends on a setting, such as
/// four-eyes, reads it where it writes).
pub async fn get_tx(
    tx: &mut wegwijs_storage::Tx,
    gemeente: OrganisatieId,
) -> AppResult<TrajectInstellingen> {
    Ok(traject_settings::get_tx(tx, gemeente).await?.0)
}

/// Everything the settings page shows, with the row's version.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AlleInstellingen {
    pub overnemen_toegestaan: bool,
    pub traject: TrajectInstellingen,
    pub versie: i64,
}

fn require_manage(ctx: &Ctx<'_>) -> AppResult<OrganisatieId> {
    let g = ctx.gemeente()?;
    ctx.require(Action::OrganisationManage, Resource::Organisation(g))?;
    Ok(g)
}

/// The page's settings (the gemeente's beheerder).
pub async fn all(ctx: &Ctx<'_>) -> AppResult<AlleInstellingen> {
    let g = require_manage(ctx)?;
    let overnemen = caseload::settings(&ctx.app.db, g).await?;
    let (traject, versie) = traject_settings::get(&ctx.app.db, g).await?;
    Ok(AlleInstellingen {
        overnemen_toegestaan: overnemen.overnemen_toegestaan,
        traject,
        versie,
    })
}

/// Validates and stores every setting of the page if `expected_version` is current; one
/// SettingChanged row in the gemeente's chain names what changed. Input equal to what is stored
/// writes nothing and returns `None`.
pub async fn save(
    ctx: &Ctx<'_>,
    overnemen_toegestaan: bool,
    raw: &RawTrajectInstellingen,
    expected_version: i64,
) -> AppResult<Option<i64>> {
    let g = require_manage(ctx)?;
    let wanted = parse(raw)?;
    let now = ctx.now();
    let mut tx = ctx.app.db.begin().await?;
    let (current, versie) = traject_settings::get_tx(&mut tx, g).await?;
    let current_overnemen = caseload::settings_tx(&mut tx, g)
        .await?
        .overnemen_toegestaan;
    if versie == expected_version && current == wanted && current_overnemen == overnemen_toegestaan
    {
        return Ok(None);
    }
    let new = traject_settings::set(
        &mut tx,
        g,
        overnemen_toegestaan,
        &wanted,
        expected_version,
        now,
    )
    .await?;
    let entry = ctx.audit.entry(
        now,
        AuditAction::SettingChanged,
        Some(g),
        None,
        Some(describe(overnemen_toegestaan, &wanted)),
    );
    audit::insert(&mut tx, &[entry]).await?;
    tx.commit().await?;
    Ok(Some(new))
}

fn describe(overnemen: bool, s: &TrajectInstellingen) -> String {
    let yn = |b: bool| if b { "ja" } else { "nee" };
    let rollen = s
        .gezondheid_rollen
        .iter()
        .map(|r| r.label())
        .collect::<Vec<_>>()
        .join(", ");
    format!(
        "regisseurs mogen personen zonder regisseur overnemen: {}; vier-ogen bij PIP: {}; \
         voortgangsgesprek elke {} maanden; geen contact na {} dagen; begeleiding {} maanden; \
         MAP-urennorm {}; termijnenwet: {}; leefdomeinen: {}; gezondheidsgegevens ook voor: {}; \
         briefgegevens: {}",
        yn(overnemen),
        yn(s.pip_vier_ogen),
        s.voortgang_interval_maanden,
        s.geen_contact_dagen,
        s.begeleiding_maanden,
        s.map_urennorm,
        yn(s.termijnwet_toepassen),
        s.leefdomeinen_set.code(),
        if rollen.is_empty() {
            "niemand"
        } else {
            &rollen
        },
        describe_brief(&s.brief),
    )
}

fn describe_brief(b: &BriefGegevens) -> String {
    let adres = |a: Option<&Postadres>| {
        a.map_or_else(|| "niet ingevuld".to_string(), |a| a.regels().join(", "))
    };
    format!(
        "postadres {}, telefoon {}, website {}, bezwaarschriften naar {}",
        adres(b.postadres.as_ref()),
        b.telefoon.as_deref().unwrap_or("niet ingevuld"),
        b.website.as_deref().unwrap_or("niet ingevuld"),
        adres(b.bezwaar()),
    )
}
