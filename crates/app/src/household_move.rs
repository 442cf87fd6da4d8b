//! Moving a person to another regisseur together with their household: one contact point per
//! household. Shared by the dossier's assignment, the API, the teamleider's bulk move and a
//! regisseur's take-on, so every way of moving follows the same rule.
//!
//! The rule: a household member moves along when they had the same regisseur as the person who moves
//! (or none). A member a colleague already works with keeps that regisseur: moving them would take
//! work away from someone without asking. Each member moves with its own version guard, read inside
//! the same transaction, and gets an audit row of its own.

use std::collections::HashSet;

use chrono::{DateTime, Utc};
use wegwijs_domain::audit::AuditAction;
use wegwijs_domain::ids::{GebruikerId, OrganisatieId, PersonId};
use wegwijs_storage::caseload::{self, Gezinslid};
use wegwijs_storage::{StorageResult, Tx, audit, persons};

use crate::Ctx;

/// Whether a household member of someone who moves from `van` to `naar` moves along.
pub fn moves_along(lid: &Gezinslid, van: Option<GebruikerId>, naar: Option<GebruikerId>) -> bool {
    lid.regisseur != naar && (lid.regisseur.is_none() || lid.regisseur == van)
}

/// The members of `id`'s household who would move along from `van` to `naar` (for the confirmation
/// and the dossier's checkbox), outside any transaction.
pub async fn preview(
    ctx: &Ctx<'_>,
    gemeente: OrganisatieId,
    id: PersonId,
    van: Option<GebruikerId>,
    naar: Option<GebruikerId>,
) -> StorageResult<Vec<Gezinslid>> {
    Ok(caseload::gezinsleden(&ctx.app.db, gemeente, id)
        .await?
        .into_iter()
        .filter(|l| moves_along(l, van, naar))
        .collect())
}

/// One move in progress: the persons moved so far (a household member is never moved twice, nor a
/// person the teamleider chose as well) and their audit rows, written in the same commit.
pub struct Moves<'c, 'a> {
    ctx: &'c Ctx<'a>,
    gemeente: OrganisatieId,
    now: DateTime<Utc>,
    seen: HashSet<PersonId>,
    pub entries: Vec<audit::AuditEntry>,
    /// How many household members moved along.
    pub gezinsleden: usize,
}

impl<'c, 'a> Moves<'c, 'a> {
    pub fn new(
        ctx: &'c Ctx<'a>,
        gemeente: OrganisatieId,
        now: DateTime<Utc>,
        chosen: impl IntoIterator<Item = PersonId>,
    ) -> Self {
        Moves {
            ctx,
            gemeente,
            now,
            seen: chosen.into_iter().collect(),
            entries: Vec::new(),
            gezinsleden: 0,
        }
    }

    /// Moves the members of `id`'s household who follow the rule to `naar`, inside `tx`; `van` is
    /// `id`'s regisseur before the move. A member changed meanwhile fails the whole move (conflict).
    pub async fn household_of(
        &mut self,
        tx: &mut Tx,
        id: PersonId,
        van: Option<GebruikerId>,
        naar: Option<GebruikerId>,
        naar_naam: &str,
    ) -> StorageResult<()> {
        let by = self.ctx.actor.user_id;
        for lid in caseload::gezinsleden_tx(tx, self.gemeente, id).await? {
            if !moves_along(&lid, van, naar) || !self.seen.insert(lid.id) {
                continue;
            }
            persons::reassign(tx, lid.id, self.gemeente, naar, lid.versie, by, self.now).await?;
            self.gezinsleden += 1;
            self.entries.push(self.ctx.audit.entry(
                self.now,
                AuditAction::PersonReassigned,
                Some(self.gemeente),
                Some(lid.id),
                Some(format!(
                    "naar {naar_naam} (met het huishouden meeverplaatst)"
                )),
            ));
        }
        Ok(())
    }
}
