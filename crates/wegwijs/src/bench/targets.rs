//! What is measured, which two limits each HTTP scenario is compared with, and the targets of the
//! issue (at 250,000 persons on a 2-core machine).
//!
//! Every scenario has two limits, measured in the same run:
//! - (a) `limit_*`: the same storage calls (the same SQL) on connections held by the task, with the
//!   audit rows group-committed through the server's own audit writer: what the database can do
//!   without HTTP, sessions, templates or a pool hand-off;
//! - (b) `floor_N`: a fixed page of the same size as the dossier page, through the same router and
//!   middleware stack, with N clients: what HTTP alone can do on this machine.

use wegwijs_storage::Backend;

use super::driver::Widths;
use super::stats::Summary;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    Dossier1,
    DossierN,
    Caseload,
    CaseloadN,
    Search,
    ApiGet,
    /// A page of 100 from the whole 100,000-person gemeente (API default scope), any depth.
    List,
    ListFirst,
    ListDeep,
    ListSearch,
    CreateApi,
    LimitDossier1,
    LimitDossierN,
    LimitCaseload,
    LimitCaseloadN,
    LimitSearch,
    LimitList,
    LimitListSearch,
    LimitCreate,
    Floor1,
    FloorN,
    FloorCreate,
    /// The disk: write 4 KiB and fdatasync, one at a time.
    Fsync,
    // Trajectory (issue 7).
    /// `/werkvoorraad` of the regisseur whose caseload is nearest 150.
    Werkvoorraad,
    /// `/werkvoorraad?regisseur=team` of the teamleider whose team is nearest 10 regisseurs.
    WerkvoorraadTeam,
    /// `/personen/{id}/tijdlijn`: the dossier's trajectory, one client.
    DossierTraject,
    /// The beschikking PDF of a vastgesteld PIP, [`PDF_CLIENTS`] clients.
    BeschikkingPdf,
    LimitWerkvoorraad,
    LimitWerkvoorraadTeam,
    LimitDossierTraject,
    /// The render alone: `documents::beschikking_pdf` on data loaded beforehand.
    LimitBeschikkingPdf,
    // End trajectory.
}

/// Concurrent clients of `beschikking_pdf` and its limit: the issue's ">= 30/s on the 2 cores".
pub const PDF_CLIENTS: usize = 2;

/// One measured scenario or limit.
#[derive(Debug, Clone)]
pub struct Measured {
    pub kind: Kind,
    pub name: String,
    /// Concurrent clients.
    pub width: usize,
    pub summary: Summary,
}

impl Measured {
    pub fn new(kind: Kind, width: usize, summary: Summary) -> Measured {
        Measured {
            kind,
            name: kind.name(width),
            width,
            summary,
        }
    }
}

/// Whether a kind is a scenario through HTTP, a limit (a), a floor (b) or the disk.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Group {
    Scenario,
    Limit,
    Floor,
    Disk,
}

impl Kind {
    /// The order of a run: the disk, the HTTP floors, reads (so they see the dataset as generated),
    /// then the writes, each followed by removing what it created.
    pub const ORDER: [Kind; 31] = [
        Kind::Fsync,
        Kind::Floor1,
        Kind::FloorN,
        Kind::FloorCreate,
        Kind::Dossier1,
        Kind::LimitDossier1,
        Kind::DossierN,
        Kind::LimitDossierN,
        Kind::ApiGet,
        Kind::Caseload,
        Kind::LimitCaseload,
        Kind::CaseloadN,
        Kind::LimitCaseloadN,
        Kind::Search,
        Kind::LimitSearch,
        Kind::List,
        Kind::ListFirst,
        Kind::ListDeep,
        Kind::LimitList,
        Kind::ListSearch,
        Kind::LimitListSearch,
        // Trajectory (issue 7).
        Kind::Werkvoorraad,
        Kind::LimitWerkvoorraad,
        Kind::WerkvoorraadTeam,
        Kind::LimitWerkvoorraadTeam,
        Kind::DossierTraject,
        Kind::LimitDossierTraject,
        Kind::BeschikkingPdf,
        Kind::LimitBeschikkingPdf,
        // End trajectory.
        Kind::CreateApi,
        Kind::LimitCreate,
    ];

