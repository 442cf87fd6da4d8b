//! Auth primitives: Argon2id passwords, random tokens and their stored hashes, the TOTP second factor.

pub mod password;
pub mod recovery;
pub mod secret_box;
pub mod tokens;
pub mod totp;
