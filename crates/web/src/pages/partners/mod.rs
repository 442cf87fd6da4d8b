//! Pages of the chain-partner work (issue 8): the referrals work list, one referral with its steps and
//! attendance, referring a person, a partner's view of a person, and contact moments. Every form is a
//! plain HTML form; a refused form comes back (422) with the input kept and the errors at the fields.

pub mod contact;
pub mod dossier;
pub mod verwijzen;
pub mod verwijzing;
pub mod werklijst;

use wegwijs_domain::validation::ValidationErrors;

use crate::pages::forms::summary_text;
use crate::pages::progress::view::Formulier;

pub(crate) type Pairs = Vec<(String, String)>;

pub(crate) fn get(pairs: &Pairs, key: &str) -> String {
    pairs
        .iter()
        .find(|(k, _)| k == key)
        .map(|(_, v)| v.clone())
        .unwrap_or_default()
}

pub(crate) fn all(pairs: &Pairs, key: &str) -> Vec<String> {
    pairs
        .iter()
        .filter(|(k, _)| k == key)
        .map(|(_, v)| v.clone())
        .collect()
}

pub(crate) fn checked(pairs: &Pairs, key: &str) -> bool {
    pairs.iter().any(|(k, v)| k == key && !v.is_empty())
}

/// The error summary's lines for a refused form: (field id, "Label: message").
pub(crate) fn fouten(
    formulieren: &[Formulier],
    form: &str,
    errors: &ValidationErrors,
) -> Vec<(String, String)> {
    let f = formulieren.iter().find(|f| f.id == form);
    errors
        .iter()
        .map(
            |e| match f.and_then(|f| f.velden.iter().find(|v| v.api == e.field)) {
                Some(v) => (v.id.clone(), summary_text(&v.label, &e.message)),
                None => (format!("{form}-{}", e.field), e.message.clone()),
            },
        )
        .collect()
}

/// "2,5 uur" from hundredths of an hour.
pub(crate) fn uren(honderdsten: i32) -> String {
    let h = honderdsten / 100;
    match honderdsten % 100 {
        0 => format!("{h} uur"),
        r if r % 10 == 0 => format!("{h},{} uur", r / 10),
        r => format!("{h},{r:02} uur"),
    }
}