    pub fn width(self, w: Widths) -> usize {
        match self {
            Kind::DossierN
            | Kind::ApiGet
            | Kind::CaseloadN
            | Kind::LimitDossierN
            | Kind::LimitCaseloadN
            | Kind::FloorN => w.concurrency,
            Kind::CreateApi | Kind::LimitCreate | Kind::FloorCreate => w.create_concurrency,
            Kind::BeschikkingPdf | Kind::LimitBeschikkingPdf => PDF_CLIENTS,
            _ => 1,
        }
    }

    /// Whether the scenario adds persons (which are removed again before the next one).
    pub fn creates(self) -> bool {
        matches!(self, Kind::CreateApi | Kind::LimitCreate)
    }

    pub fn name(self, width: usize) -> String {
        match self {
            Kind::Dossier1 => "dossier_1".into(),
            Kind::DossierN => format!("dossier_{width}"),
            Kind::Caseload => "caseload".into(),
            Kind::CaseloadN => format!("caseload_{width}"),
            Kind::Search => "search".into(),
            Kind::ApiGet => "api_get".into(),
            Kind::List => "list_100k".into(),
            Kind::ListFirst => "list_100k_first".into(),
            Kind::ListDeep => "list_100k_deep".into(),
            Kind::ListSearch => "list_100k_search".into(),
            Kind::CreateApi => "create_api".into(),
            Kind::LimitDossier1 => "limit_dossier_1".into(),
            Kind::LimitDossierN => format!("limit_dossier_{width}"),
            Kind::LimitCaseload => "limit_caseload".into(),
            Kind::LimitCaseloadN => format!("limit_caseload_{width}"),
            Kind::LimitSearch => "limit_search".into(),
            Kind::LimitList => "limit_list_100k".into(),
            Kind::LimitListSearch => "limit_list_100k_search".into(),
            Kind::LimitCreate => "limit_create".into(),
            Kind::Floor1 | Kind::FloorN | Kind::FloorCreate => format!("floor_{width}"),
            Kind::Fsync => "fsync".into(),
            Kind::Werkvoorraad => "werkvoorraad".into(),
            Kind::WerkvoorraadTeam => "werkvoorraad_team".into(),
            Kind::DossierTraject => "dossier_traject".into(),
            Kind::BeschikkingPdf => "beschikking_pdf".into(),
            Kind::LimitWerkvoorraad => "limit_werkvoorraad".into(),
            Kind::LimitWerkvoorraadTeam => "limit_werkvoorraad_team".into(),
            Kind::LimitDossierTraject => "limit_dossier_traject".into(),
            Kind::LimitBeschikkingPdf => "limit_beschikking_pdf".into(),
        }
    }

    pub fn group(self) -> Group {
        match self {
            Kind::LimitDossier1
            | Kind::LimitDossierN
            | Kind::LimitCaseload
            | Kind::LimitCaseloadN
            | Kind::LimitSearch
            | Kind::LimitList
            | Kind::LimitListSearch
            | Kind::LimitCreate
            | Kind::LimitWerkvoorraad
            | Kind::LimitWerkvoorraadTeam
            | Kind::LimitDossierTraject
            | Kind::LimitBeschikkingPdf => Group::Limit,
            Kind::Floor1 | Kind::FloorN | Kind::FloorCreate => Group::Floor,
            Kind::Fsync => Group::Disk,
            _ => Group::Scenario,
        }
    }

    /// Whether the scenario needs the trajectory subject (`traject_subject`).
    pub fn is_traject(self) -> bool {
        matches!(
            self,
            Kind::Werkvoorraad
                | Kind::WerkvoorraadTeam
                | Kind::DossierTraject
                | Kind::BeschikkingPdf
                | Kind::LimitWerkvoorraad
                | Kind::LimitWerkvoorraadTeam
                | Kind::LimitDossierTraject
                | Kind::LimitBeschikkingPdf
        )
    }

