//! Clock A: the date by which the college sets the PIP (persoonlijk plan inburgering en participatie).
//!
//! - D-1, Besluit inburgering 2021 art. 5.3 lid 1, first sentence (text in force from 2023-01-01):
//!   "uiterlijk 10 weken na de dag" of DUO's written kennisgeving: kennisgeving + 70 days.
//! - D-2, art. 5.3 lid 1, second sentence: only for a person housed under art. 28 Huisvestingswet 2014
//!   (asielstatushouders) who on the kennisgeving date is not yet registered in the BRP of the housing
//!   gemeente: BRP-inschrijving there + 70 days.
//! - D-3, art. 5.3 lid 2: the only exception, awaiting third-party information: at the latest 2 weeks
//!   (14 days) after receipt. Derived: the exception only lengthens (the later of the two dates), and it
//!   applies to the lid 1 term only, not to the term after a move.
//! - D-7, art. 5.3 lid 3: after a move, the new gemeente sets the PIP within 10 weeks after the
//!   inschrijving in that gemeente.
//! - D-10, Algemene termijnenwet art. 1 lid 1: a term ending on a weekend or holiday moves to the next
//!   working day (setting `termijnwet_toepassen`, because applying the Atw here is an interpretation).

use chrono::{Days, NaiveDate};

use super::workdays::verschuif_naar_werkdag;

/// 10 weeks (Besluit 5.3 lid 1 and 3).
pub const PIP_TERMIJN_DAGEN: u64 = 70;
/// 2 weeks after receipt of third-party information (Besluit 5.3 lid 2).
pub const DERDE_INFO_DAGEN: u64 = 14;

/// What the PIP deadline depends on. Every date is optional: a missing anchor gives an explicit
/// "onbekend", never a default date.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct PipTermijnFeiten {
    /// Date of DUO's written kennisgeving (`datumKennisgevingInburgeringsplicht`).
    pub kennisgeving: Option<NaiveDate>,
    /// BRP-inschrijving in the gemeente where the person is housed.
    pub brp_inschrijving: Option<NaiveDate>,
    /// Housed under art. 28 Huisvestingswet 2014 (in practice: asielstatushouders).
    pub huisvestingswet: bool,
    /// The college asked a third party for information the PIP cannot be set without.
    pub derde_info_gevraagd: Option<NaiveDate>,
    /// ... and received it on this date.
    pub derde_info_ontvangen: Option<NaiveDate>,
    /// Inschrijving in this gemeente after a move from another gemeente (D-7).
    pub verhuizing_inschrijving: Option<NaiveDate>,
}

/// Which rule set the deadline.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum PipTermijnGrondslag {
    /// D-1: kennisgeving + 10 weeks.
    Kennisgeving,
    /// D-2: BRP-inschrijving in the housing gemeente + 10 weeks.
    BrpInschrijving,
    /// D-3: receipt of third-party information + 2 weeks.
    DerdeInformatie,
    /// D-7: inschrijving after a move + 10 weeks.
    Verhuizing,
}

impl PipTermijnGrondslag {
    /// The rule's id in docs/rules.md.
    pub fn regel(self) -> super::rule::Regel {
        use super::rule::Regel;
        match self {
            Self::Kennisgeving => Regel::PipNaKennisgeving,
            Self::BrpInschrijving => Regel::PipNaBrpInschrijving,
            Self::DerdeInformatie => Regel::PipNaDerdeInformatie,
            Self::Verhuizing => Regel::PipNaVerhuizing,
        }
    }
}

/// A computed deadline.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct PipDeadline {
    /// The date the Besluit names (anchor + 70 or receipt + 14): the date to alert on.
    pub nominaal: NaiveDate,
    /// The date that legally counts: `nominaal` moved to a working day when `termijnwet_toepassen`.
    pub wettelijk: NaiveDate,
    pub grondslag: PipTermijnGrondslag,
}

/// Why there is no deadline (yet).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PipTermijnOnbekend {
    /// No kennisgeving date: the clock has not started or the date is not recorded.
    KennisgevingOntbreekt,
    /// Housed under the Huisvestingswet, not registered on the kennisgeving date, no BRP date yet.
    BrpInschrijvingOntbreekt,
}

