//! Reading what clients send in form bodies, query strings and JSON bodies: strictly, and with Dutch
//! errors that name the field or position but never echo the value (values can be personal data, and
//! these errors reach logs and pages).
//!
//! Strict means: every percent-decoded key and value must be UTF-8 (serde_urlencoded would otherwise
//! replace bad bytes with U+FFFD and carry on). Form bodies must also be free of control characters
//! other than tab, CR and LF: no browser field produces them. Those three stay for multi-line fields;
//! single-line fields refuse them in their own validator, with the message next to the field. Query
//! strings skip that blanket check so that a search box can show its own message next to the field;
//! every text parameter of a query is validated (`search_term`) or parsed into a code by its handler.

use axum::http::{HeaderMap, header};
use serde::de::DeserializeOwned;

/// Why a request's input could not be read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum InputError {
    WrongContentType,
    NotUtf8,
    ControlCharacters { field: String },
    Missing { field: String },
    Invalid { field: String },
}

impl InputError {
    /// For the person at the screen (pages) and for the API's `detail`.
    pub fn message(&self) -> String {
        match self {
            InputError::WrongContentType => {
                "Dit formulier is niet als formulier verstuurd (Content-Type moet application/x-www-form-urlencoded zijn).".into()
            }
            InputError::NotUtf8 => {
                "De invoer bevat tekens die geen geldige UTF-8 zijn. Typ de tekst opnieuw en probeer het nog eens.".into()
            }
            InputError::ControlCharacters { field } => format!(
                "Het veld {field} bevat stuurtekens (zoals een nul-teken) die hier niet zijn toegestaan."
            ),
            InputError::Missing { field } => format!("Het veld {field} ontbreekt."),
            InputError::Invalid { field } => format!("Het veld {field} heeft een ongeldige waarde."),
        }
    }
}

/// A field name as it may appear in a message: our own names are short and plain; anything else the
/// client made up is not repeated.
pub fn shown_field(name: &str) -> String {
    let plain = name.len() <= 60
        && !name.is_empty()
        && name
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || matches!(c, '_' | '.' | '[' | ']'));
    if plain {
        format!("\u{201c}{name}\u{201d}")
    } else {
        "(onbekend veld)".into()
    }
}

/// Control characters other than tab, CR and LF: never typed into a browser field.
pub fn has_forbidden_control(s: &str) -> bool {
    s.chars()
        .any(|c| c.is_control() && !matches!(c, '\t' | '\r' | '\n'))
}

fn decode(part: &[u8]) -> Result<String, InputError> {
    let spaced: Vec<u8> = part
        .iter()
        .map(|b| if *b == b'+' { b' ' } else { *b })
        .collect();
    let bytes: Vec<u8> = percent_encoding::percent_decode(&spaced).collect();
    String::from_utf8(bytes).map_err(|_| InputError::NotUtf8)
}

/// Checks every pair of an `application/x-www-form-urlencoded` text (a form body or a query string).
fn check_pairs(raw: &[u8], refuse_controls: bool) -> Result<(), InputError> {
    for pair in raw.split(|b| *b == b'&').filter(|p| !p.is_empty()) {
        let (k, v) = match pair.iter().position(|b| *b == b'=') {
            Some(i) => (&pair[..i], &pair[i + 1..]),
            None => (pair, &[][..]),
        };
        let (key, value) = (decode(k)?, decode(v)?);
        if refuse_controls && (has_forbidden_control(&key) || has_forbidden_control(&value)) {
            return Err(InputError::ControlCharacters {
                field: shown_field(&key),
            });
        }
    }
    Ok(())
}

/// Deserialises a form body strictly: UTF-8, no control characters but tab, CR and LF.
pub fn from_form<T: DeserializeOwned>(raw: &[u8]) -> Result<T, InputError> {
    check_pairs(raw, true)?;
    deserialize(raw)
}

/// Deserialises a query string strictly: UTF-8 (text parameters are checked by their handler).
pub fn from_query<T: DeserializeOwned>(raw: &[u8]) -> Result<T, InputError> {
    check_pairs(raw, false)?;
    deserialize(raw)
}

/// Why the API could not read a query string: bytes that are no text, or one parameter (named by
/// `path`) that does not fit. `message` is serde's text, which may quote the value: callers classify
/// it (`api::problem::field_problem`) and never show it.
#[derive(Debug)]
pub enum QueryError {
    Input(InputError),
    Field { path: String, message: String },
}

/// Like [`from_query`], keeping which parameter failed and why, for the API's `invalidParams`.
pub fn from_query_detailed<T: DeserializeOwned>(raw: &[u8]) -> Result<T, QueryError> {
    check_pairs(raw, false).map_err(QueryError::Input)?;
    let de = serde_urlencoded::Deserializer::new(form_urlencoded::parse(raw));
    serde_path_to_error::deserialize(de).map_err(|e| QueryError::Field {
        path: e.path().to_string(),
        message: e.inner().to_string(),
    })
}

fn deserialize<T: DeserializeOwned>(raw: &[u8]) -> Result<T, InputError> {
    let de = serde_urlencoded::Deserializer::new(form_urlencoded::parse(raw));
    serde_path_to_error::deserialize(de).map_err(|e| {
        let inner = e.inner().to_string();
        // serde's "missing field `x`" names one of our own fields, never a value.
        match inner
            .strip_prefix("missing field `")
            .and_then(|r| r.strip_suffix('`'))
        {
            Some(field) => InputError::Missing {
                field: shown_field(field),
            },
            None => InputError::Invalid {
                field: shown_field(&e.path().to_string()),
            },
        }
    })
}

