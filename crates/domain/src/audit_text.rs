//! The detail text of an audit row as a person reads it on a page. The stored text keeps its machine
//! form (field codes, ids: exact, and the same in every export); the pages show field labels and
//! leave ids out, since "huishouden de300000-…" or "velden: tolkNodig" mean nothing to a privacy
//! officer answering an inzageverzoek. Old rows are shown the same way: nothing is rewritten.
//!
//! The inzage export uses the same text: another person's id (a household member's) or the fact that
//! a household member asked for their own inzage is their data, not the data subject's (AVG art.
//! 15 lid 4).

use crate::authz::Role;
use crate::person::field_label;
use uuid::Uuid;

/// The detail text for a page.
pub fn for_people(details: &str) -> String {
    let d = details.trim();
    if let Some(fields) = d.strip_prefix("velden: ") {
        let labels: Vec<&str> = fields
            .split(',')
            .map(str::trim)
            .filter(|f| !f.is_empty())
            .map(|f| field_label(f).unwrap_or("ander gegeven"))
            .collect();
        return format!("gewijzigd: {}", labels.join(", "));
    }
    // Written when a household member's inzage export named this person; which member asked is
    // theirs to know (old rows carry that member's id, new rows do not).
    if d.starts_with("huishouden in inzage-export") {
        return "gegevens getoond in een inzage-export".into();
    }
    if let Some(rest) = d.strip_prefix("huishouden van ")
        && is_uuid(rest)
    {
        return "gezien in het dossier van een lid van het huishouden".into();
    }
    if let Some((before, roles)) = d.split_once(", rollen ") {
        let labels: Vec<&str> = roles
            .split(',')
            .map(|r| Role::parse(r.trim()).map_or("onbekende rol", Role::label))
            .collect();
        return format!("{}, rollen: {}", without_ids(before), labels.join(", "));
    }
    without_ids(d)
}

fn is_uuid(s: &str) -> bool {
    Uuid::try_parse(s.trim()).is_ok()
}

/// The text with every id left out, with the words that only introduced it ("voor account <id>").
fn without_ids(s: &str) -> String {
    let mut out: Vec<String> = Vec::new();
    for w in s.split_whitespace() {
        let core = w.trim_end_matches([',', ':', ')', '.']);
        if !is_uuid(core) {
            out.push(w.to_string());
            continue;
        }
        // Keep the punctuation that followed the id (a comma between parts), drop the id.
        let tail = &w[core.len()..];
        let n = out.len();
        if n >= 2 && out[n - 1] == "account" && matches!(out[n - 2].as_str(), "voor" | "van") {
            out.truncate(n - 2);
        }
        if let Some(last) = out.last_mut() {
            let trimmed = last.trim_end_matches(':').to_string();
            *last = format!("{trimmed}{}", tail.trim_start_matches(':'));
        }
    }
    let text = out.join(" ");
    let text = text.trim_end_matches([',', ':']).trim();
    if text.is_empty() {
        "—".into()
    } else {
        text.to_string()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const ID: &str = "de300000-0000-7000-8000-000000000001";

    #[test]
    fn field_codes_become_labels() {
        assert_eq!(
            for_people("velden: tolkNodig, tolkTaal"),
            "gewijzigd: Tolk nodig, Taal van de tolk"
        );
    }

    #[test]
    fn ids_are_left_out() {
        assert_eq!(for_people(&format!("huishouden {ID}")), "huishouden");
        assert_eq!(
            for_people(&format!("huishoudenlijst, huishouden {ID}")),
            "huishoudenlijst, huishouden"
        );
        assert_eq!(
            for_people(&format!("huishouden van {ID}")),
            "gezien in het dossier van een lid van het huishouden"
        );
        assert_eq!(for_people(&format!("account {ID}")), "account");
        assert_eq!(
            for_people(&format!("account {ID}, rollen regisseur,teamleider")),
            "account, rollen: Regisseur inburgering, Teamleider"
        );
        assert_eq!(
            for_people(&format!(
                "API-sleutel ww_ab12 voor account {ID}, verloopt 2027-01-01"
            )),
            "API-sleutel ww_ab12, verloopt 2027-01-01"
        );
        assert_eq!(
            for_people(&format!("organisatie Vluchtelingenwerk (partner): {ID}")),
            "organisatie Vluchtelingenwerk (partner)"
        );
        assert_eq!(for_people("lijst pagina 2"), "lijst pagina 2");
        for old_and_new in [
            format!("huishouden in inzage-export van {ID}"),
            "huishouden in inzage-export".to_string(),
        ] {
            assert_eq!(
                for_people(&old_and_new),
                "gegevens getoond in een inzage-export"
            );
        }
        assert!(!for_people(&format!("{ID} {ID}")).contains("de300000"));
    }
}
