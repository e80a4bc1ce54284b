//! Claims storage: an issued claim and its lines cannot be changed, not even by raw SQL
//! through the store's own connection; settlements stay recordable.

use werkbank_store::claims::{self, ClaimRow, IssueRow, LineRow};
use werkbank_store::{sqlx, Store, StoreError};

fn draft() -> ClaimRow {
    ClaimRow {
        work_form_id: 1,
        work_form_kind: "maatwerk".into(),
        period: "2026/1".into(),
        status: werkbank_domain::claims::ClaimStatus::Draft,
        rule_set_code: "maatwerk_2019".into(),
        rule_set_version: 1,
        rule_set_sha256: "ab".into(),
        inputs: "{}".into(),
        result: "{}".into(),
        total: "10.00".into(),
        complete: true,
        computed_at: "2026-11-29T08:00:00Z".into(),
        ..ClaimRow::default()
    }
}

fn line(amount: &str) -> LineRow {
    LineRow { stream: "S5".into(), person_id: Some(1), amount: Some(amount.into()), detail: "{}".into() }
}

fn refused(e: StoreError) {
    assert!(e.to_string().contains("claim is issued and cannot be changed"), "{e}");
}

#[tokio::test]
async fn an_issued_claim_cannot_be_changed() {
    let store = Store::open_in_memory().await.unwrap();
    let mut tx = store.begin().await.unwrap();
    let id = claims::insert_draft(&mut tx, &draft()).await.unwrap();
    claims::replace_lines(&mut tx, id, &[line("4.00"), line("6.00")]).await.unwrap();
    // A draft can be recomputed.
    let mut again = draft();
    again.id = id;
    again.total = "11.00".into();
    assert!(claims::update_draft(&mut tx, &again).await.unwrap());
    claims::replace_lines(&mut tx, id, &[line("5.00"), line("6.00")]).await.unwrap();
    let issue = IssueRow {
        issued_at: "2026-11-29T08:05:00Z".into(),
        issued_by: "director".into(),
        signer: "An Peeters".into(),
        signer_function: "directeur".into(),
        sha256: "cd".into(),
        pdf: vec![],
        pdf_sha256: None,
        document: "{\"organisation\":\"as issued\"}".into(),
        snapshot_version: 1,
    };
    assert!(claims::issue(&mut tx, id, &issue).await.unwrap());
    tx.commit().await.unwrap();

    let mut conn = store.conn().await.unwrap();
    // Through the store's functions …
    refused(claims::update_draft(&mut conn, &again).await.unwrap_err());
    refused(claims::replace_lines(&mut conn, id, &[line("1.00")]).await.unwrap_err());
    refused(claims::delete_claim(&mut conn, id).await.unwrap_err());
    assert!(!claims::issue(&mut conn, id, &issue).await.unwrap_or(false));
    // … and by raw SQL on the same connection.
    for sql in [
        "UPDATE claim SET total = '0.00' WHERE id = ?",
        "UPDATE claim SET status = 'draft' WHERE id = ?",
        "DELETE FROM claim WHERE id = ?",
        "UPDATE claim_line SET amount = '0.00' WHERE claim_id = ?",
        "DELETE FROM claim_line WHERE claim_id = ?",
        "INSERT INTO claim_line (claim_id, position, stream, amount, detail) VALUES (?, 9, 'S5', '1.00', '{}')",
    ] {
        let e = sqlx::query(sql).bind(id).execute(&mut *conn).await.unwrap_err();
        refused(StoreError::Database(e));
    }
    let c = claims::claim(&mut conn, id).await.unwrap().unwrap();
    assert_eq!((c.status.id(), c.total.as_str(), c.signer.as_deref()), ("issued", "11.00", Some("An Peeters")));
    // The document snapshot was written with the issue, and cannot be changed after it.
    let doc = claims::document(&mut conn, id).await.unwrap();
    assert_eq!(doc, Some((1, "{\"organisation\":\"as issued\"}".to_string())));
    let e =
        sqlx::query("UPDATE claim SET document = '{}' WHERE id = ?").bind(id).execute(&mut *conn).await.unwrap_err();
    refused(StoreError::Database(e));
    let amounts: Vec<_> = claims::lines(&mut conn, id).await.unwrap().into_iter().map(|l| l.amount.unwrap()).collect();
    assert_eq!(amounts, ["5.00", "6.00"]);
    let listed = claims::claims(&mut conn).await.unwrap();
    assert_eq!((listed.len(), listed[0].inputs.as_str(), listed[0].total.as_str()), (1, "", "11.00"), "list: no JSON");

    // The department's settlement amount can still be recorded and corrected.
    claims::set_settlement(&mut conn, id, "S5", "10.50", "2026-12-01T00:00:00Z", "director").await.unwrap();
    claims::set_settlement(&mut conn, id, "S5", "10.75", "2026-12-02T00:00:00Z", "director").await.unwrap();
    let s = claims::settlements(&mut conn, id).await.unwrap();
    assert_eq!((s.len(), s[0].amount.as_str()), (1, "10.75"));
}

#[tokio::test]
async fn rule_sets_keep_every_version() {
    let store = Store::open_in_memory().await.unwrap();
    let mut conn = store.conn().await.unwrap();
    let (r, added) = claims::save_rule_set(&mut conn, "x", "X", "{\"a\":1}", "h1", "t1").await.unwrap();
    assert_eq!((r.version, added), (1, true));
    let (r, added) = claims::save_rule_set(&mut conn, "x", "X", "{\"a\":1}", "h1", "t2").await.unwrap();
    assert_eq!((r.version, added), (1, false), "unchanged: no new version");
    let (r, added) = claims::save_rule_set(&mut conn, "x", "X", "{\"a\":2}", "h2", "t3").await.unwrap();
    assert_eq!((r.version, added, r.definition.as_str()), (2, true, "{\"a\":2}"));
    let n: i64 = sqlx::query_scalar("SELECT COUNT(*) FROM claim_rule_set_version").fetch_one(&mut *conn).await.unwrap();
    assert_eq!(n, 2);
    let e = sqlx::query("UPDATE claim_rule_set_version SET definition = '{}'").execute(&mut *conn).await.unwrap_err();
    assert!(e.to_string().contains("append-only"));
    // Deleting a version, or the rule set whose versions cascade, is refused as well.
    for sql in ["DELETE FROM claim_rule_set_version WHERE version = 1", "DELETE FROM claim_rule_set"] {
        let e = sqlx::query(sql).execute(&mut *conn).await.unwrap_err();
        assert!(e.to_string().contains("append-only"), "{sql}: {e}");
    }
    let n: i64 = sqlx::query_scalar("SELECT COUNT(*) FROM claim_rule_set_version").fetch_one(&mut *conn).await.unwrap();
    assert_eq!(n, 2);
}

#[tokio::test]
async fn wage_codes_take_the_net_wage_meaning() {
    let store = Store::open_in_memory().await.unwrap();
    let mut conn = store.conn().await.unwrap();
    let row = werkbank_store::payroll::WageCodeRow {
        id: None,
        code: "9000".into(),
        meaning: "net_wage".into(),
        description: None,
    };
    werkbank_store::payroll::upsert_wage_code(&mut conn, &row).await.unwrap();
    assert_eq!(werkbank_store::payroll::wage_codes(&mut conn).await.unwrap()[0].meaning, "net_wage");
}
