//! Small builders for the OpenAPI schemas the derives cannot infer: code lists as enums, text with the
//! limits the server enforces, and the regisseur filter. Every constraint the server checks on a value
//! on its own is stated here, so a request valid against the document is not refused for it.

use utoipa::openapi::RefOr;
use utoipa::openapi::schema::{
    KnownFormat, ObjectBuilder, OneOfBuilder, Schema, SchemaFormat, SchemaType, Type,
};

/// Characters the server refuses in any one-line text: control characters (tab and line breaks
/// included) and zero-width or direction-override characters (see `validation::has_control_chars`).
const CTRL: &str = r"\u0000-\u001F\u007F-\u009F\u00AD\u200B-\u200F\u202A-\u202E\u2060-\u2069\uFEFF";

/// One line of text as the server reads it: whitespace around it is trimmed, what remains has no
/// control or invisible characters. Blank is allowed (it means onbekend).
pub fn one_line() -> String {
    format!(r"^\s*(?:[^{CTRL}]*[^\s{CTRL}])?\s*$")
}

/// Like [`one_line`], with at least one visible character (a required field).
pub fn one_line_required() -> String {
    format!(r"^\s*[^{CTRL}]*[^\s{CTRL}]\s*$")
}

fn ty(t: Type, nullable: bool) -> ObjectBuilder {
    if nullable {
        ObjectBuilder::new().schema_type([t, Type::Null].into_iter().collect::<SchemaType>())
    } else {
        ObjectBuilder::new().schema_type(t)
    }
}

/// A code from a code list.
pub fn codes(codes: &[&str], nullable: bool, doc: Option<&str>) -> ObjectBuilder {
    let mut values: Vec<serde_json::Value> = codes.iter().map(|c| (*c).into()).collect();
    if nullable {
        values.push(serde_json::Value::Null);
    }
    ty(Type::String, nullable)
        .enum_values(Some(values))
        .description(doc)
}

/// Free text of at most `max` characters on one line.
pub fn text(max: usize, required: bool, nullable: bool, doc: Option<&str>) -> ObjectBuilder {
    ty(Type::String, nullable)
        .max_length(Some(max))
        .min_length(required.then_some(1))
        .pattern(Some(if required {
            one_line_required()
        } else {
            one_line()
        }))
        .description(doc)
}

/// Free text of at most `max` characters over several lines: tabs and line breaks are allowed, other
/// control and invisible characters are not (see `validation::has_control_chars(_, true)`).
pub fn multi_line(max: usize, required: bool, nullable: bool, doc: Option<&str>) -> ObjectBuilder {
    const CTRL_ML: &str = r"\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\u00AD\u200B-\u200F\u202A-\u202E\u2060-\u2069\uFEFF";
    let pattern = if required {
        format!(r"^\s*[^{CTRL_ML}]*[^\s{CTRL_ML}]\s*$")
    } else {
        format!(r"^\s*(?:[^{CTRL_ML}]*[^\s{CTRL_ML}])?\s*$")
    };
    ty(Type::String, nullable)
        .max_length(Some(max))
        .min_length(required.then_some(1))
        .pattern(Some(pattern))
        .description(doc)
}

/// Text of a fixed shape (BSN digits, postcode, ...).
pub fn pattern(pattern: &str, nullable: bool, doc: Option<&str>) -> ObjectBuilder {
    ty(Type::String, nullable)
        .pattern(Some(pattern))
        .description(doc)
}

pub fn date(nullable: bool, doc: Option<&str>) -> ObjectBuilder {
    ty(Type::String, nullable)
        .format(Some(SchemaFormat::KnownFormat(KnownFormat::Date)))
        .description(doc)
}

pub fn uuid(nullable: bool, doc: Option<&str>) -> ObjectBuilder {
    ty(Type::String, nullable)
        .format(Some(SchemaFormat::KnownFormat(KnownFormat::Uuid)))
        .description(doc)
}

pub fn boolean(nullable: bool, doc: Option<&str>) -> ObjectBuilder {
    ty(Type::Boolean, nullable).description(doc)
}

pub fn integer(min: i64, max: Option<i64>, doc: Option<&str>) -> ObjectBuilder {
    ObjectBuilder::new()
        .schema_type(Type::Integer)
        .format(Some(SchemaFormat::KnownFormat(KnownFormat::Int64)))
        .minimum(Some(min as f64))
        .maximum(max.map(|m| m as f64))
        .description(doc)
}

// Query parameter schemas, for `#[param(schema_with = ...)]`.

pub fn doelgroep_param() -> RefOr<Schema> {
    codes(wegwijs_domain::person::Doelgroep::CODES, false, None).into()
}

/// `lopend` or `alle` (the referrals list).
pub fn verwijzing_status_param() -> RefOr<Schema> {
    codes(&["lopend", "alle"], false, None).into()
}

pub fn sorteer_param() -> RefOr<Schema> {
    codes(&["naam", "geboortedatum", "koppeling"], false, None).into()
}

/// `mij`, `alle`, `geen` (the caseload's codes) or a regisseur's id.
pub fn regisseur_param() -> RefOr<Schema> {
    OneOfBuilder::new()
        .item(codes(
            wegwijs_app::list_filters::REGISSEUR_CODES,
            false,
            None,
        ))
        .item(uuid(false, None))
        .into()
}

pub fn zoek_param() -> RefOr<Schema> {
    text(wegwijs_domain::validation::SEARCH_MAX, false, false, None).into()
}

pub fn pagina_param() -> RefOr<Schema> {
    integer(1, Some(wegwijs_domain::validation::MAX_PAGE), None).into()
}

pub fn pagina_grootte_param() -> RefOr<Schema> {
    integer(1, Some(200), None).into()
}

/// A cursor from a `next` or `prev` link: hexadecimal text.
pub fn cursor_param() -> RefOr<Schema> {
    ty(Type::String, false)
        .pattern(Some("^([0-9a-f]{2}){1,2048}$"))
        .into()
}
