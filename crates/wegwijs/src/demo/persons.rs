//! One person's record: an adult inburgeraar or a child in the household.
//!
//! Facts follow from each other as in real case files: alfabetisering from schooling and the script
//! of the mother tongue, the need for a tolk from schooling, bijstand from the doelgroep and the home.
//! Each person then loses some facts at random (on average about 15%, more for some than for
//! others), so the caseload shows varied completeness and "onbekend" where a fact is missing.

use chrono::NaiveDate;
use rand::Rng;
use rand::rngs::StdRng;
use wegwijs_domain::person::{
    Alfabetisering, Doelgroep, Geslacht, Opleidingsniveau, PersonDetails, RawPerson, Regime,
    Werkervaring,
};

use super::facts::{Arrival, Household};
use super::origins::Speech;
use super::pick::{birth_date, chance, weighted};
use super::sequences::Sequences;

/// Everything `generate` threads through: the one generator, the counters and today.
pub struct Gen {
    pub rng: StdRng,
    pub seq: Sequences,
    pub today: NaiveDate,
}

/// Who an adult is within the household.
pub struct AdultSpec<'a> {
    pub man: bool,
    pub age: u32,
    pub arrival: &'a Arrival,
    pub speech: Speech,
    /// The referentiepersoon's bijstand, which a partner shares (one gezinsnorm).
    pub shared_uitkering: Option<(Option<bool>, Option<NaiveDate>)>,
    pub surname: (Option<String>, String),
}

const OPLEIDING: [Opleidingsniveau; 5] = [
    Opleidingsniveau::Geen,
    Opleidingsniveau::Basisonderwijs,
    Opleidingsniveau::VoortgezetOnderwijs,
    Opleidingsniveau::Beroepsonderwijs,
    Opleidingsniveau::HogerOnderwijs,
];
/// Chance of needing a tolk, by the level above.
const TOLK: [f64; 5] = [0.6, 0.4, 0.25, 0.2, 0.1];

/// Leaves a fact unknown with probability `p`.
fn soft<T>(rng: &mut StdRng, p: f64, value: Option<T>) -> Option<T> {
    value.filter(|_| !chance(rng, p))
}

fn phone(rng: &mut StdRng) -> String {
    // 06-00 numbers: the 060 block is not handed out for mobile subscribers (those are 061-065 and
    // 068), so these cannot ring a real person.
    format!("06-00{:06}", rng.gen_range(0..1_000_000))
}

impl Gen {
    pub fn adult(&mut self, h: &Household<'_>, spec: AdultSpec<'_>) -> PersonDetails {
        let rng = &mut self.rng;
        let p = rng.gen_range(0.05..0.4);
        let speech = spec.speech;
        let mut weights = h.country.education;
        if !spec.man {
            weights[0] += 5;
        }
        let level = weighted(rng, &weights);
        let opleiding = OPLEIDING[level];
        let alfabetisering = match level {
            0 if chance(rng, 0.8) => Alfabetisering::A,
            1 if chance(rng, 0.15) => Alfabetisering::A,
            _ if speech.mother_tongue.latin => Alfabetisering::Nvt,
            _ => Alfabetisering::Aa,
        };
        let werk = if spec.man { [25, 30, 45] } else { [50, 25, 25] };
        let werkervaring = match (spec.age, weighted(rng, &werk)) {
            (..=21, 2) | (_, 0) => Werkervaring::Geen,
            (_, 1) => Werkervaring::MinderDanTweeJaar,
            _ => Werkervaring::TweeJaarOfMeer,
        };
        let tolk = chance(rng, TOLK[level]);
        let (tolk_nodig, tolk_taal) = match soft(rng, p, Some(tolk)) {
            Some(true) => (Some(true), Some(speech.mother_tongue.naam.to_owned())),
            other => (other, None),
        };
        let a = spec.arrival;
        let (uitkering_pw, uitkering_start) = match spec.shared_uitkering {
            Some((shared, start)) => match (shared, a.huisvesting) {
                (Some(true), Some(home)) => (Some(true), start.map(|s| s.max(home))),
                (Some(true), None) => (Some(false), None),
                (other, _) => (other, None),
            },
            None => {
                let share = match h.doelgroep {
                    Doelgroep::Asielstatushouder => 0.85,
                    Doelgroep::Gezinsmigrant => 0.1,
                    Doelgroep::OverigeMigrant => 0.15,
                };
                match a.huisvesting {
                    Some(home) if chance(rng, share) => (Some(true), Some(home)),
                    _ => (Some(false), None),
                }
            }
        };
        let (uitkering_pw, uitkering_start) = match soft(rng, p, Some(())) {
            Some(()) => (uitkering_pw, uitkering_start),
            None => (None, None),
        };
        let regime = spec.arrival.regime();
        let voornamen = h.country.style.voornamen(rng, spec.man);
        let email = chance(rng, 0.5).then(|| {
            let local = wegwijs_storage::persons::search_key(&voornamen).replace(' ', ".");
            format!("{local}.{}@inwoner.example", rng.gen_range(100..10_000))
        });
        let has_bsn = a.brp.is_some() && !chance(rng, 0.01);
        let geboortedatum = birth_date(rng, self.today, spec.age);
        let geslacht = if spec.man {
            Geslacht::Man
        } else {
            Geslacht::Vrouw
        };
        let address = h.address.as_ref();
        PersonDetails {
            bsn: if has_bsn { self.seq.bsn() } else { None },
            v_nummer: soft(rng, p / 3.0, self.seq.v_nummer()),
            voornamen,
            tussenvoegsel: spec.surname.0,
            geslachtsnaam: spec.surname.1,
            geboortedatum: soft(rng, p / 4.0, Some(geboortedatum)),
            geslacht: soft(rng, p / 5.0, Some(geslacht)),
            geboorteland: soft(rng, p / 5.0, Some(h.country.naam.to_owned())),
            nationaliteit: soft(rng, p, Some(h.country.nationaliteit.to_owned())),
            talen: soft(rng, p, Some(speech.talen)),
            tolk_nodig,
            tolk_taal,
            alfabetisering: soft(rng, p, Some(alfabetisering)),
            opleidingsniveau: soft(rng, p, Some(opleiding)),
            werkervaring: soft(rng, p, Some(werkervaring)),
            doelgroep: soft(rng, p / 2.0, Some(h.doelgroep)),
            regime: soft(rng, p / 3.0, Some(regime)),
            uitkering_pw,
            uitkering_pw_startdatum: uitkering_start,
            datum_koppeling: soft(rng, p / 2.0, Some(a.koppeling)),
            datum_brp_inschrijving: a.brp,
            datum_kennisgeving_duo: soft(rng, p, a.duo),
            datum_huisvesting: soft(rng, p / 2.0, a.huisvesting),
            straat: address.map(|x| x.straat.clone()),
            huisnummer: address.map(|x| x.huisnummer.clone()),
            postcode: address.and_then(|x| x.postcode.clone()),
            woonplaats: address.map(|x| x.woonplaats.clone()),
            telefoon: chance(rng, 0.85).then(|| phone(rng)),
            email,
        }
    }