    pub fn is_limit(self) -> bool {
        self.group() != Group::Scenario
    }

    /// Limit (a): the storage work of the scenario without HTTP.
    pub fn limit(self) -> Option<Kind> {
        match self {
            Kind::Dossier1 => Some(Kind::LimitDossier1),
            Kind::DossierN | Kind::ApiGet => Some(Kind::LimitDossierN),
            Kind::Caseload => Some(Kind::LimitCaseload),
            Kind::CaseloadN => Some(Kind::LimitCaseloadN),
            Kind::Search => Some(Kind::LimitSearch),
            Kind::List | Kind::ListFirst | Kind::ListDeep => Some(Kind::LimitList),
            Kind::ListSearch => Some(Kind::LimitListSearch),
            Kind::CreateApi => Some(Kind::LimitCreate),
            Kind::Werkvoorraad => Some(Kind::LimitWerkvoorraad),
            Kind::WerkvoorraadTeam => Some(Kind::LimitWerkvoorraadTeam),
            Kind::DossierTraject => Some(Kind::LimitDossierTraject),
            Kind::BeschikkingPdf => Some(Kind::LimitBeschikkingPdf),
            _ => None,
        }
    }

    pub fn target(self, backend: Backend) -> Option<Target> {
        let t = |p99_ms, min_ops| Some(Target { p99_ms, min_ops });
        match self {
            Kind::Dossier1 => t(Some(5.0), None),
            // "At least 5,000 dossier views per second on SQLite, each with its durable audit row."
            Kind::DossierN if backend == Backend::Sqlite => t(Some(25.0), Some(5_000.0)),
            Kind::DossierN => t(Some(25.0), None),
            Kind::Caseload => t(Some(5.0), None),
            Kind::CaseloadN => t(None, Some(2_000.0)),
            Kind::Search => t(Some(10.0), None),
            Kind::List | Kind::ListFirst | Kind::ListDeep | Kind::ListSearch => t(Some(20.0), None),
            Kind::CreateApi => t(None, Some(3_000.0)),
            Kind::Werkvoorraad => t(Some(25.0), None),
            Kind::WerkvoorraadTeam => t(Some(50.0), None),
            Kind::DossierTraject => t(Some(5.0), None),
            Kind::BeschikkingPdf => t(Some(150.0), Some(30.0)),
            _ => None,
        }
    }
}

/// The scenarios and limits to run (`--only`); empty means all.
#[derive(Debug, Clone, Default)]
pub struct Selection(pub Vec<String>);

impl Selection {
    pub fn wants(&self, name: &str) -> bool {
        self.0.is_empty() || self.0.iter().any(|n| n.trim() == name)
    }
}

/// The demo load of 250,000 persons must take at most this long: 60 s since issue 7 added the
/// trajectory rows (about 3.9 million: intakes, PIP versions with goals and activities, reviews,
/// hours); the persons and households alone were held to 30 s.
pub const DEMO_LOAD_TARGET_SECS: f64 = 60.0;

#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Target {
    pub p99_ms: Option<f64>,
    pub min_ops: Option<f64>,
}

impl Target {
    pub fn met(&self, s: &Summary) -> bool {
        s.errors == 0
            && self.p99_ms.is_none_or(|max| s.p99_ms <= max)
            && self.min_ops.is_none_or(|min| s.ops_per_s >= min)
    }

