//! The output: a readable table, then (last, for scripts) one JSON line per scenario and limit and
//! one for the demo load.

use serde::Serialize;
use wegwijs_storage::Backend;

use super::targets::{DEMO_LOAD_TARGET_SECS, Group, Kind, Measured};

/// What the run measured on, for the heading.
pub struct Context {
    pub backend: Backend,
    pub url: String,
    pub persons: i64,
    /// Seconds the demo load took; `None` when an existing dataset was reused.
    pub demo_load_secs: Option<f64>,
    pub gemeente: String,
    pub gemeente_persons: usize,
    pub regisseur: String,
    pub caseload: i64,
    /// The gemeente of `list_100k` and its size.
    pub list_gemeente_persons: usize,
    pub duration_secs: u64,
    pub cores: usize,
    /// `uptime`'s load averages at the start and the end of the run.
    pub load_start: String,
    pub load_end: String,
    /// Whom the trajectory scenarios act as (issue 7), when any ran.
    pub traject: Option<String>,
}

pub struct Report {
    pub context: Context,
    pub measured: Vec<Measured>,
}

#[derive(Serialize)]
struct JsonLine<'a> {
    scenario: &'a str,
    n: usize,
    p50_ms: f64,
    p99_ms: f64,
    ops_per_s: f64,
    /// Limit (a): the same storage work on held connections, audit group-committed.
    limit_ops_per_s: Option<f64>,
    /// Limit (b): a fixed page of the same size through the same HTTP stack, same width.
    floor_ops_per_s: Option<f64>,
}

#[derive(Serialize)]
struct DemoLine {
    scenario: &'static str,
    n: i64,
    seconds: Option<f64>,
    reused: bool,
}

fn round(v: f64, decimals: i32) -> f64 {
    let f = 10f64.powi(decimals);
    (v * f).round() / f
}

impl Report {
    fn limit_of(&self, kind: Kind) -> Option<f64> {
        let limit = kind.limit()?;
        self.measured
            .iter()
            .find(|m| m.kind == limit)
            .map(|m| m.summary.ops_per_s)
    }

    fn floor_of(&self, m: &Measured) -> Option<f64> {
        if m.kind.group() != Group::Scenario {
            return None;
        }
        self.measured
            .iter()
            .find(|f| f.kind.group() == Group::Floor && f.width == m.width)
            .map(|f| f.summary.ops_per_s)
    }

    /// Names of the scenarios and limits that had errors.
    pub fn failed(&self) -> Vec<String> {
        self.measured
            .iter()
            .filter(|m| m.summary.errors > 0)
            .map(|m| m.name.clone())
            .collect()
    }

    pub fn print(&self) {
        let c = &self.context;
        let demo = match c.demo_load_secs {
            Some(s) => format!("demo geladen in {s:.1} s"),
            None => "bestaande gegevens hergebruikt".into(),
        };
        println!();
        println!(
            "wegwijs bench: {} ({}), {} personen, {demo}, {} cores",
            c.backend.name(),
            c.url,
            c.persons,
            c.cores
        );
        println!(
            "als regisseur {} (caseload {}) in {} ({} personen); {} s per scenario na opwarmen",
            c.regisseur, c.caseload, c.gemeente, c.gemeente_persons, c.duration_secs
        );
        println!();
        println!("load (uptime): begin {}; eind {}", c.load_start, c.load_end);
        println!(
            "list_100k: de eigen gemeente van de regisseur, {} personen; pagina's van 100",
            c.list_gemeente_persons
        );
        if let Some(t) = &c.traject {
            println!("{t}");
        }
        println!();
        println!(
            "{:<22} {:>7} {:>7} {:>6} {:>8} {:>8} {:>8} {:>8} {:>6} {:>8} {:>6}  {:<22} gehaald",
            "scenario",
            "clients",
            "n",
            "fouten",
            "p50 ms",
            "p99 ms",
            "ops/s",
            "(a)/s",
            "/(a)",
            "(b)/s",
            "/(b)",
            "doel"
        );
        for m in self.measured.iter().filter(|m| !m.kind.is_limit()) {
            self.print_row(m);
        }
        println!(
            "-- limiet (a): dezelfde opslagaanroepen op vastgehouden verbindingen, audit via group commit"
        );
        for m in self
            .measured
            .iter()
            .filter(|m| m.kind.group() == Group::Limit)
        {
            self.print_row(m);
        }
        println!("-- limiet (b): een vaste pagina van dezelfde grootte door dezelfde HTTP-stack");
        for m in self
            .measured
            .iter()
            .filter(|m| m.kind.group() == Group::Floor)
        {
            self.print_row(m);
        }
        println!("-- schijf: 4 KiB schrijven + fdatasync, een tegelijk");
        for m in self
            .measured
            .iter()
            .filter(|m| m.kind.group() == Group::Disk)
        {
            self.print_row(m);
        }
        let (secs, met) = match c.demo_load_secs {
            Some(s) => (
                format!("{s:.1} s"),
                if s <= DEMO_LOAD_TARGET_SECS {
                    "ja"
                } else {
                    "NEE"
                },
            ),
            None => ("hergebruikt".to_string(), "-"),
        };
        println!(
            "{:<22} {:>7} {:>7} {:>74}  {:<22} {met}",
            "demo_load",
            1,
            c.persons,
            secs,
            format!("<={DEMO_LOAD_TARGET_SECS}s")
        );
        for m in self.measured.iter().filter(|m| m.summary.errors > 0) {
            println!(
                "FOUT in {}: {} fouten; eerste: {}",
                m.name,
                m.summary.errors,
                m.summary.first_error.as_deref().unwrap_or("?")
            );
        }
        println!();
        for m in &self.measured {
            println!("{}", self.json_line(m));
        }
        let demo = DemoLine {
            scenario: "demo_load",
            n: c.persons,
            seconds: c.demo_load_secs.map(|s| round(s, 2)),
            reused: c.demo_load_secs.is_none(),
        };
        println!("{}", serde_json::to_string(&demo).unwrap_or_default());
    }

