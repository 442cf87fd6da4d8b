//! What the PIP rules read from elsewhere: NT2 course hours (afschalen, Besluit 5.5), the brede
//! intake's findings (the first concept). Read here, in the PIP's
//! own storage module, so the PIP does not wait for the intake and progress slices' APIs.

use wegwijs_domain::ids::PersonId;
use wegwijs_domain::trajectory::codes::LeefdomeinenSet;
use wegwijs_domain::trajectory::intake::VasteSectie;
use wegwijs_domain::trajectory::intake::inhoud::LeefdomeinInhoud;
use wegwijs_domain::trajectory::intake::lbt::Leerbaarheidstoets;
use wegwijs_domain::trajectory::intake::leefdomeinen;
use wegwijs_domain::trajectory::intake::sectie::LEEFDOMEIN_PREFIX;
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

/// The latest version of every intake section that is not special-category data (health is never
/// read to draft a plan: that would need the health right), read with the intake's own types: the
/// leerbaarheidstoets section gives DUO's LBT result when the test was taken; a life-domain section
/// (`leefdomein-<code>`) with barriers answered gives a finding in that domain (by its Dutch name).
/// Content that does not parse (written by an older version) is skipped: the draft is a suggestion.
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
        if sectie == VasteSectie::Leerbaarheidstoets.code() {
            if let Ok(Leerbaarheidstoets::Afgenomen { uitslag, .. }) = serde_json::from_str(&inhoud)
            {
                feiten.lbt = Some(uitslag);
            }
        } else if let Some(code) = sectie.strip_prefix(LEEFDOMEIN_PREFIX) {
            let Ok(l) = serde_json::from_str::<LeefdomeinInhoud>(&inhoud) else {
                continue;
            };
            if let Some(b) = l.belemmeringen.waarde() {
                feiten.leefdomeinen.push(LeefdomeinBevinding {
                    leefdomein: naam(code),
                    belemmeringen: b.clone(),
                    wensen: l.wensen.waarde().cloned().unwrap_or_default(),
                });
            }
        }
    }
    Ok(feiten)
}

/// The Dutch name of a life domain by its code (the code itself if no shipped set knows it).
fn naam(code: &str) -> String {
    LeefdomeinenSet::ALL
        .iter()
        .find_map(|set| leefdomeinen::find(*set, code))
        .map_or_else(|| code.to_string(), |l| l.naam.to_string())
}