/// The outcome: a deadline, a deadline on hold for third-party information, or unknown.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PipTermijn {
    Bekend(PipDeadline),
    /// Information was asked and has not arrived: lid 2 lets the ordinary deadline pass; the new one
    /// is known only on receipt. `gewoon` is the ordinary deadline, for display.
    WachtOpDerde {
        gewoon: PipDeadline,
    },
    Onbekend(PipTermijnOnbekend),
}

impl PipTermijn {
    /// The date that counts, if there is one.
    pub fn wettelijk(&self) -> Option<NaiveDate> {
        match self {
            PipTermijn::Bekend(d) => Some(d.wettelijk),
            _ => None,
        }
    }
}

fn deadline(
    anker: NaiveDate,
    dagen: u64,
    grondslag: PipTermijnGrondslag,
    atw: bool,
) -> PipDeadline {
    let nominaal = anker
        .checked_add_days(Days::new(dagen))
        .unwrap_or(NaiveDate::MAX);
    let wettelijk = if atw {
        verschuif_naar_werkdag(nominaal)
    } else {
        nominaal
    };
    PipDeadline {
        nominaal,
        wettelijk,
        grondslag,
    }
}

/// The ordinary deadline (D-1, D-2 or D-7), before the third-party exception.
fn gewone_deadline(f: &PipTermijnFeiten, atw: bool) -> Result<PipDeadline, PipTermijnOnbekend> {
    if let Some(inschrijving) = f.verhuizing_inschrijving {
        return Ok(deadline(
            inschrijving,
            PIP_TERMIJN_DAGEN,
            PipTermijnGrondslag::Verhuizing,
            atw,
        ));
    }
    let kennisgeving = f
        .kennisgeving
        .ok_or(PipTermijnOnbekend::KennisgevingOntbreekt)?;
    if !f.huisvestingswet {
        return Ok(deadline(
            kennisgeving,
            PIP_TERMIJN_DAGEN,
            PipTermijnGrondslag::Kennisgeving,
            atw,
        ));
    }
    match f.brp_inschrijving {
        // Registered on (or before) the kennisgeving date: the main rule.
        Some(brp) if brp <= kennisgeving => Ok(deadline(
            kennisgeving,
            PIP_TERMIJN_DAGEN,
            PipTermijnGrondslag::Kennisgeving,
            atw,
        )),
        Some(brp) => Ok(deadline(
            brp,
            PIP_TERMIJN_DAGEN,
            PipTermijnGrondslag::BrpInschrijving,
            atw,
        )),
        None => Err(PipTermijnOnbekend::BrpInschrijvingOntbreekt),
    }
}

/// The PIP deadline for these facts; `termijnwet_toepassen` is the gemeente's setting (D-10).
pub fn pip_deadline(f: &PipTermijnFeiten, termijnwet_toepassen: bool) -> PipTermijn {
    let gewoon = match gewone_deadline(f, termijnwet_toepassen) {
        Ok(d) => d,
        Err(reden) => return PipTermijn::Onbekend(reden),
    };
    // Lid 2 only lets the college deviate from "de termijn, bedoeld in het eerste lid": not after a
    // move (lid 3).
    if gewoon.grondslag == PipTermijnGrondslag::Verhuizing {
        return PipTermijn::Bekend(gewoon);
    }
    match (f.derde_info_gevraagd, f.derde_info_ontvangen) {
        (Some(_), None) => PipTermijn::WachtOpDerde { gewoon },
        // A receipt date implies the information was asked for.
        (_, Some(ontvangen)) => {
            let derde = deadline(
                ontvangen,
                DERDE_INFO_DAGEN,
                PipTermijnGrondslag::DerdeInformatie,
                termijnwet_toepassen,
            );
            // Information that arrives early changes nothing: the exception only lets the ordinary
            // term be exceeded, it never shortens it.
            PipTermijn::Bekend(if derde.nominaal > gewoon.nominaal {
                derde
            } else {
                gewoon
            })
        }
        (None, None) => PipTermijn::Bekend(gewoon),
    }
}
