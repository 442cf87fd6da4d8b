//! Accounts (gebruikers) and their roles.

use chrono::{DateTime, Utc};
use uuid::Uuid;
use wegwijs_domain::authz::{Actor, OrganisatieSoort, Role};
use wegwijs_domain::ids::{GebruikerId, OrganisatieId};

use crate::{Db, StorageError, StorageResult, Tx, on_pool, on_tx, on_tx_exec};

/// `Debug` is written by hand below: no e-mail address, name, password hash or TOTP secret in logs.
#[derive(Clone)]
pub struct User {
    pub id: GebruikerId,
    pub email: String,
    pub naam: String,
    pub organisatie_id: OrganisatieId,
    pub organisatie_naam: String,
    pub organisatie_soort: OrganisatieSoort,
    pub wachtwoord_hash: String,
    pub totp_geheim: Option<String>,
    pub actief: bool,
    pub versie: i64,
    pub roles: Vec<Role>,
    /// Signed in with a one-time password: must choose a new one before anything else.
    pub wachtwoord_wijzigen: bool,
}

impl std::fmt::Debug for User {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("User")
            .field("id", &self.id)
            .field("organisatie_id", &self.organisatie_id)
            .field("organisatie_soort", &self.organisatie_soort)
            .field("actief", &self.actief)
            .field("totp", &self.totp_geheim.is_some())
            .field("versie", &self.versie)
            .field("roles", &self.roles)
            .finish_non_exhaustive()
    }
}

impl User {
    pub fn actor(&self) -> Actor {
        Actor {
            user_id: self.id,
            organisatie_id: self.organisatie_id,
            organisatie_soort: self.organisatie_soort,
            roles: self.roles.clone(),
            system: None,
        }
    }
}

pub struct NewUser<'a> {
    pub id: GebruikerId,
    pub email: &'a str,
    pub naam: &'a str,
    pub organisatie_id: OrganisatieId,
    pub wachtwoord_hash: &'a str,
    pub roles: &'a [Role],
}

#[derive(sqlx::FromRow)]
struct Row {
    id: Uuid,
    email: String,
    naam: String,
    organisatie_id: Uuid,
    organisatie_naam: String,
    soort: String,
    wachtwoord_hash: String,
    totp_geheim: Option<String>,
    actief: bool,
    versie: i64,
    rollen: Option<String>,
    wachtwoord_wijzigen: bool,
}

impl TryFrom<Row> for User {
    type Error = StorageError;
    fn try_from(r: Row) -> StorageResult<User> {
        let soort = OrganisatieSoort::parse(&r.soort)
            .ok_or_else(|| StorageError::Corrupt(format!("soort {}", r.soort)))?;
        let mut roles = Vec::new();
        for code in r
            .rollen
            .as_deref()
            .unwrap_or("")
            .split(',')
            .filter(|c| !c.is_empty())
        {
            roles.push(
                Role::parse(code).ok_or_else(|| StorageError::Corrupt(format!("rol {code}")))?,
            );
        }
        roles.sort();
        Ok(User {
            id: GebruikerId(r.id),
            email: r.email,
            naam: r.naam,
            organisatie_id: OrganisatieId(r.organisatie_id),
            organisatie_naam: r.organisatie_naam,
            organisatie_soort: soort,
            wachtwoord_hash: r.wachtwoord_hash,
            totp_geheim: r.totp_geheim,
            actief: r.actief,
            versie: r.versie,
            roles,
            wachtwoord_wijzigen: r.wachtwoord_wijzigen,
        })
    }
}

// string_agg / group_concat differ per dialect; a correlated subquery keeps one SQL text for the rest.
macro_rules! select_user {
    ($agg:literal, $where:literal) => {
        select_user!($agg, "", $where)
    };
    ($agg:literal, $extra:literal, $where:literal) => {
        concat!(
            "SELECT g.id, g.email, g.naam, g.organisatie_id, o.naam AS organisatie_naam, o.soort, \
             g.wachtwoord_hash, g.totp_geheim, g.actief, g.versie, g.wachtwoord_wijzigen, \
             (SELECT ",
            $agg,
            " FROM gebruiker_rollen r WHERE r.gebruiker_id = g.id) AS rollen",
            $extra,
            " FROM gebruikers g JOIN organisaties o ON o.id = g.organisatie_id ",
            $where
        )
    };
}

