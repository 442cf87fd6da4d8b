//! What is still due before the inburgeringsplicht is met, and the ground once it is.
//!
//! - A-5, Wet inburgering 2021 art. 6 lid 1: PVT + MAP + (inburgeringsexamen, onderwijsroute or Z-route).
//! - G-1/G-2, Wet art. 7 lid 1 and Besluit 3.3: the B1-route exam is LE, LU, SC, SP at least at the
//!   PIP's level, plus KNM. F-8, Wet art. 17 lid 3: afschalen puts all or some language components at A2.
//! - G-5, Wet art. 8 lid 3: no MAP in the onderwijsroute (PVT still applies).
//! - G-10/G-11, Besluit 3.14 lid 2-3: Z-route hours plus eindgesprek.
//! - K-1..K-5, Wet art. 5 and Besluit 2.3-2.8: a full vrijstelling or ontheffing ends the obligation; a
//!   partial one removes the exam components it names.

use chrono::NaiveDate;

use super::hours::{UrenTotalen, z_route_uren};
use crate::trajectory::codes::{
    DuoBesluitSoort, ExamenNiveau, ExamenOnderdeel, ExamenUitslag, Leerroute, Niveau, VoldaanGrond,
};

/// One exam result (table `examens`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ExamenResultaat {
    pub onderdeel: ExamenOnderdeel,
    pub niveau: Option<ExamenNiveau>,
    pub uitslag: ExamenUitslag,
}

/// A DUO decision on vrijstelling or ontheffing (table `duo_besluiten`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DuoBesluitFeit {
    pub soort: DuoBesluitSoort,
    pub volledig: bool,
    /// The exam components a partial decision covers.
    pub onderdelen: Vec<ExamenOnderdeel>,
    /// DUO's cap on Z-route participation hours from a partial medical ontheffing.
    pub participatie_max_uren: Option<u32>,
}

/// Everything completion depends on.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct AfrondingFeiten {
    /// The current PIP's leerroute; `None` before the first PIP.
    pub leerroute: Option<Leerroute>,
    pub niveau: Option<Niveau>,
    /// Language components afgeschaald to A2 while the PIP's niveau stays B1 (partial afschalen).
    pub afgeschaald: Vec<ExamenOnderdeel>,
    pub asielstatushouder: bool,
    pub examens: Vec<ExamenResultaat>,
    pub pvt_ondertekend: Option<NaiveDate>,
    pub map_eindgesprek: Option<NaiveDate>,
    pub z_eindgesprek: Option<NaiveDate>,
    pub onderwijsroute_afgerond: Option<NaiveDate>,
    pub uren: UrenTotalen,
    pub duo_besluiten: Vec<DuoBesluitFeit>,
}

/// One thing still due.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Openstaand {
    /// No PIP yet, so no leerroute to complete.
    Leerroute,
    /// Exam component at (at least) this level.
    Examen(ExamenOnderdeel, ExamenNiveau),
    Pvt,
    Map,
    Onderwijsroute,
    ZCursusuren {
        nog: u32,
    },
    ZParticipatieuren {
        nog: u32,
    },
    ZEindgesprek,
}

/// The outcome: what is still due, and the ground when nothing is.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Afronding {
    pub openstaand: Vec<Openstaand>,
    pub voldaan: Option<VoldaanGrond>,
}

fn niveau_rang(n: ExamenNiveau) -> u8 {
    match n {
        ExamenNiveau::A2 => 0,
        ExamenNiveau::B1 => 1,
        ExamenNiveau::B2 => 2,
    }
}

fn geslaagd(f: &AfrondingFeiten, onderdeel: ExamenOnderdeel, minimaal: ExamenNiveau) -> bool {
    f.examens.iter().any(|e| {
        e.onderdeel == onderdeel
            && e.uitslag == ExamenUitslag::Geslaagd
            // KNM has no language level: any pass counts.
            && (onderdeel == ExamenOnderdeel::Knm
                || e.niveau.is_some_and(|n| niveau_rang(n) >= niveau_rang(minimaal)))
    })
}

fn vrijgesteld(f: &AfrondingFeiten, onderdeel: ExamenOnderdeel) -> bool {
    f.duo_besluiten
        .iter()
        .any(|b| b.onderdelen.contains(&onderdeel))
}

fn examen_openstaand(f: &AfrondingFeiten, uit: &mut Vec<Openstaand>) {
    for onderdeel in ExamenOnderdeel::ALL.iter().copied() {
        let minimaal = if onderdeel != ExamenOnderdeel::Knm
            && (f.niveau == Some(Niveau::A2) || f.afgeschaald.contains(&onderdeel))
        {
            ExamenNiveau::A2
        } else {
            ExamenNiveau::B1
        };
        if !vrijgesteld(f, onderdeel) && !geslaagd(f, onderdeel, minimaal) {
            uit.push(Openstaand::Examen(onderdeel, minimaal));
        }
    }
}

fn z_route_openstaand(f: &AfrondingFeiten, uit: &mut Vec<Openstaand>) {
    let max = f
        .duo_besluiten
        .iter()
        .filter_map(|b| b.participatie_max_uren)
        .min();
    let z = z_route_uren(f.asielstatushouder, &f.uren, max);
    if !z.cursus_voldaan() {
        uit.push(Openstaand::ZCursusuren {
            nog: z.cursus_norm - z.cursus_gevolgd,
        });
    }
    if !z.participatie_voldaan() {
        uit.push(Openstaand::ZParticipatieuren {
            nog: z.participatie_norm - z.participatie_gevolgd,
        });
    }
    if f.z_eindgesprek.is_none() {
        uit.push(Openstaand::ZEindgesprek);
    }
}

/// What is still due for these facts, and `voldaan` with its ground when nothing is.
pub fn afronding(f: &AfrondingFeiten) -> Afronding {
    let volledig = |soort| {
        f.duo_besluiten
            .iter()
            .any(|b| b.volledig && b.soort == soort)
    };
    if volledig(DuoBesluitSoort::Vrijstelling) {
        return Afronding {
            openstaand: Vec::new(),
            voldaan: Some(VoldaanGrond::Vrijstelling),
        };
    }
    if volledig(DuoBesluitSoort::Ontheffing) {
        return Afronding {
            openstaand: Vec::new(),
            voldaan: Some(VoldaanGrond::Ontheffing),
        };
    }
    let Some(leerroute) = f.leerroute else {
        return Afronding {
            openstaand: vec![Openstaand::Leerroute],
            voldaan: None,
        };
    };
    let mut openstaand = Vec::new();
    let grond = match leerroute {
        Leerroute::B1 => {
            examen_openstaand(f, &mut openstaand);
            VoldaanGrond::Examen
        }
        Leerroute::Onderwijs => {
            if f.onderwijsroute_afgerond.is_none() {
                openstaand.push(Openstaand::Onderwijsroute);
            }
            VoldaanGrond::Onderwijsroute
        }
        Leerroute::Z => {
            z_route_openstaand(f, &mut openstaand);
            VoldaanGrond::ZRoute
        }
    };
    if f.pvt_ondertekend.is_none() {
        openstaand.push(Openstaand::Pvt);
    }
    if leerroute != Leerroute::Onderwijs && f.map_eindgesprek.is_none() {
        openstaand.push(Openstaand::Map);
    }
    let voldaan = openstaand.is_empty().then_some(grond);
    Afronding {
        openstaand,
        voldaan,
    }
}
