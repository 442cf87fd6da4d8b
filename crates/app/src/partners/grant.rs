//! A referral as an access grant: the facts `authz::can` decides on, and the legal basis its audit rows
//! carry.

use wegwijs_domain::audit::{UITVOERING_VERWIJZING, verwijzing_grondslag};
use wegwijs_domain::authz::{GrantRef, PersonRef, Resource};
use wegwijs_domain::ids::{GebruikerId, OrganisatieId};

use wegwijs_domain::partners::verwijzing_input::Grondslag as Basis;
use wegwijs_storage::audit::Grondslag;
use wegwijs_storage::partners::verwijzingen::VerwijzingRow;

use crate::error::{AppError, AppResult};

/// The referral as the resource of an action.
pub fn resource(v: &VerwijzingRow) -> AppResult<Resource> {
    let status = v.status().map_err(AppError::from)?;
    Ok(Resource::ViaVerwijzing {
        person: PersonRef {
            gemeente_id: OrganisatieId(v.gemeente_id),
            regisseur_id: None,
        },
        grant: GrantRef {
            partner_id: OrganisatieId(v.partner_id),
            medewerker_id: v.medewerker_id.map(GebruikerId),
            status,
        },
    })
}

/// The legal basis of a partner's processing through `v`, for its audit rows.
pub fn grondslag(v: &VerwijzingRow) -> Grondslag {
    let basis = Basis::parse(&v.grondslag).unwrap_or(Basis::WettelijkeTaak);
    Grondslag {
        activiteit: UITVOERING_VERWIJZING,
        tekst: verwijzing_grondslag(v.id, basis, v.geldig_tot),
    }
}