/// Picks the SQLite or PostgreSQL spelling of a query that differs only in the aggregate function.
macro_rules! by_dialect {
    ($db:expr, $where:literal) => {
        match $db.backend() {
            crate::Backend::Sqlite => select_user!("group_concat(r.rol, ',')", $where),
            crate::Backend::Postgres => select_user!("string_agg(r.rol, ',')", $where),
        }
    };
}

pub fn normalise_email(email: &str) -> String {
    email.trim().to_lowercase()
}

pub async fn find_by_email(db: &Db, email: &str) -> StorageResult<Option<User>> {
    let email = normalise_email(email);
    let sql = by_dialect!(db, "WHERE g.email = $1");
    let row: Option<Row> = on_pool!(db, |p| sqlx::query_as(sql)
        .bind(&email)
        .fetch_optional(p)
        .await)?;
    row.map(User::try_from).transpose()
}

pub async fn get(db: &Db, id: GebruikerId) -> StorageResult<User> {
    let sql = by_dialect!(db, "WHERE g.id = $1");
    let row: Option<Row> = on_pool!(db, |p| sqlx::query_as(sql)
        .bind(id.0)
        .fetch_optional(p)
        .await)?;
    row.ok_or(StorageError::NotFound)?.try_into()
}

pub async fn list_by_organisation(db: &Db, org: OrganisatieId) -> StorageResult<Vec<User>> {
    let sql = by_dialect!(db, "WHERE g.organisatie_id = $1 ORDER BY g.naam");
    let rows: Vec<Row> = on_pool!(db, |p| sqlx::query_as(sql).bind(org.0).fetch_all(p).await)?;
    rows.into_iter().map(User::try_from).collect()
}

/// The regisseurs of a gemeente, for the caseload filter and the reassign form.
pub async fn regisseurs_of(
    db: &Db,
    gemeente: OrganisatieId,
) -> StorageResult<Vec<(GebruikerId, String)>> {
    const SQL: &str = "SELECT g.id, g.naam FROM gebruikers g JOIN gebruiker_rollen r ON r.gebruiker_id = g.id \
                       WHERE g.organisatie_id = $1 AND r.rol = 'regisseur' AND g.actief ORDER BY g.naam";
    let rows: Vec<(Uuid, String)> = on_pool!(db, |p| sqlx::query_as(SQL)
        .bind(gemeente.0)
        .fetch_all(p)
        .await)?;
    Ok(rows
        .into_iter()
        .map(|(id, n)| (GebruikerId(id), n))
        .collect())
}

pub async fn insert(tx: &mut Tx, u: &NewUser<'_>, now: DateTime<Utc>) -> StorageResult<()> {
    const SQL: &str = "INSERT INTO gebruikers (id, email, naam, organisatie_id, wachtwoord_hash, actief, versie, aangemaakt_op) \
                       VALUES ($1, $2, $3, $4, $5, TRUE, 1, $6)";
    let email = normalise_email(u.email);
    let res = on_tx_exec!(tx, |c| sqlx::query(SQL)
        .bind(u.id.0)
        .bind(&email)
        .bind(u.naam)
        .bind(u.organisatie_id.0)
        .bind(u.wachtwoord_hash)
        .bind(now)
        .execute(c)
        .await);
    match res {
        Ok(_) => {}
        Err(e) if StorageError::is_unique_violation(&e) => {
            return Err(StorageError::Duplicate {
                field: "email",
                existing: None,
            });
        }
        Err(e) => return Err(e.into()),
    }
    set_roles(tx, u.id, u.roles).await
}

pub async fn set_roles(tx: &mut Tx, id: GebruikerId, roles: &[Role]) -> StorageResult<()> {
    crate::auth_cache::forget_user(id);
    const DEL: &str = "DELETE FROM gebruiker_rollen WHERE gebruiker_id = $1";
    const INS: &str = "INSERT INTO gebruiker_rollen (gebruiker_id, rol) VALUES ($1, $2)";
    on_tx_exec!(tx, |c| sqlx::query(DEL).bind(id.0).execute(&mut *c).await)?;
    for role in roles {
        on_tx_exec!(tx, |c| sqlx::query(INS)
            .bind(id.0)
            .bind(role.code())
            .execute(c)
            .await)?;
    }
    Ok(())
}

