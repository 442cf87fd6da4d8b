//! The SQLite and PostgreSQL migrations define the same schema: the same migrations, tables, columns
//! (with their NULL-ability), primary keys and indexes. Index names are compared for the indexes the
//! migrations create by name; indexes behind a UNIQUE constraint are named by each database itself
//! (`sqlite_autoindex_*` versus `*_key`), so only their columns count. The PostgreSQL half needs
//! `TEST_DATABASE_URL`; without it the test compares the migration files only.

use std::collections::{BTreeMap, BTreeSet};

use wegwijs_storage::{Db, DbOptions};

use crate::harness::TestApp;

#[derive(Debug, Default, PartialEq, Eq)]
struct Table {
    /// Column name -> NOT NULL.
    columns: BTreeMap<String, bool>,
    primary_key: Vec<String>,
    /// (columns, unique, name of an index created by name; None for a constraint's index).
    indexes: BTreeSet<(Vec<String>, bool, Option<String>)>,
}

type Schema = BTreeMap<String, Table>;

/// Tables that belong to the tools, not to our migrations.
fn ours(table: &str) -> bool {
    !table.starts_with("sqlite_") && table != "_sqlx_migrations"
}

async fn sqlite_schema() -> Schema {
    let dir =
        std::env::temp_dir().join(format!("wegwijs-parity-{}", uuid::Uuid::now_v7().simple()));
    std::fs::create_dir_all(&dir).expect("dir");
    let url = format!("sqlite://{}", dir.join("p.db").display());
    let db = Db::connect(&url, &DbOptions::default())
        .await
        .expect("sqlite");
    db.migrate().await.expect("migrate");
    let pool = db.sqlite_writer().expect("sqlite").clone();
    let tables: Vec<String> =
        sqlx::query_scalar("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name")
            .fetch_all(&pool)
            .await
            .expect("tables");
    let mut schema = Schema::new();
    for t in tables.into_iter().filter(|t| ours(t)) {
        let mut table = Table::default();
        let cols: Vec<(String, bool, i64)> =
            sqlx::query_as("SELECT name, \"notnull\", pk FROM pragma_table_info($1) ORDER BY cid")
                .bind(&t)
                .fetch_all(&pool)
                .await
                .expect("columns");
        let mut pk: Vec<(i64, String)> = vec![];
        for (name, notnull, pk_pos) in cols {
            // A primary key column is NOT NULL on PostgreSQL by definition.
            table.columns.insert(name.clone(), notnull || pk_pos > 0);
            if pk_pos > 0 {
                pk.push((pk_pos, name));
            }
        }
        pk.sort();
        table.primary_key = pk.into_iter().map(|(_, n)| n).collect();
        let indexes: Vec<(String, bool, String)> =
            sqlx::query_as("SELECT name, \"unique\", origin FROM pragma_index_list($1)")
                .bind(&t)
                .fetch_all(&pool)
                .await
                .expect("indexes");
        for (name, unique, origin) in indexes {
            if origin == "pk" {
                continue;
            }
            let cols: Vec<String> =
                sqlx::query_scalar("SELECT name FROM pragma_index_info($1) ORDER BY seqno")
                    .bind(&name)
                    .fetch_all(&pool)
                    .await
                    .expect("index columns");
            let named = (origin == "c").then_some(name);
            table.indexes.insert((cols, unique, named));
        }
        schema.insert(t, table);
    }
    db.close().await;
    let _ = std::fs::remove_dir_all(&dir);
    schema
}

async fn pg_schema(db: &Db) -> Schema {
    let pool = db.pg_pool().expect("postgres");
    let cols: Vec<(String, String, String)> = sqlx::query_as(
        "SELECT table_name::TEXT, column_name::TEXT, is_nullable::TEXT FROM information_schema.columns \
         WHERE table_schema = current_schema() ORDER BY table_name, ordinal_position",
    )
    .fetch_all(pool)
    .await
    .expect("columns");
    let mut schema = Schema::new();
    for (t, c, nullable) in cols.into_iter().filter(|(t, ..)| ours(t)) {
        schema
            .entry(t)
            .or_default()
            .columns
            .insert(c, nullable == "NO");
    }
    let indexes: Vec<(String, String, bool, bool, bool, Vec<String>)> = sqlx::query_as(
        "SELECT t.relname::TEXT, i.relname::TEXT, ix.indisunique, ix.indisprimary, \
                EXISTS (SELECT 1 FROM pg_constraint c WHERE c.conindid = ix.indexrelid \
                        AND c.conrelid = t.oid AND c.contype IN ('p', 'u')), \
                ARRAY(SELECT a.attname::TEXT FROM unnest(ix.indkey) WITH ORDINALITY k(attnum, ord) \
                      JOIN pg_attribute a ON a.attrelid = t.oid AND a.attnum = k.attnum ORDER BY k.ord) \
         FROM pg_index ix JOIN pg_class i ON i.oid = ix.indexrelid JOIN pg_class t ON t.oid = ix.indrelid \
         JOIN pg_namespace n ON n.oid = t.relnamespace WHERE n.nspname = current_schema()",
    )
    .fetch_all(pool)
    .await
    .expect("indexes");
    for (t, name, unique, primary, constraint, cols) in indexes {
        if !ours(&t) {
            continue;
        }
        let table = schema.entry(t).or_default();
        if primary {
            table.primary_key = cols;
        } else {
            table
                .indexes
                .insert((cols, unique, (!constraint).then_some(name)));
        }
    }
    schema
}

fn migration_files(backend: &str) -> Vec<String> {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../storage/migrations")
        .join(backend);
    let mut names: Vec<String> = std::fs::read_dir(&dir)
        .unwrap_or_else(|e| panic!("{}: {e}", dir.display()))
        .map(|e| e.expect("entry").file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    names
}

#[tokio::test]
async fn storage_schema_is_the_same_on_sqlite_and_postgres() {
    assert_eq!(
        migration_files("sqlite"),
        migration_files("postgres"),
        "every migration exists for both databases, under the same name"
    );
    let sqlite = sqlite_schema().await;
    assert!(sqlite.contains_key("audit_log") && sqlite.contains_key("audit_ketenkop"));
    let app = TestApp::spawn().await;
    if !app.is_postgres() {
        eprintln!("PostgreSQL half skipped: set TEST_DATABASE_URL");
        return;
    }
    let pg = pg_schema(&app.db).await;
    let names = |s: &Schema| s.keys().cloned().collect::<Vec<_>>();
    assert_eq!(names(&sqlite), names(&pg), "tables");
    for (t, lite) in &sqlite {
        let p = &pg[t];
        assert_eq!(lite.columns, p.columns, "columns of {t} (name -> NOT NULL)");
        assert_eq!(lite.primary_key, p.primary_key, "primary key of {t}");
        assert_eq!(lite.indexes, p.indexes, "indexes of {t}");
    }
}
