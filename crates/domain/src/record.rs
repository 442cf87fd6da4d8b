//! Records described once. A record (the person today; the brede intake and the PIP next) is a table of
//! fields, each with its Rust name, API property name, database column, Dutch label, form group, kind
//! and limits. [`define_record!`] turns that table into the raw input struct, the typed record, its
//! parser, its column form for storage and a [`FieldDef`] table; storage builds its SQL column lists from
//! the [`FieldDef`] table, and the web crate expands the same table into its DTOs (see
//! `person_fields!`). Adding a field is one line in the table (plus a migration).

use chrono::NaiveDate;

/// How a field is typed into a form; the web layer picks the HTML input from it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Input {
    Text,
    /// Digits only (BSN, V-nummer): the numeric keyboard on phones.
    Numeric,
    Tel,
    Email,
    Date,
    YesNo,
    /// A code list: (code, Dutch label) in the order the UI lists them.
    Choice(&'static [(&'static str, &'static str)]),
}

/// The database type of a field's column.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Stored {
    Text,
    Date,
    Flag,
}

/// One field of a record, as every layer needs to know it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct FieldDef {
    /// The Rust field name.
    pub name: &'static str,
    /// API property name (lowerCamelCase); also the form field name and the name in error lists.
    pub api: &'static str,
    /// Database column.
    pub column: &'static str,
    /// Dutch label in overviews ("what is still onbekend", changed fields).
    pub label: &'static str,
    /// Dutch label on the form, where the fieldset gives context ("Koppeling aan de gemeente").
    pub form_label: &'static str,
    /// Legend of the fieldset (form) and title of the section (dossier) the field belongs to.
    pub group: &'static str,
    pub hint: Option<&'static str>,
    /// Description in the API document.
    pub doc: Option<&'static str>,
    pub input: Input,
    pub stored: Stored,
    /// Most characters accepted (the form's maxlength); `None` for dates, flags and code lists.
    pub max: Option<usize>,
    pub required: bool,
}

/// A field value in its column form: codes as their code, numbers as their digits.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ColumnValue {
    Text(Option<String>),
    Date(Option<NaiveDate>),
    Flag(Option<bool>),
}

/// A stored value that no longer parses (a code removed from a list, a hand-edited row): corruption,
/// not "onbekend". Names the column only, never the value (it may be a BSN).
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("kolom {column} bevat een ongeldige waarde")]
pub struct CorruptColumn {
    pub column: &'static str,
}

/// Per-kind pieces used by [`define_record!`]. A kind is one of
/// `Text(max)`, `RequiredText(max)`, `BirthDate`, `KeyDate`, `Flag`, `Code(Type)`,
/// `Parsed(Type, max, Input)` (a type with `parse(&str) -> Result` and `as_str()`) and
/// `Checked(problem_fn, max, Input)` (free text checked by a function returning (code, message)).
#[doc(hidden)]
#[macro_export]
macro_rules! __record_kind {
    // The typed field.
    (ty RequiredText($max:expr)) => { String };
    (ty Text($max:expr)) => { Option<String> };
    (ty Checked($f:path, $max:expr, $input:ident)) => { Option<String> };
    (ty BirthDate) => { Option<chrono::NaiveDate> };
    (ty KeyDate) => { Option<chrono::NaiveDate> };
    (ty Flag) => { Option<bool> };
    (ty Code($t:ty)) => { Option<$t> };
    (ty Parsed($t:ty, $max:expr, $input:ident)) => { Option<$t> };

    // The column form (also the API's output form).
    (column_ty RequiredText($max:expr)) => { String };
    (column_ty BirthDate) => { Option<chrono::NaiveDate> };
    (column_ty KeyDate) => { Option<chrono::NaiveDate> };
    (column_ty Flag) => { Option<bool> };
    (column_ty $($other:tt)*) => { Option<String> };

    (stored BirthDate) => { $crate::record::Stored::Date };
    (stored KeyDate) => { $crate::record::Stored::Date };
    (stored Flag) => { $crate::record::Stored::Flag };
    (stored $($other:tt)*) => { $crate::record::Stored::Text };

    (input Code($t:ty)) => { $crate::record::Input::Choice(<$t>::CHOICES) };
    (input Parsed($t:ty, $max:expr, $input:ident)) => { $crate::record::Input::$input };
    (input Checked($f:path, $max:expr, $input:ident)) => { $crate::record::Input::$input };
    (input BirthDate) => { $crate::record::Input::Date };
    (input KeyDate) => { $crate::record::Input::Date };
    (input Flag) => { $crate::record::Input::YesNo };
    (input $($other:tt)*) => { $crate::record::Input::Text };

    (max RequiredText($max:expr)) => { Some($max) };
    (max Text($max:expr)) => { Some($max) };
    (max Parsed($t:ty, $max:expr, $input:ident)) => { Some($max) };
    (max Checked($f:path, $max:expr, $input:ident)) => { Some($max) };
    (max $($other:tt)*) => { None };

    (required RequiredText($max:expr)) => { true };
    (required $($other:tt)*) => { false };
}

