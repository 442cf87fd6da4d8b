//! Cross-site request refusal for the cookie-authenticated pages (defence in depth beside the per-session
//! CSRF token and SameSite=Lax): a state-changing request must come from our own origin. Browsers send
//! `Sec-Fetch-Site` (and `Origin` on POST); requests without either (curl, tests) are not cross-site.

use axum::extract::Request;
use axum::http::{Method, StatusCode, header};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};

pub async fn refuse_cross_site(req: Request, next: Next) -> Response {
    let safe = matches!(*req.method(), Method::GET | Method::HEAD | Method::OPTIONS);
    if safe || req.uri().path().starts_with("/api/") {
        return next.run(req).await;
    }
    let headers = req.headers();
    let fetch_site = headers.get("sec-fetch-site").and_then(|v| v.to_str().ok());
    let cross = match fetch_site {
        Some("same-origin") | Some("none") => false,
        Some(_) => true,
        None => match (
            headers.get(header::ORIGIN).and_then(|v| v.to_str().ok()),
            headers.get(header::HOST),
        ) {
            (Some(origin), Some(host)) => {
                let host = host.to_str().unwrap_or("");
                origin != format!("http://{host}") && origin != format!("https://{host}")
            }
            _ => false,
        },
    };
    if cross {
        return (
            StatusCode::FORBIDDEN,
            "Verzoek van een andere website geweigerd.",
        )
            .into_response();
    }
    next.run(req).await
}
