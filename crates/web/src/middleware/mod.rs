//! Middleware, one concern per file.

pub mod api_alias;
pub mod origin_check;
pub mod request_id;
pub mod security_headers;