/// Updates name, active flag and roles, refusing a stale version.
pub async fn update_profile(
    tx: &mut Tx,
    id: GebruikerId,
    naam: &str,
    actief: bool,
    roles: &[Role],
    expected: i64,
) -> StorageResult<()> {
    crate::auth_cache::forget_user(id);
    const SQL: &str = "UPDATE gebruikers SET naam = $1, actief = $2, versie = versie + 1 WHERE id = $3 AND versie = $4";
    let n = on_tx_exec!(tx, |c| sqlx::query(SQL)
        .bind(naam)
        .bind(actief)
        .bind(id.0)
        .bind(expected)
        .execute(c)
        .await)?;
    if n != 1 {
        return Err(stale(tx, id, expected).await);
    }
    set_roles(tx, id, roles).await?;
    if !actief {
        crate::sessions::delete_for_user(tx, id).await?;
    }
    Ok(())
}

async fn stale(tx: &mut Tx, id: GebruikerId, expected: i64) -> StorageError {
    const CUR: &str = "SELECT versie FROM gebruikers WHERE id = $1";
    match on_tx!(tx, |c| sqlx::query_scalar::<_, i64>(CUR)
        .bind(id.0)
        .fetch_optional(c)
        .await)
    {
        Ok(Some(current)) => StorageError::Conflict { expected, current },
        Ok(None) => StorageError::NotFound,
        Err(e) => e.into(),
    }
}

/// Sets a new password hash. `one_time` marks a password set by someone else (a beheerder's reset):
/// the user must replace it at the next sign-in.
pub async fn set_password(
    tx: &mut Tx,
    id: GebruikerId,
    hash: &str,
    one_time: bool,
) -> StorageResult<()> {
    crate::auth_cache::forget_user(id);
    const SQL: &str = "UPDATE gebruikers SET wachtwoord_hash = $1, wachtwoord_wijzigen = $2, \
                       versie = versie + 1 WHERE id = $3";
    on_tx_exec!(tx, |c| sqlx::query(SQL)
        .bind(hash)
        .bind(one_time)
        .bind(id.0)
        .execute(c)
        .await)?;
    Ok(())
}

/// Marks an account's password as one-time (an account made by a beheerder or the CLI).
pub async fn require_password_change(tx: &mut Tx, id: GebruikerId) -> StorageResult<()> {
    crate::auth_cache::forget_user(id);
    const SQL: &str = "UPDATE gebruikers SET wachtwoord_wijzigen = TRUE WHERE id = $1";
    on_tx_exec!(tx, |c| sqlx::query(SQL).bind(id.0).execute(c).await)?;
    Ok(())
}

/// Records that a TOTP code of time step `step` was used; false when that step or a later one was
/// already used (a replayed code). One statement, so two requests with the same code cannot both win.
pub async fn use_totp_step(tx: &mut Tx, id: GebruikerId, step: i64) -> StorageResult<bool> {
    const SQL: &str = "UPDATE gebruikers SET totp_laatste_stap = $1 \
                       WHERE id = $2 AND (totp_laatste_stap IS NULL OR totp_laatste_stap < $1)";
    let n = on_tx_exec!(tx, |c| sqlx::query(SQL)
        .bind(step)
        .bind(id.0)
        .execute(c)
        .await)?;
    Ok(n == 1)
}

/// Stores the (encrypted) TOTP secret, or removes it (a beheerder's reset). A new secret starts with
/// no used time step.
pub async fn set_totp(tx: &mut Tx, id: GebruikerId, secret: Option<&str>) -> StorageResult<()> {
    crate::auth_cache::forget_user(id);
    const SQL: &str = "UPDATE gebruikers SET totp_geheim = $1, totp_laatste_stap = NULL, \
                       versie = versie + 1 WHERE id = $2";
    on_tx_exec!(tx, |c| sqlx::query(SQL)
        .bind(secret)
        .bind(id.0)
        .execute(c)
        .await)?;
    Ok(())
}

