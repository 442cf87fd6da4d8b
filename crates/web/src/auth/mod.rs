//! Who is asking: passwords (Argon2id), random tokens, the session cookie of the pages, the bearer
//! token of the API and the TOTP second factor.

pub mod bearer;
pub mod client_addr;
pub mod password;
pub mod session;
pub mod tokens;
pub mod totp;

pub use bearer::ApiUser;
pub use session::{SignedIn, SignedInAny};
