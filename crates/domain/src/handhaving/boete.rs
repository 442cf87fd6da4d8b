//! The arithmetic of a college fine, step by step, with a Dutch line per step for the decision letter.
//! Amounts are whole euro cents.

use chrono::{Months, NaiveDate};

use super::{Overtreding, Verwijtbaarheid, Weigering};
use crate::invoer::euro;

/// J-4: the brede-intake fine (Besluit 7.1 lid 1).
pub const BREDE_INTAKE_CENTS: i64 = 25_000;
/// J-6: the base of an art. 23 fine (Besluit 7.1 lid 2) ...
pub const PIP_BASIS_CENTS: i64 = 5_000;
/// ... doubled per earlier offence up to this ceiling (Besluit 7.1 lid 3).
pub const PIP_MAXIMUM_CENTS: i64 = 80_000;

/// An earlier art. 23 fine of the same person.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct EerdereBoete {
    /// The day the earlier offence was established.
    pub vastgesteld: NaiveDate,
    /// The earlier fine can no longer be challenged (no bezwaar or beroep open or possible).
    pub onherroepelijk: bool,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BoeteInvoer {
    pub overtreding: Overtreding,
    /// The day this offence is established; the 12 months of J-6 count back from it.
    pub vastgesteld: NaiveDate,
    /// Only used for art. 23 (J-7); the art. 22 amount is fixed.
    pub verwijtbaarheid: Verwijtbaarheid,
    /// Earlier art. 23 fines (any age; the window is applied here).
    pub eerdere_pip_boetes: Vec<EerdereBoete>,
    /// Art. 22 only: a written warning was sent after the first call (Wet 14 lid 1).
    pub schriftelijk_gewaarschuwd: bool,
    /// Art. 22 only: the person was called again after the warning (Wet 14 lid 1, 2nd sentence).
    pub herhaald_opgeroepen: bool,
    /// J-9: the bijstand was already lowered for this same conduct.
    pub bijstand_verlaagd_zelfde_gedraging: bool,
    /// Art. 22 and 23 fines already imposed in this termijn; a negative number counts as 0.
    pub al_opgelegd_in_termijn_cents: i64,
    /// [`super::PLAFOND_TERMIJN_CENTS`], or a lower cap after a DUO fine ([`super::plafond_na_duo_boete`]).
    pub plafond_cents: i64,
}

/// The outcome with every step, for the decision and the letter.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BoeteBerekening {
    /// The fine to impose, > 0.
    pub bedrag_cents: i64,
    pub basis_cents: i64,
    /// Earlier art. 23 offences that doubled the base (0 for art. 22).
    pub verdubbelingen: u32,
    /// After doubling and the €800 ceiling (the base for art. 22).
    pub na_verhoging_cents: i64,
    /// 100 for art. 22.
    pub percentage: u32,
    pub na_verwijtbaarheid_cents: i64,
    /// Room left under the cap before this fine.
    pub ruimte_plafond_cents: i64,
    /// The amount was lowered to stay within the cap (J-8).
    pub verlaagd_door_plafond: bool,
    /// One Dutch sentence per step, in order, ending with the amount to impose.
    pub regels: Vec<String>,
}

/// Earlier art. 23 offences that count for doubling (J-6): established in the 12 months before
/// `vastgesteld` (not on or after it) and with an irrevocable fine.
pub fn tellende_eerdere(vastgesteld: NaiveDate, eerdere: &[EerdereBoete]) -> u32 {
    let vanaf = vastgesteld
        .checked_sub_months(Months::new(12))
        .unwrap_or(NaiveDate::MIN);
    let n = eerdere
        .iter()
        .filter(|b| b.onherroepelijk && vanaf <= b.vastgesteld && b.vastgesteld < vastgesteld)
        .count();
    u32::try_from(n).unwrap_or(u32::MAX)
}

