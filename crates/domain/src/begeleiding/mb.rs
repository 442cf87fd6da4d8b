//! Maatschappelijke begeleiding (MB) of a household.
//!
//! - H-1 (Wet 13 lid 1, 3): for asielstatushouders and their regular-permit family; starts on the day
//!   of BRP-inschrijving.
//! - H-1a (Wet 13 lid 2, Besluit 5.1): practical help with basic services: wonen, zorg, werk, inkomen,
//!   verzekeringen, onderwijs, kennismaking met de lokale woonomgeving. [`MbOnderdeel`] is that list,
//!   made concrete.
//! - H-2: the Wet sets NO duration or extension rule. Everything in [`MbBeleid`] is local policy (the
//!   defaults are the ones asked for in issue 8) and must stay configurable per gemeente.

use chrono::{Days, Months, NaiveDate};

use crate::meting::{Instrument, MeetMoment, Meting, ZrmTrede};
use crate::validation::{FieldError, ValidationErrors};

code_enum! {
    /// A practical item of the MB checklist (H-1a, Besluit 5.1).
    pub enum MbOnderdeel {
        Wonen = "wonen", "Wonen (huurcontract, inrichting, aansluitingen)",
        Zorgverzekering = "zorgverzekering", "Zorgverzekering",
        Huisarts = "huisarts", "Inschrijving huisarts (en tandarts)",
        InkomenToeslagen = "inkomen_toeslagen", "Inkomen en toeslagen",
        Bankrekening = "bankrekening", "Bankrekening",
        Verzekeringen = "verzekeringen", "Overige verzekeringen (aansprakelijkheid, inboedel)",
        OnderwijsKinderen = "onderwijs_kinderen", "Onderwijs en kinderopvang voor de kinderen",
        Werk = "werk", "Werk en vrijwilligerswerk (oriëntatie)",
        Digid = "digid", "DigiD",
        GemeentelijkeVoorzieningen = "gemeentelijke_voorzieningen", "Gemeentelijke voorzieningen",
        Woonomgeving = "woonomgeving", "Kennismaking met de woonomgeving",
    }
}

code_enum! {
    /// Where a checklist item stands.
    pub enum OnderdeelStatus {
        Open = "open", "Open",
        Bezig = "bezig", "Bezig",
        Geregeld = "geregeld", "Geregeld",
    }
}

/// The gemeente's policy for MB. H-2: none of this is statutory.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct MbBeleid {
    /// MB lasts at least this long from its start.
    pub minimum_maanden: u32,
    /// At most this much longer than the minimum, over all extensions together.
    pub max_verlenging_maanden: u32,
    /// MB is closed with a driegesprek (household, begeleider, regisseur).
    pub afsluitend_driegesprek: bool,
    /// A ZRM measurement at the end is needed to close.
    pub zrm_eindmeting: bool,
    /// The ZRM step aimed for on every domain (for reporting, not a closing condition).
    pub zrm_doel: ZrmTrede,
}

impl Default for MbBeleid {
    fn default() -> Self {
        MbBeleid {
            minimum_maanden: 6,
            max_verlenging_maanden: 6,
            afsluitend_driegesprek: true,
            zrm_eindmeting: true,
            zrm_doel: ZrmTrede::VoldoendeZelfredzaam,
        }
    }
}

fn plus_maanden(d: NaiveDate, m: u32) -> NaiveDate {
    d.checked_add_months(Months::new(m))
        .unwrap_or(NaiveDate::MAX)
}

fn dmj(d: NaiveDate) -> String {
    d.format("%d-%m-%Y").to_string()
}

/// The first day MB may end: start + the minimum (a day missing in the target month clamps to the
/// month's last day, as in the termijn engine).
pub fn mb_vroegste_einde(start: NaiveDate, beleid: &MbBeleid) -> NaiveDate {
    plus_maanden(start, beleid.minimum_maanden)
}

/// The last day MB may be extended to: start + minimum + maximum extension.
pub fn mb_uiterste_einde(start: NaiveDate, beleid: &MbBeleid) -> NaiveDate {
    plus_maanden(
        start,
        beleid
            .minimum_maanden
            .saturating_add(beleid.max_verlenging_maanden),
    )
}