/// `first_or!(a ; b)` is `a`, `first_or!(; b)` is `b`: an optional table entry with a default.
#[doc(hidden)]
#[macro_export]
macro_rules! __first_or {
    ($a:literal ; $b:literal) => {
        $a
    };
    (; $b:literal) => {
        $b
    };
}

#[doc(hidden)]
#[macro_export]
macro_rules! __opt {
    ($a:literal) => {
        Some($a)
    };
    () => {
        None
    };
}

/// Per-kind conversions inside the domain (parse, to raw, to and from the column form).
macro_rules! kind_fn {
    (parse $p:ident, $api:literal, $raw:expr, RequiredText($max:expr)) => {
        $p.required_text($api, $raw, $max)
    };
    (parse $p:ident, $api:literal, $raw:expr, Text($max:expr)) => {
        $p.text($api, $raw, $max)
    };
    (parse $p:ident, $api:literal, $raw:expr, Checked($f:path, $max:expr, $input:ident)) => {
        $p.checked($api, $raw, $f)
    };
    (parse $p:ident, $api:literal, $raw:expr, BirthDate) => {
        $p.birth_date($api, $raw)
    };
    (parse $p:ident, $api:literal, $raw:expr, KeyDate) => {
        $p.key_date($api, $raw)
    };
    (parse $p:ident, $api:literal, $raw:expr, Flag) => {
        $p.flag($api, $raw)
    };
    (parse $p:ident, $api:literal, $raw:expr, Code($t:ty)) => {
        $p.code::<$t>($api, $raw)
    };
    (parse $p:ident, $api:literal, $raw:expr, Parsed($t:ty, $max:expr, $input:ident)) => {
        $p.parsed($api, $raw, <$t>::parse)
    };

    (to_raw $v:expr, RequiredText($max:expr)) => {
        Some($v.clone())
    };
    (to_raw $v:expr, BirthDate) => {
        $v.map(|d| d.format("%Y-%m-%d").to_string())
    };
    (to_raw $v:expr, KeyDate) => {
        $v.map(|d| d.format("%Y-%m-%d").to_string())
    };
    (to_raw $v:expr, Flag) => {
        $v.map(|b| if b { "ja" } else { "nee" }.to_owned())
    };
    (to_raw $v:expr, Code($t:ty)) => {
        $v.map(|c| c.code().to_owned())
    };
    (to_raw $v:expr, Parsed($t:ty, $max:expr, $input:ident)) => {
        $v.as_ref().map(|x| x.as_str().to_owned())
    };
    (to_raw $v:expr, $($other:tt)*) => {
        $v.clone()
    };

    (to_column $v:expr, Code($t:ty)) => {
        $v.map(|c| c.code().to_owned())
    };
    (to_column $v:expr, Parsed($t:ty, $max:expr, $input:ident)) => {
        $v.as_ref().map(|x| x.as_str().to_owned())
    };
    (to_column $v:expr, BirthDate) => {
        $v
    };
    (to_column $v:expr, KeyDate) => {
        $v
    };
    (to_column $v:expr, Flag) => {
        $v
    };
    (to_column $v:expr, $($other:tt)*) => {
        $v.clone()
    };

    (from_column $v:expr, $col:literal, Code($t:ty)) => {
        match $v {
            None => None,
            Some(s) => Some(<$t>::parse(&s).ok_or($crate::record::CorruptColumn { column: $col })?),
        }
    };
    (from_column $v:expr, $col:literal, Parsed($t:ty, $max:expr, $input:ident)) => {
        match $v {
            None => None,
            Some(s) => {
                Some(<$t>::parse(&s).map_err(|_| $crate::record::CorruptColumn { column: $col })?)
            }
        }
    };
    (from_column $v:expr, $col:literal, $($other:tt)*) => {
        $v
    };

    (value $v:expr, BirthDate) => {
        $crate::record::ColumnValue::Date($v)
    };
    (value $v:expr, KeyDate) => {
        $crate::record::ColumnValue::Date($v)
    };
    (value $v:expr, Flag) => {
        $crate::record::ColumnValue::Flag($v)
    };
    (value $v:expr, RequiredText($max:expr)) => {
        $crate::record::ColumnValue::Text(Some($v))
    };
    (value $v:expr, $($other:tt)*) => {
        $crate::record::ColumnValue::Text($v)
    };

    (unvalue $v:expr, $col:literal, BirthDate) => {
        match $v {
            $crate::record::ColumnValue::Date(d) => d,
            _ => return Err($crate::record::CorruptColumn { column: $col }),
        }
    };
    (unvalue $v:expr, $col:literal, KeyDate) => {
        match $v {
            $crate::record::ColumnValue::Date(d) => d,
            _ => return Err($crate::record::CorruptColumn { column: $col }),
        }
    };
    (unvalue $v:expr, $col:literal, Flag) => {
        match $v {
            $crate::record::ColumnValue::Flag(b) => b,
            _ => return Err($crate::record::CorruptColumn { column: $col }),
        }
    };
    (unvalue $v:expr, $col:literal, RequiredText($max:expr)) => {
        match $v {
            $crate::record::ColumnValue::Text(Some(s)) => s,
            _ => return Err($crate::record::CorruptColumn { column: $col }),
        }
    };
    (unvalue $v:expr, $col:literal, $($other:tt)*) => {
        match $v {
            $crate::record::ColumnValue::Text(s) => s,
            _ => return Err($crate::record::CorruptColumn { column: $col }),
        }
    };
}
pub(crate) use kind_fn;

