//! Hour norms.
//!
//! - G-8, Besluit inburgering 2021 art. 3.1 lid 3: the PVT comprises at least 12 hours; qualifying
//!   brede-intake activities count (lid 5).
//! - G-9/G-9a, Besluit 3.2: the MAP hour norm is set by the Regeling, which is not verified (R): setting
//!   `map_urennorm`, default 64.
//! - G-10, Besluit 3.14 lid 2: Z-route for asielstatushouders: 800 course hours + 800 hours of
//!   zelfredzaamheid/participatie + eindgesprek. G-11, lid 3: other groups only the 800 course hours.
//! - G-12, lid 5: MAP and PVT hours are deducted from the 800 participation-hour norm.
//! - G-13, lid 6, and F-10, Besluit 5.3 lid 5: effort before the PIP does not count, except hours during
//!   the brede intake (flag `tijdens_intake`), which count towards the norms.
//! - F-9, Besluit 5.5 lid 1-2: afschalen (B1-route only, Wet 17 lid 3) needs 600 NT2 course hours;
//!   brede-intake NT2 hours may count.

use chrono::NaiveDate;

use crate::trajectory::codes::{Leerroute, UrenSoort};

pub const PVT_MIN_UREN: u32 = 12;
pub const Z_CURSUS_UREN: u32 = 800;
pub const Z_PARTICIPATIE_UREN: u32 = 800;
pub const AFSCHALEN_CURSUS_UREN: u32 = 600;

/// One registration of hours (table `uren`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct UrenRegel {
    pub soort: UrenSoort,
    pub van: NaiveDate,
    pub tot: NaiveDate,
    pub uren: u32,
    pub tijdens_intake: bool,
}

/// Hours that count, per kind.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct UrenTotalen {
    pub nt2_cursus: u32,
    pub participatie: u32,
    pub pvt: u32,
    pub map: u32,
}

impl UrenTotalen {
    /// Sums the hours that count: those ending on or after the first PIP's dagtekening, plus those
    /// followed during the brede intake (F-10 exception). Without a PIP only intake hours count.
    pub fn tel(regels: &[UrenRegel], eerste_pip_dagtekening: Option<NaiveDate>) -> UrenTotalen {
        let mut t = UrenTotalen::default();
        for r in regels {
            let telt = r.tijdens_intake || eerste_pip_dagtekening.is_some_and(|pip| r.tot >= pip);
            if !telt {
                continue;
            }
            let vak = match r.soort {
                UrenSoort::Nt2Cursus => &mut t.nt2_cursus,
                UrenSoort::Participatie => &mut t.participatie,
                UrenSoort::Pvt => &mut t.pvt,
                UrenSoort::Map => &mut t.map,
            };
            *vak = vak.saturating_add(r.uren);
        }
        t
    }
}

/// PVT hours reach the minimum of 12 (G-8).
pub fn pvt_uren_voldaan(t: &UrenTotalen) -> bool {
    t.pvt >= PVT_MIN_UREN
}

/// MAP hours reach the gemeente's norm (setting `map_urennorm`, R).
pub fn map_uren_voldaan(t: &UrenTotalen, map_urennorm: u32) -> bool {
    t.map >= map_urennorm
}

/// Where the Z-route's hour norms stand.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ZRouteUren {
    pub cursus_norm: u32,
    pub cursus_gevolgd: u32,
    /// 0 for gezinsmigranten and overige migranten (G-11); for asielstatushouders 800 minus the MAP and
    /// PVT hours (G-12), capped by DUO's partial ontheffing (`participatie_max`) when one is recorded.
    pub participatie_norm: u32,
    pub participatie_gevolgd: u32,
}

impl ZRouteUren {
    pub fn cursus_voldaan(&self) -> bool {
        self.cursus_gevolgd >= self.cursus_norm
    }
    pub fn participatie_voldaan(&self) -> bool {
        self.participatie_gevolgd >= self.participatie_norm
    }
}

/// The Z-route norms for this person. `participatie_max`: DUO's `urenBelastbaarheidParticipatieactiviteit`
/// from a partial medical ontheffing, if any.
pub fn z_route_uren(
    asielstatushouder: bool,
    t: &UrenTotalen,
    participatie_max: Option<u32>,
) -> ZRouteUren {
    let participatie_norm = if asielstatushouder {
        let na_aftrek = Z_PARTICIPATIE_UREN.saturating_sub(t.map.saturating_add(t.pvt));
        participatie_max.map_or(na_aftrek, |max| na_aftrek.min(max))
    } else {
        0
    };
    ZRouteUren {
        cursus_norm: Z_CURSUS_UREN,
        cursus_gevolgd: t.nt2_cursus,
        participatie_norm,
        participatie_gevolgd: t.participatie,
    }
}

/// Why afschalen is refused.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum AfschalenWeigering {
    /// Afschalen exists only in the B1-route (Wet art. 17 lid 3).
    NietB1Route,
    /// Fewer than 600 NT2 course hours (Besluit 5.5 lid 1).
    TeWeinigUren { gevolgd: u32 },
}

/// The afschalen gate (F-9): B1-route and at least 600 NT2 course hours. The "sufficient effort" half
/// of Besluit 5.5 is the regisseur's judgement and not checked here.
pub fn afschalen_toegestaan(
    leerroute: Leerroute,
    t: &UrenTotalen,
) -> Result<(), AfschalenWeigering> {
    if leerroute != Leerroute::B1 {
        return Err(AfschalenWeigering::NietB1Route);
    }
    if t.nt2_cursus < AFSCHALEN_CURSUS_UREN {
        return Err(AfschalenWeigering::TeWeinigUren {
            gevolgd: t.nt2_cursus,
        });
    }
    Ok(())
}
