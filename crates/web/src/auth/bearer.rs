//! The user of an API request, from `Authorization: Bearer <api key>`.

use axum::extract::FromRequestParts;
use axum::http::header;
use axum::http::request::Parts;
use wegwijs_domain::authz::Actor;
use wegwijs_storage::audit::{AuditContext, Bron};
use wegwijs_storage::users::User;
use wegwijs_storage::{api_keys, users};

use super::tokens::sha256_hex;
use crate::api::problem::ApiError;
use crate::app::Ctx;
use crate::error::AppError;
use crate::middleware::request_id::request_id;
use crate::state::AppState;

pub struct ApiUser {
    pub user: User,
    pub actor: Actor,
    pub request_id: String,
}

impl ApiUser {
    pub fn ctx<'a>(&'a self, state: &'a AppState) -> Ctx<'a> {
        Ctx {
            state,
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
            .and_then(|v| v.strip_prefix("Bearer "))
            .map(str::trim)
            .ok_or(ApiError(AppError::Unauthenticated))?;
        let user_id = api_keys::user_for_token(&state.db, &sha256_hex(token))
            .await
            .map_err(|e| ApiError(e.into()))?
            .ok_or(ApiError(AppError::Unauthenticated))?;
        let user = users::get(&state.db, user_id)
            .await
            .map_err(|e| ApiError(e.into()))?;
        let actor = user.actor();
        Ok(ApiUser {
            user,
            actor,
            request_id: request_id(parts),
        })
    }
}
