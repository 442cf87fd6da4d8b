//! The hash chain over the verwerkingenlog: tamper evidence on top of the append-only triggers.
//!
//! Every gemeente has its own chain (rows without a gemeente form one more chain, keyed by the nil
//! UUID). A row stores its position in its chain (`volgnummer`, from 1), the hash of its predecessor
//! (`vorige_hash`, [`GENESIS`] for the first) and its own `hash`: the lowercase hex SHA-256 of its
//! canonical form. `audit_ketenkop` holds the last (volgnummer, hash) of every chain.
//!
//! **Canonical form (version 1)**, the bytes that are hashed: the ASCII tag `wegwijs-audit-v1`, then for
//! each field below, in this order, either the byte `0x00` (NULL) or the byte `0x01` followed by the
//! field's UTF-8 text length as a 4-byte big-endian integer and the text itself:
//!
//! `id`, `volgnummer` (decimal), `tijdstip` (UTC, `YYYY-MM-DDTHH:MM:SS.ffffffZ`, always six fraction
//! digits: both databases keep microseconds), `trace_id`, `gebruiker_id`, `organisatie_id`,
//! `gemeente_id`, `persoon_id` (UUIDs lowercase hyphenated), `actie`, `verwerkingsactiviteit`,
//! `grondslag`, `bron`, `details`, `vorige_hash`.
//!
//! The length prefix makes the encoding injective: no two different rows have the same bytes.
//!
//! Writers: [`crate::audit::insert`] (both the read batcher and write transactions call it) extends the
//! chains. On PostgreSQL it first locks the head rows of the chains it touches (`INSERT .. ON CONFLICT
//! DO UPDATE` on `audit_ketenkop`, in gemeente order, so two writers never deadlock on each other),
//! takes the row ids from the sequence after that, and holds the locks until commit: rows of one
//! chain are therefore appended one transaction at a time and their ids rise with their volgnummer.
//! On SQLite the single writer connection already serialises every write transaction.

use std::collections::HashMap;

use chrono::{DateTime, Utc};
use futures::TryStreamExt;
use sha2::{Digest, Sha256};
use sqlx::Row;
use uuid::Uuid;

use crate::{Db, StorageResult};

/// `vorige_hash` of the first row of a chain.
pub const GENESIS: &str = "0000000000000000000000000000000000000000000000000000000000000000";

const TAG: &[u8] = b"wegwijs-audit-v1";

/// The chain a row belongs to: its gemeente, or the nil UUID for rows without one.
pub fn chain_key(gemeente: Option<Uuid>) -> Uuid {
    gemeente.unwrap_or(Uuid::nil())
}

/// Timestamps are hashed and stored with microsecond precision, the precision both databases keep.
pub fn truncate_to_micros(t: DateTime<Utc>) -> DateTime<Utc> {
    DateTime::from_timestamp_micros(t.timestamp_micros()).unwrap_or(t)
}

/// Every column of an audit row that is hashed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ChainRow {
    pub id: i64,
    pub volgnummer: i64,
    pub tijdstip: DateTime<Utc>,
    pub trace_id: String,
    pub gebruiker_id: Option<Uuid>,
    pub organisatie_id: Option<Uuid>,
    pub gemeente_id: Option<Uuid>,
    pub persoon_id: Option<Uuid>,
    pub actie: String,
    pub verwerkingsactiviteit: String,
    pub grondslag: String,
    pub bron: String,
    pub details: Option<String>,
    pub vorige_hash: String,
}

fn field(out: &mut Vec<u8>, value: Option<&str>) {
    match value {
        None => out.push(0),
        Some(v) => {
            out.push(1);
            // Audit texts are far below 4 GiB; saturate rather than wrap if one ever is not.
            let len = u32::try_from(v.len()).unwrap_or(u32::MAX);
            out.extend_from_slice(&len.to_be_bytes());
            out.extend_from_slice(v.as_bytes());
        }
    }
}

impl ChainRow {
    /// The canonical bytes (see the module documentation).
    pub fn canonical(&self) -> Vec<u8> {
        let uuid = |u: Option<Uuid>| u.map(|u| u.hyphenated().to_string());
        let mut out = Vec::with_capacity(256);
        out.extend_from_slice(TAG);
        field(&mut out, Some(&self.id.to_string()));
        field(&mut out, Some(&self.volgnummer.to_string()));
        field(
            &mut out,
            Some(&self.tijdstip.format("%Y-%m-%dT%H:%M:%S%.6fZ").to_string()),
        );
        field(&mut out, Some(&self.trace_id));
        field(&mut out, uuid(self.gebruiker_id).as_deref());
        field(&mut out, uuid(self.organisatie_id).as_deref());
        field(&mut out, uuid(self.gemeente_id).as_deref());
        field(&mut out, uuid(self.persoon_id).as_deref());
        field(&mut out, Some(&self.actie));
        field(&mut out, Some(&self.verwerkingsactiviteit));
        field(&mut out, Some(&self.grondslag));
        field(&mut out, Some(&self.bron));
        field(&mut out, self.details.as_deref());
        field(&mut out, Some(&self.vorige_hash));
        out
    }

