//! The user of an API request, from `Authorization: Bearer <api key>`.

use axum::extract::FromRequestParts;
use axum::http::header;
use axum::http::request::Parts;
use wegwijs_app::model::User;
use wegwijs_app::model::{AuditContext, Bron};
use wegwijs_domain::authz::Actor;

use crate::api::problem::ApiError;
use crate::middleware::request_id::request_id;
use crate::state::AppState;
use wegwijs_app::Ctx;
use wegwijs_app::error::AppError;

/// The token of an `Authorization: Bearer <token>` value; the scheme name is case-insensitive
/// (RFC 9110 section 11.1).
pub fn bearer_token(value: &str) -> Option<&str> {
    let (scheme, token) = value.split_once(' ')?;
    scheme
        .eq_ignore_ascii_case("bearer")
        .then(|| token.trim())
        .filter(|t| !t.is_empty())
}

pub struct ApiUser {
    pub user: User,
    pub actor: Actor,
    pub request_id: String,
}

impl ApiUser {
    pub fn ctx<'a>(&'a self, state: &'a AppState) -> Ctx<'a> {
        Ctx {
            app: &state.app,
            actor: &self.actor,
            audit: AuditContext {
                trace_id: self.request_id.clone(),
                gebruiker_id: Some(self.user.id),
                organisatie_id: Some(self.user.organisatie_id),
                bron: Bron::Api,
            },
        }
    }
}

impl FromRequestParts<AppState> for ApiUser {
    type Rejection = ApiError;
    async fn from_request_parts(parts: &mut Parts, state: &AppState) -> Result<Self, ApiError> {
        let token = parts
            .headers
            .get(header::AUTHORIZATION)
            .and_then(|v| v.to_str().ok())
            .and_then(bearer_token)
            .ok_or(ApiError(AppError::Unauthenticated))?;
        let user = wegwijs_app::signed_in::by_api_key(&state.app, token)
            .await
            .map_err(ApiError)?
            .ok_or(ApiError(AppError::Unauthenticated))?;
        let actor = user.actor();
        Ok(ApiUser {
            user,
            actor,
            request_id: request_id(parts),
        })
    }
}

#[cfg(test)]
mod tests {
    use super::bearer_token;

    #[test]
    fn the_scheme_is_case_insensitive_and_the_token_required() {
        assert_eq!(bearer_token("Bearer abc"), Some("abc"));
        assert_eq!(bearer_token("bearer abc "), Some("abc"));
        assert_eq!(bearer_token("BEARER abc"), Some("abc"));
        assert_eq!(bearer_token("Bearer "), None);
        assert_eq!(bearer_token("Basic abc"), None);
        assert_eq!(bearer_token("Bearerabc"), None);
    }
}