/// The fine for `invoer`, or why there is none. Order of the checks: J-9 (no double sanction) first,
/// because it rules out any fine; then the brede-intake steps (J-4a); then the cap (J-8).
pub fn boete_berekenen(invoer: &BoeteInvoer) -> Result<BoeteBerekening, Weigering> {
    if invoer.bijstand_verlaagd_zelfde_gedraging {
        return Err(Weigering::BijstandVerlaagd);
    }
    let mut regels = Vec::new();
    let (basis, verdubbelingen, na_verhoging, percentage) = match invoer.overtreding {
        Overtreding::BredeIntake => {
            if !invoer.schriftelijk_gewaarschuwd {
                return Err(Weigering::GeenSchriftelijkeWaarschuwing);
            }
            if !invoer.herhaald_opgeroepen {
                return Err(Weigering::GeenHerhaaldeOproep);
            }
            regels.push(format!(
                "De boete voor het niet verschijnen of onvoldoende meewerken aan de brede intake is {} (artikel 22 Wet inburgering 2021, artikel 7.1, eerste lid, Besluit inburgering 2021).",
                euro(BREDE_INTAKE_CENTS)
            ));
            (BREDE_INTAKE_CENTS, 0, BREDE_INTAKE_CENTS, 100)
        }
        Overtreding::PipVerplichting => {
            let n = tellende_eerdere(invoer.vastgesteld, &invoer.eerdere_pip_boetes);
            regels.push(format!(
                "Het basisbedrag van de boete is {} (artikel 23 Wet inburgering 2021, artikel 7.1, tweede lid, Besluit inburgering 2021).",
                euro(PIP_BASIS_CENTS)
            ));
            // Five doublings already pass the ceiling; stopping there keeps the shift from overflowing.
            let verhoogd = (PIP_BASIS_CENTS << n.min(5)).min(PIP_MAXIMUM_CENTS);
            if n > 0 {
                let keer = if n == 1 {
                    "één eerdere overtreding".to_owned()
                } else {
                    format!("{n} eerdere overtredingen")
                };
                regels.push(format!(
                    "Het bedrag wordt verdubbeld voor {keer} van artikel 23 in de twaalf maanden hiervoor met een onherroepelijke boete, tot ten hoogste {}: {} (artikel 7.1, derde lid).",
                    euro(PIP_MAXIMUM_CENTS),
                    euro(verhoogd)
                ));
            }
            let v = invoer.verwijtbaarheid;
            (PIP_BASIS_CENTS, n, verhoogd, v.percentage())
        }
    };
    // Multiples of €50 times multiples of 25 % are whole cents; integer division cannot lose anything.
    let na_verwijtbaarheid = na_verhoging * i64::from(percentage) / 100;
    if invoer.overtreding == Overtreding::PipVerplichting {
        regels.push(format!(
            "Verwijtbaarheid: {}. De boete wordt vastgesteld op {percentage} % daarvan: {} (artikel 7.1, vierde lid).",
            invoer.verwijtbaarheid.label().to_lowercase(),
            euro(na_verwijtbaarheid)
        ));
    }
    let plafond = invoer.plafond_cents.max(0);
    let ruimte = (plafond - invoer.al_opgelegd_in_termijn_cents.max(0)).max(0);
    if ruimte == 0 {
        return Err(Weigering::PlafondBereikt);
    }
    let bedrag = na_verwijtbaarheid.min(ruimte);
    let verlaagd = bedrag < na_verwijtbaarheid;
    if verlaagd {
        regels.push(format!(
            "De boetes in deze inburgeringstermijn bedragen samen ten hoogste {}; er is al {} opgelegd. De boete wordt daarom verlaagd tot {} (artikel 7.1, vijfde lid).",
            euro(plafond),
            euro(invoer.al_opgelegd_in_termijn_cents.max(0)),
            euro(bedrag)
        ));
    }
    regels.push(format!("De op te leggen boete is {}.", euro(bedrag)));
    Ok(BoeteBerekening {
        bedrag_cents: bedrag,
        basis_cents: basis,
        verdubbelingen,
        na_verhoging_cents: na_verhoging,
        percentage,
        na_verwijtbaarheid_cents: na_verwijtbaarheid,
        ruimte_plafond_cents: ruimte,
        verlaagd_door_plafond: verlaagd,
        regels,
    })
}
