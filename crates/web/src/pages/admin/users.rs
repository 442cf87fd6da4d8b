//! `/beheer/gebruikers`: the accounts of the beheerder's own organisation.

use crate::pages::extract::{PagePath, PageQuery};
use crate::pages::melding::{Melding, redirect_to};
use askama::Template;
use axum::extract::State;
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use uuid::Uuid;
use wegwijs_domain::authz::{Action, Resource, Role};
use wegwijs_domain::ids::GebruikerId;

use crate::auth::SignedIn;
use crate::auth::session::CsrfForm;
use crate::pages::error_page::PageError;
use crate::pages::layout::{Layout, Nonce};
use crate::pages::{render, render_status};
use crate::state::AppState;
use wegwijs_app::accounts::{self, NewAccount};
use wegwijs_app::auth::tokens::one_time_password;
use wegwijs_app::error::AppError;

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
    let list = wegwijs_app::users::list_own_organisation(&signed.ctx(state)).await?;
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

#[derive(serde::Deserialize, Default)]
pub struct ListQuery {
    /// A one-time notice (the password of a new or reset account), shown once. Not `melding`: that
    /// name carries the fixed confirmations of `pages::melding`.
    pub eenmalig: Option<String>,
}

/// The content of a password notice: the e-mail address and the one-time password.
fn password_notice(email: &str, wachtwoord: &str) -> String {
    format!("wachtwoord\n{email}\n{wachtwoord}")
}

pub async fn list(
    State(state): State<AppState>,
    signed: SignedIn,
    nonce: Nonce,
    PageQuery(q): PageQuery<ListQuery>,
) -> Result<Response, PageError> {
    require(&signed, &state)?;
    let mut p = page(&state, &signed, nonce).await?;
    if let Some(id) = q.eenmalig.as_deref() {
        let notice = wegwijs_app::notices::take(&signed.ctx(&state), id).await?;
        let mut parts = notice.as_deref().unwrap_or("").splitn(3, '\n');
        match (parts.next(), parts.next(), parts.next()) {
            (Some("wachtwoord"), Some(email), Some(pw)) => {
                p.created = Some((email.to_string(), pw.to_string()));
            }
            _ => p.errors.push(
                "Het eenmalige wachtwoord is al getoond en wordt niet nog eens getoond. Stel zo nodig een nieuw wachtwoord in.".into(),
            ),
        }
    }
    Ok(render(&p))
}

/// After a password was made: a redirect to the list with a one-time notice, so that a reload or
/// the back button does not show the password again.
async fn show_password_once(
    state: &AppState,
    signed: &SignedIn,
    email: &str,
    wachtwoord: &str,
    melding: Option<Melding>,
) -> Result<Response, PageError> {
    let id =
        wegwijs_app::notices::put(&signed.ctx(state), &password_notice(email, wachtwoord)).await?;
    let to = format!("/beheer/gebruikers?eenmalig={id}");
    Ok(Redirect::to(&match melding {
        Some(m) => redirect_to(&to, m),
        None => to,
    })
    .into_response())
}

/// Which reset a confirmation page is about.
#[derive(Clone, Copy, PartialEq, Eq)]
pub enum ResetKind {
    Password,
    SecondFactor,
}

/// "Are you sure?" before a reset: one click in a long list must not end someone's sessions or lock
/// them out of their second factor. Plain HTML: the page names the account (from the database) and
/// posts the same form with `bevestigd=ja`.
#[derive(Template)]
#[template(path = "admin_confirm.html")]
pub struct ConfirmPage {
    pub layout: Layout,
    pub kind: ResetKind,
    pub naam: String,
    pub email: String,
    pub action: String,
}

async fn confirm_page(
    state: &AppState,
    signed: &SignedIn,
    nonce: Nonce,
    id: Uuid,
    kind: ResetKind,
) -> Result<Response, PageError> {
    require(signed, state)?;
    let user = wegwijs_app::users::account_to_reset(&signed.ctx(state), GebruikerId(id)).await?;
    let (title, action) = match kind {
        ResetKind::Password => (
            format!("Nieuw eenmalig wachtwoord voor {}?", user.naam),
            format!("/beheer/gebruikers/{id}/wachtwoord"),
        ),
        ResetKind::SecondFactor => (
            format!("Tweestapsverificatie van {} uitzetten?", user.naam),
            format!("/beheer/gebruikers/{id}/totp"),
        ),
    };
    Ok(render(&ConfirmPage {
        layout: Layout::new(signed, nonce, title, "/beheer/gebruikers"),
        kind,
        naam: user.naam,
        email: user.email,
        action,
    }))
}

pub async fn confirm_reset_password(
    State(state): State<AppState>,
    signed: SignedIn,
    nonce: Nonce,
    PagePath(id): PagePath<Uuid>,
) -> Result<Response, PageError> {
    confirm_page(&state, &signed, nonce, id, ResetKind::Password).await
}