/// Sets a first TOTP secret; false when the user has one already (a parallel request won), so two
/// requests can never both put in their own secret.
pub async fn set_first_totp(tx: &mut Tx, id: GebruikerId, secret: &str) -> StorageResult<bool> {
    crate::auth_cache::forget_user(id);
    const SQL: &str = "UPDATE gebruikers SET totp_geheim = $1, totp_laatste_stap = NULL, \
                       versie = versie + 1 WHERE id = $2 AND totp_geheim IS NULL";
    let n = on_tx_exec!(tx, |c| sqlx::query(SQL)
        .bind(secret)
        .bind(id.0)
        .execute(c)
        .await)?;
    Ok(n == 1)
}

#[derive(sqlx::FromRow)]
struct SessionUserRow {
    #[sqlx(flatten)]
    user: Row,
    csrf_token: String,
    tweede_factor_nodig: bool,
    verloopt_op: DateTime<Utc>,
}

/// The active user of a live session, with the session's CSRF token and second-factor state, in one
/// query (this runs on every page request).
pub async fn by_session(
    db: &Db,
    token_hash: &str,
    now: DateTime<Utc>,
) -> StorageResult<Option<(User, crate::sessions::Session)>> {
    let sql = match db.backend() {
        crate::Backend::Sqlite => select_user!(
            "group_concat(r.rol, ',')",
            ", s.csrf_token, s.tweede_factor_nodig, s.verloopt_op",
            "JOIN sessies s ON s.gebruiker_id = g.id WHERE s.token_hash = $1 AND s.verloopt_op > $2 AND g.actief"
        ),
        crate::Backend::Postgres => select_user!(
            "string_agg(r.rol, ',')",
            ", s.csrf_token, s.tweede_factor_nodig, s.verloopt_op",
            "JOIN sessies s ON s.gebruiker_id = g.id WHERE s.token_hash = $1 AND s.verloopt_op > $2 AND g.actief"
        ),
    };
    if let Some(hit) = crate::auth_cache::get(token_hash, now) {
        return Ok(Some(hit));
    }
    let started = std::time::Instant::now();
    let row: Option<SessionUserRow> = on_pool!(db, |p| sqlx::query_as(sql)
        .bind(token_hash)
        .bind(now)
        .fetch_optional(p)
        .await)?;
    let Some(r) = row else { return Ok(None) };
    let user = User::try_from(r.user)?;
    let session = crate::sessions::Session {
        gebruiker_id: user.id,
        csrf_token: r.csrf_token,
        tweede_factor_nodig: r.tweede_factor_nodig,
    };
    crate::auth_cache::put(token_hash, &user, &session, r.verloopt_op, started);
    Ok(Some((user, session)))
}

/// Replaces a stored TOTP secret by its encrypted form (migration of a plaintext secret on first use);
/// the secret itself, the used time step and the version stay the same.
pub async fn reseal_totp(tx: &mut Tx, id: GebruikerId, sealed: &str) -> StorageResult<()> {
    crate::auth_cache::forget_user(id);
    const SQL: &str = "UPDATE gebruikers SET totp_geheim = $1 WHERE id = $2";
    on_tx_exec!(tx, |c| sqlx::query(SQL)
        .bind(sealed)
        .bind(id.0)
        .execute(c)
        .await)?;
    Ok(())
}

#[cfg(test)]
mod debug_tests {
    use super::*;

    #[test]
    fn debug_shows_no_secrets_or_personal_data() {
        let user = User {
            id: GebruikerId(Uuid::nil()),
            email: "amal@weert.test".into(),
            naam: "Amal Demouri".into(),
            organisatie_id: OrganisatieId(Uuid::nil()),
            organisatie_naam: "Gemeente Weert".into(),
            organisatie_soort: OrganisatieSoort::Gemeente,
            wachtwoord_hash: "$argon2id$v=19$geheime-hash".into(),
            totp_geheim: Some("JBSWY3DPEHPK3PXP".into()),
            actief: true,
            versie: 3,
            roles: vec![Role::Regisseur],
            wachtwoord_wijzigen: false,
        };
        let shown = format!("{user:?}");
        for secret in [
            "amal@weert.test",
            "Amal",
            "argon2",
            "geheime-hash",
            "JBSWY3DPEHPK3PXP",
        ] {
            assert!(!shown.contains(secret), "{secret} in {shown}");
        }
        assert!(shown.contains("versie: 3"), "{shown}");
    }
}