    /// Lowercase hex SHA-256 of the canonical bytes.
    pub fn hash(&self) -> String {
        hex::encode(Sha256::digest(self.canonical()))
    }
}

/// One chain as found by [`verify`].
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ChainSummary {
    pub gemeente: Option<Uuid>,
    pub rows: u64,
    /// The hash of the last row: write it down elsewhere to detect a rewrite of the whole chain later.
    pub head: String,
}

/// The first place where a chain does not hold.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Break {
    pub gemeente: Option<Uuid>,
    /// The audit row, or `None` when the chain head table disagrees with the last row.
    pub id: Option<i64>,
    pub what: String,
    pub expected: String,
    pub found: String,
}

#[derive(Debug, Clone, Default)]
pub struct VerifyReport {
    /// Chained rows checked.
    pub rows: u64,
    /// Rows from before the hash chain (migration 0002), which carry no hash.
    pub unchained_rows: u64,
    pub chains: Vec<ChainSummary>,
    pub broken: Option<Break>,
}

/// A row as read back; `Err` holds the id of a row whose columns cannot be read as an audit row.
type ReadRow = Result<(ChainRow, Option<String>), (i64, String)>;

macro_rules! read_row {
    ($row:expr) => {{
        let row = &$row;
        let id: i64 = row.try_get("id")?;
        (|| -> Result<(ChainRow, Option<String>), sqlx::Error> {
            let volgnummer: Option<i64> = row.try_get("volgnummer")?;
            let vorige_hash: Option<String> = row.try_get("vorige_hash")?;
            let r = ChainRow {
                id,
                volgnummer: volgnummer.unwrap_or(0),
                tijdstip: row.try_get("tijdstip")?,
                trace_id: row.try_get("trace_id")?,
                gebruiker_id: row.try_get("gebruiker_id")?,
                organisatie_id: row.try_get("organisatie_id")?,
                gemeente_id: row.try_get("gemeente_id")?,
                persoon_id: row.try_get("persoon_id")?,
                actie: row.try_get("actie")?,
                verwerkingsactiviteit: row.try_get("verwerkingsactiviteit")?,
                grondslag: row.try_get("grondslag")?,
                bron: row.try_get("bron")?,
                details: row.try_get("details")?,
                vorige_hash: vorige_hash.unwrap_or_default(),
            };
            let hash: Option<String> = row.try_get("hash")?;
            // A row is unchained only if all three chain columns are empty.
            if hash.is_none() && (volgnummer.is_some() || !r.vorige_hash.is_empty()) {
                return Ok((r, Some(String::new())));
            }
            Ok((r, hash))
        })()
        .map_err(|e| (id, e.to_string())) as ReadRow
    }};
}

/// Walks every chain in id order, recomputes every hash and compares the ends with `audit_ketenkop`,
/// all in one snapshot of the database. Reports the first broken link (the lowest id).
pub async fn verify(db: &Db) -> StorageResult<VerifyReport> {
    const HEADS: &str = "SELECT gemeente_id, volgnummer, hash FROM audit_ketenkop";
    const ROWS: &str = "SELECT id, volgnummer, tijdstip, trace_id, gebruiker_id, organisatie_id, gemeente_id, \
                        persoon_id, actie, verwerkingsactiviteit, grondslag, bron, details, vorige_hash, hash \
                        FROM audit_log ORDER BY id";
    let mut walk = Walk::default();
    let heads: Vec<(Uuid, i64, String)> = match db {
        Db::Sqlite { read, .. } => {
            // One read transaction: heads and rows come from the same snapshot.
            let mut tx = read.begin().await?;
            let heads = sqlx::query_as(HEADS).fetch_all(&mut *tx).await?;
            let mut rows = sqlx::query(ROWS).fetch(&mut *tx);
            while let Some(row) = rows.try_next().await? {
                if walk.step(read_row!(row)) {
                    break;
                }
            }
            drop(rows);
            tx.rollback().await?;
            heads
        }
        Db::Pg(pool) => {
            let mut tx = pool
                .begin_with("BEGIN ISOLATION LEVEL REPEATABLE READ, READ ONLY")
                .await?;
            let heads = sqlx::query_as(HEADS).fetch_all(&mut *tx).await?;
            let mut rows = sqlx::query(ROWS).fetch(&mut *tx);
            while let Some(row) = rows.try_next().await? {
                if walk.step(read_row!(row)) {
                    break;
                }
            }
            drop(rows);
            tx.rollback().await?;
            heads
        }
    };
    Ok(walk.finish(heads))
}

#[derive(Default)]
struct Walk {
    report: VerifyReport,
    /// Per chain: (last volgnummer, last hash, rows).
    state: HashMap<Uuid, (i64, String, u64)>,
}

