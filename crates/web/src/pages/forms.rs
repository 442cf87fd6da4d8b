//! Form fields as the templates show them: label, value, hint, the error next to the field and the
//! error summary at the top (GOV.UK / NL Design System pattern).

use wegwijs_domain::validation::ValidationErrors;

/// The hint under every date field; `validation::DateError` speaks the same format.
pub const DATE_HINT: &str = "Dag-maand-jaar, bijvoorbeeld 15-01-2025";

pub struct SelectOption {
    pub value: String,
    pub label: String,
    pub selected: bool,
}

pub struct FieldView {
    pub name: &'static str,
    pub label: &'static str,
    pub hint: Option<&'static str>,
    /// text, date, email, tel or select
    pub input_type: &'static str,
    pub value: String,
    pub options: Vec<SelectOption>,
    pub error: Option<String>,
    pub required: bool,
    pub maxlength: usize,
    pub autocomplete: &'static str,
    pub inputmode: &'static str,
}

impl FieldView {
    pub fn text(
        name: &'static str,
        label: &'static str,
        value: Option<&String>,
        maxlength: usize,
    ) -> FieldView {
        FieldView {
            name,
            label,
            hint: None,
            input_type: "text",
            value: value.cloned().unwrap_or_default(),
            options: Vec::new(),
            error: None,
            required: false,
            maxlength,
            autocomplete: "off",
            inputmode: "",
        }
    }

    /// A date as case workers type it: a text field with the dag-maand-jaar hint. Not `type="date"`:
    /// its picker shows the browser's locale (mm/dd/yyyy in an English browser), so no fixed hint can
    /// match it, and for birth dates typing is quicker than paging back decades. A stored date
    /// (jjjj-mm-dd) is shown as dd-mm-jjjj; what the user typed is shown as typed.
    pub fn date(name: &'static str, label: &'static str, value: Option<&String>) -> FieldView {
        let shown = value.map(|v| {
            chrono::NaiveDate::parse_from_str(v.trim(), "%Y-%m-%d")
                .map(|d| d.format("%d-%m-%Y").to_string())
                .unwrap_or_else(|_| v.clone())
        });
        FieldView {
            hint: Some(DATE_HINT),
            inputmode: "",
            ..FieldView::text(name, label, shown.as_ref(), 10)
        }
    }

    /// A select whose first option is the explicit "onbekend / nog niet gevraagd".
    pub fn select(
        name: &'static str,
        label: &'static str,
        value: Option<&String>,
        choices: impl IntoIterator<Item = (&'static str, &'static str)>,
    ) -> FieldView {
        let current = value.cloned().unwrap_or_default();
        let mut options = vec![SelectOption {
            value: String::new(),
            label: "Onbekend / nog niet gevraagd".into(),
            selected: current.is_empty(),
        }];
        options.extend(choices.into_iter().map(|(code, label)| SelectOption {
            value: code.into(),
            label: label.into(),
            selected: current == code,
        }));
        FieldView {
            input_type: "select",
            options,
            ..FieldView::text(name, label, value, 0)
        }
    }

    pub fn yes_no(name: &'static str, label: &'static str, value: Option<&String>) -> FieldView {
        let normalised = value.map(|v| match v.as_str() {
            "true" => "ja".to_string(),
            "false" => "nee".to_string(),
            other => other.to_string(),
        });
        FieldView::select(
            name,
            label,
            normalised.as_ref(),
            [("ja", "Ja"), ("nee", "Nee")],
        )
    }

    pub fn required(mut self) -> Self {
        self.required = true;
        self
    }

    pub fn hint(mut self, hint: &'static str) -> Self {
        self.hint = Some(hint);
        self
    }

    pub fn kind(
        mut self,
        input_type: &'static str,
        autocomplete: &'static str,
        inputmode: &'static str,
    ) -> Self {
        self.input_type = input_type;
        self.autocomplete = autocomplete;
        self.inputmode = inputmode;
        self
    }

    pub fn is_select(&self) -> bool {
        self.input_type == "select"
    }

    pub fn error_id(&self) -> String {
        format!("{}-fout", self.name)
    }

    pub fn hint_id(&self) -> String {
        format!("{}-hint", self.name)
    }

    /// The ids the input's aria-describedby names: hint first, then the error.
    pub fn describedby(&self) -> String {
        let mut ids = Vec::new();
        if self.hint.is_some() {
            ids.push(self.hint_id());
        }
        if self.error.is_some() {
            ids.push(self.error_id());
        }
        ids.join(" ")
    }
}

pub struct Fieldset {
    pub legend: &'static str,
    pub fields: Vec<FieldView>,
}

/// One entry of the error summary: a link to the field, saying which field ("Geslachtsnaam: dit veld
/// is verplicht."), since the summary is read apart from the form.
pub struct SummaryItem {
    pub field: String,
    pub message: String,
}

/// "Geslachtsnaam: dit veld is verplicht." from the label and the field's own message. The message's
/// first letter is lowered unless it starts an abbreviation ("BSN", "DUO").
pub fn summary_text(label: &str, message: &str) -> String {
    let mut chars = message.chars();
    let lowered = match (chars.next(), chars.next()) {
        (Some(first), Some(second)) if first.is_uppercase() && !second.is_uppercase() => first
            .to_lowercase()
            .chain(message.chars().skip(1))
            .collect(),
        _ => message.to_string(),
    };
    format!("{label}: {lowered}")
}

/// Puts each error next to its field and returns the summary, in form order; errors for fields the form
/// does not show (should not happen) still appear in the summary.
pub fn attach_errors(fieldsets: &mut [Fieldset], errors: &ValidationErrors) -> Vec<SummaryItem> {
    let mut summary = Vec::new();
    for fs in fieldsets.iter_mut() {
        for f in fs.fields.iter_mut() {
            if let Some(e) = errors.for_field(f.name) {
                f.error = Some(e.message.clone());
                summary.push(SummaryItem {
                    field: f.name.to_string(),
                    message: summary_text(f.label, &e.message),
                });
            }
        }
    }
    for e in &errors.0 {
        if !summary.iter().any(|s| s.field == e.field) {
            // Never the field code: a label from the record description, or the message alone.
            let message = match wegwijs_domain::person::field_label(e.field) {
                Some(label) => summary_text(label, &e.message),
                None => e.message.clone(),
            };
            summary.push(SummaryItem {
                field: e.field.to_string(),
                message,
            });
        }
    }
    summary
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_summary_names_the_field() {
        assert_eq!(
            summary_text("Geslachtsnaam", "Dit veld is verplicht."),
            "Geslachtsnaam: dit veld is verplicht."
        );
        assert_eq!(
            summary_text("BSN", "BSN moet 9 cijfers hebben."),
            "BSN: BSN moet 9 cijfers hebben."
        );
    }

    #[test]
    fn stored_dates_are_shown_as_typed_by_case_workers() {
        let stored = "2025-01-15".to_string();
        assert_eq!(FieldView::date("d", "D", Some(&stored)).value, "15-01-2025");
        let typed = "15-1-2025".to_string();
        assert_eq!(FieldView::date("d", "D", Some(&typed)).value, "15-1-2025");
        assert_eq!(FieldView::date("d", "D", None).input_type, "text");
    }
}