/// Whether the planned end may move from `huidige_einde` to `nieuwe_einde`: later than now, and not
/// after [`mb_uiterste_einde`]. The error is for the form field "einde".
pub fn mb_verlenging_toegestaan(
    start: NaiveDate,
    huidige_einde: NaiveDate,
    nieuwe_einde: NaiveDate,
    beleid: &MbBeleid,
) -> Result<(), FieldError> {
    let uiterst = mb_uiterste_einde(start, beleid);
    let fout = |code, message: String| FieldError {
        field: "einde",
        code,
        message,
    };
    if nieuwe_einde <= huidige_einde {
        return Err(fout(
            "inconsistent",
            format!(
                "Kies een einddatum na de huidige einddatum ({}).",
                dmj(huidige_einde)
            ),
        ));
    }
    if nieuwe_einde > uiterst {
        return Err(fout(
            "out_of_range",
            format!(
                "Verleng tot uiterlijk {}: volgens het gemeentelijk beleid duurt de begeleiding hoogstens {} maanden langer dan de minimale {} maanden.",
                dmj(uiterst),
                beleid.max_verlenging_maanden,
                beleid.minimum_maanden
            ),
        ));
    }
    Ok(())
}

/// A request to close MB.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct MbAfsluiting {
    pub start: NaiveDate,
    pub afsluitdatum: NaiveDate,
    /// Date of the closing driegesprek, if held.
    pub driegesprek: Option<NaiveDate>,
}

/// Whether MB may be closed: the minimum period has passed, a ZRM eindmeting lies within the MB
/// (start to closing date), and the closing driegesprek was held within it, as far as `beleid` asks.
pub fn mb_afsluiten_toegestaan(
    a: &MbAfsluiting,
    metingen: &[Meting],
    beleid: &MbBeleid,
) -> Result<(), ValidationErrors> {
    let mut e = ValidationErrors::new();
    let binnen = |d: NaiveDate| a.start <= d && d <= a.afsluitdatum;
    let vroegst = mb_vroegste_einde(a.start, beleid);
    if a.afsluitdatum < vroegst {
        e.push(
            "afsluitdatum",
            "out_of_range",
            format!(
                "Sluit de begeleiding op zijn vroegst af op {}: volgens het gemeentelijk beleid duurt zij minstens {} maanden.",
                dmj(vroegst),
                beleid.minimum_maanden
            ),
        );
    }
    let eindmeting = metingen.iter().any(|m| {
        m.instrument() == Instrument::Zrm2017 && m.moment == MeetMoment::Eind && binnen(m.datum)
    });
    if beleid.zrm_eindmeting && !eindmeting {
        e.push(
            "eindmeting",
            "required",
            "Leg eerst een ZRM-eindmeting vast.",
        );
    }
    if beleid.afsluitend_driegesprek {
        match a.driegesprek {
            None => e.push("driegesprek", "required", "Vul de datum van het afsluitende driegesprek in."),
            Some(d) if !binnen(d) => e.push(
                "driegesprek",
                "inconsistent",
                "Het afsluitende driegesprek ligt tussen de start en de afsluitdatum van de begeleiding.",
            ),
            Some(_) => {}
        }
    }
    e.into_result(())
}

/// The planned ZRM moments of an MB from `start` to `einde`: start, midway (rounded down) and end.
pub fn mb_zrm_momenten(start: NaiveDate, einde: NaiveDate) -> [(MeetMoment, NaiveDate); 3] {
    let helft = u64::try_from((einde - start).num_days() / 2).unwrap_or(0);
    let midden = start.checked_add_days(Days::new(helft)).unwrap_or(start);
    [
        (MeetMoment::Start, start),
        (MeetMoment::Tussentijds, midden),
        (MeetMoment::Eind, einde),
    ]
}

/// The checklist items not yet arranged, in list order. An item without a status counts as open (a
/// new household starts with everything to do); of repeated entries the last one counts.
pub fn mb_openstaand(status: &[(MbOnderdeel, OnderdeelStatus)]) -> Vec<MbOnderdeel> {
    MbOnderdeel::ALL
        .iter()
        .copied()
        .filter(|o| {
            status.iter().rev().find(|(x, _)| x == o).map(|(_, s)| *s)
                != Some(OnderdeelStatus::Geregeld)
        })
        .collect()
}

#[cfg(test)]
#[path = "mb_tests.rs"]
mod tests;
