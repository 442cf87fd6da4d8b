#[cfg(test)]
mod probe {
    use std::time::Instant;
    use wegwijs_storage::audit::{AuditContext, Bron};
    use wegwijs_storage::audit_batcher::AuditBatcher;
    #[tokio::test(flavor = "multi_thread", worker_threads = 2)]
    #[ignore]
    async fn batcher() {
        for url in ["sqlite:///dev/shm/b20k.db", "sqlite:///tmp/b20k.db"] {
            let db = crate::commands::open(url, 16).await.expect("open");
            let batcher = AuditBatcher::start(db.clone());
            let ctx = AuditContext {
                trace_id: "probe".into(),
                gebruiker_id: None,
                organisatie_id: None,
                bron: Bron::Cli,
            };
            for rows in [1usize, 3] {
                let t = Instant::now();
                let mut set = tokio::task::JoinSet::new();
                for _ in 0..64 {
                    let b = batcher.clone();
                    let ctx = ctx.clone();
                    set.spawn(async move {
                        for _ in 0..100 {
                            let e: Vec<_> = (0..rows)
                                .map(|_| {
                                    ctx.entry(
                                        chrono::Utc::now(),
                                        wegwijs_domain::audit::AuditAction::PersonRead,
                                        None,
                                        Some(wegwijs_domain::ids::PersonId(uuid::Uuid::now_v7())),
                                        None,
                                    )
                                })
                                .collect();
                            b.record(e).await.expect("rec");
                        }
                    });
                }
                while set.join_next().await.is_some() {}
                eprintln!(
                    "{url} batcher 64 tasks, {rows} rows/op: {:.0} ops/s",
                    6400.0 / t.elapsed().as_secs_f64()
                );
            }
        }
    }
}
