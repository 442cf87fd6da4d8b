//! The request id (`x-request-id`): set by tower-http on the way in, echoed on the way out, put in the
//! tracing span and in every audit row (the `trace_id` of the Logboek Dataverwerkingen).

use axum::http::request::Parts;

pub const HEADER: &str = "x-request-id";

pub fn request_id(parts: &Parts) -> String {
    parts
        .headers
        .get(HEADER)
        .and_then(|v| v.to_str().ok())
        .map(str::to_string)
        .unwrap_or_else(|| "onbekend".into())
}

#[derive(Clone, Default)]
pub struct MakeRequestUuidV7;

impl tower_http::request_id::MakeRequestId for MakeRequestUuidV7 {
    fn make_request_id<B>(
        &mut self,
        _: &axum::http::Request<B>,
    ) -> Option<tower_http::request_id::RequestId> {
        let id = uuid::Uuid::now_v7().to_string();
        axum::http::HeaderValue::from_str(&id)
            .ok()
            .map(tower_http::request_id::RequestId::new)
    }
}
