//! The koppeling of a person (`koppelingen`, one row per person) with its date, which is the person
//! fact `personen.datum_koppeling`. Reads are filtered by the actor's scope inside the SQL.

use chrono::{DateTime, NaiveDate, Utc};
use uuid::Uuid;
use wegwijs_domain::authz::PersonScope;
use wegwijs_domain::ids::{GebruikerId, OrganisatieId, PersonId};
use wegwijs_domain::trajectory::koppeling::{Halfjaar, Koppeling};

use crate::persons::scope_gemeente;
use crate::{Db, StorageError, StorageResult, Tx, on_pool, on_tx, on_tx_exec};

/// A koppeling as stored, with the versions a form carries back.
#[derive(Debug, Clone)]
pub struct KoppelingRecord {
    pub persoon_id: PersonId,
    pub gemeente_id: OrganisatieId,
    pub regisseur_id: Option<GebruikerId>,
    pub koppeling: Koppeling,
    /// 0: no koppeling row yet.
    pub versie: i64,
    /// The person's version: a changed date is written to the person under it.
    pub persoon_versie: i64,
    pub gewijzigd_op: Option<DateTime<Utc>>,
}

type Row = (
    Uuid,
    Option<Uuid>,
    Option<NaiveDate>,
    i64,
    Option<i32>,
    Option<i32>,
    Option<String>,
    Option<String>,
    Option<String>,
    Option<String>,
    Option<String>,
    Option<i64>,
    Option<DateTime<Utc>>,
);

const SELECT: &str = "SELECT p.gemeente_id, p.regisseur_id, p.datum_koppeling, p.versie, \
     k.taakstelling_jaar, k.taakstelling_halfjaar, k.azc_locatie, k.coa_contact, k.profiel, \
     k.voorintake, k.overdracht, k.versie, k.gewijzigd_op \
     FROM personen p LEFT JOIN koppelingen k ON k.persoon_id = p.id \
     WHERE p.id = $1 AND p.gemeente_id = $2";

fn json<T: serde::de::DeserializeOwned + Default>(s: Option<String>) -> StorageResult<T> {
    match s {
        None => Ok(T::default()),
        Some(s) => {
            serde_json::from_str(&s).map_err(|e| StorageError::Corrupt(format!("koppeling: {e}")))
        }
    }
}

fn from_row(id: PersonId, r: Row) -> StorageResult<KoppelingRecord> {
    let overdracht: Option<_> = match r.10.as_deref() {
        None | Some("{}") | Some("null") => None,
        Some(s) => Some(
            serde_json::from_str(s)
                .map_err(|e| StorageError::Corrupt(format!("overdracht: {e}")))?,
        ),
    };
    let taakstelling = match (r.4, r.5) {
        (Some(j), Some(h)) => u8::try_from(h).ok().and_then(|h| Halfjaar::new(j, h)),
        _ => None,
    };
    Ok(KoppelingRecord {
        persoon_id: id,
        gemeente_id: OrganisatieId(r.0),
        regisseur_id: r.1.map(GebruikerId),
        persoon_versie: r.3,
        koppeling: Koppeling {
            datum_koppeling: r.2,
            taakstelling,
            azc_locatie: r.6,
            coa_contact: r.7,
            profiel: json(r.8)?,
            voorintake: json(r.9)?,
            overdracht,
        },
        versie: r.11.unwrap_or(0),
        gewijzigd_op: r.12,
    })
}

/// The koppeling of a person in scope (an empty one when no row exists yet); NotFound otherwise.
pub async fn get(db: &Db, scope: PersonScope, id: PersonId) -> StorageResult<KoppelingRecord> {
    let g = scope_gemeente(scope).ok_or(StorageError::NotFound)?;
    let row: Option<Row> = on_pool!(db, |p| sqlx::query_as(SELECT)
        .bind(id.0)
        .bind(g.0)
        .fetch_optional(p)
        .await)?;
    from_row(id, row.ok_or(StorageError::NotFound)?)
}