impl Walk {
    /// Checks one row; returns true when the chain is broken (stop walking).
    fn step(&mut self, row: ReadRow) -> bool {
        let (row, hash) = match row {
            Ok(r) => r,
            Err((id, err)) => {
                self.report.broken = Some(Break {
                    gemeente: None,
                    id: Some(id),
                    what: "regel onleesbaar".into(),
                    expected: "een geldige auditregel".into(),
                    found: err,
                });
                return true;
            }
        };
        let gemeente = row.gemeente_id;
        let mut broken = |what: &str, expected: String, found: String| {
            self.report.broken = Some(Break {
                gemeente,
                id: Some(row.id),
                what: what.into(),
                expected,
                found,
            });
            true
        };
        let Some(hash) = hash else {
            if self.report.rows > 0 {
                return broken(
                    "regel zonder hash na het begin van de keten",
                    "hash".into(),
                    "NULL".into(),
                );
            }
            self.report.unchained_rows += 1;
            return false;
        };
        let key = chain_key(gemeente);
        let (last_nr, last_hash, _) =
            self.state
                .get(&key)
                .cloned()
                .unwrap_or((0, GENESIS.to_string(), 0));
        if row.volgnummer != last_nr + 1 {
            return broken(
                "volgnummer klopt niet (een regel ontbreekt of staat er dubbel)",
                (last_nr + 1).to_string(),
                row.volgnummer.to_string(),
            );
        }
        if row.vorige_hash != last_hash {
            return broken(
                "vorige_hash wijst niet naar de vorige regel van de keten",
                last_hash,
                row.vorige_hash.clone(),
            );
        }
        let computed = row.hash();
        if computed != hash {
            return broken(
                "inhoud gewijzigd: de hash over de regel klopt niet",
                computed,
                hash,
            );
        }
        let entry = self.state.entry(key).or_insert((0, String::new(), 0));
        *entry = (row.volgnummer, hash, entry.2 + 1);
        self.report.rows += 1;
        false
    }

    fn finish(mut self, heads: Vec<(Uuid, i64, String)>) -> VerifyReport {
        let gemeente = |k: Uuid| (!k.is_nil()).then_some(k);
        let mut chains: Vec<ChainSummary> = self
            .state
            .iter()
            .map(|(k, (_, hash, rows))| ChainSummary {
                gemeente: gemeente(*k),
                rows: *rows,
                head: hash.clone(),
            })
            .collect();
        chains.sort_by_key(|c| c.gemeente);
        self.report.chains = chains;
        if self.report.broken.is_some() {
            return self.report;
        }
        let mut heads = heads;
        heads.sort();
        for (k, nr, hash) in heads {
            let (last_nr, last_hash) = self
                .state
                .get(&k)
                .map(|(n, h, _)| (*n, h.clone()))
                .unwrap_or((0, GENESIS.to_string()));
            if (nr, &hash) != (last_nr, &last_hash) {
                self.report.broken = Some(Break {
                    gemeente: gemeente(k),
                    id: None,
                    what: "ketenkop (audit_ketenkop) wijkt af van de laatste regel: regels ontbreken of zijn vervangen"
                        .into(),
                    expected: format!("{nr} {hash}"),
                    found: format!("{last_nr} {last_hash}"),
                });
                return self.report;
            }
        }
        self.report
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn row() -> ChainRow {
        ChainRow {
            id: 7,
            volgnummer: 3,
            tijdstip: DateTime::from_timestamp_micros(1_790_000_000_123_456).expect("time"),
            trace_id: "req-1".into(),
            gebruiker_id: Some(Uuid::from_u128(1)),
            organisatie_id: Some(Uuid::from_u128(2)),
            gemeente_id: Some(Uuid::from_u128(2)),
            persoon_id: None,
            actie: "persoon_inzien".into(),
            verwerkingsactiviteit: "regie-inburgering".into(),
            grondslag: "Wet inburgering 2021".into(),
            bron: "ui".into(),
            details: None,
            vorige_hash: GENESIS.into(),
        }
    }

    #[test]
    fn the_canonical_form_is_stable() {
        // Changing the canonical form breaks every stored chain: this pins version 1. The value was
        // cross-checked with an independent Python implementation of the module documentation.
        assert_eq!(
            row().hash(),
            "98505ecd600f62648310d78fdcf2b5fbc51307f070edd9fd8ecc6e59fd90251e"
        );
    }

    #[test]
    fn every_field_changes_the_hash() {
        let base = row().hash();
        let mut variants = vec![];
        let mut r = row();
        r.id = 8;
        variants.push(r);
        let mut r = row();
        r.volgnummer = 4;
        variants.push(r);
        let mut r = row();
        r.tijdstip += chrono::Duration::microseconds(1);
        variants.push(r);
        let mut r = row();
        r.persoon_id = Some(Uuid::nil());
        variants.push(r);
        let mut r = row();
        r.details = Some(String::new());
        variants.push(r);
        let mut r = row();
        r.vorige_hash = "1".repeat(64);
        variants.push(r);
        // Moving text between adjacent fields keeps the concatenation but not the encoding.
        let mut r = row();
        r.actie = "persoon_inzienr".into();
        r.verwerkingsactiviteit = "egie-inburgering".into();
        variants.push(r);
        for v in variants {
            assert_ne!(v.hash(), base, "{v:?}");
        }
    }
}
