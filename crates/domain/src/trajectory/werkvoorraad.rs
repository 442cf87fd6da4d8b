//! The regisseur's werkvoorraad: from one person's trajectory facts and today's date, the actions that
//! need doing, most urgent first. Pure: the storage slice loads [`TrajectFeiten`] per person.
//! Which rule each signal rests on: docs/rules.md (D-*, E-*, F-3a, H-*, WV-*).

use chrono::{Days, Months, NaiveDate};

use super::deadlines::pip_deadline::{PipTermijn, pip_deadline};
use super::deadlines::review::volgende_voortgangsgesprek;
use super::deadlines::support::{Periode, begeleiding, ontzorgen};
use super::settings::TrajectInstellingen;
pub use super::traject_feiten::TrajectFeiten;

/// Days before a deadline the werkvoorraad starts showing it (issue 7: "due within 2 weeks"; WV-1).
pub const SIGNAAL_DAGEN: u64 = 14;
/// Months before the termijn's end an incomplete route is signalled (WV-2, matches Besluit 4.5 lid 1).
pub const TERMIJN_SIGNAAL_MAANDEN: u32 = 6;
/// Days before ontzorgen or begeleiding ends it is signalled (WV-4).
pub const ONDERSTEUNING_SIGNAAL_DAGEN: u64 = 28;
/// Days an absence without notice at a partner stays on the werkvoorraad: the window the partner's
/// own signal (`aanwezigheid::signalen`) counts in. One such absence is enough: the regisseur hears of
/// it while it can still be acted on (Wet 35 lid 3 asks providers to report attendance for this).
pub const VERZUIM_SIGNAAL_DAGEN: u64 = 28;

code_enum! {
    /// Kind of action on the werkvoorraad.
    #[derive(PartialOrd, Ord)]
    pub enum ActieSoort {
        PipTeLaat = "pip_te_laat", "PIP te laat",
        PipBinnenTweeWeken = "pip_binnen_twee_weken", "PIP binnen twee weken vaststellen",
        VoortgangNodig = "voortgang_nodig", "Voortgangsgesprek nodig",
        TermijnEindigtRouteOnvolledig = "termijn_eindigt", "Termijn eindigt binnen zes maanden, route niet afgerond",
        OntzorgenEindigt = "ontzorgen_eindigt", "Financieel ontzorgen eindigt",
        BegeleidingEindigt = "begeleiding_eindigt", "Maatschappelijke begeleiding eindigt",
        IntakeOnvolledig = "intake_onvolledig", "Brede intake niet afgerond",
        GeenContact = "geen_contact", "Geen contact",
        Verzuim = "verzuim", "Afwezig zonder bericht bij een ketenpartner",
    }
}

/// One action for one person.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Actie {
    pub soort: ActieSoort,
    /// The deadline the action is about, when it has one.
    pub datum: Option<NaiveDate>,
    /// The deadline has passed.
    pub te_laat: bool,
}

impl Actie {
    /// Sort key, smallest most urgent: overdue first (oldest first), then by date (undated last),
    /// then by kind.
    pub fn urgentie(&self) -> (bool, NaiveDate, ActieSoort) {
        (
            !self.te_laat,
            self.datum.unwrap_or(NaiveDate::MAX),
            self.soort,
        )
    }

    fn op(soort: ActieSoort, datum: NaiveDate, today: NaiveDate) -> Actie {
        Actie {
            soort,
            datum: Some(datum),
            te_laat: datum < today,
        }
    }
}

fn dagen_na(d: NaiveDate, dagen: u64) -> NaiveDate {
    d.checked_add_days(Days::new(dagen))
        .unwrap_or(NaiveDate::MAX)
}

/// The actions for one person today, sorted by [`Actie::urgentie`]. A person whose obligation is met
/// (`voldaan_op`) has none.
pub fn acties(f: &TrajectFeiten, s: &TrajectInstellingen, today: NaiveDate) -> Vec<Actie> {
    if f.voldaan_op.is_some() {
        return Vec::new();
    }
    let mut uit = Vec::new();
    if f.wi2021_traject() {
        pip_acties(f, s, today, &mut uit);
        voortgang_actie(f, s, today, &mut uit);
        termijn_actie(f, today, &mut uit);
    }
    ondersteuning_acties(f, s, today, &mut uit);
    contact_actie(f, s, today, &mut uit);
    verzuim_actie(f, today, &mut uit);
    uit.sort_by_key(Actie::urgentie);
    uit
}

