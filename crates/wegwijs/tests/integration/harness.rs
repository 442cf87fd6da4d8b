//! `TestApp`: the real router on a fresh database, called in-process; and fixtures for a small region.

use std::sync::Arc;
use std::sync::atomic::{AtomicU64, Ordering};

use axum::Router;
use axum::body::Body;
use axum::http::{HeaderMap, Request, StatusCode, header};
use chrono::Duration;
use serde_json::Value;
use tower::ServiceExt;
use uuid::Uuid;
use wegwijs_app::auth::tokens;
use wegwijs_domain::authz::{OrganisatieSoort, Role};
use wegwijs_domain::ids::{GebruikerId, OrganisatieId};
use wegwijs_storage::audit::{AuditContext, Bron};
use wegwijs_storage::organisations::{self, Organisation};
use wegwijs_storage::users::{self, NewUser};
use wegwijs_storage::{Db, DbOptions, sessions};
use wegwijs_web::{AppState, WebConfig};

static COUNTER: AtomicU64 = AtomicU64::new(0);

pub const PASSWORD: &str = "Een-lang-testwachtwoord-2026";

pub struct TestApp {
    pub db: Db,
    pub state: AppState,
    pub router: Router,
    pg_cleanup: Option<(String, String)>,
    /// The database as a command-line URL (on PostgreSQL with the test's schema as search_path).
    url: String,
    _dir: Option<tempdir::TempDirGuard>,
}

mod tempdir {
    /// Removes the test's SQLite files when the test ends.
    pub struct TempDirGuard(pub std::path::PathBuf);
    impl Drop for TempDirGuard {
        fn drop(&mut self) {
            let _ = std::fs::remove_dir_all(&self.0);
        }
    }
}

pub fn test_config() -> WebConfig {
    // Cheap hashing keeps the suite fast; production uses the OWASP parameters (WebConfig::default).
    WebConfig {
        app: wegwijs_app::AppConfig {
            argon2_memory_kib: 1024,
            argon2_iterations: 1,
            secret_key: Some(wegwijs_app::auth::secret_box::SecretKey::generate()),
            ..wegwijs_app::AppConfig::default()
        },
        ..WebConfig::default()
    }
}

impl TestApp {
    pub async fn spawn() -> TestApp {
        Self::spawn_with(test_config()).await
    }

    pub async fn spawn_with(config: WebConfig) -> TestApp {
        Self::spawn_with_clock(config, Arc::new(wegwijs_app::clock::SystemClock)).await
    }

    /// The app with its clock fixed (date rules at a chosen moment).
    pub async fn spawn_with_clock(
        config: WebConfig,
        clock: Arc<dyn wegwijs_domain::clock::Clock>,
    ) -> TestApp {
        let n = COUNTER.fetch_add(1, Ordering::SeqCst);
        let (db, pg_cleanup, dir, cli_url) = match std::env::var("TEST_DATABASE_URL")
            .ok()
            .filter(|u| !u.is_empty())
        {
            Some(url) => {
                let schema = format!(
                    "wwtest_{}_{}_{n}",
                    std::process::id(),
                    Uuid::now_v7().simple()
                );
                let admin = Db::connect(
                    &url,
                    &DbOptions {
                        max_connections: 1,
                        pg_schema: None,
                    },
                )
                .await
                .unwrap_or_else(|e| {
                    panic!("TEST_DATABASE_URL is set but PostgreSQL is unreachable: {e}")
                });
                let pool = admin.pg_pool().expect("postgres url gives a postgres pool");
                sqlx::query(sqlx::AssertSqlSafe(format!("CREATE SCHEMA {schema}")))
                    .execute(pool)
                    .await
                    .expect("create schema");
                admin.close().await;
                let db = Db::connect(
                    &url,
                    &DbOptions {
                        max_connections: 8,
                        pg_schema: Some(schema.clone()),
                    },
                )
                .await
                .expect("connect to test schema");
                let cli_url = with_schema(&url, &schema);
                (db, Some((url, schema)), None, cli_url)
            }
            None => {
                let dir = std::env::temp_dir().join(format!(
                    "wegwijs-test-{}-{n}-{}",
                    std::process::id(),
                    Uuid::now_v7().simple()
                ));
                std::fs::create_dir_all(&dir).expect("temp dir");
                let url = format!("sqlite://{}", dir.join("test.db").display());
                let db = Db::connect(
                    &url,
                    &DbOptions {
                        max_connections: 4,
                        pg_schema: None,
                    },
                )
                .await
                .expect("sqlite");
                (db, None, Some(tempdir::TempDirGuard(dir)), url)
            }
        };
        db.migrate().await.expect("migrations");
        let state = AppState::new(db.clone(), clock, config);
        let router = wegwijs_web::router(state.clone());
        TestApp {
            db,
            state,
            router,
            pg_cleanup,
            url: cli_url,
            _dir: dir,
        }
    }

