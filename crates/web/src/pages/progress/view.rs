//! The forms of the voortgang page as data: each field knows its id, label, value, error and kind,
//! so one template loop draws every form (labels, hints, errors next to the field).

use crate::pages::forms::{DATE_HINT, SelectOption};

/// One form field. `api` is the name the domain's errors use; `name` what the browser posts.
pub struct Veld {
    pub id: String,
    pub name: String,
    pub api: &'static str,
    pub label: String,
    pub hint: Option<&'static str>,
    /// text, date, number, textarea, select, checkbox, checkboxes
    pub kind: &'static str,
    pub value: String,
    pub checked: bool,
    pub options: Vec<SelectOption>,
    pub error: Option<String>,
    pub required: bool,
    /// Checkboxes show their code after the label (a code list); not when the value is an id.
    pub toon_code: bool,
}

impl Veld {
    pub fn new(form: &str, api: &'static str, label: &str, kind: &'static str) -> Veld {
        Veld {
            id: format!("{form}-{api}"),
            name: api.to_string(),
            api,
            label: label.to_string(),
            hint: (kind == "date").then_some(DATE_HINT),
            kind,
            value: String::new(),
            checked: false,
            options: Vec::new(),
            error: None,
            required: false,
            toon_code: true,
        }
    }
    /// Checkbox values are ids, not codes a user knows: show only the label.
    pub fn zonder_codes(mut self) -> Veld {
        self.toon_code = false;
        self
    }
    pub fn required(mut self) -> Veld {
        self.required = true;
        self
    }
    pub fn value(mut self, v: impl Into<String>) -> Veld {
        self.value = v.into();
        self
    }
    pub fn named(mut self, id: String, name: String) -> Veld {
        self.id = id;
        self.name = name;
        self
    }
    /// Choices with an empty first option (`leeg` its label) unless `leeg` is `None`.
    pub fn choices<'a>(
        mut self,
        leeg: Option<&str>,
        choices: impl IntoIterator<Item = (&'a str, &'a str)>,
    ) -> Veld {
        if let Some(l) = leeg {
            self.options.push(SelectOption {
                value: String::new(),
                label: l.into(),
                selected: false,
            });
        }
        self.options
            .extend(choices.into_iter().map(|(c, l)| SelectOption {
                value: c.into(),
                label: l.into(),
                selected: false,
            }));
        self
    }
    pub fn is(&self, kind: &str) -> bool {
        self.kind == kind
    }
    pub fn error_id(&self) -> String {
        format!("{}-fout", self.id)
    }
    pub fn hint_id(&self) -> String {
        format!("{}-hint", self.id)
    }
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
    /// Marks the options (select, checkboxes) that match the value(s).
    pub fn select(mut self, values: &[String]) -> Veld {
        for o in &mut self.options {
            o.selected = values.contains(&o.value);
        }
        if self.kind == "checkbox" {
            self.checked = values.iter().any(|v| !v.is_empty());
        }
        self
    }
}

/// One form of the page.
pub struct Formulier {
    pub id: &'static str,
    pub titel: &'static str,
    pub action: String,
    pub velden: Vec<Veld>,
    pub verborgen: Vec<(String, String)>,
    pub knop: &'static str,
    /// Shown unfolded: the form that was just refused.
    pub open: bool,
}
