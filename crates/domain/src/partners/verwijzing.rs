//! The life of a referral (verwijzing) from the regisseur to a partner:
//!
//! ```text
//! verstuurd ──accepteren──▶ geaccepteerd ──starten──▶ gestart ──afronden──▶ afgerond
//!     │                          │                      └──────stoppen────▶ gestopt (reden)
//!     └──afwijzen (reden)──▶ afgewezen                   
//! verstuurd | geaccepteerd | gestart ──intrekken (regisseur)──▶ ingetrokken
//! ```
//!
//! The partner answers, starts and ends; only the gemeente revokes. Every transition is dated and kept
//! as a step (who, when, why), so the history is never overwritten. Only `geaccepteerd` and `gestart`
//! grant the partner access to the person ([`VerwijzingStatus::geeft_toegang`]).

use chrono::NaiveDate;

use crate::validation::FieldError;

code_enum! {
    pub enum VerwijzingStatus {
        Verstuurd = "verstuurd", "Verstuurd",
        Geaccepteerd = "geaccepteerd", "Geaccepteerd",
        Afgewezen = "afgewezen", "Afgewezen",
        Gestart = "gestart", "Gestart",
        Afgerond = "afgerond", "Afgerond",
        Gestopt = "gestopt", "Gestopt",
        Ingetrokken = "ingetrokken", "Ingetrokken door de gemeente",
    }
}

impl VerwijzingStatus {
    /// The codes of the states that grant access, for SQL (`status IN (...)`).
    pub const MET_TOEGANG: &'static [&'static str] = &["geaccepteerd", "gestart"];

    /// Whether the partner may see and record for the person now.
    pub fn geeft_toegang(self) -> bool {
        matches!(
            self,
            VerwijzingStatus::Geaccepteerd | VerwijzingStatus::Gestart
        )
    }

    /// No transition leaves this state.
    pub fn is_eind(self) -> bool {
        matches!(
            self,
            VerwijzingStatus::Afgewezen
                | VerwijzingStatus::Afgerond
                | VerwijzingStatus::Gestopt
                | VerwijzingStatus::Ingetrokken
        )
    }
}

code_enum! {
    /// Why a referral stopped before it was completed, or why the partner declined it.
    pub enum StopReden {
        Voltooid = "voltooid", "Doel bereikt",
        Uitval = "uitval", "Uitval",
        Verhuisd = "verhuisd", "Verhuisd",
        GeenPlek = "geen_plek", "Geen plek of capaciteit",
        PastNiet = "past_niet", "Aanbod past niet bij de vraag",
        Anders = "anders", "Anders",
    }
}

impl StopReden {
    /// Dropout and "other" are only useful with an explanation.
    pub fn vraagt_toelichting(self) -> bool {
        matches!(self, StopReden::Uitval | StopReden::Anders)
    }
}

/// Which side of the chain acts: the partner organisation the referral is to, or the gemeente.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kant {
    Partner,
    Gemeente,
}

/// A requested transition, with what it needs.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Overgang {
    Accepteren,
    Afwijzen {
        reden: StopReden,
        toelichting: String,
    },
    Starten {
        datum: NaiveDate,
    },
    Afronden {
        datum: NaiveDate,
    },
    Stoppen {
        datum: NaiveDate,
        reden: StopReden,
        toelichting: String,
    },
    Intrekken {
        toelichting: String,
    },
}

