//! The one place that turns an actor's [`PersonScope`] into SQL. Every person read goes through it, so
//! a partner's referral grant is applied in the query (never by filtering fetched rows), the same way
//! everywhere.

use uuid::Uuid;
use wegwijs_domain::authz::PersonScope;
use wegwijs_domain::partners::verwijzing::VerwijzingStatus;

/// The condition on the `personen` row `alias` for `scope`, binding values through `bind` (which returns
/// the placeholder). `None`: the scope allows nothing.
pub(crate) fn person_condition(
    scope: PersonScope,
    alias: &str,
    bind: &mut dyn FnMut(Uuid) -> String,
) -> Option<String> {
    match scope {
        PersonScope::Nothing => None,
        PersonScope::Gemeente(g) => Some(format!("{alias}.gemeente_id = {}", bind(g.0))),
        PersonScope::Verwijzingen(grant) => {
            let partner = bind(grant.partner_id.0);
            let worker = grant
                .medewerker_id
                .map(|m| format!(" AND v.medewerker_id = {}", bind(m.0)))
                .unwrap_or_default();
            Some(format!(
                "{alias}.id IN (SELECT v.persoon_id FROM verwijzingen v WHERE v.partner_id = {partner} \
                 AND v.status IN ({}){worker})",
                active_statuses()
            ))
        }
    }
}

/// `'geaccepteerd', 'gestart'`: the referral states that grant access (constants, not user input).
pub(crate) fn active_statuses() -> String {
    VerwijzingStatus::MET_TOEGANG
        .iter()
        .map(|s| format!("'{s}'"))
        .collect::<Vec<_>>()
        .join(", ")
}

/// Placeholders `$first`, `$first+1`, ... collecting the values in order.
pub(crate) struct Binder {
    next: usize,
    pub values: Vec<Uuid>,
}

impl Binder {
    pub(crate) fn starting_at(first: usize) -> Binder {
        Binder {
            next: first,
            values: Vec::new(),
        }
    }

    pub(crate) fn bind(&mut self, u: Uuid) -> String {
        self.values.push(u);
        let p = format!("${}", self.next);
        self.next += 1;
        p
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use wegwijs_domain::authz::PartnerGrant;
    use wegwijs_domain::ids::{GebruikerId, OrganisatieId};

    #[test]
    fn a_worker_scope_binds_partner_and_worker_and_only_active_states() {
        let mut b = Binder::starting_at(2);
        let grant = PartnerGrant {
            partner_id: OrganisatieId(Uuid::from_u128(3)),
            medewerker_id: Some(GebruikerId(Uuid::from_u128(4))),
        };
        let sql = person_condition(PersonScope::Verwijzingen(grant), "p", &mut |u| b.bind(u))
            .expect("scope");
        assert_eq!(
            sql,
            "p.id IN (SELECT v.persoon_id FROM verwijzingen v WHERE v.partner_id = $2 \
             AND v.status IN ('geaccepteerd', 'gestart') AND v.medewerker_id = $3)"
        );
        assert_eq!(b.values, vec![Uuid::from_u128(3), Uuid::from_u128(4)]);
        assert!(person_condition(PersonScope::Nothing, "p", &mut |u| b.bind(u)).is_none());
    }
}