    fn print_row(&self, m: &Measured) {
        let s = &m.summary;
        let limit = self.limit_of(m.kind);
        let floor = self.floor_of(m);
        let ratio = |l: Option<f64>| {
            l.filter(|l| *l > 0.0)
                .map_or("-".into(), |l| format!("{:.2}", s.ops_per_s / l))
        };
        let ops = |l: Option<f64>| l.map_or("-".into(), |l| format!("{l:.0}"));
        let target = m.kind.target(self.context.backend);
        let met = match target {
            Some(t) if t.met(s) => "ja",
            Some(_) => "NEE",
            None if s.errors > 0 => "FOUT",
            None => "-",
        };
        println!(
            "{:<22} {:>7} {:>7} {:>6} {:>8.3} {:>8.3} {:>8.0} {:>8} {:>6} {:>8} {:>6}  {:<22} {met}",
            m.name,
            m.width,
            s.n,
            s.errors,
            s.p50_ms,
            s.p99_ms,
            s.ops_per_s,
            ops(limit),
            ratio(limit),
            ops(floor),
            ratio(floor),
            target.map_or("-".into(), |t| t.describe()),
        );
    }

    fn json_line(&self, m: &Measured) -> String {
        let s = &m.summary;
        let line = JsonLine {
            scenario: &m.name,
            n: s.n,
            p50_ms: round(s.p50_ms, 3),
            p99_ms: round(s.p99_ms, 3),
            ops_per_s: round(s.ops_per_s, 1),
            limit_ops_per_s: self.limit_of(m.kind).map(|l| round(l, 1)),
            floor_ops_per_s: self.floor_of(m).map(|l| round(l, 1)),
        };
        serde_json::to_string(&line).unwrap_or_default()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::bench::stats::Summary;

    fn measured(kind: Kind, ops_per_s: f64) -> Measured {
        let summary = Summary {
            n: 100,
            errors: 0,
            first_error: None,
            p50_ms: 0.5,
            p99_ms: 1.25,
            ops_per_s,
        };
        Measured::new(kind, 1, summary)
    }

    fn report(measured: Vec<Measured>) -> Report {
        let context = Context {
            backend: Backend::Sqlite,
            url: "sqlite://x".into(),
            persons: 10,
            demo_load_secs: None,
            gemeente: "Weert".into(),
            gemeente_persons: 10,
            regisseur: "R".into(),
            caseload: 5,
            list_gemeente_persons: 10,
            duration_secs: 1,
            cores: 2,
            load_start: "0.1".into(),
            load_end: "0.2".into(),
            traject: None,
        };
        Report { context, measured }
    }

    #[test]
    fn json_line_has_the_documented_shape_and_its_limit() {
        let r = report(vec![
            measured(Kind::Caseload, 900.0),
            measured(Kind::LimitCaseload, 1800.0),
            measured(Kind::Floor1, 3600.0),
        ]);
        assert_eq!(
            r.json_line(&r.measured[0]),
            r#"{"scenario":"caseload","n":100,"p50_ms":0.5,"p99_ms":1.25,"ops_per_s":900.0,"limit_ops_per_s":1800.0,"floor_ops_per_s":3600.0}"#
        );
        assert_eq!(
            r.json_line(&r.measured[1]),
            r#"{"scenario":"limit_caseload","n":100,"p50_ms":0.5,"p99_ms":1.25,"ops_per_s":1800.0,"limit_ops_per_s":null,"floor_ops_per_s":null}"#
        );
    }

    #[test]
    fn failed_lists_scenarios_with_errors() {
        let mut bad = measured(Kind::Search, 1.0);
        bad.summary.errors = 2;
        let r = report(vec![measured(Kind::Caseload, 1.0), bad]);
        assert_eq!(r.failed(), vec!["search".to_string()]);
    }
}