fn pip_acties(f: &TrajectFeiten, s: &TrajectInstellingen, today: NaiveDate, uit: &mut Vec<Actie>) {
    if f.first_pip_dagtekening.is_some() {
        return;
    }
    let termijn = pip_deadline(&f.pip_termijn_feiten(), s.termijnwet_toepassen);
    let wettelijk = termijn.wettelijk();
    if let Some(d) = wettelijk {
        if d < today {
            uit.push(Actie::op(ActieSoort::PipTeLaat, d, today));
        } else if d <= dagen_na(today, SIGNAAL_DAGEN) {
            uit.push(Actie::op(ActieSoort::PipBinnenTweeWeken, d, today));
        }
    }
    // The intake comes before the PIP; its deadline is the PIP's.
    if f.intake_afgerond.is_none()
        && (f.intake_gestart.is_some() || matches!(termijn, PipTermijn::Bekend(_)))
    {
        uit.push(match wettelijk {
            Some(d) => Actie::op(ActieSoort::IntakeOnvolledig, d, today),
            None => Actie {
                soort: ActieSoort::IntakeOnvolledig,
                datum: None,
                te_laat: false,
            },
        });
    }
}

fn voortgang_actie(
    f: &TrajectFeiten,
    s: &TrajectInstellingen,
    today: NaiveDate,
    uit: &mut Vec<Actie>,
) {
    // A review on the agenda from today on is the action already taken.
    if f.next_review_planned.is_some_and(|g| g >= today) {
        return;
    }
    let volgende = volgende_voortgangsgesprek(
        f.first_pip_dagtekening,
        f.last_review_held,
        s.voortgang_interval_maanden,
    );
    if let Some(d) = volgende.filter(|d| *d <= dagen_na(today, SIGNAAL_DAGEN)) {
        uit.push(Actie::op(ActieSoort::VoortgangNodig, d, today));
    }
}

fn termijn_actie(f: &TrajectFeiten, today: NaiveDate, uit: &mut Vec<Actie>) {
    let Some(t) = f.termijn() else { return };
    if f.route_compleet {
        return;
    }
    let signaal_vanaf = t
        .einddatum
        .checked_sub_months(Months::new(TERMIJN_SIGNAAL_MAANDEN))
        .unwrap_or(NaiveDate::MIN);
    if today >= signaal_vanaf {
        uit.push(Actie::op(
            ActieSoort::TermijnEindigtRouteOnvolledig,
            t.laatste_dag(),
            today,
        ));
    }
}

fn eindigt_binnenkort(p: Option<Periode>, today: NaiveDate) -> Option<NaiveDate> {
    let p = p?;
    let laatste = p.laatste_dag();
    let vanaf = laatste
        .checked_sub_days(Days::new(ONDERSTEUNING_SIGNAAL_DAGEN))
        .unwrap_or(NaiveDate::MIN);
    (vanaf <= today && today <= laatste).then_some(laatste)
}

fn ondersteuning_acties(
    f: &TrajectFeiten,
    s: &TrajectInstellingen,
    today: NaiveDate,
    uit: &mut Vec<Actie>,
) {
    let asiel = f.asielstatushouder();
    if let Some(d) = eindigt_binnenkort(ontzorgen(asiel, f.uitkering_pw_start), today) {
        uit.push(Actie::op(ActieSoort::OntzorgenEindigt, d, today));
    }
    if let Some(d) = eindigt_binnenkort(
        begeleiding(asiel, f.brp_inschrijving, s.begeleiding_maanden),
        today,
    ) {
        uit.push(Actie::op(ActieSoort::BegeleidingEindigt, d, today));
    }
}

fn verzuim_actie(f: &TrajectFeiten, today: NaiveDate, uit: &mut Vec<Actie>) {
    if let Some(d) = f.laatste_verzuim
        && d <= today
        && dagen_na(d, VERZUIM_SIGNAAL_DAGEN) >= today
    {
        uit.push(Actie {
            soort: ActieSoort::Verzuim,
            datum: Some(d),
            te_laat: false,
        });
    }
}

fn contact_actie(
    f: &TrajectFeiten,
    s: &TrajectInstellingen,
    today: NaiveDate,
    uit: &mut Vec<Actie>,
) {
    // Before any contact, the koppeling is the moment the gemeente became responsible.
    let Some(sinds) = f.laatste_contact.or(f.koppeling) else {
        return;
    };
    let grens = dagen_na(sinds, u64::from(s.geen_contact_dagen));
    if grens < today {
        uit.push(Actie::op(ActieSoort::GeenContact, grens, today));
    }
}