    /// The test database as a URL for the command line (SQLite file, or PostgreSQL with the schema).
    pub fn database_url(&self) -> &str {
        &self.url
    }

    /// PostgreSQL: the test database as `user` (same schema).
    pub fn database_url_as(&self, user: &str) -> Option<String> {
        let (url, schema) = self.pg_cleanup.as_ref()?;
        let (scheme, rest) = url.split_once("://")?;
        let host = rest.rsplit_once('@').map(|(_, h)| h).unwrap_or(rest);
        Some(with_schema(&format!("{scheme}://{user}@{host}"), schema))
    }

    pub fn is_postgres(&self) -> bool {
        self.pg_cleanup.is_some()
    }

    pub async fn send(&self, req: Request<Body>) -> TestResponse {
        let res = self
            .router
            .clone()
            .oneshot(req)
            .await
            .expect("router is infallible");
        let status = res.status();
        let headers = res.headers().clone();
        let bytes = axum::body::to_bytes(res.into_body(), 16 * 1024 * 1024)
            .await
            .expect("body");
        TestResponse {
            status,
            headers,
            body: String::from_utf8_lossy(&bytes).into_owned(),
        }
    }

    pub async fn api(
        &self,
        method: &str,
        path: &str,
        key: Option<&str>,
        body: Option<&str>,
        if_match: Option<&str>,
    ) -> TestResponse {
        let mut b = Request::builder().method(method).uri(path);
        if let Some(k) = key {
            b = b.header(header::AUTHORIZATION, format!("Bearer {k}"));
        }
        if let Some(m) = if_match {
            b = b.header(header::IF_MATCH, m);
        }
        let body = match body {
            Some(json) => {
                b = b.header(header::CONTENT_TYPE, "application/json");
                Body::from(json.to_string())
            }
            None => Body::empty(),
        };
        self.send(b.body(body).expect("request")).await
    }

    pub async fn get_api(&self, user: &TestUser, path: &str) -> TestResponse {
        self.api("GET", path, Some(&user.api_key), None, None).await
    }

    pub async fn post_api(&self, user: &TestUser, path: &str, json: &Value) -> TestResponse {
        self.api(
            "POST",
            path,
            Some(&user.api_key),
            Some(&json.to_string()),
            None,
        )
        .await
    }

    pub async fn put_api(
        &self,
        user: &TestUser,
        path: &str,
        json: &Value,
        if_match: &str,
    ) -> TestResponse {
        self.api(
            "PUT",
            path,
            Some(&user.api_key),
            Some(&json.to_string()),
            Some(if_match),
        )
        .await
    }

    pub async fn get_page(&self, user: &TestUser, path: &str) -> TestResponse {
        let req = Request::builder()
            .uri(path)
            .header(header::COOKIE, format!("wegwijs={}", user.session))
            .body(Body::empty())
            .expect("request");
        self.send(req).await
    }

    /// Posts a form as the signed-in user, with the session's CSRF token added.
    pub async fn post_form(
        &self,
        user: &TestUser,
        path: &str,
        fields: &[(&str, &str)],
    ) -> TestResponse {
        let mut all: Vec<(&str, &str)> = vec![("_csrf", user.csrf.as_str())];
        all.extend_from_slice(fields);
        self.post_form_raw(Some(user), path, &all).await
    }

    pub async fn post_form_raw(
        &self,
        user: Option<&TestUser>,
        path: &str,
        fields: &[(&str, &str)],
    ) -> TestResponse {
        let mut b = Request::builder()
            .method("POST")
            .uri(path)
            .header(header::CONTENT_TYPE, "application/x-www-form-urlencoded");
        if let Some(u) = user {
            b = b.header(header::COOKIE, format!("wegwijs={}", u.session));
        }
        let body = serde_urlencoded::to_string(fields).expect("form");
        self.send(b.body(Body::from(body)).expect("request")).await
    }

    pub async fn gemeente(&self, naam: &str, code: &str) -> OrganisatieId {
        let org = Organisation {
            id: OrganisatieId(Uuid::now_v7()),
            naam: naam.into(),
            soort: OrganisatieSoort::Gemeente,
            gemeentecode: Some(code.into()),
            versie: 1,
        };
        let mut tx = self.db.begin().await.expect("tx");
        organisations::insert(&mut tx, &org, chrono::Utc::now())
            .await
            .expect("insert org");
        tx.commit().await.expect("commit");
        org.id
    }