impl Overgang {
    pub fn code(&self) -> &'static str {
        match self {
            Overgang::Accepteren => "accepteren",
            Overgang::Afwijzen { .. } => "afwijzen",
            Overgang::Starten { .. } => "starten",
            Overgang::Afronden { .. } => "afronden",
            Overgang::Stoppen { .. } => "stoppen",
            Overgang::Intrekken { .. } => "intrekken",
        }
    }

    /// Who may ask for this transition.
    pub fn kant(&self) -> Kant {
        match self {
            Overgang::Intrekken { .. } => Kant::Gemeente,
            _ => Kant::Partner,
        }
    }

    /// The state after this transition.
    pub fn doel(&self) -> VerwijzingStatus {
        match self {
            Overgang::Accepteren => VerwijzingStatus::Geaccepteerd,
            Overgang::Afwijzen { .. } => VerwijzingStatus::Afgewezen,
            Overgang::Starten { .. } => VerwijzingStatus::Gestart,
            Overgang::Afronden { .. } => VerwijzingStatus::Afgerond,
            Overgang::Stoppen { .. } => VerwijzingStatus::Gestopt,
            Overgang::Intrekken { .. } => VerwijzingStatus::Ingetrokken,
        }
    }
}

/// The referral's facts a transition is checked against.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Stand {
    pub status: VerwijzingStatus,
    pub verstuurd_op: NaiveDate,
    pub gestart_op: Option<NaiveDate>,
}

/// The new state, or why the transition is refused (Dutch, on the field that is wrong).
pub fn overgang(
    stand: Stand,
    o: &Overgang,
    kant: Kant,
    today: NaiveDate,
) -> Result<VerwijzingStatus, FieldError> {
    use VerwijzingStatus::*;
    let fout = |field: &'static str, code: &'static str, message: String| FieldError {
        field,
        code,
        message,
    };
    if o.kant() != kant {
        let wie = match o.kant() {
            Kant::Partner => "de partner aan wie is verwezen",
            Kant::Gemeente => "de regisseur van de gemeente",
        };
        return Err(fout(
            "overgang",
            "not_allowed",
            format!("Alleen {wie} kan deze stap zetten."),
        ));
    }
    let mag = match o {
        Overgang::Accepteren | Overgang::Afwijzen { .. } => stand.status == Verstuurd,
        Overgang::Starten { .. } => stand.status == Geaccepteerd,
        Overgang::Afronden { .. } => stand.status == Gestart,
        Overgang::Stoppen { .. } => matches!(stand.status, Geaccepteerd | Gestart),
        Overgang::Intrekken { .. } => !stand.status.is_eind(),
    };
    if !mag {
        return Err(fout(
            "overgang",
            "invalid_state",
            format!(
                "Deze stap kan niet: de verwijzing is {}.",
                stand.status.label().to_lowercase()
            ),
        ));
    }
    let datum = match o {
        Overgang::Starten { datum }
        | Overgang::Afronden { datum }
        | Overgang::Stoppen { datum, .. } => Some(*datum),
        _ => None,
    };
    if let Some(d) = datum {
        if d > today {
            return Err(fout(
                "datum",
                "out_of_range",
                "Deze datum ligt in de toekomst.".into(),
            ));
        }
        let vanaf = stand.gestart_op.unwrap_or(stand.verstuurd_op);
        if d < vanaf {
            return Err(fout(
                "datum",
                "inconsistent",
                format!(
                    "De datum ligt voor {} ({}).",
                    if stand.gestart_op.is_some() {
                        "de start"
                    } else {
                        "de verwijzing"
                    },
                    vanaf.format("%d-%m-%Y")
                ),
            ));
        }
    }
    let toelichting = match o {
        Overgang::Afwijzen { toelichting, .. }
        | Overgang::Stoppen { toelichting, .. }
        | Overgang::Intrekken { toelichting } => Some(toelichting.trim()),
        _ => None,
    };
    let reden = match o {
        Overgang::Afwijzen { reden, .. } | Overgang::Stoppen { reden, .. } => Some(*reden),
        _ => None,
    };
    let leeg = toelichting.is_some_and(str::is_empty);
    if leeg
        && (reden.is_some_and(StopReden::vraagt_toelichting)
            || matches!(o, Overgang::Intrekken { .. }))
    {
        return Err(fout(
            "toelichting",
            "required",
            "Geef een toelichting: waarom stopt, weigert of beëindigt u?".into(),
        ));
    }
    Ok(o.doel())
}
