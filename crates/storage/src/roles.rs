//! PostgreSQL: two roles. The **owner** runs the migrations and owns every table; the **application
//! role** (`serve`) gets ordinary rights on every table except the verwerkingenlog, where it may only
//! INSERT and SELECT. Not being the owner, it cannot drop or disable the append-only triggers, and
//! without UPDATE, DELETE or TRUNCATE rights it cannot change or remove rows even if they were gone.
//!
//! [`grant_app_role`] runs as the owner after every migration (`wegwijs migrate --app-role`, or
//! `wegwijs serve --migrate-database-url`), so tables added by a later migration get their grants too.

use crate::{Db, StorageError, StorageResult};

/// Whether [`grant_app_role`] may create the role.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CreateRole {
    IfMissing,
    MustExist,
}

/// A role name we put into SQL text (GRANT takes no parameters): lowercase letters, digits, `_`.
pub fn valid_role_name(name: &str) -> bool {
    let mut chars = name.chars();
    matches!(chars.next(), Some(c) if c.is_ascii_lowercase() || c == '_')
        && name.len() <= 63
        && chars.all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '_')
}

/// The grants, in the schema the connection works in (`current_schema()`); `{s}` is the quoted schema,
/// `{r}` the role. Revokes come after the broad grants, so re-running them is idempotent.
const GRANTS: &[&str] = &[
    "GRANT USAGE ON SCHEMA {s} TO {r}",
    "GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA {s} TO {r}",
    "GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA {s} TO {r}",
    // Tables a later migration creates (as this owner) get ordinary rights until the grants run again.
    "ALTER DEFAULT PRIVILEGES IN SCHEMA {s} GRANT SELECT, INSERT, UPDATE, DELETE ON TABLES TO {r}",
    "ALTER DEFAULT PRIVILEGES IN SCHEMA {s} GRANT USAGE, SELECT ON SEQUENCES TO {r}",
    // The verwerkingenlog: append and read only.
    "REVOKE UPDATE, DELETE, TRUNCATE, REFERENCES, TRIGGER ON audit_log FROM {r}",
    // Chain heads: moved by every audit insert, never removed.
    "REVOKE DELETE, TRUNCATE, REFERENCES, TRIGGER ON audit_ketenkop FROM {r}",
    // The migration history is the owner's.
    "REVOKE INSERT, UPDATE, DELETE, TRUNCATE, REFERENCES, TRIGGER ON _sqlx_migrations FROM {r}",
];

/// Gives `role` the application's rights in the current schema (see the module documentation). Runs
/// as the owner; refuses to make the owner itself (or a superuser) the application role, since an owner
/// can drop the triggers.
pub async fn grant_app_role(
    db: &Db,
    role: &str,
    create: CreateRole,
    password: Option<&str>,
) -> StorageResult<()> {
    let Db::Pg(pool) = db else {
        return Err(StorageError::Config(
            "een aparte applicatierol bestaat alleen op PostgreSQL".into(),
        ));
    };
    if !valid_role_name(role) {
        return Err(StorageError::Config(format!(
            "ongeldige rolnaam '{role}': gebruik kleine letters, cijfers en _"
        )));
    }
    let mut tx = pool.begin().await?;
    let (me, schema): (String, String) =
        sqlx::query_as("SELECT current_user::TEXT, quote_ident(current_schema())")
            .fetch_one(&mut *tx)
            .await?;
    if me == role {
        return Err(StorageError::Config(format!(
            "de applicatierol '{role}' is de eigenaar die de migraties draait; kies een andere rol"
        )));
    }
    let existing: Option<(bool,)> =
        sqlx::query_as("SELECT rolsuper OR rolbypassrls FROM pg_roles WHERE rolname = $1")
            .bind(role)
            .fetch_optional(&mut *tx)
            .await?;
    match (existing, create) {
        (Some((true,)), _) => {
            return Err(StorageError::Config(format!(
                "de applicatierol '{role}' is superuser; kies een gewone rol"
            )));
        }
        (Some(_), _) => {}
        (None, CreateRole::MustExist) => {
            return Err(StorageError::Config(format!(
                "de rol '{role}' bestaat niet"
            )));
        }
        (None, CreateRole::IfMissing) => {
            let sql = format!("CREATE ROLE {role} LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE");
            sqlx::query(sqlx::AssertSqlSafe(sql))
                .execute(&mut *tx)
                .await?;
        }
    }
    if let Some(pw) = password {
        // Utility statements take no parameters: a literal with doubled quotes (standard strings).
        let sql = format!("ALTER ROLE {role} PASSWORD '{}'", pw.replace('\'', "''"));
        sqlx::query(sqlx::AssertSqlSafe(sql))
            .execute(&mut *tx)
            .await?;
    }
    for g in GRANTS {
        let sql = g.replace("{s}", &schema).replace("{r}", role);
        sqlx::query(sqlx::AssertSqlSafe(sql))
            .execute(&mut *tx)
            .await?;
    }
    tx.commit().await?;
    Ok(())
}

/// PostgreSQL: whether this connection's role owns `audit_log` (and so could drop its triggers).
/// Always false on SQLite, which has no roles.
pub async fn owns_audit_log(db: &Db) -> StorageResult<bool> {
    let Db::Pg(pool) = db else { return Ok(false) };
    const SQL: &str = "SELECT pg_has_role(current_user, relowner, 'USAGE') FROM pg_class \
                       WHERE oid = 'audit_log'::regclass";
    Ok(sqlx::query_scalar(SQL).fetch_one(pool).await?)
}

#[cfg(test)]
mod tests {
    #[test]
    fn role_names_are_plain_identifiers() {
        for ok in ["wegwijs_app", "_x", "app2"] {
            assert!(super::valid_role_name(ok), "{ok}");
        }
        for bad in ["", "2app", "App", "a-b", "a; DROP TABLE x", "a\"b"] {
            assert!(!super::valid_role_name(bad), "{bad}");
        }
    }
}
