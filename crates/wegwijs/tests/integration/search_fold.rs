//! Name search folds letters to plain ASCII, and the stored search keys follow the current fold.

use serde_json::Value;

use crate::harness::{TestApp, TestUser, person_json};

async fn total(app: &TestApp, user: &TestUser, zoek: &str) -> i64 {
    let res = app
        .get_api(user, &format!("/api/v1/personen?zoek={zoek}"))
        .await;
    let body: Value = res.json();
    body["totaal"].as_i64().unwrap_or(-1)
}

#[tokio::test]
async fn plain_letters_find_names_with_letters_outside_the_accent_table() {
    let app = TestApp::spawn().await;
    let r = app.region().await;
    for (voornamen, achternaam) in [
        ("Ayşe", "Yıldız"),
        ("Mehmet", "Çelik"),
        ("Jonas", "Müller"),
        ("Milica", "Ðorđević"),
    ] {
        app.person(&r.regisseur, person_json(voornamen, achternaam, None))
            .await;
    }
    assert_eq!(total(&app, &r.regisseur, "yildiz").await, 1, "dotless ı");
    assert_eq!(total(&app, &r.regisseur, "YILDIZ").await, 1);
    assert_eq!(total(&app, &r.regisseur, "Y%C4%B1ld").await, 1, "as typed");
    assert_eq!(total(&app, &r.regisseur, "celik").await, 1);
    assert_eq!(total(&app, &r.regisseur, "muller").await, 1);
    assert_eq!(total(&app, &r.regisseur, "dordevic").await, 1, "Ð and đ");
    assert_eq!(total(&app, &r.regisseur, "ayse%20yildiz").await, 1);
}

#[tokio::test]
async fn migrate_recomputes_search_keys_stored_by_an_older_fold_once() {
    let app = TestApp::spawn().await;
    let r = app.region().await;
    app.person(&r.regisseur, person_json("Ayşe", "Yıldız", None))
        .await;
    // A row as the hand-written fold of version 1 stored it: it left ı and ş alone.
    app.execute(&[
        "UPDATE personen SET zoek_achternaam = 'yıldız', zoek_voornamen = 'ayşe'",
        "UPDATE zoeksleutel_versie SET versie = 1",
    ])
    .await;
    assert_eq!(total(&app, &r.regisseur, "yildiz").await, 0, "stale key");

    app.db.migrate().await.expect("migrate");
    assert_eq!(total(&app, &r.regisseur, "yildiz").await, 1);
    assert_eq!(total(&app, &r.regisseur, "ayse").await, 1);

    let again = wegwijs_storage::search_fold::refold(&app.db)
        .await
        .expect("refold");
    assert_eq!(again, 0, "the second run finds nothing to do");
}

#[tokio::test]
async fn search_terms_with_quotes_and_unicode_are_bound_not_spliced() {
    let app = TestApp::spawn().await;
    let r = app.region().await;
    app.person(&r.regisseur, person_json("Ayşe", "Yıldız", None))
        .await;
    for zoek in [
        "x%27%20OR%20%271%27%3D%271",
        "%C4%B1%27%3B%20DROP%20TABLE%20personen%3B--",
    ] {
        assert_eq!(total(&app, &r.regisseur, zoek).await, 0, "{zoek}");
    }
    assert_eq!(total(&app, &r.regisseur, "").await, 1, "table intact");
}
