//! A save that collided with a colleague's: which fields each changed, what the form should hold
//! next, and the values as the form and the dossier show them.
//!
//! The rule: a field only the colleague changed takes the colleague's value in the re-shown form; a
//! field this user changed keeps the user's input (and is listed when the colleague changed it too).
//! So saving the re-shown form never blanks or reverts what the colleague saved.

use wegwijs_domain::person::{FIELDS, RawPerson};
use wegwijs_domain::record::{FieldDef, Input};
use wegwijs_domain::validation::parse_date;

use crate::pages::datum;

/// One line of the conflict table.
pub struct ConflictRow {
    pub label: &'static str,
    /// The value saved by the colleague, as the dossier shows it.
    pub theirs: String,
    /// This user's input, shown the same way; `None` when the user left the field as the form was
    /// opened (showing that old value as "your input" made an untouched field look like a clash).
    pub mine: Option<String>,
    /// Which of the two the re-shown form holds.
    pub kept: &'static str,
}

/// A value as people read it: dates in words, yes/no, a code by its label; "(leeg)" for nothing.
/// Input that does not parse (a half-typed date) is shown as typed.
pub fn shown(def: &FieldDef, v: Option<&str>) -> String {
    let Some(v) = v.map(str::trim).filter(|s| !s.is_empty()) else {
        return "(leeg)".into();
    };
    match def.input {
        Input::Date => parse_date(v)
            .map(|d| datum(Some(d)))
            .unwrap_or_else(|_| v.to_string()),
        Input::YesNo => match v {
            "ja" | "true" => "Ja".into(),
            "nee" | "false" => "Nee".into(),
            other => other.to_string(),
        },
        Input::Choice(choices) => choices
            .iter()
            .find(|(code, _)| *code == v)
            .map(|(_, label)| (*label).to_string())
            .unwrap_or_else(|| v.to_string()),
        _ => v.to_string(),
    }
}

/// A value in one form for comparing: "15-01-2025" and "2025-01-15" are the same date, "true" and
/// "ja" the same answer, blank the same as unknown.
fn normalised(def: &FieldDef, v: Option<&str>) -> Option<String> {
    let v = v.map(str::trim).filter(|s| !s.is_empty())?;
    Some(match def.input {
        Input::Date => parse_date(v)
            .map(|d| d.to_string())
            .unwrap_or_else(|_| v.to_string()),
        Input::YesNo => match v {
            "true" => "ja".into(),
            "false" => "nee".into(),
            other => other.to_string(),
        },
        _ => v.to_string(),
    })
}

/// The form to show after a collision and the rows that explain it. `basis` is the version the user
/// opened (from the form's hidden fields); without it every field keeps the user's input.
pub fn merge(
    basis: Option<&RawPerson>,
    theirs: &RawPerson,
    mine: &RawPerson,
) -> (RawPerson, Vec<ConflictRow>) {
    let mut merged = mine.clone();
    let mut rows = Vec::new();
    let empty = RawPerson::default();
    let base_fields = basis.unwrap_or(&empty).fields();
    for (((def, (name, t)), (_, m)), (_, b)) in FIELDS
        .iter()
        .zip(theirs.fields())
        .zip(mine.fields())
        .zip(base_fields)
    {
        let (tn, mn, bn) = (normalised(def, t), normalised(def, m), normalised(def, b));
        if tn == mn {
            continue;
        }
        let mine_changed = basis.is_none() || mn != bn;
        let theirs_changed = basis.is_none() || tn != bn;
        if !mine_changed && let Some(slot) = merged.field_mut(name) {
            *slot = t.map(str::to_string);
        }
        if theirs_changed {
            rows.push(ConflictRow {
                label: def.label,
                theirs: shown(def, t),
                mine: mine_changed.then(|| shown(def, m)),
                kept: if mine_changed {
                    "uw invoer"
                } else {
                    "de opgeslagen waarde"
                },
            });
        }
    }
    (merged, rows)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn raw(pairs: &[(&str, &str)]) -> RawPerson {
        let mut r = RawPerson::default();
        for (k, v) in pairs {
            if let Some(slot) = r.field_mut(k) {
                *slot = Some((*v).to_string());
            }
        }
        r
    }

    #[test]
    fn a_colleagues_change_is_kept_and_mine_too() {
        let basis = raw(&[("voornamen", "Amal"), ("geslachtsnaam", "Haddad")]);
        let theirs = raw(&[
            ("voornamen", "Amal"),
            ("geslachtsnaam", "Haddad"),
            ("tolkNodig", "true"),
            ("tolkTaal", "Arabisch"),
            ("geboortedatum", "2025-01-15"),
        ]);
        let mine = raw(&[
            ("voornamen", "Amal Noor"),
            ("geslachtsnaam", "Haddad"),
            ("tolkNodig", ""),
            ("tolkTaal", ""),
            ("geboortedatum", "15-01-2025"),
        ]);
        let (merged, rows) = merge(Some(&basis), &theirs, &mine);
        assert_eq!(merged.voornamen.as_deref(), Some("Amal Noor"));
        assert_eq!(merged.tolk_taal.as_deref(), Some("Arabisch"));
        assert_eq!(merged.tolk_nodig.as_deref(), Some("true"));
        // The same date typed two ways is no difference.
        let labels: Vec<_> = rows.iter().map(|r| r.label).collect();
        assert_eq!(labels, ["Tolk nodig", "Taal van de tolk"]);
        assert_eq!(rows[0].theirs, "Ja");
        assert_eq!(rows[0].kept, "de opgeslagen waarde");
        assert_eq!(rows[0].mine, None, "the user never touched it");
    }

    #[test]
    fn only_input_the_user_changed_is_shown_as_theirs() {
        let basis = raw(&[("talen", "Koerdisch"), ("woonplaats", "Weert")]);
        let theirs = raw(&[("talen", "Tigrinya"), ("woonplaats", "Weert")]);
        let mine = raw(&[("talen", "Koerdisch"), ("woonplaats", "Stramproy")]);
        let (merged, rows) = merge(Some(&basis), &theirs, &mine);
        assert_eq!(merged.talen.as_deref(), Some("Tigrinya"));
        assert_eq!(merged.woonplaats.as_deref(), Some("Stramproy"));
        assert_eq!(rows.len(), 1);
        assert_eq!(rows[0].mine, None);
        // Both changed the same field: the user's input is shown and kept.
        let mine = raw(&[("talen", "Arabisch"), ("woonplaats", "Weert")]);
        let (_, rows) = merge(Some(&basis), &theirs, &mine);
        assert_eq!(rows[0].mine.as_deref(), Some("Arabisch"));
        assert_eq!(rows[0].kept, "uw invoer");
    }

    #[test]
    fn values_read_as_on_the_dossier() {
        let def = |api: &str| *FIELDS.iter().find(|f| f.api == api).expect("field exists");
        assert_eq!(
            shown(&def("geboortedatum"), Some("2025-01-15")),
            "15 januari 2025"
        );
        assert_eq!(shown(&def("tolkNodig"), Some("false")), "Nee");
        assert_eq!(shown(&def("geslacht"), Some("vrouw")), "Vrouw");
        assert_eq!(shown(&def("talen"), Some("  ")), "(leeg)");
    }
}
