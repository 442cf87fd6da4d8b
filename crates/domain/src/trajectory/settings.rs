//! The gemeente's settings for trajectory rules that are local policy or not yet verified in the
//! statute (docs/rules.md lists which rule each one belongs to). Stored in `gemeente_instellingen`;
//! no row means every value at its default.

use super::briefgegevens::BriefGegevens;
use super::codes::LeefdomeinenSet;
use crate::authz::Role;

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TrajectInstellingen {
    /// Four-eyes: someone other than the drafter decides a PIP.
    pub pip_vier_ogen: bool,
    /// Months between voortgangsgesprekken (local policy, Besluit 5.3 lid 4 sets no frequency).
    pub voortgang_interval_maanden: u32,
    /// The werkvoorraad signals "no contact" after this many days.
    pub geen_contact_dagen: u32,
    /// Duration of maatschappelijke begeleiding in months (no statutory duration, Wet 13).
    pub begeleiding_maanden: u32,
    /// MAP hour norm (Regeling inburgering, not verified: 64 by default).
    pub map_urennorm: u32,
    /// Shift a PIP deadline that ends on a weekend or holiday to the next working day (Algemene
    /// termijnenwet; applying it to Besluit 5.3 is an interpretation).
    pub termijnwet_toepassen: bool,
    pub leefdomeinen_set: LeefdomeinenSet,
    /// Roles besides the person's own regisseur with a recorded need for health data.
    pub gezondheid_rollen: Vec<Role>,
    /// Why those roles need it, as recorded by the beheerder.
    pub gezondheid_noodzaak: String,
    /// What the gemeente's letters print (address, phone, website, bezwaar address).
    pub brief: BriefGegevens,
}

impl Default for TrajectInstellingen {
    fn default() -> Self {
        TrajectInstellingen {
            pip_vier_ogen: false,
            voortgang_interval_maanden: 3,
            geen_contact_dagen: 30,
            begeleiding_maanden: 6,
            map_urennorm: 64,
            termijnwet_toepassen: true,
            leefdomeinen_set: LeefdomeinenSet::Nederweert,
            gezondheid_rollen: Vec::new(),
            gezondheid_noodzaak: String::new(),
            brief: BriefGegevens::default(),
        }
    }
}
