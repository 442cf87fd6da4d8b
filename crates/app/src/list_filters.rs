//! The codes of the caseload filters, shared by the caseload page and the API's `GET /personen`, so a
//! value that works in one works in the other and both start from the same default.

use wegwijs_domain::authz::{Actor, Role};
use wegwijs_domain::ids::GebruikerId;
use wegwijs_storage::persons::RegisseurFilter;

/// The fixed codes of the regisseur filter (besides a regisseur's id).
pub const REGISSEUR_CODES: &[&str] = &["mij", "alle", "geen"];

/// The filter shown when none is chosen: a regisseur starts with their own caseload, everyone else
/// with the whole gemeente.
pub fn default_regisseur_code(actor: &Actor) -> &'static str {
    if actor.has(Role::Regisseur) {
        "mij"
    } else {
        "alle"
    }
}

/// `mij`, `alle`, `geen` or a regisseur's id; blank or absent means the actor's default. `None` for
/// anything else.
pub fn regisseur_filter(code: Option<&str>, actor: &Actor) -> Option<RegisseurFilter> {
    let code = code
        .map(str::trim)
        .filter(|c| !c.is_empty())
        .unwrap_or_else(|| default_regisseur_code(actor));
    match code {
        "mij" => Some(RegisseurFilter::Van(actor.user_id)),
        "alle" => Some(RegisseurFilter::Alle),
        "geen" => Some(RegisseurFilter::Geen),
        other => other
            .parse()
            .ok()
            .map(|id| RegisseurFilter::Van(GebruikerId(id))),
    }
}

/// The Dutch message for a code [`regisseur_filter`] does not know.
pub const REGISSEUR_MESSAGE: &str = "Kies mij, alle, geen of het id van een regisseur.";

#[cfg(test)]
mod tests {
    use super::*;
    use wegwijs_domain::authz::OrganisatieSoort;
    use wegwijs_domain::ids::OrganisatieId;

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
    fn codes_and_defaults_per_role() {
        let regisseur = actor(vec![Role::Regisseur]);
        let teamleider = actor(vec![Role::Teamleider]);
        let me = RegisseurFilter::Van(regisseur.user_id);
        assert_eq!(regisseur_filter(None, &regisseur), Some(me));
        assert_eq!(regisseur_filter(Some(" "), &regisseur), Some(me));
        assert_eq!(
            regisseur_filter(None, &teamleider),
            Some(RegisseurFilter::Alle)
        );
        assert_eq!(
            regisseur_filter(Some("alle"), &regisseur),
            Some(RegisseurFilter::Alle)
        );
        assert_eq!(
            regisseur_filter(Some("geen"), &teamleider),
            Some(RegisseurFilter::Geen)
        );
        let id = uuid::Uuid::from_u128(9);
        assert_eq!(
            regisseur_filter(Some(&id.to_string()), &teamleider),
            Some(RegisseurFilter::Van(GebruikerId(id)))
        );
        assert_eq!(regisseur_filter(Some("iedereen"), &teamleider), None);
    }
}
