//! What the PIP rules read from elsewhere: NT2 course hours (afschalen, Besluit 5.5), the brede
//! intake's findings (the first concept) and the gemeente's two PIP settings. Read here, in the PIP's
//! own storage module, so the PIP does not wait for the intake and progress slices' APIs.

use wegwijs_domain::ids::{OrganisatieId, PersonId};
use wegwijs_domain::trajectory::codes::LbtUitslag;
use wegwijs_domain::trajectory::pip::voorstel::{IntakeFeiten, LeefdomeinBevinding};

use crate::{Db, StorageResult, on_pool};

/// NT2 course hours of the person, those during the brede intake included (Besluit 5.5 lid 2).
pub async fn nt2_uren(db: &Db, persoon: PersonId) -> StorageResult<u32> {
    const SQL: &str = "SELECT CAST(COALESCE(SUM(uren), 0) AS BIGINT) FROM uren WHERE persoon_id = $1 AND soort = 'nt2_cursus'";
    let n: i64 = on_pool!(db, |p| sqlx::query_scalar(SQL)
        .bind(persoon.0)
        .fetch_one(p)
        .await)?;
    Ok(u32::try_from(n).unwrap_or(u32::MAX))
}

/// (`pip_vier_ogen`, `voortgang_interval_maanden`) of the gemeente; defaults without a settings row.
pub async fn pip_instellingen(db: &Db, gemeente: OrganisatieId) -> StorageResult<(bool, u32)> {
    const SQL: &str = "SELECT pip_vier_ogen, voortgang_interval_maanden FROM gemeente_instellingen WHERE gemeente_id = $1";
    let row: Option<(bool, i32)> = on_pool!(db, |p| sqlx::query_as(SQL)
        .bind(gemeente.0)
        .fetch_optional(p)
        .await)?;
    Ok(row.map_or((false, 3), |(v, i)| (v, u32::try_from(i).unwrap_or(3))))
}

/// The latest version of every intake section that is not special-category data (health is never
/// read to draft a plan: that would need the health right). The leerbaarheidstoets section gives the
/// LBT result (`uitslag` or `resultaat`, DUO's values); any other section with `belemmeringen` is a
/// life domain (its `leefdomein`, else the section name).
pub async fn intake_feiten(db: &Db, persoon: PersonId) -> StorageResult<IntakeFeiten> {
    const SQL: &str = "SELECT s.sectie, s.inhoud FROM intake_secties s \
                       WHERE s.persoon_id = $1 AND s.bijzonder = FALSE AND s.versie = \
                       (SELECT MAX(x.versie) FROM intake_secties x WHERE x.persoon_id = s.persoon_id AND x.sectie = s.sectie) \
                       ORDER BY s.sectie";
    let rows: Vec<(String, String)> = on_pool!(db, |p| sqlx::query_as(SQL)
        .bind(persoon.0)
        .fetch_all(p)
        .await)?;
    let mut feiten = IntakeFeiten::default();
    for (sectie, inhoud) in rows {
        let Ok(v) = serde_json::from_str::<serde_json::Value>(&inhoud) else {
            continue;
        };
        let text = |key: &str| v.get(key).and_then(|x| x.as_str()).map(str::to_string);
        if let Some(u) = text("uitslag")
            .or_else(|| text("resultaat"))
            .and_then(|s| LbtUitslag::parse(&s))
        {
            feiten.lbt = Some(u);
            continue;
        }
        if let Some(b) = text("belemmeringen") {
            feiten.leefdomeinen.push(LeefdomeinBevinding {
                leefdomein: text("leefdomein").unwrap_or(sectie),
                belemmeringen: b,
                wensen: text("wensen").unwrap_or_default(),
            });
        }
    }
    Ok(feiten)
}
