//! The request id (`x-request-id`): always made here, never taken from the client, because it becomes
//! the `trace_id` of every audit row (Logboek Dataverwerkingen) and a client must not be able to
//! choose, reuse or collide with the trace of other processing. A client's own `X-Request-Id` is kept
//! apart as its correlation id (only when short and plain), logged in the tracing span next to ours.
//! Our id is echoed in the response.

use axum::extract::Request;
use axum::http::request::Parts;
use axum::http::{HeaderName, HeaderValue};
use axum::middleware::Next;
use axum::response::Response;

pub const HEADER: &str = "x-request-id";

/// The longest client correlation id we keep.
const CLIENT_ID_MAX: usize = 64;

/// This request's ids, as a request extension.
#[derive(Clone, Debug)]
pub struct RequestIds {
    /// Ours: a UUIDv7, the audit `trace_id`.
    pub ours: String,
    /// What the client sent as `X-Request-Id`, if it was 1-64 characters of `[A-Za-z0-9._-]`.
    pub client: Option<String>,
}

/// The client's correlation id, or `None` when absent or not plain enough to put in a log line.
pub fn client_correlation_id(value: Option<&HeaderValue>) -> Option<String> {
    let s = value?.to_str().ok()?;
    let plain = |c: char| c.is_ascii_alphanumeric() || matches!(c, '.' | '_' | '-');
    (!s.is_empty() && s.len() <= CLIENT_ID_MAX && s.chars().all(plain)).then(|| s.to_string())
}

/// Outermost middleware: assigns the ids, replaces the request's `x-request-id` header with ours (so
/// nothing further in can pick up the client's) and echoes ours in the response.
pub async fn assign(mut req: Request, next: Next) -> Response {
    let header = HeaderName::from_static(HEADER);
    let ids = RequestIds {
        ours: uuid::Uuid::now_v7().to_string(),
        client: client_correlation_id(req.headers().get(&header)),
    };
    let ours = HeaderValue::from_str(&ids.ours).ok();
    req.headers_mut().remove(&header);
    if let Some(v) = &ours {
        req.headers_mut().insert(header.clone(), v.clone());
    }
    req.extensions_mut().insert(ids);
    let mut res = next.run(req).await;
    match ours {
        Some(v) => res.headers_mut().insert(header, v),
        None => res.headers_mut().remove(header),
    };
    res
}

/// Our id of this request (the audit `trace_id`).
pub fn request_id(parts: &Parts) -> String {
    parts
        .extensions
        .get::<RequestIds>()
        .map(|ids| ids.ours.clone())
        .unwrap_or_else(|| "onbekend".into())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_short_plain_client_ids_are_kept() {
        let id = |s: &str| client_correlation_id(HeaderValue::from_str(s).ok().as_ref());
        assert_eq!(id("abc-123_x.y").as_deref(), Some("abc-123_x.y"));
        assert_eq!(id(""), None);
        assert_eq!(id("met spatie"), None);
        assert_eq!(id("a\tb"), None);
        assert_eq!(id(&"a".repeat(65)), None);
        assert!(id(&"a".repeat(64)).is_some());
        assert_eq!(client_correlation_id(None), None);
    }
}
