//! Who is asking: the session cookie of the pages and the bearer token of the API (the primitives
//! behind them, passwords, tokens and TOTP, are in `wegwijs_app::auth`).

pub mod bearer;
pub mod client_addr;
pub mod session;

pub use bearer::ApiUser;
pub use session::{SignedIn, SignedInAny};
