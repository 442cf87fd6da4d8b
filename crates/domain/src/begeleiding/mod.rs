//! Support for asielstatushouders outside the leerroute: maatschappelijke begeleiding per household
//! ([`mb`], Wet art. 13, H-1 … H-2) and financieel ontzorgen ([`ontzorgen`], Participatiewet art. 56a,
//! H-3 … H-5). The statutory period clocks live in `trajectory::deadlines::support`; this module adds
//! the local policy and the input around them.

pub mod mb;
pub mod ontzorgen;

pub use mb::{
    MbAfsluiting, MbBeleid, MbOnderdeel, OnderdeelStatus, mb_afsluiten_toegestaan, mb_openstaand,
    mb_uiterste_einde, mb_verlenging_toegestaan, mb_vroegste_einde, mb_zrm_momenten,
};
pub use ontzorgen::{
    Grondslag, OntzorgPost, Ontzorgen, OntzorgenWeigering, RawOntzorgen, ontzorgen_toegestaan,
    ontzorgen_verplichte_periode,
};
