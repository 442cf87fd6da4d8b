//! `Debug` of the person types, by hand: ids and bookkeeping only. Names, BSNs, V-nummers, birth dates
//! and search terms are personal data and Debug output ends up in logs, panics and error texts.

use std::fmt;

use super::PersonRecord;
use super::list::{ListQuery, PersonSummary};

impl fmt::Debug for PersonRecord {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("PersonRecord")
            .field("id", &self.id)
            .field("gemeente_id", &self.gemeente_id)
            .field("regisseur_id", &self.regisseur_id)
            .field("versie", &self.versie)
            .field("details", &self.details)
            .field("huishouden_id", &self.huishouden_id)
            .finish_non_exhaustive()
    }
}

impl fmt::Debug for PersonSummary {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("PersonSummary")
            .field("id", &self.id)
            .field("gemeente_id", &self.gemeente_id)
            .field("regisseur_id", &self.regisseur_id)
            .field("versie", &self.versie)
            .finish_non_exhaustive()
    }
}

impl fmt::Debug for ListQuery {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("ListQuery")
            .field("zoek", &self.zoek.as_ref().map(|_| "***"))
            .field("doelgroep", &self.doelgroep)
            .field("regisseur", &self.regisseur)
            .field("sort", &self.sort)
            .field("pagina", &self.pagina)
            .field("per_pagina", &self.per_pagina)
            .finish_non_exhaustive()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use uuid::Uuid;

    #[test]
    fn summaries_and_queries_show_no_names_or_bsns() {
        let summary = PersonSummary {
            id: Uuid::nil(),
            gemeente_id: Uuid::nil(),
            voornamen: "Amal".into(),
            tussenvoegsel: Some("van".into()),
            geslachtsnaam: "Demouri".into(),
            bsn: Some("111222333".into()),
            v_nummer: Some("1234567890".into()),
            geboortedatum: None,
            doelgroep: None,
            datum_koppeling: None,
            regisseur_id: None,
            regisseur_naam: Some("Regisseur Rens".into()),
            versie: 1,
            zoek_achternaam: "demouri".into(),
            zoek_voornamen: "amal".into(),
            zoek_achternaam_tv: "van demouri".into(),
        };
        let query = ListQuery {
            zoek: Some("111222333".into()),
            ..ListQuery::default()
        };
        let shown = format!("{summary:?} {query:?}");
        for secret in [
            "Amal",
            "Demouri",
            "amal",
            "demouri",
            "111222333",
            "1234567890",
            "Rens",
        ] {
            assert!(!shown.contains(secret), "{secret} in {shown}");
        }
    }
}