/// Generates, from one field table:
/// - `$raw`: every field as typed (`Option<String>`), with `FIELD_NAMES`, `fields()`, `field_mut()`;
/// - `$details`: the typed record, with `parse_fields` (per-field validation; cross-field rules are
///   written by hand next to it), `to_raw`, `to_columns` and `from_columns`;
/// - `$columns`: the column form, with `values()` and `from_values()` in `FIELDS` order;
/// - `$fields`: the `&[FieldDef]` table.
macro_rules! define_record {
    (
        raw $raw:ident, details $details:ident, columns $columns:ident, fields $fields:ident;
        $(
            $field:ident : $kind:ident $( ( $($arg:tt)* ) )? {
                api $api:literal, column $column:literal, label $label:literal
                $(, form $form:literal)?, group $group:literal
                $(, hint $hint:literal)? $(, doc $doc:literal)? $(,)?
            }
        ),+ $(,)?
    ) => {
        /// Every field as the user typed it; `None` or "" (after trimming) means "onbekend / niet
        /// gevraagd".
        #[derive(Clone, PartialEq, Eq, Default)]
        pub struct $raw {
            $( pub $field: Option<String>, )+
        }

        impl $raw {
            /// API property names in table order.
            pub const FIELD_NAMES: &'static [&'static str] = &[$($api),+];

            /// (API name, value) for every field, in table order.
            pub fn fields(&self) -> Vec<(&'static str, Option<&str>)> {
                vec![$( ($api, self.$field.as_deref()) ),+]
            }

            /// The value slot for an API property name, e.g. to fill from a form by name.
            pub fn field_mut(&mut self, api_name: &str) -> Option<&mut Option<String>> {
                match api_name {
                    $( $api => Some(&mut self.$field), )+
                    _ => None,
                }
            }
        }

        #[derive(Clone, PartialEq, Eq)]
        pub struct $details {
            $( pub $field: $crate::__record_kind!(ty $kind $( ( $($arg)* ) )?), )+
        }

        /// The column form of the record: what storage writes and reads, and what the API shows.
        #[derive(Clone, PartialEq, Eq)]
        pub struct $columns {
            $( pub $field: $crate::__record_kind!(column_ty $kind $( ( $($arg)* ) )?), )+
        }

        /// Every field of the record, in table order.
        pub const $fields: &[$crate::record::FieldDef] = &[$(
            $crate::record::FieldDef {
                name: stringify!($field),
                api: $api,
                column: $column,
                label: $label,
                form_label: $crate::__first_or!($($form)? ; $label),
                group: $group,
                hint: $crate::__opt!($($hint)?),
                doc: $crate::__opt!($($doc)?),
                input: $crate::__record_kind!(input $kind $( ( $($arg)* ) )?),
                stored: $crate::__record_kind!(stored $kind $( ( $($arg)* ) )?),
                max: $crate::__record_kind!(max $kind $( ( $($arg)* ) )?),
                required: $crate::__record_kind!(required $kind $( ( $($arg)* ) )?),
            },
        )+];

        impl $details {
            /// Validates every field on its own; collects the errors in `p`.
            pub(crate) fn parse_fields(
                p: &mut $crate::person::field_parser::FieldParser,
                raw: &$raw,
            ) -> $details {
                $details {
                    $( $field: $crate::record::kind_fn!(parse p, $api, &raw.$field, $kind $( ( $($arg)* ) )?), )+
                }
            }

            /// The raw form of this record, to pre-fill an edit form: dates as jjjj-mm-dd, yes/no as
            /// "ja"/"nee", code lists as their codes. Parsing the result gives this record back.
            pub fn to_raw(&self) -> $raw {
                $raw {
                    $( $field: $crate::record::kind_fn!(to_raw self.$field, $kind $( ( $($arg)* ) )?), )+
                }
            }

            pub fn to_columns(&self) -> $columns {
                $columns {
                    $( $field: $crate::record::kind_fn!(to_column self.$field, $kind $( ( $($arg)* ) )?), )+
                }
            }

            /// The record from its stored form; a value that no longer parses is corruption.
            pub fn from_columns(c: $columns) -> Result<$details, $crate::record::CorruptColumn> {
                Ok($details {
                    $( $field: $crate::record::kind_fn!(from_column c.$field, $column, $kind $( ( $($arg)* ) )?), )+
                })
            }
        }

        impl $columns {
            /// The values in `FIELDS` order, to bind after the column names.
            pub fn values(self) -> Vec<$crate::record::ColumnValue> {
                vec![$( $crate::record::kind_fn!(value self.$field, $kind $( ( $($arg)* ) )?), )+]
            }

            /// The column form from values in `FIELDS` order (as storage reads them).
            pub fn from_values(
                values: Vec<$crate::record::ColumnValue>,
            ) -> Result<$columns, $crate::record::CorruptColumn> {
                let mut it = values.into_iter();
                Ok($columns {
                    $( $field: {
                        let v = it.next().ok_or($crate::record::CorruptColumn { column: $column })?;
                        $crate::record::kind_fn!(unvalue v, $column, $kind $( ( $($arg)* ) )?)
                    }, )+
                })
            }
        }
    };
}
pub(crate) use define_record;
