//! `load` against a real (temporary) SQLite database.

use std::path::PathBuf;

use chrono::{TimeZone, Utc};
use wegwijs_domain::authz::PersonScope;
use wegwijs_domain::trajectory::koppeling::Huishouden;
use wegwijs_storage::{Db, DbOptions};

/// A fresh SQLite file under the temp dir, removed (with its WAL files) on drop.
struct TempDb {
    path: PathBuf,
}

impl TempDb {
    fn new(name: &str) -> Self {
        let path = std::env::temp_dir().join(format!("wegwijs-{name}-{}.db", std::process::id()));
        let me = TempDb { path };
        me.remove();
        me
    }

    fn url(&self) -> String {
        format!("sqlite://{}", self.path.display())
    }

    fn remove(&self) {
        for suffix in ["", "-wal", "-shm"] {
            let _ = std::fs::remove_file(format!("{}{suffix}", self.path.display()));
        }
    }
}

impl Drop for TempDb {
    fn drop(&mut self) {
        self.remove();
    }
}

async fn open(tmp: &TempDb) -> Db {
    let db = Db::connect(&tmp.url(), &DbOptions::default())
        .await
        .expect("connect");
    db.migrate().await.expect("migrate");
    db
}

fn now() -> chrono::DateTime<Utc> {
    Utc.with_ymd_and_hms(2026, 5, 1, 9, 0, 0)
        .single()
        .expect("valid time")
}

#[tokio::test]
async fn load_fills_an_empty_database_once() {
    let tmp = TempDb::new("demo-load");
    let db = open(&tmp).await;
    assert!(super::is_empty(&db).await.expect("count"));
    let s = super::load(&db, 2_000, super::Seed::new(2021), "$argon2id$demo", now())
        .await
        .expect("load");
    assert_eq!((s.persons, s.gemeenten), (2_000, 3));
    assert_eq!(
        wegwijs_storage::persons::count_all(&db)
            .await
            .expect("count"),
        2_000
    );
    assert!(!super::is_empty(&db).await.expect("count"));
    assert!(s.households > 100);
    assert_eq!(s.accounts.len(), s.users);
    let weert = wegwijs_storage::organisations::find_by_name(&db, "Weert")
        .await
        .expect("query")
        .expect("Weert exists");
    let regisseur = wegwijs_storage::users::find_by_email(&db, "regisseur@weert.example")
        .await
        .expect("query")
        .expect("account exists");
    assert_eq!(regisseur.organisatie_id, weert.id);
    assert_eq!(regisseur.wachtwoord_hash, "$argon2id$demo");
    let regisseurs = wegwijs_storage::users::regisseurs_of(&db, weert.id)
        .await
        .expect("regisseurs");
    assert_eq!(regisseurs.len(), 10, "1200 persons / 120");
    let partner = wegwijs_storage::organisations::find_by_name(&db, "Werk.Kom")
        .await
        .expect("query");
    assert!(partner.is_some());

    // A stored person reads back exactly as generated.
    let data = super::generate::generate(2_000, 2021, super::REFERENCE_DATE);
    let first = &data.persons[0];
    let stored =
        wegwijs_storage::persons::get(&db, PersonScope::Gemeente(first.gemeente), first.id)
            .await
            .expect("stored person");
    assert_eq!(stored.details, first.details);
    assert_eq!(stored.regisseur_id, first.regisseur);

    // The COA profile, pre-intake and handover are written in the shape the koppeling page reads.
    let (mut profielen, mut voorintakes, mut overdrachten) = (0, 0, 0);
    for p in data.persons.iter().take(400) {
        let k = wegwijs_storage::koppelingen::get(&db, PersonScope::Gemeente(p.gemeente), p.id)
            .await
            .expect("koppeling reads back")
            .koppeling;
        profielen += usize::from(k.profiel.huishouden != Huishouden::Onbekend);
        voorintakes += usize::from(!k.voorintake.toetsen.is_empty());
        overdrachten += usize::from(k.overdracht.is_some());
    }
    assert!(
        profielen > 10 && voorintakes > 3 && overdrachten > 10,
        "profiles {profielen}, pre-intakes {voorintakes}, handovers {overdrachten}"
    );

    let again = super::load(&db, 10, super::Seed::new(1), "x", now()).await;
    let message = again.err().map(|e| e.to_string()).unwrap_or_default();
    assert!(message.contains("bevat al personen"), "{message}");
    db.close().await;
}

/// `cargo test --release -p wegwijs --lib demo::load_tests::timing -- --ignored --nocapture`
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
#[ignore = "timing run: 250,000 persons"]
async fn timing_250k() {
    let tmp = TempDb::new("demo-250k");
    let db = open(&tmp).await;
    let started = std::time::Instant::now();
    let generated = super::generate::generate(250_000, 2021, super::REFERENCE_DATE);
    let generation = started.elapsed();
    drop(generated);
    let s = super::load(&db, 250_000, super::Seed::DEFAULT, "$argon2id$demo", now())
        .await
        .expect("load");
    println!(
        "generate: {:.2} s; load (incl. generate): {:.2} s; {} persons, {} households, {} gemeenten, {} users",
        generation.as_secs_f64(),
        s.elapsed.as_secs_f64(),
        s.persons,
        s.households,
        s.gemeenten,
        s.users
    );
    db.close().await;
}
