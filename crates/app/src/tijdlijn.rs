//! The dossier's timeline as data: the milestones of one person's trajectory from koppeling to today,
//! and the deadlines on to the termijn's end, each deadline marked met, due or overdue. The web layer
//! draws it (`web/src/pages/person/timeline.rs`); this module decides what is on it.

use chrono::NaiveDate;
use wegwijs_domain::audit::AuditAction;
use wegwijs_domain::authz::Action;
use wegwijs_domain::ids::PersonId;
use wegwijs_domain::trajectory::deadlines::pip_deadline::pip_deadline;
use wegwijs_domain::trajectory::deadlines::review::volgende_voortgangsgesprek;
use wegwijs_domain::trajectory::werkvoorraad::TrajectFeiten;
use wegwijs_storage::trajectory_facts;
use wegwijs_storage::trajectory_timeline::{self, Momenten};

use crate::Ctx;
use crate::error::{AppError, AppResult};

/// Something that happened, on its day.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Mijlpaal {
    pub datum: NaiveDate,
    pub label: String,
}

/// How a deadline stands today. Shown as a word and a shape, never by colour alone.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Staat {
    /// Done on or before the deadline.
    Gehaald,
    /// Done, but after the deadline.
    TeLaatGehaald,
    /// Still open, deadline not passed.
    Open,
    /// Still open, deadline passed.
    TeLaat,
}

impl Staat {
    pub fn label(self) -> &'static str {
        match self {
            Staat::Gehaald => "gehaald",
            Staat::TeLaatGehaald => "gehaald, na de termijn",
            Staat::Open => "nog te doen",
            Staat::TeLaat => "te laat",
        }
    }

    fn van(gedaan: Option<NaiveDate>, termijn: NaiveDate, today: NaiveDate) -> Staat {
        match gedaan {
            Some(d) if d <= termijn => Staat::Gehaald,
            Some(_) => Staat::TeLaatGehaald,
            None if termijn < today => Staat::TeLaat,
            None => Staat::Open,
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Deadline {
    pub datum: NaiveDate,
    pub label: String,
    pub staat: Staat,
}

/// Everything the timeline shows, sorted by date.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Tijdlijn {
    pub vandaag: NaiveDate,
    pub mijlpalen: Vec<Mijlpaal>,
    pub deadlines: Vec<Deadline>,
}

impl Tijdlijn {
    /// First and last day drawn: the earliest event and the later of today and the last deadline.
    pub fn bereik(&self) -> (NaiveDate, NaiveDate) {
        let dates = self
            .mijlpalen
            .iter()
            .map(|m| m.datum)
            .chain(self.deadlines.iter().map(|d| d.datum))
            .chain(std::iter::once(self.vandaag));
        let (mut van, mut tot) = (self.vandaag, self.vandaag);
        for d in dates {
            van = van.min(d);
            tot = tot.max(d);
        }
        (van, tot)
    }
}

fn mijlpaal(out: &mut Vec<Mijlpaal>, datum: Option<NaiveDate>, label: impl Into<String>) {
    if let Some(datum) = datum {
        out.push(Mijlpaal {
            datum,
            label: label.into(),
        });
    }
}

/// The timeline from the facts and events. Pure, so tests give it any day.
pub fn bouw(
    f: &TrajectFeiten,
    m: &Momenten,
    s: &wegwijs_domain::trajectory::settings::TrajectInstellingen,
    today: NaiveDate,
) -> Tijdlijn {
    let mut mijlpalen = Vec::new();
    mijlpaal(&mut mijlpalen, f.koppeling, "Koppeling");
    mijlpaal(&mut mijlpalen, f.kennisgeving, "Kennisgeving DUO");
    mijlpaal(&mut mijlpalen, f.brp_inschrijving, "Inschrijving BRP");
    mijlpaal(&mut mijlpalen, f.intake_gestart, "Brede intake gestart");
    mijlpaal(&mut mijlpalen, f.intake_afgerond, "Brede intake afgerond");
    for p in &m.pips {
        let wat = if p.status == "ingetrokken" {
            "ingetrokken"
        } else {
            "vastgesteld"
        };
        mijlpaal(
            &mut mijlpalen,
            p.dagtekening,
            format!("PIP versie {} {wat} (dagtekening)", p.nummer),
        );
    }
    for r in &m.reviews {
        mijlpaal(&mut mijlpalen, r.gehouden_op, "Voortgangsgesprek gehouden");
    }
    for e in &m.examens {
        let niveau = e
            .niveau
            .as_deref()
            .map(|n| format!(" ({n})"))
            .unwrap_or_default();
        mijlpaal(
            &mut mijlpalen,
            Some(e.datum),
            format!("Examen {}{niveau} gehaald", e.onderdeel),
        );
    }
    mijlpaal(&mut mijlpalen, f.voldaan_op, "Inburgeringsplicht voldaan");
    mijlpalen.sort_by_key(|m| m.datum);

    let mut deadlines = Vec::new();
    let pip_termijn = f
        .wi2021_traject()
        .then(|| pip_deadline(&f.pip_termijn_feiten(), s.termijnwet_toepassen).wettelijk())
        .flatten();
    if let Some(d) = pip_termijn {
        deadlines.push(Deadline {
            datum: d,
            label: "PIP uiterlijk vastgesteld".into(),
            staat: Staat::van(f.first_pip_dagtekening, d, today),
        });
    }
    if let Some(t) = f.termijn() {
        let einde = t.laatste_dag();
        deadlines.push(Deadline {
            datum: einde,
            label: if t.verlengd {
                "Einde inburgeringstermijn (verlengd)".into()
            } else {
                "Einde inburgeringstermijn".into()
            },
            staat: Staat::van(f.voldaan_op, einde, today),
        });
    }
    if f.voldaan_op.is_none() {
        // A planned review is the next one; otherwise the interval says when it is due.
        let volgende = f.next_review_planned.or_else(|| {
            volgende_voortgangsgesprek(
                f.first_pip_dagtekening,
                f.last_review_held,
                s.voortgang_interval_maanden,
            )
        });
        if let Some(d) = volgende {
            deadlines.push(Deadline {
                datum: d,
                label: "Volgend voortgangsgesprek".into(),
                staat: Staat::van(None, d, today),
            });
        }
    }
    deadlines.sort_by_key(|d| d.datum);
    Tijdlijn {
        vandaag: today,
        mijlpalen,
        deadlines,
    }
}

/// The timeline of a person the actor may see (TrajectView), with the name ("Achternaam, Voornamen"),
/// audited as a read of the trajectory.
pub async fn view(ctx: &Ctx<'_>, id: PersonId) -> AppResult<(String, Tijdlijn)> {
    let person = crate::persons::load(ctx, Action::TrajectView, id).await?;
    let feiten = trajectory_facts::load_one(&ctx.app.db, person.gemeente_id, id)
        .await?
        .ok_or(AppError::NotFound)?;
    let momenten = trajectory_timeline::momenten(&ctx.app.db, id).await?;
    let s = crate::werkvoorraad::instellingen(ctx, person.gemeente_id).await?;
    let tijdlijn = bouw(&feiten.feiten, &momenten, &s, ctx.app.clock.today());
    let entry = ctx.audit.entry(
        ctx.now(),
        AuditAction::TrajectRead,
        Some(person.gemeente_id),
        Some(id),
        Some("tijdlijn".into()),
    );
    ctx.app.audit.record(vec![entry]).await?;
    Ok((feiten.naam, tijdlijn))
}
