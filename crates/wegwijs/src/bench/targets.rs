//! What is measured, which physical limit each HTTP scenario is compared with, and the targets of the
//! issue (at 250,000 persons on a 2-core machine).

use wegwijs_storage::Backend;

use super::driver::Widths;
use super::stats::Summary;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    Dossier1,
    DossierN,
    Caseload,
    Search,
    ApiGet,
    CreateApi,
    LimitDossier,
    LimitCaseload,
    LimitSearch,
    LimitCreate,
}

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

impl Kind {
    /// The order of a run: reads first (so they see the dataset as generated), then the writes, each
    /// followed by removing what it created.
    pub const ORDER: [Kind; 10] = [
        Kind::Dossier1,
        Kind::DossierN,
        Kind::Caseload,
        Kind::Search,
        Kind::ApiGet,
        Kind::LimitDossier,
        Kind::LimitCaseload,
        Kind::LimitSearch,
        Kind::CreateApi,
        Kind::LimitCreate,
    ];

    pub fn width(self, w: Widths) -> usize {
        match self {
            Kind::DossierN | Kind::ApiGet | Kind::LimitDossier => w.concurrency,
            Kind::CreateApi | Kind::LimitCreate => w.create_concurrency,
            Kind::Dossier1
            | Kind::Caseload
            | Kind::Search
            | Kind::LimitCaseload
            | Kind::LimitSearch => 1,
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
            Kind::Search => "search".into(),
            Kind::ApiGet => "api_get".into(),
            Kind::CreateApi => "create_api".into(),
            Kind::LimitDossier => "limit_dossier".into(),
            Kind::LimitCaseload => "limit_caseload".into(),
            Kind::LimitSearch => "limit_search".into(),
            Kind::LimitCreate => "limit_create".into(),
        }
    }

    pub fn is_limit(self) -> bool {
        matches!(
            self,
            Kind::LimitDossier | Kind::LimitCaseload | Kind::LimitSearch | Kind::LimitCreate
        )
    }

    /// The raw SQL limit the scenario's throughput is divided by.
    pub fn limit(self) -> Option<Kind> {
        match self {
            Kind::Dossier1 | Kind::DossierN | Kind::ApiGet => Some(Kind::LimitDossier),
            Kind::Caseload => Some(Kind::LimitCaseload),
            // The search is the caseload query with a prefix or BSN filter over the whole gemeente: its
            // own SQL, so its own limit.
            Kind::Search => Some(Kind::LimitSearch),
            Kind::CreateApi => Some(Kind::LimitCreate),
            Kind::LimitDossier | Kind::LimitCaseload | Kind::LimitSearch | Kind::LimitCreate => {
                None
            }
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
            Kind::Search => t(Some(10.0), None),
            Kind::CreateApi => t(None, Some(3_000.0)),
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

/// The demo load of 250,000 persons must take at most this long.
pub const DEMO_LOAD_TARGET_SECS: f64 = 30.0;

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
    fn every_scenario_has_a_limit_and_limits_have_none() {
        assert_eq!(Kind::Search.limit(), Some(Kind::LimitSearch));
        assert_eq!(Kind::Caseload.limit(), Some(Kind::LimitCaseload));
        assert_eq!(Kind::LimitCreate.limit(), None);
        assert_eq!(Kind::DossierN.name(64), "dossier_64");
    }

    #[test]
    fn an_empty_selection_wants_everything() {
        assert!(Selection::default().wants("search"));
        let only = Selection(vec!["search".into(), " limit_caseload".into()]);
        assert!(only.wants("limit_caseload"));
        assert!(!only.wants("caseload"));
    }
}
