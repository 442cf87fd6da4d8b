//! Typed identifiers, so a `PersonId` can never be passed where a `GebruikerId` is meant.
//!
//! There is deliberately no constructor that generates randomness: the caller (storage or web layer)
//! does `PersonId(Uuid::now_v7())`, which keeps this crate free of hidden clock and entropy use.

use std::fmt;
use std::str::FromStr;

use uuid::Uuid;

macro_rules! uuid_id {
    ($(#[$meta:meta])* $name:ident) => {
        $(#[$meta])*
        #[derive(
            Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, serde::Serialize, serde::Deserialize,
        )]
        #[serde(transparent)]
        pub struct $name(pub Uuid);

        impl fmt::Display for $name {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                fmt::Display::fmt(&self.0, f)
            }
        }

        impl FromStr for $name {
            type Err = uuid::Error;
            fn from_str(s: &str) -> Result<Self, Self::Err> {
                Uuid::parse_str(s).map(Self)
            }
        }

        impl From<Uuid> for $name {
            fn from(id: Uuid) -> Self {
                Self(id)
            }
        }
    };
}

uuid_id!(
    /// A person in the inburgering caseload (table `personen`).
    PersonId
);
uuid_id!(
    /// A huishouden: the family unit that DUO and the gemeente treat together.
    HuishoudenId
);
uuid_id!(
    /// A user account (medewerker of a gemeente or partner organisation).
    GebruikerId
);
uuid_id!(
    /// An organisation: a gemeente or a partner (taalschool, welzijn, ...).
    OrganisatieId
);

#[cfg(test)]
mod tests {
    use super::*;
    use serde::Deserialize;
    use serde::de::IntoDeserializer;
    use serde::de::value::{Error as DeError, StrDeserializer};

    const TEXT: &str = "0192d4e0-7b1a-7c3e-8f00-0123456789ab";

    #[test]
    fn display_and_from_str_round_trip() {
        let id: PersonId = TEXT.parse().expect("valid uuid");
        assert_eq!(id.to_string(), TEXT);
        let again: PersonId = id.to_string().parse().expect("round trip");
        assert_eq!(again, id);
    }

    #[test]
    fn from_str_refuses_garbage() {
        assert!("geen-uuid".parse::<GebruikerId>().is_err());
        assert!("".parse::<OrganisatieId>().is_err());
    }

    #[test]
    fn deserializes_transparently_from_a_uuid_string() {
        let de: StrDeserializer<'_, DeError> = TEXT.into_deserializer();
        let id = HuishoudenId::deserialize(de).expect("transparent uuid");
        assert_eq!(id.0, Uuid::parse_str(TEXT).expect("valid uuid"));
    }

    #[test]
    fn ordering_follows_the_uuid_so_v7_ids_sort_by_creation() {
        let a = OrganisatieId(Uuid::from_u128(1));
        let b = OrganisatieId(Uuid::from_u128(2));
        assert!(a < b);
    }
}
