//! The read side: everything the voortgang page and the GET endpoints show, computed with the rules
//! engine (termijn, next review, hours, what is still due).

use chrono::NaiveDate;
use wegwijs_domain::audit::AuditAction;
use wegwijs_domain::authz::Action;
use wegwijs_domain::ids::PersonId;
use wegwijs_domain::person::Doelgroep;
use wegwijs_domain::trajectory::deadlines::hours::{UrenRegel, UrenTotalen};
use wegwijs_domain::trajectory::deadlines::review::volgende_voortgangsgesprek;
use wegwijs_domain::trajectory::deadlines::termijn::{Inburgeringstermijn, inburgeringstermijn};
use wegwijs_domain::trajectory::deadlines::{
    Afronding, AfrondingFeiten, ExamenResultaat, afronding,
};
use wegwijs_domain::trajectory::progress::afronding::AfrondingInvoer;
use wegwijs_domain::trajectory::settings::TrajectInstellingen;
use wegwijs_storage::persons::PersonRecord;
use wegwijs_storage::progress::Voortgang;

use super::{entry, load};
use crate::Ctx;
use crate::error::AppResult;

/// One person's termijn and progress, as computed today.
pub struct Overzicht {
    pub person: PersonRecord,
    pub voortgang: Voortgang,
    /// `None` before the first vastgesteld PIP.
    pub termijn: Option<Inburgeringstermijn>,
    /// The next review due (last held, or the first PIP, plus the gemeente's interval).
    pub volgende_gesprek: Option<NaiveDate>,
    pub uren: UrenTotalen,
    /// What is still due with the afronding as stored.
    pub afronding: Afronding,
    /// The gemeente's MAP hours norm (setting `map_urennorm`).
    pub map_urennorm: u32,
    pub today: NaiveDate,
}

impl Overzicht {
    pub(super) fn compute(
        person: PersonRecord,
        voortgang: Voortgang,
        s: &TrajectInstellingen,
        today: NaiveDate,
    ) -> Overzicht {
        let termijn = termijn_of(&voortgang);
        let laatste = voortgang
            .gesprekken
            .iter()
            .filter_map(|g| g.gesprek.gehouden_op)
            .max();
        let volgende_gesprek = volgende_voortgangsgesprek(
            voortgang.eerste_pip_dagtekening,
            laatste,
            s.voortgang_interval_maanden,
        );
        let uren = totalen(&voortgang);
        let stored = voortgang
            .afronding
            .as_ref()
            .map(|a| a.afronding.clone())
            .unwrap_or_default();
        let afronding = afronding(&feiten(&person, &voortgang, &stored));
        Overzicht {
            person,
            voortgang,
            termijn,
            volgende_gesprek,
            uren,
            afronding,
            map_urennorm: s.map_urennorm,
            today,
        }
    }

    /// Days left until the last day of the termijn (negative once exceeded).
    pub fn dagen_over(&self) -> Option<i64> {
        self.termijn
            .map(|t| (t.laatste_dag() - self.today).num_days())
    }
}

pub(super) fn termijn_of(v: &Voortgang) -> Option<Inburgeringstermijn> {
    let verlengingen: Vec<_> = v.verlengingen.iter().map(|s| s.value.verlenging).collect();
    v.eerste_pip_dagtekening
        .map(|d| inburgeringstermijn(d, &verlengingen))
}

fn totalen(v: &Voortgang) -> UrenTotalen {
    let regels: Vec<UrenRegel> = v
        .uren
        .iter()
        .map(|u| UrenRegel {
            soort: u.value.soort,
            van: u.value.van,
            tot: u.value.tot,
            uren: u.value.uren,
            tijdens_intake: u.value.tijdens_intake,
        })
        .collect();
    UrenTotalen::tel(&regels, v.eerste_pip_dagtekening)
}

/// The completion facts, with `a` as the afronding (stored, or as about to be saved).
pub(super) fn feiten(p: &PersonRecord, v: &Voortgang, a: &AfrondingInvoer) -> AfrondingFeiten {
    let pip = v.huidige_pip.as_ref();
    AfrondingFeiten {
        leerroute: pip.and_then(|p| p.leerroute),
        niveau: pip.and_then(|p| p.niveau),
        afgeschaald: Vec::new(),
        asielstatushouder: p.details.doelgroep == Some(Doelgroep::Asielstatushouder),
        examens: v
            .examens
            .iter()
            .map(|e| ExamenResultaat {
                onderdeel: e.value.onderdeel,
                niveau: e.value.niveau,
                uitslag: e.value.uitslag,
            })
            .collect(),
        pvt_ondertekend: a.pvt_ondertekend_op,
        map_eindgesprek: a.map_eindgesprek_op,
        z_eindgesprek: a.z_eindgesprek_op,
        onderwijsroute_afgerond: a.onderwijsroute_afgerond_op,
        uren: totalen(v),
        duo_besluiten: v.besluiten.iter().map(|b| b.value.feit()).collect(),
    }
}

/// The voortgang page and the progress GETs: one `TrajectRead` row, durable before anything is shown.
pub async fn view(ctx: &Ctx<'_>, id: PersonId, wat: &str) -> AppResult<Overzicht> {
    let (person, voortgang) = load(ctx, Action::TrajectView, id).await?;
    let s = crate::traject_settings::get(ctx.app, person.gemeente_id).await?;
    ctx.app
        .audit
        .record(vec![entry(
            ctx,
            &person,
            AuditAction::TrajectRead,
            wat.to_string(),
        )])
        .await?;
    Ok(Overzicht::compute(
        person,
        voortgang,
        &s,
        ctx.now().date_naive(),
    ))
}