pub async fn confirm_reset_totp(
    State(state): State<AppState>,
    signed: SignedIn,
    nonce: Nonce,
    PagePath(id): PagePath<Uuid>,
) -> Result<Response, PageError> {
    confirm_page(&state, &signed, nonce, id, ResetKind::SecondFactor).await
}

/// Whether the confirmation page's button sent this form; an old page's one-click form did not, and
/// goes to the confirmation page instead of resetting.
fn confirmed(pairs: &[(String, String)]) -> bool {
    pairs.iter().any(|(k, v)| k == "bevestigd" && v == "ja")
}

/// Gives another account of the own organisation a new one-time password (shown once), after the
/// confirmation page.
pub async fn reset_password(
    State(state): State<AppState>,
    PagePath(id): PagePath<Uuid>,
    CsrfForm(signed, pairs): CsrfForm<Vec<(String, String)>>,
) -> Result<Response, PageError> {
    require(&signed, &state)?;
    // Refused accounts (another organisation, one's own) are refused here too, not sent to a page.
    wegwijs_app::users::account_to_reset(&signed.ctx(&state), GebruikerId(id)).await?;
    if !confirmed(&pairs) {
        return Ok(Redirect::to(&format!("/beheer/gebruikers/{id}/wachtwoord")).into_response());
    }
    let (user, wachtwoord) =
        wegwijs_app::users::reset_password(&signed.ctx(&state), GebruikerId(id)).await?;
    show_password_once(
        &state,
        &signed,
        &user.email,
        &wachtwoord,
        Some(Melding::WachtwoordGereset),
    )
    .await
}

/// Removes the second factor of another account of the own organisation (lost phone), after the
/// confirmation page.
pub async fn reset_totp(
    State(state): State<AppState>,
    PagePath(id): PagePath<Uuid>,
    CsrfForm(signed, pairs): CsrfForm<Vec<(String, String)>>,
) -> Result<Response, PageError> {
    require(&signed, &state)?;
    // Refused accounts (another organisation, one's own) are refused here too, not sent to a page.
    wegwijs_app::users::account_to_reset(&signed.ctx(&state), GebruikerId(id)).await?;
    if !confirmed(&pairs) {
        return Ok(Redirect::to(&format!("/beheer/gebruikers/{id}/totp")).into_response());
    }
    wegwijs_app::users::reset_totp(&signed.ctx(&state), GebruikerId(id)).await?;
    Ok(Redirect::to(&redirect_to(
        "/beheer/gebruikers",
        Melding::TweedeFactorGereset,
    ))
    .into_response())
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
    let wachtwoord = one_time_password();
    let roles = roles_from(&pairs);
    let account = NewAccount {
        email: &email,
        naam: &naam,
        organisatie: signed.user.organisatie_id,
        roles: &roles,
        wachtwoord: &wachtwoord,
        one_time: true,
    };
    let result = accounts::create_user(&state.app, &account, &signed.ctx(&state).audit).await;
    match result {
        Ok(_) => show_password_once(&state, &signed, &email, &wachtwoord, None).await,
        Err(AppError::Invalid(e)) => {
            let mut p = page(&state, &signed, nonce).await?;
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
    PagePath(id): PagePath<Uuid>,
    CsrfForm(signed, pairs): CsrfForm<Vec<(String, String)>>,
) -> Result<Response, PageError> {
    require(&signed, &state)?;
    let roles = roles_from(&pairs);
    let naam = field(&pairs, "naam");
    let actief = pairs.iter().any(|(k, _)| k == "actief");
    let versie: i64 = field(&pairs, "versie")
        .parse()
        .map_err(|_| PageError(AppError::BadRequest("Versie ontbreekt.".into())))?;
    let change = wegwijs_app::users::ProfileChange {
        naam: &naam,
        actief,
        roles: &roles,
        expected_version: versie,
    };
    let errors = match wegwijs_app::users::update_profile(
        &signed.ctx(&state),
        GebruikerId(id),
        &change,
    )
    .await
    {
        Ok(()) => {
            return Ok(
                Redirect::to(&redirect_to("/beheer/gebruikers", Melding::Opgeslagen))
                    .into_response(),
            );
        }
        Err(AppError::Invalid(e)) => (
            StatusCode::UNPROCESSABLE_ENTITY,
            e.0.into_iter().map(|f| f.message).collect(),
        ),
        Err(AppError::Conflict { .. }) => (
            StatusCode::CONFLICT,
            vec![format!(
                "{} is intussen door iemand anders gewijzigd. Bekijk de gegevens hieronder en probeer het opnieuw.",
                naam.trim()
            )],
        ),
        Err(e) => return Err(e.into()),
    };
    let mut p = page(&state, &signed, nonce).await?;
    p.errors = errors.1;
    Ok(render_status(errors.0, &p))
}