    /// A user with a session (cookie + CSRF token) and an API key, made directly in storage.
    pub async fn user(&self, email: &str, org: OrganisatieId, roles: &[Role]) -> TestUser {
        let hash = wegwijs_app::auth::password::hash(&self.state.config.app, PASSWORD.into())
            .await
            .expect("hash");
        let id = GebruikerId(Uuid::now_v7());
        let now = chrono::Utc::now();
        let mut tx = self.db.begin().await.expect("tx");
        users::insert(
            &mut tx,
            &NewUser {
                id,
                email,
                naam: &format!("Test {email}"),
                organisatie_id: org,
                wachtwoord_hash: &hash,
                roles,
            },
            now,
        )
        .await
        .expect("insert user");
        let session = tokens::random_token();
        let csrf = tokens::random_token();
        let new = sessions::NewSession {
            token_hash: &tokens::sha256_hex(&session),
            gebruiker_id: id,
            csrf_token: &csrf,
            tweede_factor_nodig: false,
            verloopt_op: now + Duration::hours(1),
        };
        sessions::insert(&mut tx, &new, now).await.expect("session");
        tx.commit().await.expect("commit");
        let user = users::get(&self.db, id).await.expect("user");
        let ctx = AuditContext {
            trace_id: "test".into(),
            gebruiker_id: None,
            organisatie_id: None,
            bron: Bron::Cli,
        };
        let api_key = wegwijs_app::accounts::create_api_key(&self.state.app, &user, "test", &ctx)
            .await
            .expect("api key");
        TestUser {
            id,
            email: email.into(),
            gemeente: org,
            session,
            csrf,
            api_key,
        }
    }

    /// Two gemeenten with one user per role each.
    pub async fn region(&self) -> Region {
        let weert = self.gemeente("Weert", "0988").await;
        let nederweert = self.gemeente("Nederweert", "0946").await;
        let mut r = Region {
            weert,
            nederweert,
            regisseur: self
                .user("regisseur@weert.test", weert, &[Role::Regisseur])
                .await,
            regisseur2: self
                .user("regisseur2@weert.test", weert, &[Role::Regisseur])
                .await,
            teamleider: self
                .user("teamleider@weert.test", weert, &[Role::Teamleider])
                .await,
            beleid: self.user("beleid@weert.test", weert, &[Role::Beleid]).await,
            beheerder: self
                .user("beheerder@weert.test", weert, &[Role::Beheerder])
                .await,
            privacy: self
                .user("privacy@weert.test", weert, &[Role::Privacy])
                .await,
            other_regisseur: self
                .user("regisseur@nederweert.test", nederweert, &[Role::Regisseur])
                .await,
            other_teamleider: self
                .user(
                    "teamleider@nederweert.test",
                    nederweert,
                    &[Role::Teamleider],
                )
                .await,
        };
        r.regisseur.gemeente = weert;
        r
    }

    /// Creates a person through the API as `user`; returns (id, etag).
    /// A person straight into storage (no API, no audit row), parsed as of `today`; returns its id.
    pub async fn insert_person(
        &self,
        gemeente: wegwijs_domain::ids::OrganisatieId,
        regisseur: Option<wegwijs_domain::ids::GebruikerId>,
        raw: &wegwijs_domain::person::RawPerson,
        today: chrono::NaiveDate,
    ) -> Uuid {
        let details =
            wegwijs_domain::person::PersonDetails::parse(raw, today).expect("valid person");
        let id = Uuid::now_v7();
        let mut tx = self.db.begin().await.expect("tx");
        wegwijs_storage::persons::insert(
            &mut tx,
            wegwijs_domain::ids::PersonId(id),
            gemeente,
            regisseur,
            &details,
            None,
            chrono::Utc::now(),
        )
        .await
        .expect("insert");
        tx.commit().await.expect("commit");
        id
    }

    pub async fn person(&self, user: &TestUser, body: Value) -> (String, String) {
        let res = self.post_api(user, "/api/v1/personen", &body).await;
        assert_eq!(
            res.status,
            StatusCode::CREATED,
            "create person: {}",
            res.body
        );
        let id = res.json()["id"].as_str().expect("id").to_string();
        (id, res.header("etag"))
    }