    pub fn describe(&self) -> String {
        let mut parts = Vec::new();
        if let Some(max) = self.p99_ms {
            parts.push(format!("p99<={max}ms"));
        }
        if let Some(min) = self.min_ops {
            parts.push(format!(">={min}/s"));
        }
        parts.join(" ")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn summary(p99_ms: f64, ops_per_s: f64) -> Summary {
        Summary {
            n: 10,
            errors: 0,
            first_error: None,
            p50_ms: 1.0,
            p99_ms,
            ops_per_s,
        }
    }

    const W: Widths = Widths {
        concurrency: 64,
        create_concurrency: 16,
    };

    #[test]
    fn dossier_throughput_target_applies_to_sqlite_only() {
        let s = summary(20.0, 4_000.0);
        assert!(
            !Kind::DossierN
                .target(Backend::Sqlite)
                .is_some_and(|t| t.met(&s))
        );
        assert!(
            Kind::DossierN
                .target(Backend::Postgres)
                .is_some_and(|t| t.met(&s))
        );
    }

    #[test]
    fn a_scenario_with_errors_never_meets_its_target() {
        let mut s = summary(1.0, 10_000.0);
        s.errors = 1;
        assert!(
            !Kind::Dossier1
                .target(Backend::Sqlite)
                .is_some_and(|t| t.met(&s))
        );
    }

    #[test]
    fn every_scenario_has_both_limits_and_limits_have_none() {
        for k in Kind::ORDER {
            // Limit (b) is the floor of the same width: every width of a scenario has one.
            let floors = [Kind::Floor1, Kind::FloorN, Kind::FloorCreate].map(|f| f.width(W));
            if k.group() == Group::Scenario {
                assert!(k.limit().is_some(), "{k:?}");
                // The PDF's two clients have no floor of their width (the floor is an HTML page).
                let floorless = k == Kind::BeschikkingPdf;
                assert!(floors.contains(&k.width(W)) || floorless, "{k:?}");
            } else {
                assert!(k.limit().is_none(), "{k:?}");
            }
        }
        assert_eq!(Kind::DossierN.name(64), "dossier_64");
        assert_eq!(Kind::CaseloadN.name(64), "caseload_64");
        assert_eq!(Kind::List.name(1), "list_100k");
    }

    #[test]
    fn trajectory_kinds_have_the_issue_targets_beside_their_limit() {
        let s = summary(20.0, 40.0);
        let met = |k: Kind| k.target(Backend::Postgres).is_some_and(|t| t.met(&s));
        // p99 20 ms with 40/s: within 25 ms (werkvoorraad), 50 ms (team), 150 ms and >= 30/s (PDF).
        assert!(met(Kind::Werkvoorraad));
        assert!(met(Kind::WerkvoorraadTeam));
        assert!(!met(Kind::DossierTraject), "p99 <= 5 ms");
        assert!(met(Kind::BeschikkingPdf));
        assert!(
            !Kind::BeschikkingPdf
                .target(Backend::Sqlite)
                .is_some_and(|t| t.met(&summary(20.0, 29.0)))
        );
        for (k, limit, name) in [
            (Kind::Werkvoorraad, Kind::LimitWerkvoorraad, "werkvoorraad"),
            (
                Kind::WerkvoorraadTeam,
                Kind::LimitWerkvoorraadTeam,
                "werkvoorraad_team",
            ),
            (
                Kind::DossierTraject,
                Kind::LimitDossierTraject,
                "dossier_traject",
            ),
            (
                Kind::BeschikkingPdf,
                Kind::LimitBeschikkingPdf,
                "beschikking_pdf",
            ),
        ] {
            assert_eq!(k.limit(), Some(limit));
            assert_eq!(k.name(k.width(W)), name);
            assert_eq!(limit.name(limit.width(W)), format!("limit_{name}"));
            assert_eq!(
                k.width(W),
                limit.width(W),
                "{k:?}: the limit runs as wide as the scenario"
            );
            assert!(k.is_traject() && limit.is_traject() && limit.is_limit());
            assert!(Kind::ORDER.contains(&k) && Kind::ORDER.contains(&limit));
        }
        assert_eq!(Kind::BeschikkingPdf.width(W), 2);
        assert!(!Kind::Caseload.is_traject());
    }

    #[test]
    fn an_empty_selection_wants_everything() {
        assert!(Selection::default().wants("search"));
        let only = Selection(vec!["search".into(), " limit_caseload".into()]);
        assert!(only.wants("limit_caseload"));
        assert!(!only.wants("caseload"));
    }
}
