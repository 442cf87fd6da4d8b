//! The dated events of one person's trajectory that the dossier's timeline draws besides the facts of
//! `trajectory_facts`: every PIP version, every voortgangsgesprek and every passed exam. Three small
//! index range reads on `persoon_id`; the caller has already checked the person is in scope.

use chrono::NaiveDate;
use wegwijs_domain::ids::PersonId;

use crate::{Db, StorageResult, on_pool};

/// One PIP version as the timeline shows it.
#[derive(Debug, Clone, PartialEq, Eq, sqlx::FromRow)]
pub struct PipMoment {
    pub nummer: i64,
    pub status: String,
    pub dagtekening: Option<NaiveDate>,
}

/// One voortgangsgesprek: planned, and held when `gehouden_op` is set.
#[derive(Debug, Clone, PartialEq, Eq, sqlx::FromRow)]
pub struct ReviewMoment {
    pub gepland_op: NaiveDate,
    pub gehouden_op: Option<NaiveDate>,
}

/// One passed exam component.
#[derive(Debug, Clone, PartialEq, Eq, sqlx::FromRow)]
pub struct ExamenMoment {
    pub onderdeel: String,
    pub niveau: Option<String>,
    pub datum: NaiveDate,
}

#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Momenten {
    pub pips: Vec<PipMoment>,
    pub reviews: Vec<ReviewMoment>,
    pub examens: Vec<ExamenMoment>,
}

pub async fn momenten(db: &Db, id: PersonId) -> StorageResult<Momenten> {
    const PIPS: &str = "SELECT CAST(nummer AS BIGINT) AS nummer, status, dagtekening FROM pip_versies \
         WHERE persoon_id = $1 ORDER BY nummer";
    const REVIEWS: &str = "SELECT gepland_op, gehouden_op FROM voortgangsgesprekken \
         WHERE persoon_id = $1 ORDER BY gepland_op, id";
    const EXAMENS: &str = "SELECT onderdeel, niveau, datum FROM examens \
         WHERE persoon_id = $1 AND uitslag = 'Geslaagd' ORDER BY datum, onderdeel";
    let pips = on_pool!(db, |p| sqlx::query_as(PIPS).bind(id.0).fetch_all(p).await)?;
    let reviews = on_pool!(db, |p| sqlx::query_as(REVIEWS)
        .bind(id.0)
        .fetch_all(p)
        .await)?;
    let examens = on_pool!(db, |p| sqlx::query_as(EXAMENS)
        .bind(id.0)
        .fetch_all(p)
        .await)?;
    Ok(Momenten {
        pips,
        reviews,
        examens,
    })
}
