//! The scenarios against the real HTTP stack, driven by one shared `reqwest` client (plain http,
//! keep-alive, no redirects followed: a redirect to the sign-in page counts as a failure).

use std::sync::Arc;

use reqwest::StatusCode;
use reqwest::header::{AUTHORIZATION, COOKIE};
use serde_json::json;
use uuid::Uuid;

use super::access::{BsnRange, Credentials};
use super::driver::{OpResult, Plan, Widths, measure, pick};
use super::subject::Subject;
use super::targets::{Kind, Measured, Selection};

/// Everything an operation needs, shared by all tasks of a scenario.
pub struct Load {
    http: reqwest::Client,
    base: String,
    cookie: String,
    bearer: String,
    ids: Vec<Uuid>,
    terms: Vec<String>,
    bsns: Arc<BsnRange>,
}

impl Load {
    pub fn new(
        base: &str,
        creds: &Credentials,
        subject: &Subject,
        bsns: Arc<BsnRange>,
    ) -> anyhow::Result<Load> {
        let http = reqwest::Client::builder()
            .redirect(reqwest::redirect::Policy::none())
            .tcp_nodelay(true)
            .build()?;
        Ok(Load {
            http,
            base: base.to_string(),
            cookie: creds.cookie.clone(),
            bearer: creds.bearer.clone(),
            ids: subject.person_ids.clone(),
            terms: subject.search_terms.clone(),
            bsns,
        })
    }

    fn person(&self, i: u64) -> Uuid {
        self.ids
            .get(pick(i, self.ids.len()))
            .copied()
            .unwrap_or_default()
    }

    async fn expect(
        &self,
        req: reqwest::RequestBuilder,
        what: &str,
        status: StatusCode,
    ) -> OpResult {
        let res = req.send().await.map_err(|e| format!("{what}: {e}"))?;
        let got = res.status();
        // Read the whole body: the page is only served when its last byte has arrived.
        let body = res
            .bytes()
            .await
            .map_err(|e| format!("{what}: antwoord onvolledig: {e}"))?;
        if got == status && !body.is_empty() {
            Ok(())
        } else {
            let text = String::from_utf8_lossy(&body);
            Err(format!(
                "{what}: status {got}, verwacht {status}: {}",
                text.chars().take(300).collect::<String>()
            ))
        }
    }

    async fn page(&self, path: &str) -> OpResult {
        let req = self
            .http
            .get(format!("{}{path}", self.base))
            .header(COOKIE, &self.cookie);
        self.expect(req, path, StatusCode::OK).await
    }

    async fn dossier(self: Arc<Self>, i: u64) -> OpResult {
        self.page(&format!("/personen/{}", self.person(i))).await
    }

    async fn caseload(self: Arc<Self>, _i: u64) -> OpResult {
        self.page("/caseload").await
    }

    async fn search(self: Arc<Self>, i: u64) -> OpResult {
        let term = self
            .terms
            .get(pick(i, self.terms.len()))
            .map(String::as_str)
            .unwrap_or("aaa");
        // Terms are plain letters or digits: no escaping needed.
        self.page(&format!("/caseload?zoek={term}&regisseur=alle"))
            .await
    }

    async fn api_get(self: Arc<Self>, i: u64) -> OpResult {
        let path = format!("/api/v1/personen/{}", self.person(i));
        let req = self
            .http
            .get(format!("{}{path}", self.base))
            .header(AUTHORIZATION, &self.bearer);
        self.expect(req, &path, StatusCode::OK).await
    }

    async fn create(self: Arc<Self>, _i: u64) -> OpResult {
        let bsn = self
            .bsns
            .next()
            .ok_or("de BSN-reeks van de benchmark is op")?;
        let body = json!({
            "bsn": bsn,
            "voornamen": "Bench",
            "geslachtsnaam": "Meting",
            "geboortedatum": "1990-05-17",
            "geslacht": "vrouw",
            "geboorteland": "Syrië",
            "talen": "Arabisch",
            "doelgroep": "asielstatushouder",
            "regime": "wi2021",
        });
        let path = "/api/v1/personen";
        let req = self
            .http
            .post(format!("{}{path}", self.base))
            .header(AUTHORIZATION, &self.bearer)
            .json(&body);
        self.expect(req, path, StatusCode::CREATED).await
    }
}

/// Runs every scenario in turn; person creation last, so the reads see the dataset as generated.
pub async fn run_all(load: Arc<Load>, plan: Plan, w: Widths, only: &Selection) -> Vec<Measured> {
    let mut out = Vec::new();
    macro_rules! scenario {
        ($kind:expr, $width:expr, $op:ident) => {{
            if only.wants(&$kind.name($width)) {
                eprintln!("{} ...", $kind.name($width));
                let l = load.clone();
                out.push(Measured::new(
                    $kind,
                    $width,
                    measure(plan, $width, move |i| l.clone().$op(i)).await,
                ));
            }
        }};
    }
    scenario!(Kind::Dossier1, 1, dossier);
    scenario!(Kind::DossierN, w.concurrency, dossier);
    scenario!(Kind::Caseload, 1, caseload);
    scenario!(Kind::Search, 1, search);
    scenario!(Kind::ApiGet, w.concurrency, api_get);
    scenario!(Kind::CreateApi, w.create_concurrency, create);
    out
}