    /// Runs raw SQL statements in one committed transaction (test set-up such as failure triggers).
    pub async fn execute(&self, statements: &[&'static str]) {
        let mut tx = self.db.begin().await.expect("tx");
        for s in statements {
            match &mut tx {
                wegwijs_storage::Tx::Sqlite(t) => {
                    sqlx::query(*s).execute(&mut **t).await.map(|_| ())
                }
                wegwijs_storage::Tx::Pg(t) => sqlx::query(*s).execute(&mut **t).await.map(|_| ()),
            }
            .unwrap_or_else(|e| panic!("{s}: {e}"));
        }
        tx.commit().await.expect("commit");
    }

    pub async fn audit_count(&self, person: &str) -> i64 {
        let id: Uuid = person.parse().expect("uuid");
        wegwijs_storage::audit::count_for_person(&self.db, wegwijs_domain::ids::PersonId(id))
            .await
            .expect("count")
    }

    /// The audit rows about a person, oldest first, as (action code, user id).
    pub async fn audit_actions(&self, person: &str) -> Vec<String> {
        let id: Uuid = person.parse().expect("uuid");
        let mut rows = wegwijs_storage::audit::for_person(
            &self.db,
            wegwijs_domain::ids::PersonId(id),
            1000,
            0,
        )
        .await
        .expect("rows");
        rows.reverse();
        rows.into_iter()
            .map(|r| r.actie.code().to_string())
            .collect()
    }
}

impl Drop for TestApp {
    fn drop(&mut self) {
        if let Some((url, schema)) = self.pg_cleanup.take() {
            // Drop the test's schema from a helper thread: Drop cannot await on the test's runtime.
            let _ = std::thread::spawn(move || {
                let Ok(rt) = tokio::runtime::Builder::new_current_thread().enable_all().build() else { return };
                rt.block_on(async {
                    if let Ok(db) = Db::connect(&url, &DbOptions { max_connections: 1, pg_schema: None }).await {
                        if let Some(pool) = db.pg_pool() {
                            // A transaction the test abandoned may still hold locks on the schema: end its
                            // connections first (they belong to a runtime that is shutting down).
                            let _ = sqlx::query("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE application_name = $1")
                                .bind(&schema)
                                .execute(pool)
                                .await;
                            let _ = sqlx::query(sqlx::AssertSqlSafe(format!("DROP SCHEMA IF EXISTS {schema} CASCADE"))).execute(pool).await;
                        }
                        db.close().await;
                    }
                });
            })
            .join();
        }
    }
}

/// A PostgreSQL URL whose connections work in `schema` and carry it as application name (so the
/// harness can end them when it drops the schema).
fn with_schema(url: &str, schema: &str) -> String {
    let sep = if url.contains('?') { '&' } else { '?' };
    format!("{url}{sep}options[search_path]={schema}&application_name={schema}")
}

pub struct TestUser {
    pub id: GebruikerId,
    pub email: String,
    pub gemeente: OrganisatieId,
    pub session: String,
    pub csrf: String,
    pub api_key: String,
}

pub struct Region {
    pub weert: OrganisatieId,
    pub nederweert: OrganisatieId,
    pub regisseur: TestUser,
    pub regisseur2: TestUser,
    pub teamleider: TestUser,
    pub beleid: TestUser,
    pub beheerder: TestUser,
    pub privacy: TestUser,
    pub other_regisseur: TestUser,
    pub other_teamleider: TestUser,
}

pub struct TestResponse {
    pub status: StatusCode,
    pub headers: HeaderMap,
    pub body: String,
}

impl TestResponse {
    pub fn json(&self) -> Value {
        serde_json::from_str(&self.body).unwrap_or_else(|e| panic!("not JSON ({e}): {}", self.body))
    }
    pub fn header(&self, name: &str) -> String {
        self.headers
            .get(name)
            .and_then(|v| v.to_str().ok())
            .unwrap_or("")
            .to_string()
    }
    pub fn location(&self) -> String {
        self.header("location")
    }
}

/// A valid person body; `bsn` must pass the 11-proef.
pub fn person_json(voornamen: &str, geslachtsnaam: &str, bsn: Option<&str>) -> Value {
    serde_json::json!({
        "voornamen": voornamen,
        "geslachtsnaam": geslachtsnaam,
        "bsn": bsn,
        "geboortedatum": "1990-05-17",
        "geslacht": "vrouw",
        "doelgroep": "asielstatushouder",
        "tolkNodig": true,
        "tolkTaal": "Arabisch",
    })
}

/// The n-th BSN (counting from 990000000) that passes the 11-proef: never issued to a real person.
pub fn bsn(n: u32) -> String {
    let mut found = 0;
    let mut candidate = 990_000_000u32;
    loop {
        if wegwijs_domain::person::is_valid_bsn_digits(candidate) {
            if found == n {
                return candidate.to_string();
            }
            found += 1;
        }
        candidate += 1;
    }
}

/// The session token a response's `Set-Cookie` hands out.
pub fn cookie_token(res: &TestResponse) -> String {
    res.header("set-cookie")
        .trim_start_matches("wegwijs=")
        .split(';')
        .next()
        .unwrap_or("")
        .to_string()
}

/// A GET carrying a session cookie, for requests outside the harness's signed-in helpers.
pub fn get_with(token: &str, path: &str) -> axum::http::Request<axum::body::Body> {
    axum::http::Request::builder()
        .uri(path)
        .header(axum::http::header::COOKIE, format!("wegwijs={token}"))
        .body(axum::body::Body::empty())
        .expect("req")
}
