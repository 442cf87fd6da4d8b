//! The shape shared by every code list (geslacht, doelgroep, rol, audit-actie, ...).
//!
//! A code is the stable snake_case word stored in the database and used in the API; a label is the
//! Dutch text shown to people. Keeping both in one macro means a new value cannot get a code without
//! a label, and the serde form can never drift from what the database stores.

/// Implemented by every enum made with `code_enum!`, so the person parser can handle any code list
/// generically (one "unknown value" message that lists the allowed codes).
pub(crate) trait Coded: Sized + Copy + 'static {
    /// All codes, in declaration order.
    const CODES: &'static [&'static str];
    fn from_code(code: &str) -> Option<Self>;
}

/// `code_enum! { /// doc \n pub enum Name { Variant = "code", "Label", ... } }`
macro_rules! code_enum {
    (
        $(#[$meta:meta])*
        pub enum $name:ident {
            $( $(#[$vmeta:meta])* $variant:ident = $code:literal, $label:literal ),+ $(,)?
        }
    ) => {
        $(#[$meta])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
        pub enum $name {
            $( $(#[$vmeta])* $variant ),+
        }

        impl $name {
            /// Every value, in the order the UI lists them.
            pub const ALL: &'static [Self] = &[$(Self::$variant),+];
            /// Every code, in the same order as [`Self::ALL`].
            pub const CODES: &'static [&'static str] = &[$($code),+];
            /// (code, label) for every value, in the same order: the choices of a form field.
            pub const CHOICES: &'static [(&'static str, &'static str)] = &[$(($code, $label)),+];

            /// Stable code, stored in the database and used in the API.
            pub fn code(self) -> &'static str {
                match self {
                    $(Self::$variant => $code),+
                }
            }

            /// The value for an exact code; `None` for anything else.
            pub fn parse(code: &str) -> Option<Self> {
                match code {
                    $($code => Some(Self::$variant),)+
                    _ => None,
                }
            }

            /// Dutch label for the UI.
            pub fn label(self) -> &'static str {
                match self {
                    $(Self::$variant => $label),+
                }
            }
        }

        impl $crate::code_enum::Coded for $name {
            const CODES: &'static [&'static str] = $name::CODES;
            fn from_code(code: &str) -> Option<Self> {
                Self::parse(code)
            }
        }

        impl serde::Serialize for $name {
            fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
                s.serialize_str(self.code())
            }
        }

        impl<'de> serde::Deserialize<'de> for $name {
            fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
                let code = <String as serde::Deserialize>::deserialize(d)?;
                Self::parse(&code)
                    .ok_or_else(|| serde::de::Error::unknown_variant(&code, Self::CODES))
            }
        }
    };
}

#[cfg(test)]
mod tests {
    use serde::Deserialize;
    use serde::de::IntoDeserializer;
    use serde::de::value::{Error as DeError, StrDeserializer};

    code_enum! {
        /// A test list.
        pub enum Kleur {
            Rood = "rood", "Rood",
            LichtBlauw = "licht_blauw", "Lichtblauw",
        }
    }

    #[test]
    fn code_parse_and_label_agree_for_every_value() {
        for k in Kleur::ALL {
            assert_eq!(Kleur::parse(k.code()), Some(*k));
        }
        assert_eq!(Kleur::CODES, &["rood", "licht_blauw"]);
        assert_eq!(
            Kleur::CHOICES,
            &[("rood", "Rood"), ("licht_blauw", "Lichtblauw")]
        );
        assert_eq!(Kleur::LichtBlauw.label(), "Lichtblauw");
        assert_eq!(Kleur::parse("Rood"), None, "codes are exact");
    }

    #[test]
    fn deserializes_from_code_and_refuses_unknown_codes() {
        let de: StrDeserializer<'_, DeError> = "licht_blauw".into_deserializer();
        assert_eq!(Kleur::deserialize(de), Ok(Kleur::LichtBlauw));
        let de: StrDeserializer<'_, DeError> = "groen".into_deserializer();
        let err = Kleur::deserialize(de).expect_err("unknown code");
        assert!(
            err.to_string().contains("rood"),
            "lists allowed codes: {err}"
        );
    }
}
