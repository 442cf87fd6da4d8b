//! Counters for everything that must be unique: row ids, BSNs and V-nummers.
//!
//! Ids are `Uuid::from_u128(kind << 64 | counter)`, never random or clock-based, so the same
//! `persons` + `seed` always give the same rows (and a demo dataset can be recognised by its ids).

use uuid::Uuid;
use wegwijs_domain::ids::{GebruikerId, HuishoudenId, OrganisatieId, PersonId};
use wegwijs_domain::person::{Bsn, VNummer, is_valid_bsn_digits};

/// "de30" ("demo") in the top bits marks every generated id.
const DEMO_MARK: u128 = 0xde30 << 112;
const KIND_ORGANISATIE: u128 = 1;
const KIND_GEBRUIKER: u128 = 2;
const KIND_PERSOON: u128 = 3;
const KIND_HUISHOUDEN: u128 = 4;
const KIND_TRAJECT: u128 = 5;

/// The first number tried for a demo BSN. BSNs from 990000000 upward have never been issued to
/// people: this range is set aside for test and demo use, so a demo BSN can never be a real one.
pub const FIRST_DEMO_BSN: u32 = 990_000_000;

/// Demo V-nummers are "97" followed by an 8-digit counter (10 digits, unique within the set).
const V_NUMMER_BASE: u64 = 9_700_000_000;

fn id(kind: u128, n: u64) -> Uuid {
    Uuid::from_u128(DEMO_MARK | (kind << 64) | u128::from(n))
}

/// The `k`-th trajectory row id of a person (PIP versions, goals, reviews, hours ...): made from the
/// person's own counter, so each person's trajectory is generated on its own (in parallel) and still
/// gets the same ids every time.
pub fn traject_id(persoon: PersonId, k: u16) -> Uuid {
    let person = persoon.0.as_u128() & 0xffff_ffff_ffff;
    Uuid::from_u128(DEMO_MARK | (KIND_TRAJECT << 64) | (person << 16) | u128::from(k))
}

/// Hands out the next id, BSN or V-nummer of each kind, in generation order.
#[derive(Debug, Clone)]
pub struct Sequences {
    organisaties: u64,
    gebruikers: u64,
    personen: u64,
    huishoudens: u64,
    bsn_cursor: u32,
    v_nummers: u64,
}

impl Sequences {
    pub fn new() -> Self {
        Self {
            organisaties: 0,
            gebruikers: 0,
            personen: 0,
            huishoudens: 0,
            bsn_cursor: FIRST_DEMO_BSN,
            v_nummers: 0,
        }
    }

    pub fn organisatie(&mut self) -> OrganisatieId {
        self.organisaties += 1;
        OrganisatieId(id(KIND_ORGANISATIE, self.organisaties))
    }

    pub fn gebruiker(&mut self) -> GebruikerId {
        self.gebruikers += 1;
        GebruikerId(id(KIND_GEBRUIKER, self.gebruikers))
    }

    pub fn persoon(&mut self) -> PersonId {
        self.personen += 1;
        PersonId(id(KIND_PERSOON, self.personen))
    }

    pub fn huishouden(&mut self) -> HuishoudenId {
        self.huishoudens += 1;
        HuishoudenId(id(KIND_HUISHOUDEN, self.huishoudens))
    }

    /// The next number from [`FIRST_DEMO_BSN`] upward that passes the elfproef. `None` only after
    /// the ~909,000 valid numbers of the range are used up, so such a person simply has no BSN yet.
    pub fn bsn(&mut self) -> Option<Bsn> {
        while self.bsn_cursor < 1_000_000_000 {
            let n = self.bsn_cursor;
            self.bsn_cursor += 1;
            if is_valid_bsn_digits(n) {
                return Bsn::parse(&format!("{n:09}")).ok();
            }
        }
        None
    }

    pub fn v_nummer(&mut self) -> Option<VNummer> {
        self.v_nummers += 1;
        let n = V_NUMMER_BASE + self.v_nummers % 100_000_000;
        VNummer::parse(&n.to_string()).ok()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_are_distinct_per_kind_and_marked() {
        let mut s = Sequences::new();
        let o = s.organisatie().0;
        let g = s.gebruiker().0;
        assert_ne!(o, g);
        assert_eq!(o.as_u128() >> 112, 0xde30);
        assert_eq!(s.persoon().0, id(KIND_PERSOON, 1));
    }

    #[test]
    fn bsns_count_up_from_the_demo_range_and_pass_the_elfproef() {
        let mut s = Sequences::new();
        let a = s.bsn().expect("first demo bsn");
        let b = s.bsn().expect("second demo bsn");
        assert!(a.as_str() >= "990000000" && a.as_str() < b.as_str());
        assert!(Bsn::parse(b.as_str()).is_ok());
    }

    #[test]
    fn v_nummers_have_ten_digits_starting_with_97() {
        let mut s = Sequences::new();
        let v = s.v_nummer().expect("v-nummer");
        assert_eq!(v.as_str(), "9700000001");
    }
}
