//! docs/API.md's examples run as written: its `sh` blocks run in one bash session against the real
//! server on a TCP port (with `wegwijs` on the PATH for the API keys), and each answer must match the
//! `json` block after it (`"<...>"` stands for any value; the answer may hold more than is shown).

use std::net::SocketAddr;

use serde_json::Value;
use wegwijs_domain::authz::Role;

use crate::harness::TestApp;

const DOC: &str = include_str!("../../../../docs/API.md");
const SEPARATOR: &str = "\u{1e}--end-of-example--\u{1e}";

/// The `sh` blocks of the document, each with the `json` block right after it, if any.
fn examples(doc: &str) -> Vec<(String, Option<Value>)> {
    let mut out: Vec<(String, Option<Value>)> = vec![];
    let mut lines = doc.lines().peekable();
    let mut last_was_sh = false;
    while let Some(line) = lines.next() {
        let fence = line.trim();
        if fence == "```sh" || fence == "```json" {
            let mut body = String::new();
            for l in lines.by_ref() {
                if l.trim() == "```" {
                    break;
                }
                body.push_str(l);
                body.push('\n');
            }
            if fence == "```sh" {
                out.push((body, None));
                last_was_sh = true;
            } else if last_was_sh && let Some(last) = out.last_mut() {
                let expected = serde_json::from_str(&body).unwrap_or_else(|e| {
                    panic!("docs/API.md: JSON example does not parse ({e}):\n{body}")
                });
                last.1 = Some(expected);
                last_was_sh = false;
            }
        } else if !fence.is_empty() {
            last_was_sh = false;
        }
    }
    out
}

/// `expected` is contained in `actual`: same values, objects may hold more keys, arrays more items;
/// a string `"<...>"` matches anything.
fn matches(expected: &Value, actual: &Value) -> Result<(), String> {
    match (expected, actual) {
        (Value::String(s), _) if s.starts_with('<') && s.ends_with('>') => Ok(()),
        (Value::Object(e), Value::Object(a)) => e.iter().try_for_each(|(k, v)| {
            let got = a.get(k).ok_or_else(|| format!("missing {k}"))?;
            matches(v, got).map_err(|m| format!("{k}: {m}"))
        }),
        (Value::Array(e), Value::Array(a)) => {
            if a.len() < e.len() {
                return Err(format!("{} items, expected at least {}", a.len(), e.len()));
            }
            e.iter()
                .zip(a)
                .enumerate()
                .try_for_each(|(i, (e, a))| matches(e, a).map_err(|m| format!("[{i}]: {m}")))
        }
        (e, a) if e == a => Ok(()),
        (e, a) => Err(format!("expected {e}, got {a}")),
    }
}

#[test]
fn the_matcher_matches_what_it_should() {
    let doc: Value = serde_json::json!({"a": 1, "b": "<any>", "c": [{"d": true}]});
    assert!(
        matches(
            &doc,
            &serde_json::json!({"a": 1, "b": [3], "c": [{"d": true, "e": 0}, 2], "x": 1})
        )
        .is_ok()
    );
    assert!(
        matches(
            &doc,
            &serde_json::json!({"a": 2, "b": 1, "c": [{"d": true}]})
        )
        .is_err()
    );
    assert!(matches(&doc, &serde_json::json!({"a": 1, "c": [{"d": true}]})).is_err());
    assert!(matches(&doc, &serde_json::json!({"a": 1, "b": 1, "c": []})).is_err());
}

#[tokio::test]
async fn the_examples_in_api_md_run_as_written() {
    let app = TestApp::spawn().await;
    let weert = app.gemeente("Weert", "0988").await;
    app.user("regisseur@weert.example", weert, &[Role::Regisseur])
        .await;
    app.user("teamleider@weert.example", weert, &[Role::Teamleider])
        .await;

    let listener = tokio::net::TcpListener::bind("127.0.0.1:0")
        .await
        .expect("bind");
    let addr = listener.local_addr().expect("addr");
    let router = app.router.clone();
    tokio::spawn(async move {
        let _ = axum::serve(
            listener,
            router.into_make_service_with_connect_info::<SocketAddr>(),
        )
        .await;
    });

    let examples = examples(DOC);
    assert!(
        examples.len() >= 8 && examples.iter().filter(|e| e.1.is_some()).count() >= 7,
        "docs/API.md lost its examples"
    );
    let mut script = String::from("set -euo pipefail\n");
    for (sh, _) in &examples {
        script.push_str(&sh.replace("http://127.0.0.1:8080", &format!("http://{addr}")));
        script.push_str(&format!("\nprintf '\\n%s\\n' '{SEPARATOR}'\n"));
    }
    let bin_dir = std::path::Path::new(env!("CARGO_BIN_EXE_wegwijs"))
        .parent()
        .expect("bin dir")
        .to_path_buf();
    let path = format!(
        "{}:{}",
        bin_dir.display(),
        std::env::var("PATH").unwrap_or_default()
    );
    let db = app.database_url().to_string();
    let out = tokio::task::spawn_blocking(move || {
        std::process::Command::new("bash")
            .arg("-c")
            .arg(script)
            .env("PATH", path)
            .env("DATABASE_URL", db)
            .output()
            .expect("bash runs")
    })
    .await
    .expect("join");
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(
        out.status.success(),
        "the examples fail: {}\n{stdout}",
        String::from_utf8_lossy(&out.stderr)
    );
    let answers: Vec<&str> = stdout.split(SEPARATOR).collect();
    for (i, (sh, expected)) in examples.iter().enumerate() {
        let Some(expected) = expected else { continue };
        let answer = answers.get(i).map(|a| a.trim()).unwrap_or("");
        let actual: Value = serde_json::from_str(answer)
            .unwrap_or_else(|e| panic!("example {i} did not answer JSON ({e}):\n{sh}\n{answer}"));
        if let Err(m) = matches(expected, &actual) {
            panic!("example {i} answers differently from docs/API.md ({m}):\n{sh}\n{actual}");
        }
    }
}
