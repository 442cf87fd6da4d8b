//! The leerbaarheidstoets section (Wet inburgering 2021 art. 14 lid 3 a): taken with DUO's result, or
//! not taken with a reason, including the college's exemption grounds of art. 14 lid 6 (rule C-7).

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use crate::trajectory::codes::LbtUitslag;

code_enum! {
    /// Why no leerbaarheidstoets was taken.
    pub enum LbtOverslagReden {
        /// Wet 14 lid 6 a (C-7): the college exempts a person with a visual impairment.
        OntheffingVisueel = "ontheffing_visueel", "Ontheffing: visuele beperking (Wet art. 14 lid 6 a)",
        /// Wet 14 lid 6 b (C-7): an auditory impairment and not able to take the test.
        OntheffingAuditief = "ontheffing_auditief", "Ontheffing: auditieve beperking, toets niet af te leggen (Wet art. 14 lid 6 b)",
        /// The leerroute is already clear (e.g. onderwijsroute for a young person in education).
        RouteDuidelijk = "route_duidelijk", "Leerroute staat al vast",
        Anders = "anders", "Andere reden (toelichting verplicht)",
    }
}

/// One score of the test (the instrument reports several parts).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "camelCase")]
pub struct LbtScore {
    pub onderdeel: String,
    pub score: u32,
}

/// The state of the leerbaarheidstoets. JSON: `{"stand": "niet_afgenomen"}`,
/// `{"stand": "afgenomen", "uitslag": "B1-route haalbaar", "datum": "2026-05-01", "scores": [...]}`
/// or `{"stand": "overgeslagen", "reden": "ontheffing_visueel", "toelichting": "..."}`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Default)]
#[serde(tag = "stand", rename_all = "snake_case", deny_unknown_fields)]
pub enum Leerbaarheidstoets {
    #[default]
    NietAfgenomen,
    Afgenomen {
        uitslag: LbtUitslag,
        datum: NaiveDate,
        #[serde(default)]
        scores: Vec<LbtScore>,
    },
    Overgeslagen {
        reden: LbtOverslagReden,
        #[serde(default)]
        toelichting: String,
    },
}
