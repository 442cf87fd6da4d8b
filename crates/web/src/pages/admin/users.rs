//! `/beheer/gebruikers`: the accounts of the beheerder's own organisation.

use askama::Template;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use uuid::Uuid;
use wegwijs_domain::audit::AuditAction;
use wegwijs_domain::authz::{Action, Resource, Role};
use wegwijs_domain::ids::GebruikerId;
use wegwijs_storage::{audit, users};

use crate::app::accounts::{self, NewAccount};
use crate::auth::SignedIn;
use crate::auth::session::CsrfForm;
use crate::auth::tokens::random_token;
use crate::error::AppError;
use crate::pages::error_page::PageError;
use crate::pages::layout::{Layout, Nonce};
use crate::pages::{render, render_status};
use crate::state::AppState;

pub struct UserRow {
    pub id: Uuid,
    pub naam: String,
    pub email: String,
    pub rollen: String,
    pub actief: bool,
    pub totp: bool,
    pub versie: i64,
    pub role_checks: Vec<(&'static str, &'static str, bool)>,
}

#[derive(Template)]
#[template(path = "admin_users.html")]
pub struct UsersPage {
    pub layout: Layout,
    pub organisatie: String,
    pub users: Vec<UserRow>,
    pub roles: Vec<(&'static str, &'static str)>,
    pub errors: Vec<String>,
    pub created: Option<(String, String)>,
    pub form_email: String,
    pub form_naam: String,
}

fn require(signed: &SignedIn, state: &AppState) -> Result<(), PageError> {
    signed.ctx(state).require(
        Action::UserManage,
        Resource::Organisation(signed.user.organisatie_id),
    )?;
    Ok(())
}

async fn page(state: &AppState, signed: &SignedIn, nonce: Nonce) -> Result<UsersPage, PageError> {
    let list = users::list_by_organisation(&state.db, signed.user.organisatie_id).await?;
    Ok(UsersPage {
        layout: Layout::new(signed, nonce, "Gebruikers", "/beheer/gebruikers"),
        organisatie: signed.user.organisatie_naam.clone(),
        users: list
            .into_iter()
            .map(|u| UserRow {
                id: u.id.0,
                rollen: u
                    .roles
                    .iter()
                    .map(|r| r.label())
                    .collect::<Vec<_>>()
                    .join(", "),
                role_checks: Role::ALL
                    .iter()
                    .map(|r| (r.code(), r.label(), u.roles.contains(r)))
                    .collect(),
                naam: u.naam,
                email: u.email,
                actief: u.actief,
                totp: u.totp_geheim.is_some(),
                versie: u.versie,
            })
            .collect(),
        roles: Role::ALL.iter().map(|r| (r.code(), r.label())).collect(),
        errors: vec![],
        created: None,
        form_email: String::new(),
        form_naam: String::new(),
    })
}

pub async fn list(
    State(state): State<AppState>,
    signed: SignedIn,
    nonce: Nonce,
) -> Result<Response, PageError> {
    require(&signed, &state)?;
    Ok(render(&page(&state, &signed, nonce).await?))
}

fn roles_from(pairs: &[(String, String)]) -> Vec<Role> {
    pairs
        .iter()
        .filter(|(k, _)| k == "rol")
        .filter_map(|(_, v)| Role::parse(v))
        .collect()
}

fn field(pairs: &[(String, String)], key: &str) -> String {
    pairs
        .iter()
        .find(|(k, _)| k == key)
        .map(|(_, v)| v.clone())
        .unwrap_or_default()
}

/// Creates an account with a one-time password, shown once to the beheerder to pass on.
pub async fn create(
    State(state): State<AppState>,
    nonce: Nonce,
    CsrfForm(signed, pairs): CsrfForm<Vec<(String, String)>>,
) -> Result<Response, PageError> {
    require(&signed, &state)?;
    let (email, naam) = (field(&pairs, "email"), field(&pairs, "naam"));
    let wachtwoord = format!("Ww-{}", &random_token()[..20]);
    let roles = roles_from(&pairs);
    let account = NewAccount {
        email: &email,
        naam: &naam,
        organisatie: signed.user.organisatie_id,
        roles: &roles,
        wachtwoord: &wachtwoord,
    };
    let result = accounts::create_user(&state, &account, &signed.ctx(&state).audit).await;
    let mut p = page(&state, &signed, nonce).await?;
    match result {
        Ok(_) => {
            p.created = Some((email, wachtwoord));
            Ok(render(&p))
        }
        Err(AppError::Invalid(e)) => {
            p.errors = e.0.into_iter().map(|f| f.message).collect();
            p.form_email = email;
            p.form_naam = naam;
            Ok(render_status(StatusCode::UNPROCESSABLE_ENTITY, &p))
        }
        Err(other) => Err(PageError(other)),
    }
}

/// Changes name, roles and active flag, with the version check; deactivation ends the user's sessions.
pub async fn update(
    State(state): State<AppState>,
    nonce: Nonce,
    Path(id): Path<Uuid>,
    CsrfForm(signed, pairs): CsrfForm<Vec<(String, String)>>,
) -> Result<Response, PageError> {
    require(&signed, &state)?;
    let target = users::get(&state.db, GebruikerId(id)).await?;
    if target.organisatie_id != signed.user.organisatie_id {
        return Err(PageError(AppError::NotFound));
    }
    let roles = roles_from(&pairs);
    let naam = field(&pairs, "naam");
    let actief = pairs.iter().any(|(k, _)| k == "actief");
    let versie: i64 = field(&pairs, "versie")
        .parse()
        .map_err(|_| PageError(AppError::BadRequest("Versie ontbreekt.".into())))?;
    if roles.is_empty() || naam.trim().is_empty() {
        let mut p = page(&state, &signed, nonce).await?;
        p.errors = vec!["Een account heeft een naam en minstens één rol.".into()];
        return Ok(render_status(StatusCode::UNPROCESSABLE_ENTITY, &p));
    }
    let now = state.clock.now();
    let mut tx = state.db.begin().await?;
    match users::update_profile(&mut tx, target.id, naam.trim(), actief, &roles, versie).await {
        Ok(()) => {}
        Err(wegwijs_storage::StorageError::Conflict { .. }) => {
            let mut p = page(&state, &signed, nonce).await?;
            p.errors = vec![format!(
                "{} is intussen door iemand anders gewijzigd. Bekijk de gegevens hieronder en probeer het opnieuw.",
                target.naam
            )];
            return Ok(render_status(StatusCode::CONFLICT, &p));
        }
        Err(e) => return Err(e.into()),
    }
    let detail = Some(format!(
        "account {id}: rollen {}, actief {actief}",
        roles.iter().map(|r| r.code()).collect::<Vec<_>>().join(",")
    ));
    audit::insert(
        &mut tx,
        &[signed
            .ctx(&state)
            .audit
            .entry(now, AuditAction::UserUpdated, None, None, detail)],
    )
    .await?;
    tx.commit().await?;
    Ok(Redirect::to("/beheer/gebruikers").into_response())
}