/// True when the request says its body is a urlencoded form (parameters such as a charset allowed).
pub fn is_form_content_type(headers: &HeaderMap) -> bool {
    headers
        .get(header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.split(';').next())
        .is_some_and(|essence| {
            essence
                .trim()
                .eq_ignore_ascii_case("application/x-www-form-urlencoded")
        })
}

/// Describes a JSON body that did not deserialise: where (field path, line and column), and what kind
/// of problem, without serde_json's text (which quotes the submitted value).
pub fn json_problem(path: &str, e: &serde_json::Error) -> String {
    let at = format!("regel {}, kolom {}", e.line(), e.column());
    match e.classify() {
        serde_json::error::Category::Syntax | serde_json::error::Category::Eof => {
            format!("De JSON is niet geldig ({at}).")
        }
        serde_json::error::Category::Io => "Het verzoek kon niet worden gelezen.".into(),
        serde_json::error::Category::Data => {
            let text = e.to_string();
            let missing = text
                .strip_prefix("missing field `")
                .and_then(|r| r.split_once('`'))
                .map(|(f, _)| f);
            match missing {
                Some(field) => format!(
                    "De JSON past niet bij het schema: het veld {} ontbreekt ({at}).",
                    shown_field(field)
                ),
                // The path would end in the unknown key, which the client chose: not repeated.
                None if text.starts_with("unknown field") => {
                    format!("De JSON past niet bij het schema: een veld is onbekend ({at}).")
                }
                None => format!(
                    "De JSON past niet bij het schema: {} heeft een ongeldige waarde ({at}).",
                    shown_path(path)
                ),
            }
        }
    }
}

fn shown_path(path: &str) -> String {
    if path == "." || path.is_empty() {
        "het document".into()
    } else {
        format!("het veld {}", shown_field(path))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde::Deserialize;

    #[derive(Debug, Deserialize)]
    struct Form {
        naam: String,
        pagina: Option<u32>,
    }

    #[test]
    fn valid_forms_are_read() {
        let f: Form = from_form(b"naam=Caf%C3%A9+de+Zon&pagina=2").expect("valid");
        assert_eq!(f.naam, "Café de Zon");
        assert_eq!(f.pagina, Some(2));
        let f: Form = from_form(b"naam=regel%0Aregel%09tab").expect("tab and newline pass here");
        assert_eq!(f.naam, "regel\nregel\ttab");
    }

    #[test]
    fn invalid_utf8_and_control_characters_are_refused() {
        assert_eq!(
            from_form::<Form>(b"naam=%FF%FE").map(|_| ()),
            Err(InputError::NotUtf8)
        );
        assert_eq!(
            from_form::<Form>(b"naam=\xff").map(|_| ()),
            Err(InputError::NotUtf8)
        );
        let nul = from_form::<Form>(b"naam=a%00b").map(|_| ());
        assert!(
            matches!(nul, Err(InputError::ControlCharacters { ref field }) if field.contains("naam")),
            "{nul:?}"
        );
        assert!(from_form::<Form>(b"naam=%C2%85").is_err(), "C1 control");
        assert!(
            from_query::<Form>(b"naam=a%00b").is_ok(),
            "queries leave text checks to the handler"
        );
        assert_eq!(
            from_query::<Form>(b"naam=%FF").map(|_| ()),
            Err(InputError::NotUtf8)
        );
    }

    #[test]
    fn errors_name_the_field_without_the_value() {
        let e = from_form::<Form>(b"naam=x&pagina=geheim-123").map(|_| ());
        let msg = e.expect_err("not a number").message();
        assert!(msg.contains("pagina") && !msg.contains("geheim"), "{msg}");
        let e = from_form::<Form>(b"pagina=99999999999999999999").map(|_| ());
        assert!(matches!(e, Err(InputError::Invalid { .. })));
        let e = from_form::<Form>(b"pagina=1").map(|_| ());
        assert_eq!(
            e.expect_err("missing").message(),
            "Het veld \u{201c}naam\u{201d} ontbreekt."
        );
        assert_eq!(shown_field("geheim waarde"), "(onbekend veld)");
    }

    #[test]
    fn json_errors_do_not_quote_the_value() {
        #[derive(Debug, Deserialize)]
        #[serde(deny_unknown_fields)]
        #[expect(dead_code, reason = "only deserialised")]
        struct Body {
            versie: u32,
        }
        for (body, want) in [
            (r#"{"versie": "geheim-waarde"}"#, "versie"),
            (r#"{"versie": 1, "geheim-waarde": 2}"#, "onbekend"),
            (r#"{"versie": 1, "geheim": 2}"#, "onbekend"),
            (r#"{"vers"#, "niet geldig"),
            (r#"{}"#, "ontbreekt"),
        ] {
            let mut de = serde_json::Deserializer::from_str(body);
            let e = serde_path_to_error::deserialize::<_, Body>(&mut de).expect_err(body);
            let msg = json_problem(&e.path().to_string(), e.inner());
            assert!(
                msg.contains(want) && !msg.contains("geheim"),
                "{body}: {msg}"
            );
        }
    }
}
