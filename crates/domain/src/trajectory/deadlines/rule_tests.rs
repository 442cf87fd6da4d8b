//! The `Regel` list and docs/rules.md must agree: every implemented rule is documented.

use super::rule::Regel;

const RULES_MD: &str = include_str!("../../../../../docs/rules.md");

#[test]
fn every_regel_id_appears_in_docs_rules_md() {
    let ontbreekt: Vec<&str> = Regel::ALL
        .iter()
        .map(|r| r.id())
        .filter(|id| !RULES_MD.contains(&format!("| {id} ")))
        .collect();
    assert!(ontbreekt.is_empty(), "not in docs/rules.md: {ontbreekt:?}");
}

#[test]
fn regel_ids_are_unique_and_every_rule_has_a_source_and_value() {
    let mut ids: Vec<&str> = Regel::ALL.iter().map(|r| r.id()).collect();
    ids.sort_unstable();
    ids.dedup();
    assert_eq!(ids.len(), Regel::ALL.len());
    for r in Regel::ALL {
        assert!(
            !r.bron().is_empty() && !r.waarde().is_empty() && !r.naam().is_empty(),
            "{r:?}"
        );
        assert!(!r.label().tekst().is_empty());
    }
}

#[test]
fn each_documented_row_names_the_same_source_as_the_code() {
    for r in Regel::ALL {
        let rij = RULES_MD
            .lines()
            .find(|l| l.starts_with(&format!("| {} ", r.id())))
            .unwrap_or_default();
        assert!(
            rij.contains(r.bron()),
            "{}: docs row does not cite {:?}",
            r.id(),
            r.bron()
        );
    }
}
