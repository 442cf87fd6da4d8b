//! The trajectory scenarios (issue 7) against the real HTTP stack: the werkvoorraad page of a
//! regisseur and of a teamleider's team, the dossier's timeline page and the beschikking PDF through
//! the API. Each acts with its own session (regisseur or teamleider) from `Credentials`.

use std::sync::Arc;

use reqwest::StatusCode;
use reqwest::header::{AUTHORIZATION, CONTENT_TYPE, COOKIE};
use uuid::Uuid;

use super::access::Credentials;
use super::driver::{OpResult, Plan, measure, pick};
use super::http::{expect, read_body};
use super::stats::Summary;
use super::targets::Kind;
use super::traject_subject::TrajectSubject;

pub struct TrajectLoad {
    http: reqwest::Client,
    base: String,
    regisseur_cookie: String,
    regisseur_bearer: String,
    teamleider_cookie: String,
    persons: Vec<Uuid>,
    pips: Vec<(Uuid, Uuid)>,
}

impl TrajectLoad {
    pub fn new(
        base: &str,
        regisseur: &Credentials,
        teamleider: &Credentials,
        subject: &TrajectSubject,
    ) -> anyhow::Result<TrajectLoad> {
        let http = reqwest::Client::builder()
            .redirect(reqwest::redirect::Policy::none())
            .tcp_nodelay(true)
            .build()?;
        Ok(TrajectLoad {
            http,
            base: base.to_string(),
            regisseur_cookie: regisseur.cookie.clone(),
            regisseur_bearer: regisseur.bearer.clone(),
            teamleider_cookie: teamleider.cookie.clone(),
            persons: subject.persons.clone(),
            pips: subject.pips.clone(),
        })
    }

    async fn page(&self, path: &str, cookie: &str) -> OpResult {
        let req = self
            .http
            .get(format!("{}{path}", self.base))
            .header(COOKIE, cookie);
        expect(req, path, StatusCode::OK).await
    }

    /// The regisseur's start page: the own werkvoorraad.
    async fn werkvoorraad(self: Arc<Self>, _i: u64) -> OpResult {
        self.page("/werkvoorraad", &self.regisseur_cookie).await
    }

    /// The teamleider's whole team (in the app: every regisseur of the gemeente).
    async fn werkvoorraad_team(self: Arc<Self>, _i: u64) -> OpResult {
        self.page("/werkvoorraad?regisseur=team", &self.teamleider_cookie)
            .await
    }

    async fn tijdlijn(self: Arc<Self>, i: u64) -> OpResult {
        let id = self
            .persons
            .get(pick(i, self.persons.len()))
            .copied()
            .unwrap_or_default();
        self.page(&format!("/personen/{id}/tijdlijn"), &self.regisseur_cookie)
            .await
    }

    /// The API download; the answer must be a PDF (type and magic bytes), not an error page.
    async fn beschikking(self: Arc<Self>, i: u64) -> OpResult {
        let (person, pip) = self
            .pips
            .get(pick(i, self.pips.len()))
            .copied()
            .ok_or("geen vastgestelde PIP in de gegevens")?;
        let path = format!("/api/v1/personen/{person}/pips/{pip}/beschikking");
        let res = self
            .http
            .get(format!("{}{path}", self.base))
            .header(AUTHORIZATION, &self.regisseur_bearer)
            .send()
            .await
            .map_err(|e| format!("{path}: {e}"))?;
        let pdf_type = res
            .headers()
            .get(CONTENT_TYPE)
            .is_some_and(|v| v.as_bytes().starts_with(b"application/pdf"));
        let body = read_body(res, &path, StatusCode::OK).await?;
        if pdf_type && body.starts_with(b"%PDF") {
            Ok(())
        } else {
            Err(format!("{path}: geen PDF ({} bytes)", body.len()))
        }
    }
}

/// Measures one trajectory HTTP scenario; `None` for any other kind.
pub async fn measure_scenario(
    load: &Arc<TrajectLoad>,
    kind: Kind,
    width: usize,
    plan: Plan,
) -> Option<Summary> {
    let l = load.clone();
    Some(match kind {
        Kind::Werkvoorraad => measure(plan, width, move |_, i| l.clone().werkvoorraad(i)).await,
        Kind::WerkvoorraadTeam => {
            measure(plan, width, move |_, i| l.clone().werkvoorraad_team(i)).await
        }
        Kind::DossierTraject => measure(plan, width, move |_, i| l.clone().tijdlijn(i)).await,
        Kind::BeschikkingPdf => measure(plan, width, move |_, i| l.clone().beschikking(i)).await,
        _ => return None,
    })
}