    /// A child born on `geboortedatum`: not inburgeringsplichtig, so no intake facts; born in the
    /// Netherlands when born after the family part it belongs to arrived.
    pub fn child(
        &mut self,
        h: &Household<'_>,
        arrival: &Arrival,
        geboortedatum: NaiveDate,
        surname: &(Option<String>, String),
    ) -> (PersonDetails, bool) {
        let rng = &mut self.rng;
        let man = chance(rng, 0.5);
        let age = self.today.years_since(geboortedatum).unwrap_or(0);
        let born_here = geboortedatum > arrival.koppeling;
        let brp = if born_here {
            Some(arrival.brp.map_or(geboortedatum, |b| b.max(geboortedatum)))
        } else {
            arrival.brp
        };
        let speech = h.speech.for_child(age);
        let address = h.address.as_ref();
        let details = PersonDetails {
            bsn: if brp.is_some() { self.seq.bsn() } else { None },
            v_nummer: if born_here { None } else { self.seq.v_nummer() },
            voornamen: h.country.style.voornamen(rng, man),
            tussenvoegsel: surname.0.clone(),
            geslachtsnaam: surname.1.clone(),
            geboortedatum: Some(geboortedatum),
            geslacht: Some(if man { Geslacht::Man } else { Geslacht::Vrouw }),
            geboorteland: Some(
                if born_here {
                    "Nederland"
                } else {
                    h.country.naam
                }
                .to_owned(),
            ),
            nationaliteit: Some(h.country.nationaliteit.to_owned()),
            talen: Some(speech.talen),
            regime: Some(Regime::NietInburgeringsplichtig),
            datum_koppeling: (!born_here).then_some(arrival.koppeling),
            datum_brp_inschrijving: brp,
            datum_huisvesting: arrival.huisvesting,
            straat: address.map(|x| x.straat.clone()),
            huisnummer: address.map(|x| x.huisnummer.clone()),
            postcode: address.and_then(|x| x.postcode.clone()),
            woonplaats: address.map(|x| x.woonplaats.clone()),
            ..empty()
        };
        (details, born_here)
    }
}

/// A record with every fact onbekend, to fill in with `..empty()`: a field added to the person table
/// stays onbekend in demo data until the generator learns it.
fn empty() -> PersonDetails {
    let names = RawPerson {
        voornamen: Some("onbekend".into()),
        geslachtsnaam: Some("onbekend".into()),
        ..RawPerson::default()
    };
    PersonDetails::parse(&names, NaiveDate::MIN).expect("names alone are a valid person")
}
