//! The scenarios against the real HTTP stack, driven by one shared `reqwest` client (plain http,
//! keep-alive, no redirects followed: a redirect to the sign-in page counts as a failure).

use std::sync::Arc;

use reqwest::StatusCode;
use reqwest::header::{AUTHORIZATION, COOKIE};
use serde_json::json;
use uuid::Uuid;

use super::access::{BsnRange, Credentials};
use super::driver::{OpResult, Plan, measure, pick};
use super::listing::Pages;
use super::stats::Summary;
use super::subject::Subject;
use super::targets::Kind;

/// Everything an operation needs, shared by all tasks of a scenario.
pub struct Load {
    http: reqwest::Client,
    base: String,
    cookie: String,
    bearer: String,
    ids: Vec<Uuid>,
    terms: Vec<String>,
    bsns: Arc<BsnRange>,
    pages: Arc<Pages>,
    /// Path of the fixed page of limit (b).
    floor_path: String,
}

impl Load {
    pub fn new(
        base: &str,
        creds: &Credentials,
        subject: &Subject,
        bsns: Arc<BsnRange>,
        pages: Arc<Pages>,
        floor_path: &str,
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
            pages,
            floor_path: floor_path.to_string(),
        })
    }

    fn term(&self, i: u64) -> &str {
        self.terms
            .get(pick(i, self.terms.len()))
            .map(String::as_str)
            .unwrap_or("aaa")
    }

    /// The size of a dossier page in bytes (the floor serves a page of this size).
    pub async fn dossier_size(&self) -> anyhow::Result<usize> {
        let url = format!("{}/personen/{}", self.base, self.person(0));
        let res = self
            .http
            .get(url)
            .header(COOKIE, &self.cookie)
            .send()
            .await?;
        anyhow::ensure!(
            res.status() == StatusCode::OK,
            "dossier: status {}",
            res.status()
        );
        Ok(res.bytes().await?.len())
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
        expect(req, what, status).await
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
        // Terms are plain letters or digits: no escaping needed.
        let term = self.term(i);
        self.page(&format!("/caseload?zoek={term}&regisseur=alle"))
            .await
    }

    async fn floor(self: Arc<Self>, _i: u64) -> OpResult {
        let req = self.http.get(format!("{}{}", self.base, self.floor_path));
        self.expect(req, "floor", StatusCode::OK).await
    }

    async fn api_list(&self, query: &str) -> OpResult {
        // The whole gemeente: a regisseur's API default is the own caseload (as on the caseload page).
        let path = format!("/api/v1/personen?paginaGrootte=100&regisseur=alle{query}");
        let req = self
            .http
            .get(format!("{}{path}", self.base))
            .header(AUTHORIZATION, &self.bearer);
        self.expect(req, "/api/v1/personen", StatusCode::OK).await
    }

    /// A page of the 100,000: any page from the first to the last, via its cursor.
    async fn list(self: Arc<Self>, i: u64) -> OpResult {
        let q = self.pages.query(pick(i, self.pages.len()));
        self.api_list(&q).await
    }

    async fn list_first(self: Arc<Self>, _i: u64) -> OpResult {
        self.api_list("").await
    }

    /// The last tenth of the pages.
    async fn list_deep(self: Arc<Self>, i: u64) -> OpResult {
        let n = self.pages.len();
        let tenth = (n / 10).max(1);
        let q = self.pages.query(n - tenth + pick(i, tenth));
        self.api_list(&q).await
    }

    async fn list_search(self: Arc<Self>, i: u64) -> OpResult {
        let term = self.term(i).to_string();
        self.api_list(&format!("&zoek={term}")).await
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

/// Reads the whole answer: `Ok` with the body when the status is `status` and the body is not empty.
pub async fn read_body(
    res: reqwest::Response,
    what: &str,
    status: StatusCode,
) -> Result<axum::body::Bytes, String> {
    let got = res.status();
    // Read the whole body: the page is only served when its last byte has arrived.
    let body = res
        .bytes()
        .await
        .map_err(|e| format!("{what}: antwoord onvolledig: {e}"))?;
    if got == status && !body.is_empty() {
        Ok(body)
    } else {
        let text = String::from_utf8_lossy(&body);
        Err(format!(
            "{what}: status {got}, verwacht {status}: {}",
            text.chars().take(300).collect::<String>()
        ))
    }
}

/// Sends `req`; `Ok` when the answer has status `status` and a body.
pub async fn expect(req: reqwest::RequestBuilder, what: &str, status: StatusCode) -> OpResult {
    let res = req.send().await.map_err(|e| format!("{what}: {e}"))?;
    read_body(res, what, status).await.map(|_| ())
}

/// Measures one HTTP scenario; `None` for a limit (see `limits`).
pub async fn measure_scenario(
    load: &Arc<Load>,
    kind: Kind,
    width: usize,
    plan: Plan,
) -> Option<Summary> {
    let l = load.clone();
    Some(match kind {
        Kind::Dossier1 | Kind::DossierN => {
            measure(plan, width, move |_, i| l.clone().dossier(i)).await
        }
        Kind::Caseload | Kind::CaseloadN => {
            measure(plan, width, move |_, i| l.clone().caseload(i)).await
        }
        Kind::Search => measure(plan, width, move |_, i| l.clone().search(i)).await,
        Kind::ApiGet => measure(plan, width, move |_, i| l.clone().api_get(i)).await,
        Kind::List => measure(plan, width, move |_, i| l.clone().list(i)).await,
        Kind::ListFirst => measure(plan, width, move |_, i| l.clone().list_first(i)).await,
        Kind::ListDeep => measure(plan, width, move |_, i| l.clone().list_deep(i)).await,
        Kind::ListSearch => measure(plan, width, move |_, i| l.clone().list_search(i)).await,
        Kind::CreateApi => measure(plan, width, move |_, i| l.clone().create(i)).await,
        Kind::Floor1 | Kind::FloorN | Kind::FloorCreate => {
            measure(plan, width, move |_, i| l.clone().floor(i)).await
        }
        _ => return None,
    })
}