async fn get_tx(tx: &mut Tx, g: OrganisatieId, id: PersonId) -> StorageResult<KoppelingRecord> {
    let row: Option<Row> = on_tx!(tx, |c| sqlx::query_as(SELECT)
        .bind(id.0)
        .bind(g.0)
        .fetch_optional(c)
        .await)?;
    from_row(id, row.ok_or(StorageError::NotFound)?)
}

/// Saves the koppeling if `expected` (0: none yet) is current. The date goes to the person, under
/// `persoon_expected` and only when it changed, so the person's version moves only then and a
/// person form opened before sees the usual conflict. Returns the koppeling's new version.
#[expect(
    clippy::too_many_arguments,
    reason = "one write of two rows under two versions"
)]
pub async fn save(
    tx: &mut Tx,
    g: OrganisatieId,
    id: PersonId,
    k: &Koppeling,
    expected: i64,
    persoon_expected: i64,
    by: GebruikerId,
    now: DateTime<Utc>,
) -> StorageResult<i64> {
    let current = get_tx(tx, g, id).await?;
    if current.versie != expected {
        return Err(StorageError::Conflict {
            expected,
            current: current.versie,
        });
    }
    if current.koppeling.datum_koppeling != k.datum_koppeling {
        const PERSON: &str = "UPDATE personen SET datum_koppeling = $1, versie = versie + 1, \
             gewijzigd_op = $2, gewijzigd_door = $3 WHERE id = $4 AND gemeente_id = $5 AND versie = $6";
        let n = on_tx_exec!(tx, |c| sqlx::query(PERSON)
            .bind(k.datum_koppeling)
            .bind(now)
            .bind(by.0)
            .bind(id.0)
            .bind(g.0)
            .bind(persoon_expected)
            .execute(c)
            .await)?;
        if n != 1 {
            // The person changed since the form was opened: its date may be a colleague's.
            return Err(StorageError::Conflict {
                expected,
                current: current.versie,
            });
        }
    }
    let profiel = to_json(&k.profiel)?;
    let voorintake = to_json(&k.voorintake)?;
    let overdracht = match &k.overdracht {
        Some(o) => to_json(o)?,
        None => "{}".to_string(),
    };
    const UPSERT: &str = "INSERT INTO koppelingen (persoon_id, gemeente_id, taakstelling_jaar, \
         taakstelling_halfjaar, azc_locatie, coa_contact, profiel, voorintake, overdracht, \
         overdracht_datum, versie, gewijzigd_door, gewijzigd_op) \
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, 1, $11, $12) \
         ON CONFLICT (persoon_id) DO UPDATE SET taakstelling_jaar = $3, taakstelling_halfjaar = $4, \
         azc_locatie = $5, coa_contact = $6, profiel = $7, voorintake = $8, overdracht = $9, \
         overdracht_datum = $10, versie = koppelingen.versie + 1, gewijzigd_door = $11, gewijzigd_op = $12 \
         WHERE koppelingen.versie = $13";
    let n = on_tx_exec!(tx, |c| sqlx::query(UPSERT)
        .bind(id.0)
        .bind(g.0)
        .bind(k.taakstelling.map(|h| h.jaar))
        .bind(k.taakstelling.map(|h| i32::from(h.halfjaar)))
        .bind(k.azc_locatie.as_deref())
        .bind(k.coa_contact.as_deref())
        .bind(profiel.as_str())
        .bind(voorintake.as_str())
        .bind(overdracht.as_str())
        .bind(k.overdracht.as_ref().map(|o| o.datum))
        .bind(by.0)
        .bind(now)
        .bind(expected)
        .execute(c)
        .await)?;
    if n != 1 {
        return Err(StorageError::Conflict {
            expected,
            current: current.versie + 1,
        });
    }
    Ok(expected + 1)
}

/// Serialises a JSON column (cannot fail for these types; still an error, never a panic).
fn to_json<T: serde::Serialize>(v: &T) -> StorageResult<String> {
    serde_json::to_string(v).map_err(|e| StorageError::Corrupt(format!("json: {e}")))
}
