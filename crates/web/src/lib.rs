//! Web layer of Wegwijs: the HTML pages (askama, plain forms, Dutch), the JSON API under `/api/v1`
//! and the middleware around both. Handlers stay thin: they check access through the domain's
//! `authz` module through the use cases of `wegwijs-app`, and render; they never touch storage.

pub mod api;
pub mod auth;
pub mod config;
pub mod input;
pub mod middleware;
pub mod pages;
pub mod router;
pub mod state;
mod static_files;

pub use config::WebConfig;
pub use router::router;
pub use state::AppState;
