//! The person form's fields, grouped as a case worker thinks of them. Names are the API's property names.

use wegwijs_domain::household::Relatie;
use wegwijs_domain::person::{FIELDS, RawPerson};
use wegwijs_domain::record::{FieldDef, Input};

use crate::pages::forms::{FieldView, Fieldset};

/// The form, one fieldset per group of the field table, fields in table order.
pub fn person_fieldsets(r: &RawPerson) -> Vec<Fieldset> {
    let mut sets: Vec<Fieldset> = Vec::new();
    for (def, (_, value)) in FIELDS.iter().zip(r.fields()) {
        let view = field_view(def, value.map(str::to_owned).as_ref());
        match sets.iter_mut().find(|s| s.legend == def.group) {
            Some(set) => set.fields.push(view),
            None => sets.push(Fieldset {
                legend: def.group,
                fields: vec![view],
            }),
        }
    }
    sets
}

/// The input for one field, from its kind in the table.
fn field_view(def: &FieldDef, value: Option<&String>) -> FieldView {
    let (name, label, max) = (def.api, def.label, def.max.unwrap_or(0));
    let view = match def.input {
        Input::Text => FieldView::text(name, label, value, max),
        Input::Numeric => FieldView::text(name, label, value, max).kind("text", "off", "numeric"),
        Input::Tel => FieldView::text(name, label, value, max).kind("tel", "off", "tel"),
        Input::Email => FieldView::text(name, label, value, max).kind("email", "off", "email"),
        Input::Date => FieldView::date(name, label, value),
        Input::YesNo => FieldView::yes_no(name, label, value),
        Input::Choice(choices) => FieldView::select(name, label, value, choices.iter().copied()),
    };
    let view = if def.required { view.required() } else { view };
    match def.hint {
        Some(hint) => view.hint(hint),
        None => view,
    }
}

/// The relation choices of the household form.
pub fn relatie_choices() -> Vec<(&'static str, &'static str)> {
    Relatie::CHOICES.to_vec()
}

/// The posted person form: every field by its API name, plus the version being edited and the values
/// that version had (`basis_<name>`, hidden), so a save that collides with a colleague's can tell
/// which fields this user changed and which the colleague did.
pub struct PersonForm {
    pub raw: RawPerson,
    pub versie: Option<i64>,
    pub basis: Option<RawPerson>,
}

/// The prefix of the hidden fields holding the version the form was opened with.
pub const BASIS_PREFIX: &str = "basis_";

impl PersonForm {
    /// Reads the form's name/value pairs; unknown names are ignored (a browser sends only ours).
    pub fn from_pairs(pairs: Vec<(String, String)>) -> PersonForm {
        let mut raw = RawPerson::default();
        let mut basis = RawPerson::default();
        let mut has_basis = false;
        let mut versie = None;
        for (name, value) in pairs {
            if name == "versie" {
                versie = value.trim().parse().ok();
            } else if let Some(field) = name.strip_prefix(BASIS_PREFIX) {
                if let Some(slot) = basis.field_mut(field) {
                    *slot = Some(value);
                    has_basis = true;
                }
            } else if let Some(slot) = raw.field_mut(&name) {
                *slot = Some(value);
            }
        }
        PersonForm {
            raw,
            versie,
            basis: has_basis.then_some(basis),
        }
    }
}

/// The hidden `basis_` fields for a form opened on `r`.
pub fn basis_fields(r: &RawPerson) -> Vec<(String, String)> {
    r.fields()
        .into_iter()
        .map(|(name, v)| (format!("{BASIS_PREFIX}{name}"), v.unwrap_or("").to_string()))
        .collect()
}
