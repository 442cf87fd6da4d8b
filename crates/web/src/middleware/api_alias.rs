//! An API client that sends `Authorization: Bearer <key>` to a resource path without the `/api/v1`
//! prefix (`/personen/{id}/pips`) is answered by the API, as if it had used the prefix.
//!
//! Why: the OpenAPI document lists paths relative to its `servers` URL (`/api/v1`, as the NL API
//! Design Rules want), and some clients join them to the host alone. Pages never authenticate with a
//! Bearer header (browsers send the session cookie), so a Bearer request to a page address can only
//! be an API client; sending it to the login page would only confuse it. Static files and `/health`
//! keep their own answer.

use axum::body::Body;
use axum::http::uri::PathAndQuery;
use axum::http::{HeaderMap, Request, Uri, header};

/// Rewrites a Bearer request's page address to the API's. Runs before routing.
pub fn bearer_to_api(mut req: Request<Body>) -> Request<Body> {
    if carries_bearer(req.headers())
        && let Some(uri) = api_uri(req.uri())
    {
        *req.uri_mut() = uri;
    }
    req
}

fn carries_bearer(headers: &HeaderMap) -> bool {
    headers
        .get(header::AUTHORIZATION)
        .and_then(|v| v.to_str().ok())
        .and_then(crate::auth::bearer::bearer_token)
        .is_some()
}

fn api_uri(uri: &Uri) -> Option<Uri> {
    let path = uri.path();
    let own_answer = path == "/"
        || path == "/api"
        || path.starts_with("/api/")
        || path.starts_with("/static/")
        || path == "/health";
    if own_answer {
        return None;
    }
    let target = match uri.query() {
        Some(q) => format!("/api/v1{path}?{q}"),
        None => format!("/api/v1{path}"),
    };
    let mut parts = uri.clone().into_parts();
    parts.path_and_query = Some(target.parse::<PathAndQuery>().ok()?);
    Uri::from_parts(parts).ok()
}

#[cfg(test)]
mod tests {
    use super::api_uri;

    fn to(s: &str) -> Option<String> {
        api_uri(&s.parse().expect("uri")).map(|u| u.to_string())
    }

    #[test]
    fn resource_paths_gain_the_prefix_and_keep_their_query() {
        assert_eq!(
            to("/personen/1/pips?x=1").as_deref(),
            Some("/api/v1/personen/1/pips?x=1")
        );
        assert_eq!(to("/werkvoorraad").as_deref(), Some("/api/v1/werkvoorraad"));
    }

    #[test]
    fn api_static_health_and_root_keep_their_own_answer() {
        for p in [
            "/",
            "/api",
            "/api/v1/personen",
            "/static/app.css",
            "/health",
        ] {
            assert_eq!(to(p), None, "{p}");
        }
    }
}
