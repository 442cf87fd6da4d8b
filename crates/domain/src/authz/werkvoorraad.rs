//! Whose werkvoorraad an actor may see. A regisseur sees only their own list; a teamleider any
//! regisseur's of the gemeente or the whole team at once. The answer is a scope the storage layer
//! renders into the WHERE clause of the one facts query (never fetch-then-filter).
//!
//! Wegwijs has no team structure yet: "the team" is every person of the gemeente who has a regisseur
//! (persons without one are on the intake queue, not on anyone's werkvoorraad).

use super::{Action, Actor, Decision, DenyReason, Resource, Role, can};
use crate::ids::{GebruikerId, OrganisatieId};

/// What a request asks for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum WerkvoorraadKeuze {
    /// The actor's default: a regisseur's own list, else the whole team.
    Standaard,
    /// One regisseur's list (possibly the actor's own).
    Regisseur(GebruikerId),
    /// Everyone of the team.
    Team,
}

/// The persons whose actions are listed, as storage renders them.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum WerkvoorraadScope {
    /// `gemeente_id = gemeente AND regisseur_id = regisseur`.
    Regisseur {
        gemeente: OrganisatieId,
        regisseur: GebruikerId,
    },
    /// `gemeente_id = gemeente AND regisseur_id IS NOT NULL`.
    Team { gemeente: OrganisatieId },
}

/// The scope of `keuze` for `actor`, or why it is refused. Whether a named regisseur works for the
/// gemeente is for the caller to answer (an unknown id is "not found", not "forbidden").
pub fn werkvoorraad_scope(
    actor: &Actor,
    keuze: WerkvoorraadKeuze,
) -> Result<WerkvoorraadScope, DenyReason> {
    let gemeente = actor.gemeente_id().ok_or(DenyReason::NotAGemeente)?;
    if let Decision::Deny(r) = can(
        actor,
        Action::WerkvoorraadView,
        Resource::Gemeente(gemeente),
    ) {
        return Err(r);
    }
    // Supervising other caseloads is the teamleider's task; a regisseur works from their own list.
    let overzicht = actor.has(Role::Teamleider);
    let eigen = WerkvoorraadScope::Regisseur {
        gemeente,
        regisseur: actor.user_id,
    };
    match keuze {
        WerkvoorraadKeuze::Standaard if actor.has(Role::Regisseur) => Ok(eigen),
        WerkvoorraadKeuze::Regisseur(r) if r == actor.user_id => Ok(eigen),
        WerkvoorraadKeuze::Regisseur(regisseur) if overzicht => Ok(WerkvoorraadScope::Regisseur {
            gemeente,
            regisseur,
        }),
        WerkvoorraadKeuze::Standaard | WerkvoorraadKeuze::Team if overzicht => {
            Ok(WerkvoorraadScope::Team { gemeente })
        }
        _ => Err(DenyReason::NoRole),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::authz::OrganisatieSoort;

    fn actor(roles: Vec<Role>) -> Actor {
        Actor {
            user_id: GebruikerId(uuid::Uuid::from_u128(7)),
            organisatie_id: OrganisatieId(uuid::Uuid::from_u128(1)),
            organisatie_soort: OrganisatieSoort::Gemeente,
            roles,
            system: None,
        }
    }

    #[test]
    fn a_regisseur_sees_only_the_own_list() {
        let a = actor(vec![Role::Regisseur]);
        let eigen = Ok(WerkvoorraadScope::Regisseur {
            gemeente: a.organisatie_id,
            regisseur: a.user_id,
        });
        assert_eq!(werkvoorraad_scope(&a, WerkvoorraadKeuze::Standaard), eigen);
        assert_eq!(
            werkvoorraad_scope(&a, WerkvoorraadKeuze::Regisseur(a.user_id)),
            eigen
        );
        let ander = GebruikerId(uuid::Uuid::from_u128(8));
        assert_eq!(
            werkvoorraad_scope(&a, WerkvoorraadKeuze::Regisseur(ander)),
            Err(DenyReason::NoRole)
        );
        assert_eq!(
            werkvoorraad_scope(&a, WerkvoorraadKeuze::Team),
            Err(DenyReason::NoRole)
        );
    }

    #[test]
    fn a_teamleider_picks_anyone_or_the_team() {
        let a = actor(vec![Role::Teamleider]);
        let g = a.organisatie_id;
        assert_eq!(
            werkvoorraad_scope(&a, WerkvoorraadKeuze::Standaard),
            Ok(WerkvoorraadScope::Team { gemeente: g })
        );
        let ander = GebruikerId(uuid::Uuid::from_u128(8));
        assert_eq!(
            werkvoorraad_scope(&a, WerkvoorraadKeuze::Regisseur(ander)),
            Ok(WerkvoorraadScope::Regisseur {
                gemeente: g,
                regisseur: ander
            })
        );
    }

    #[test]
    fn roles_without_the_action_are_refused() {
        for r in [Role::Beleid, Role::Beheerder, Role::Privacy] {
            assert_eq!(
                werkvoorraad_scope(&actor(vec![r]), WerkvoorraadKeuze::Team),
                Err(DenyReason::NoRole)
            );
        }
    }
}
