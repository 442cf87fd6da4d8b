//! The plain facts about one person's trajectory that the werkvoorraad (and the dossier timeline) read.
//! The werkvoorraad slice's loader fills them from the tables named in the design ("Facts the
//! werkvoorraad reads"); every date is optional because every step can still be missing.

use chrono::NaiveDate;

use super::codes::{Leerroute, Niveau};
use super::deadlines::pip_deadline::PipTermijnFeiten;
use super::deadlines::termijn::{Inburgeringstermijn, inburgeringstermijn_tot};
use crate::person::codes::{Doelgroep, Regime};

/// Plain facts about one person's trajectory, as the werkvoorraad loader reads them.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct TrajectFeiten {
    pub doelgroep: Option<Doelgroep>,
    /// The law the person falls under; `None` while not yet known (treated as Wi2021).
    pub regime: Option<Regime>,
    pub kennisgeving: Option<NaiveDate>,
    pub brp_inschrijving: Option<NaiveDate>,
    pub koppeling: Option<NaiveDate>,
    /// Day the right to bijstand arose (Pw 56a: start of financieel ontzorgen).
    pub uitkering_pw_start: Option<NaiveDate>,
    pub intake_gestart: Option<NaiveDate>,
    pub intake_afgerond: Option<NaiveDate>,
    pub derde_info_gevraagd: Option<NaiveDate>,
    pub derde_info_ontvangen: Option<NaiveDate>,
    /// Inschrijving in this gemeente after a move (Besluit 5.3 lid 3), when known.
    pub verhuizing_inschrijving: Option<NaiveDate>,
    /// Dagtekening of the first vastgestelde PIP (starts the termijn).
    pub first_pip_dagtekening: Option<NaiveDate>,
    /// A concept PIP exists (the PIP action links to it).
    pub has_concept: bool,
    pub leerroute: Option<Leerroute>,
    pub niveau: Option<Niveau>,
    /// Max `nieuwe_einddatum` of the termijn_verlengingen (exclusive, like DUO's einddatum).
    pub laatste_verlenging_eind: Option<NaiveDate>,
    pub last_review_held: Option<NaiveDate>,
    /// The next planned, not yet held voortgangsgesprek.
    pub next_review_planned: Option<NaiveDate>,
    /// Latest contact by any party: intake conversation, held review, or a contact moment of the
    /// gemeente or a partner.
    pub laatste_contact: Option<NaiveDate>,
    /// Latest absence without notice at a partner's session.
    pub laatste_verzuim: Option<NaiveDate>,
    pub voldaan_op: Option<NaiveDate>,
    /// Nothing is due for the route any more (completion::afronding has no open exam/route items).
    pub route_compleet: bool,
}

impl TrajectFeiten {
    /// Asielstatushouders are the group housed under the Huisvestingswet (D-2) and entitled to
    /// begeleiding (H-1) and, with bijstand, ontzorgen (H-3). The person record does not tell an asiel
    /// permit from a regular-permit family member, so ontzorgen uses the doelgroep too.
    pub fn asielstatushouder(&self) -> bool {
        self.doelgroep == Some(Doelgroep::Asielstatushouder)
    }

    /// The gemeente runs the Wi2021 trajectory (intake, PIP, reviews, termijn) only for persons under
    /// that law: a Wi2013 inburgeraar (obliged before 1 January 2022, MvT 36 078) has no PIP from the
    /// gemeente, and a
    /// person who is not obliged has none at all. Unknown counts as Wi2021, so nobody drops out of view.
    pub fn wi2021_traject(&self) -> bool {
        matches!(self.regime, None | Some(Regime::Wi2021))
    }

    /// The facts the PIP deadline needs.
    pub fn pip_termijn_feiten(&self) -> PipTermijnFeiten {
        PipTermijnFeiten {
            kennisgeving: self.kennisgeving,
            brp_inschrijving: self.brp_inschrijving,
            huisvestingswet: self.asielstatushouder(),
            derde_info_gevraagd: self.derde_info_gevraagd,
            derde_info_ontvangen: self.derde_info_ontvangen,
            verhuizing_inschrijving: self.verhuizing_inschrijving,
        }
    }

    /// The termijn, once the first PIP is set.
    pub fn termijn(&self) -> Option<Inburgeringstermijn> {
        let eerste = self.first_pip_dagtekening?;
        Some(inburgeringstermijn_tot(
            eerste,
            self.laatste_verlenging_eind,
        ))
    }
}
